// Round trips: write a network in each format, read it back, get the same network (as far as the
// format can hold it: Pajek, DL and edge lists keep structure, weights and relations only).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "graphs/load.hpp"
#include "graphs/write.hpp"
#include "test_files.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {
using testing::TempDir;

Network sample(bool directed, bool two_relations, bool quote_in_id = true) {
    std::vector<Actor> actors(5);
    const char* ids[] = {"f1", "f2", "uni", "ext 1", quote_in_id ? "q\"x" : "q x"};
    for (std::size_t i = 0; i < 5; ++i) {
        actors[i].id = ids[i];
        actors[i].label = std::string("Label ") + ids[i];
    }
    actors[0].part = Part::core, actors[0].type = "firm", actors[0].focal = true,
    actors[0].stage = "2";
    actors[1].part = Part::core, actors[1].type = "firm", actors[1].stage = "3";
    actors[2].part = Part::assisting, actors[2].type = "university", actors[2].group = "g1";
    actors[3].part = Part::external, actors[3].type = "customer";
    for (auto& a : actors)
        if (a.part != Part::unspecified)
            a.locality = a.part == Part::external ? Locality::global : Locality::local;
    const std::vector<std::int64_t> ends = {0, 1, 1, 2, 2, 3, 0, 3, 3, 4, 0, 1};
    std::vector<std::uint32_t> rel = {0, 0, 0, 0, 0, two_relations ? 1u : 0u};
    std::vector<double> w = {1, 2.5, 3, 0.25, 7, 4};
    std::vector<std::int64_t> e = ends;
    if (!two_relations) {  // drop the last (it would be parallel)
        e.resize(10);
        rel.resize(5);
        w.resize(5);
    }
    auto net = Network::build(actors, directed, e, w,
                              two_relations ? std::vector<std::string>{"knowledge", "business"}
                                            : std::vector<std::string>{"knowledge"},
                              rel);
    net.actor_attributes().set_numbers("employees", {10, 250, std::nan(""), 40, 1.5});
    net.actor_attributes().set_texts("city", {"Tartu", "Tallinn, EE", "", "Oslo", "x"});
    net.tie_attributes().set_numbers("since", std::vector<double>(w.size(), 2015));
    return net;
}

/// (source key, target key, relation, weight) per tie, ends ordered for undirected networks.
using TieKey = std::tuple<std::string, std::string, std::string, double>;
std::multiset<TieKey> ties_of(const Network& n, bool by_label, bool relation_names = true) {
    std::multiset<TieKey> out;
    for (std::size_t e = 0; e < n.tie_count(); ++e) {
        auto key = [&](std::size_t a) { return by_label ? n.actor(a).label : n.actor(a).id; };
        auto s = key(n.source(e)), t = key(n.target(e));
        if (!n.directed() && t < s) std::swap(s, t);
        out.emplace(s, t, relation_names ? n.relations()[n.relation(e)] : "", n.weight(e));
    }
    return out;
}

std::string ext_of(OutputFormat f) {
    switch (f) {
        case OutputFormat::graphml:
            return ".graphml";
        case OutputFormat::gml:
            return ".gml";
        case OutputFormat::pajek:
            return ".net";
        case OutputFormat::dl:
            return ".dl";
        case OutputFormat::vna:
            return ".vna";
        case OutputFormat::edgelist:
            return ".txt";
        case OutputFormat::csv_pair:
            return "";
        case OutputFormat::json:
            return ".json";
        case OutputFormat::gexf:
            return ".gexf";
    }
    return "";
}

struct Case {
    OutputFormat format;
    bool keeps_attributes;  // actor model fields and extra attributes
    bool keeps_direction;
};

class RoundTrip : public ::testing::TestWithParam<std::tuple<Case, bool, bool>> {};

TEST_P(RoundTrip, SameNetworkBack) {
    const auto [c, directed, two_relations] = GetParam();
    TempDir dir;
    // Pajek, DL, VNA and edge lists cannot hold a quote inside a value (see QuotesAreRefused).
    const bool quotes_ok = c.format == OutputFormat::graphml || c.format == OutputFormat::gml ||
                           c.format == OutputFormat::csv_pair || c.format == OutputFormat::gexf;
    const auto original = sample(directed, two_relations, quotes_ok);
    const auto path = dir.path("net" + ext_of(c.format));
    write_network(original, path, {});
    LoadOptions o;
    if (!c.keeps_direction) o.mapping.directed = directed;
    const auto back = load_network({path}, o);

    // Pajek keeps ids as vertex labels; GML and the others keep ids.
    const bool by_label = c.format == OutputFormat::pajek;
    std::set<std::string> ids_a, ids_b;
    for (const auto& a : original.actors()) ids_a.insert(a.id);
    for (const auto& a : back.actors()) ids_b.insert(by_label ? a.label : a.id);
    EXPECT_EQ(ids_a, ids_b);
    EXPECT_EQ(back.directed(), directed);
    // DL edgelist1 and plain edge lists have no place for the name of a single relation.
    const bool names = back.relations().size() > 1 || !back.relations().front().empty();
    EXPECT_EQ(ties_of(original, false, names), ties_of(back, by_label, names));

    if (!c.keeps_attributes) return;
    for (std::size_t i = 0; i < original.actor_count(); ++i) {
        const auto& a = original.actor(i);
        const auto j = back.find_actor(a.id);
        ASSERT_TRUE(j.has_value()) << a.id;
        const auto& b = back.actor(*j);
        EXPECT_EQ(a.label, b.label);
        EXPECT_EQ(a.part, b.part) << a.id;
        EXPECT_EQ(a.type, b.type) << a.id;
        EXPECT_EQ(a.focal, b.focal) << a.id;
        EXPECT_EQ(a.locality, b.locality) << a.id;
        EXPECT_EQ(a.stage, b.stage) << a.id;
        EXPECT_EQ(a.group, b.group) << a.id;
        const auto* emp = back.actor_attributes().find("employees");
        ASSERT_NE(emp, nullptr);
        EXPECT_EQ(original.actor_attributes().find("employees")->as_text(i), emp->as_text(*j));
        const auto* city = back.actor_attributes().find("city");
        ASSERT_NE(city, nullptr);
        EXPECT_EQ(original.actor_attributes().find("city")->as_text(i), city->as_text(*j));
    }
    const auto* since = back.tie_attributes().find("since");
    ASSERT_NE(since, nullptr);
    EXPECT_EQ(since->as_text(0), "2015");
}

