// Assembly policies (README, "Input policies"), one format-independent place: every expected value
// here is worked out by hand from the tiny inputs in the test.
#include "graphs/assemble.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace clusterlens {
namespace {

/// Builds a RawTable from a header and rows of cells; row r is "line" r + 2.
RawTable table(const std::string& path, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows) {
    RawTable t;
    t.path = path;
    std::vector<std::size_t> cols;
    for (const auto& h : header) cols.push_back(t.column(h));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto row = t.add_row(static_cast<std::uint32_t>(r + 2));
        std::uint32_t pos = 1;
        for (std::size_t c = 0; c < header.size(); ++c) {
            t.set(cols[c], row, rows[r][c], pos);
            pos += static_cast<std::uint32_t>(rows[r][c].size() + 1);
        }
    }
    return t;
}

RawNetwork raw(RawTable actors, RawTable ties) {
    RawNetwork r;
    r.format = "test";
    r.actors_authoritative = actors.column_count() > 0;
    r.actors = std::move(actors);
    r.ties = std::move(ties);
    return r;
}

std::string first_error(const RawNetwork& r, const Mapping& m = {}, AssembleOptions o = {}) {
    try {
        assemble(r, m, o);
    } catch (const InputErrors& e) {
        return e.errors().front().what();
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

const RawTable kActors = table("n.csv", {"Id", "Label", "part", "type"},
                               {{"a", "Alpha", "core", "firm"},
                                {"b", "", "assisting", "University"},
                                {"c", "Gamma", "external", "firm"}});

TEST(Assemble, ActorsAndDerivedLocality) {
    const auto net =
        assemble(raw(kActors, table("e.csv", {"Source", "Target"}, {{"a", "b"}})), {}, {});
    ASSERT_EQ(net.actor_count(), 3u);
    EXPECT_EQ(net.actor(1).label, "b");                  // empty label -> id
    EXPECT_EQ(net.actor(1).type, "university");          // case-insensitive type
    EXPECT_EQ(net.actor(0).locality, Locality::local);   // core -> local
    EXPECT_EQ(net.actor(1).locality, Locality::local);   // assisting -> local
    EXPECT_EQ(net.actor(2).locality, Locality::global);  // external -> global
    EXPECT_FALSE(net.directed());
    EXPECT_EQ(net.tie_count(), 1u);
    EXPECT_DOUBLE_EQ(net.weight(0), 1.0);  // no weight column -> 1
}

TEST(Assemble, PartDerivedFromLocalityAndType) {
    Mapping m;
    m.locality_rule = LocalityRule{"country", {"EE"}, {}};
    const auto actors = table(
        "n.csv", {"Id", "type", "country"},
        {{"f", "firm", "EE"}, {"u", "university", "EE"}, {"x", "firm", "FI"}, {"y", "", "EE"}});
    const auto net = assemble(raw(actors, table("e.csv", {"Source", "Target"}, {})), m, {});
    EXPECT_EQ(net.actor(0).part, Part::core);         // local firm
    EXPECT_EQ(net.actor(1).part, Part::assisting);    // local institute
    EXPECT_EQ(net.actor(2).part, Part::external);     // global
    EXPECT_EQ(net.actor(3).part, Part::unspecified);  // local, type unknown: no guess
    EXPECT_EQ(net.actor(3).locality, Locality::local);
}

TEST(Assemble, ExplicitLocalityOverridesPart) {
    const auto actors = table("n.csv", {"Id", "part", "locality"}, {{"c", "external", "local"}});
    const auto net = assemble(raw(actors, table("e.csv", {"Source", "Target"}, {})), {}, {});
    EXPECT_EQ(net.actor(0).part, Part::external);
    EXPECT_EQ(net.actor(0).locality, Locality::local);  // a local customer, say
}

TEST(Assemble, SelfLoopsDroppedAndReported) {
    const auto net = assemble(
        raw(kActors, table("e.csv", {"Source", "Target"}, {{"a", "a"}, {"a", "b"}, {"c", "c"}})),
        {}, {});
    EXPECT_EQ(net.tie_count(), 1u);
    EXPECT_EQ(net.report().self_loops_dropped, 2u);
    ASSERT_EQ(net.report().warnings.size(), 1u);
    EXPECT_EQ(net.report().warnings[0].format(),
              "e.csv:2:1: warning: 2 self-loops dropped (first here); clusterlens ignores ties "
              "from an actor to itself");
}

TEST(Assemble, ParallelTiesSummedPerRelationEitherOrderWhenUndirected) {
    // a-b (2) + b-a (3) in "k" -> one tie 5; a-b (1) in "b" stays separate.
    const auto ties = table("e.csv", {"Source", "Target", "Weight", "relation"},
                            {{"a", "b", "2", "k"}, {"b", "a", "3", "k"}, {"a", "b", "1", "b"}});
    const auto net = assemble(raw(kActors, ties), {}, {});
    ASSERT_EQ(net.tie_count(), 2u);
    EXPECT_DOUBLE_EQ(net.weight(0), 5.0);
    EXPECT_DOUBLE_EQ(net.weight(1), 1.0);
    EXPECT_EQ(net.relations()[net.relation(0)], "k");
    EXPECT_EQ(net.relations()[net.relation(1)], "b");
    EXPECT_EQ(net.report().parallel_ties_merged, 1u);
}

TEST(Assemble, DirectedArcsInBothDirectionsAreNotParallel) {
    const auto ties = table("e.csv", {"Source", "Target", "Type"},
                            {{"a", "b", "Directed"}, {"b", "a", "Directed"}});
    const auto net = assemble(raw(kActors, ties), {}, {});
    EXPECT_TRUE(net.directed());
    EXPECT_EQ(net.tie_count(), 2u);
    EXPECT_EQ(net.report().parallel_ties_merged, 0u);
}

TEST(Assemble, MixedDirectionUndirectedTieBecomesTwoArcs) {
    const auto ties = table("e.csv", {"Source", "Target", "Type"},
                            {{"a", "b", "Directed"}, {"b", "c", "Undirected"}});
    const auto net = assemble(raw(kActors, ties), {}, {});
    EXPECT_TRUE(net.directed());
    ASSERT_EQ(net.tie_count(), 3u);  // a->b, b->c, c->b
    EXPECT_EQ(net.report().mixed_undirected_ties, 1u);
}

TEST(Assemble, KnowledgeFlowReversesArcs) {
    Mapping m;
    m.directed = true;
    m.reverse_arcs = true;  // "a asks b": knowledge flows b -> a
    const auto net =
        assemble(raw(kActors, table("e.csv", {"Source", "Target"}, {{"a", "b"}})), m, {});
    EXPECT_EQ(net.actor(net.source(0)).id, "b");
    EXPECT_EQ(net.actor(net.target(0)).id, "a");
    EXPECT_TRUE(net.report().arcs_reversed);
}

TEST(Assemble, ExtraColumnsAreTyped) {
    const auto actors =
        table("n.csv", {"Id", "size", "city"}, {{"a", "10", "Tartu"}, {"b", "", "Tallinn"}});
    const auto ties = table("e.csv", {"Source", "Target", "since"}, {{"a", "b", "2015"}});
    const auto net = assemble(raw(actors, ties), {}, {});
    const auto* size = net.actor_attributes().find("size");
    ASSERT_NE(size, nullptr);
    EXPECT_EQ(size->kind, AttributeColumn::Kind::number);
    EXPECT_DOUBLE_EQ(size->numbers[0], 10.0);
    EXPECT_TRUE(std::isnan(size->numbers[1]));
    EXPECT_EQ(net.actor_attributes().find("city")->texts[1], "Tallinn");
    EXPECT_DOUBLE_EQ(net.tie_attributes().find("since")->numbers[0], 2015.0);
}

TEST(Assemble, UnknownActorIsAnErrorUnlessCreated) {
    const auto ties = table("e.csv", {"Source", "Target"}, {{"a", "zz"}});
    EXPECT_EQ(first_error(raw(kActors, ties)),
              "e.csv:2:3: error: tie refers to unknown actor 'zz', which is not in n.csv; add the "
              "actor or pass --create-missing");
    AssembleOptions o;
    o.create_missing_actors = true;
    const auto net = assemble(raw(kActors, ties), {}, o);
    EXPECT_EQ(net.actor_count(), 4u);
    EXPECT_EQ(net.report().actors_created, 1u);
}

TEST(Assemble, EdgeListWithoutActorTableCreatesActors) {
    RawNetwork r;
    r.ties = table("e.txt", {"Source", "Target"}, {{"x", "y"}, {"y", "z"}});
    const auto net = assemble(r, {}, {});
    EXPECT_EQ(net.actor_count(), 3u);
    EXPECT_EQ(net.report().actors_created, 0u);
}

TEST(Assemble, WeightErrors) {
    auto err = [&](const std::string& w) {
        return first_error(
            raw(kActors, table("e.csv", {"Source", "Target", "Weight"}, {{"a", "b", w}})));
    };
    EXPECT_EQ(err("0"),
              "e.csv:2:5: error: weight must be a positive number (tie strength), got "
              "'0'; remove the tie or give it a strength > 0");
    EXPECT_EQ(err("-1.5"),
              "e.csv:2:5: error: weight must be a positive number (tie strength), got "
              "'-1.5'; remove the tie or give it a strength > 0, or, if the network is signed, "
              "pass --negative drop to leave negative ties out, or --negative split to read "
              "them as a relation of their own ('negative', or '<relation>_negative') with "
              "positive strengths");
    EXPECT_EQ(err("nan"),
              "e.csv:2:5: error: weight must be a positive number (tie strength), got "
              "'nan'; remove the tie or give it a strength > 0");
    EXPECT_EQ(err("high"),
              "e.csv:2:5: error: weight 'high' is not a number; use a positive number "
              "such as 1 or 2.5");
}

TEST(Assemble, AllErrorsAreCollectedUpToTheLimit) {
    const auto ties = table("e.csv", {"Source", "Target", "Weight"},
                            {{"a", "b", "0"}, {"a", "c", "x"}, {"b", "c", "-1"}});
    try {
        assemble(raw(kActors, ties), {}, {});
        FAIL();
    } catch (const InputErrors& e) {
        EXPECT_EQ(e.errors().size(), 3u);
        EXPECT_FALSE(e.truncated());
    }
    AssembleOptions o;
    o.max_errors = 2;
    try {
        assemble(raw(kActors, ties), {}, o);
        FAIL();
    } catch (const InputErrors& e) {
        EXPECT_EQ(e.errors().size(), 2u);
        EXPECT_TRUE(e.truncated());
    }
}

TEST(Assemble, DuplicateIdsAndUnknownValues) {
    EXPECT_EQ(
        first_error(
            raw(table("n.csv", {"Id"}, {{"a"}, {"a"}}), table("e.csv", {"Source", "Target"}, {}))),
        "n.csv:3:1: error: duplicate actor id 'a' (first at line 2); actor ids must be unique");
    EXPECT_EQ(
        first_error(raw(table("n.csv", {"Id", "part"}, {{"a", "middle"}}),
                        table("e.csv", {"Source", "Target"}, {}))),
        "n.csv:2:3: error: unknown part 'middle'; accepted: core, assisting, external (or map "
        "it in a mapping file: [actors.part_values])");
}

TEST(Assemble, MappingValueMapsAndColumns) {
    Mapping m;
    m.actor_id = "pic";
    m.type = "activity_type";
    m.type_values = {{"PRC", "firm"}, {"HES", "university"}};
    m.source = "from";
    m.target = "to";
    m.weight = "shared";
    const auto actors = table("n.csv", {"pic", "activity_type"}, {{"1", "PRC"}, {"2", "hes"}});
    const auto ties = table("e.csv", {"from", "to", "shared"}, {{"1", "2", "4"}});
    const auto net = assemble(raw(actors, ties), m, {});
    EXPECT_EQ(net.actor(0).type, "firm");
    EXPECT_EQ(net.actor(1).type,
              "university");  // value maps match case-insensitively as a fallback
    EXPECT_DOUBLE_EQ(net.weight(0), 4.0);
    EXPECT_EQ(net.find_actor("2"), std::optional<std::size_t>(1));
}

TEST(Assemble, EmptyInputIsAnError) {
    RawNetwork r;
    r.sources = {"empty.txt"};
    EXPECT_EQ(first_error(r), "empty.txt: error: no actors and no ties: the input is empty");
}

}  // namespace
}  // namespace clusterlens

namespace clusterlens {
namespace {

TEST(Network, SelectRelationKeepsActorsAndThatRelationsTies) {
    std::vector<Actor> actors(3);
    actors[0].id = "a", actors[1].id = "b", actors[2].id = "c";
    auto net = Network::build(actors, false, {0, 1, 1, 2, 0, 1}, {1, 2, 3}, {"k", "b"}, {0, 0, 1});
    net.tie_attributes().set_texts("note", {"x", "y", "z"});
    const auto k = net.select_relation(0);
    EXPECT_EQ(k.actor_count(), 3u);
    ASSERT_EQ(k.tie_count(), 2u);
    EXPECT_EQ(k.relations(), std::vector<std::string>{"k"});
    EXPECT_EQ(k.tie_attributes().find("note")->texts, (std::vector<std::string>{"x", "y"}));
    const auto b = net.select_relation(1);
    ASSERT_EQ(b.tie_count(), 1u);
    EXPECT_DOUBLE_EQ(b.weight(0), 3.0);
    EXPECT_EQ(b.tie_attributes().find("note")->texts[0], "z");
}

}  // namespace
}  // namespace clusterlens