std::string name_of(const ::testing::TestParamInfo<RoundTrip::ParamType>& info) {
    const auto& [c, directed, two] = info.param;
    const char* names[] = {"graphml", "gml",      "json", "pajek", "dl",
                           "vna",     "edgelist", "csv",  "gexf"};
    return std::string(names[static_cast<int>(c.format)]) +
           (directed ? "_directed" : "_undirected") + (two ? "_two_relations" : "_one_relation");
}

INSTANTIATE_TEST_SUITE_P(
    Formats, RoundTrip,
    ::testing::Combine(::testing::Values(Case{OutputFormat::graphml, true, true},
                                         Case{OutputFormat::gexf, true, true},
                                         Case{OutputFormat::gml, true, true},
                                         Case{OutputFormat::csv_pair, true, true},
                                         Case{OutputFormat::vna, true, true},
                                         Case{OutputFormat::pajek, false, true},
                                         Case{OutputFormat::dl, false, true}),
                       ::testing::Bool(), ::testing::Bool()),
    name_of);

// A plain edge list holds one relation (writing two is refused, see write_edge_list), so it is
// round-tripped with one relation only.
INSTANTIATE_TEST_SUITE_P(OneRelationFormats, RoundTrip,
                         ::testing::Combine(::testing::Values(Case{OutputFormat::edgelist, false,
                                                                   false}),
                                            ::testing::Bool(), ::testing::Values(false)),
                         name_of);

TEST(Writers, QuotesAreRefusedWhereTheFormatCannotHoldThem) {
    TempDir dir;
    const auto net = sample(false, false);
    for (const char* ext : {".net", ".dl", ".vna", ".txt"}) {
        const auto path = dir.path(std::string("net") + ext);
        try {
            write_network(net, path, {});
            FAIL() << ext;
        } catch (const UsageError& e) {
            EXPECT_NE(std::string(e.what()).find("contains a double quote"), std::string::npos);
        }
        EXPECT_FALSE(std::filesystem::exists(path)) << ext;  // nothing half-written
    }
}

TEST(JsonWriter, NodeLinkHasEveryActorTieAndAttribute) {
    TempDir dir;
    const auto net = sample(false, true);
    const auto path = dir.path("net.json");
    write_network(net, path, {});
    const auto j = nlohmann::json::parse(testing::slurp(path));
    EXPECT_EQ(j["directed"], false);
    ASSERT_EQ(j["nodes"].size(), 5u);
    ASSERT_EQ(j["links"].size(), 6u);
    EXPECT_EQ(j["nodes"][0]["id"], "f1");
    EXPECT_EQ(j["nodes"][0]["part"], "core");
    EXPECT_EQ(j["nodes"][0]["employees"], 10.0);
    EXPECT_TRUE(j["nodes"][2]["employees"].is_null());
    EXPECT_EQ(j["links"][1]["weight"], 2.5);
    EXPECT_EQ(j["links"][5]["relation"], "business");
}

TEST(GraphmlWriter, ReferenceNetworkSurvivesARoundTrip) {
    TempDir dir;
    const auto net = load_network({testing::data("reference/networkdata_ht_advice.graphml")}, {});
    const auto path = dir.path("advice.graphml");
    write_network(net, path, {});
    const auto back = load_network({path}, {});
    EXPECT_EQ(back.actor_count(), net.actor_count());
    EXPECT_EQ(ties_of(back, false), ties_of(net, false));
    EXPECT_EQ(back.actor_attributes().columns().size(), net.actor_attributes().columns().size());
}

/// The sample network with a layout and Gephi's viz columns, as a Gephi user's file has them.
Network sample_with_viz() {
    auto net = sample(true, true);
    net.actor_attributes().set_numbers("x", {0, 10.5, -3, 7, std::nan("")});
    net.actor_attributes().set_numbers("y", {-2.25, 4, 0, 1e-3, std::nan("")});
    net.actor_attributes().set_numbers("viz_size", {10, 20, 30, 40, 50});
    net.actor_attributes().set_texts("viz_color", {"#ff0000", "#00ff00", "", "#0000ff", "#123abc"});
    return net;
}

TEST(GexfWriter, PositionsVizAndEveryAttributeSurvive) {
    TempDir dir;
    const auto original = sample_with_viz();
    const auto path = dir.path("viz.gexf");
    write_network(original, path, {});
    const auto back = load_network({path}, {});
    ASSERT_EQ(back.actor_count(), original.actor_count());
    EXPECT_EQ(ties_of(back, false), ties_of(original, false));
    // Every actor attribute, value by value, by actor id (positions included).
    for (const auto& c : original.actor_attributes().columns()) {
        const auto* b = back.actor_attributes().find(c.name);
        ASSERT_NE(b, nullptr) << c.name;
        EXPECT_EQ(b->kind, c.kind) << c.name;
        for (std::size_t i = 0; i < original.actor_count(); ++i)
            EXPECT_EQ(b->as_text(*back.find_actor(original.actor(i).id)), c.as_text(i))
                << c.name << " of " << original.actor(i).id;
    }
    // No column more than the original's, except the edge ids the reader keeps ("Id").
    EXPECT_EQ(back.actor_attributes().columns().size(),
              original.actor_attributes().columns().size());
    std::set<std::string> tie_columns;
    for (const auto& c : back.tie_attributes().columns()) tie_columns.insert(c.name);
    EXPECT_EQ(tie_columns, (std::set<std::string>{"Id", "since"}));
}

TEST(GexfWriter, BytesAreDeterministicAndStableThroughARoundTrip) {
    TempDir dir;
    const auto net = sample_with_viz();
    std::ostringstream a, b;
    write_gexf(net, a);
    write_gexf(net, b);
    EXPECT_EQ(a.str(), b.str());
    // Read back and written again: the same bytes (the edge ids read back are written as ids).
    const auto path = dir.path("once.gexf");
    write_network(net, path, {});
    std::ostringstream again;
    write_gexf(load_network({path}, {}), again);
    EXPECT_EQ(again.str(), a.str());
}

TEST(GexfWriter, WritesGexf12WithKindAndVizElements) {
    const auto net = sample_with_viz();
    std::ostringstream out;
    write_gexf(net, out);
    const auto text = out.str();
    auto has = [&](const std::string& s) { return text.find(s) != std::string::npos; };
    EXPECT_TRUE(
        has("<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
            "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\""));
    EXPECT_TRUE(has("<graph mode=\"static\" defaultedgetype=\"directed\">"));
    EXPECT_TRUE(has("<attribute id=\"focal\" title=\"focal\" type=\"boolean\"/>"));
    // employees holds 1.5 as well as whole numbers: double; since only whole numbers: long.
    EXPECT_TRUE(has("<attribute id=\"a0\" title=\"employees\" type=\"double\"/>"));
    EXPECT_TRUE(has("<attribute id=\"e0\" title=\"since\" type=\"long\"/>"));
    EXPECT_TRUE(
        has("<edge id=\"1\" source=\"f2\" target=\"uni\" weight=\"2.5\" "
            "kind=\"knowledge\">"));
    EXPECT_TRUE(has("<attvalue for=\"relation\" value=\"business\"/>"));
    EXPECT_TRUE(has("<viz:position x=\"10.5\" y=\"4\"/>"));
    EXPECT_TRUE(has("<viz:color r=\"18\" g=\"58\" b=\"188\"/>"));  // #123abc
    EXPECT_TRUE(has("<node id=\"q&quot;x\" label=\"Label q&quot;x\">"));
    // The actor without a position (NaN) gets no viz:position, and x, y are no attributes.
    EXPECT_FALSE(has("title=\"x\""));
    std::size_t positions = 0;
    for (auto p = text.find("<viz:position"); p != std::string::npos;
         p = text.find("<viz:position", p + 1))
        ++positions;
    EXPECT_EQ(positions, 4u);
}

TEST(GexfWriter, LesMiserablesSurvivesARoundTrip) {
    const auto path = testing::corpus("gexf/lesmis.gexf");
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path;
    TempDir dir;
    const auto net = load_network({path}, {});
    const auto out = dir.path("lesmis.gexf");
    write_network(net, out, {});
    const auto back = load_network({out}, {});
    EXPECT_EQ(back.actor_count(), 77u);
    EXPECT_EQ(ties_of(back, false), ties_of(net, false));
    for (const char* name : {"Modularity Class", "x", "y", "viz_size", "viz_color"}) {
        const auto* a = net.actor_attributes().find(name);
        const auto* b = back.actor_attributes().find(name);
        ASSERT_NE(b, nullptr) << name;
        for (std::size_t i = 0; i < net.actor_count(); ++i)
            EXPECT_EQ(b->as_text(*back.find_actor(net.actor(i).id)), a->as_text(i)) << name;
    }
}

}  // namespace
}  // namespace clusterlens
