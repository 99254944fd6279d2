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
#include "graphs/mapping.hpp"
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

/// What a format holds, as write.hpp documents it (the expectations of every round trip).
struct Case {
    OutputFormat format;
    bool keeps_ids;        // else (DL) the labels come back as ids
    bool keeps_labels;     // edge lists: the id is the label
    bool keeps_model;      // part, type, focal, locality, stage, group
    bool keeps_extra;      // every actor and tie attribute (Pajek: whole-number actor columns)
    bool keeps_direction;  // edge lists: the reader is told
    bool keeps_single_relation_name;
};
const Case kGraphml{OutputFormat::graphml, true, true, true, true, true, true};
const Case kGexf{OutputFormat::gexf, true, true, true, true, true, true};
const Case kGml{OutputFormat::gml, true, true, true, true, true, true};
const Case kJson{OutputFormat::json, true, true, true, true, true, true};
const Case kCsv{OutputFormat::csv_pair, true, true, true, true, true, true};
const Case kVna{OutputFormat::vna, true, true, true, true, true, true};
const Case kPajek{OutputFormat::pajek, true, true, true, false, true, false};
const Case kDl{OutputFormat::dl, false, true, false, false, true, false};
const Case kEdgeList{OutputFormat::edgelist, true, false, false, false, false, false};

bool whole_numbers(const AttributeColumn& c) {
    if (c.kind != AttributeColumn::Kind::number || c.numbers.empty()) return false;
    for (const double v : c.numbers)
        if (!std::isfinite(v) || std::trunc(v) != v) return false;
    return true;
}

/// The name DL gives actor i: its label, or its id when two labels are equal ignoring case
/// (UCINET ignores case; write.hpp).
std::vector<std::string> dl_names(const Network& n) {
    std::set<std::string> seen;
    for (const auto& a : n.actors()) {
        std::string l = a.label;
        std::transform(l.begin(), l.end(), l.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        seen.insert(l);
    }
    std::vector<std::string> out;
    for (const auto& a : n.actors()) out.push_back(seen.size() == n.actor_count() ? a.label : a.id);
    return out;
}

/// Writes `original` as `c.format` into `dir`, reads it back (a Pajek .net with the .clu files
/// written next to it) and returns it.
Network write_and_read(const Network& original, const Case& c, const TempDir& dir,
                       std::vector<std::string>* written = nullptr) {
    const auto path = dir.path("net" + ext_of(c.format));
    const auto files = write_network(original, path, {});
    if (written) *written = files;
    std::vector<std::string> in = {path};
    for (const auto& f : files)
        if (std::filesystem::path(f).extension() == ".clu") in.push_back(f);
    LoadOptions o;
    if (!c.keeps_direction) o.mapping.directed = original.directed();
    return load_network(in, o);
}

/// Same actors, names, ties, weights, relations and, where the format holds them, attributes.
void expect_same(const Network& a, const Network& b, const Case& c) {
    ASSERT_EQ(b.actor_count(), a.actor_count());
    EXPECT_EQ(b.directed(), a.directed());
    const auto names = dl_names(a);
    std::vector<std::size_t> to_b(a.actor_count());
    std::vector<std::string> key(a.actor_count());
    for (std::size_t i = 0; i < a.actor_count(); ++i) {
        key[i] = c.keeps_ids ? a.actor(i).id : names[i];
        const auto j = b.find_actor(key[i]);
        ASSERT_TRUE(j.has_value()) << "actor " << key[i] << " not read back";
        to_b[i] = *j;
    }
    // Ties with their relation; a single relation's name only where the format holds it.
    const bool rel_names = a.relations().size() > 1 || c.keeps_single_relation_name;
    auto ties = [&](const Network& n, auto name_of) {
        std::multiset<TieKey> out;
        for (std::size_t e = 0; e < n.tie_count(); ++e) {
            auto s = name_of(n.source(e)), t = name_of(n.target(e));
            if (!n.directed() && t < s) std::swap(s, t);
            out.emplace(s, t, rel_names ? n.relations()[n.relation(e)] : "", n.weight(e));
        }
        return out;
    };
    EXPECT_EQ(ties(a, [&](std::size_t i) { return key[i]; }),
              ties(b, [&](std::size_t j) { return b.actor(j).id; }));
    EXPECT_EQ(b.relations().size(), a.relations().size());
    for (std::size_t i = 0; i < a.actor_count(); ++i) {
        const auto& x = a.actor(i);
        const auto& y = b.actor(to_b[i]);
        if (c.keeps_labels) {
            EXPECT_EQ(y.label, x.label) << key[i];
        }
        if (!c.keeps_model) continue;
        EXPECT_EQ(y.part, x.part) << key[i];
        EXPECT_EQ(y.type, x.type) << key[i];
        EXPECT_EQ(y.focal, x.focal) << key[i];
        EXPECT_EQ(y.locality, x.locality) << key[i];
        EXPECT_EQ(y.stage, x.stage) << key[i];
        EXPECT_EQ(y.group, x.group) << key[i];
    }
    for (const auto& col : a.actor_attributes().columns()) {
        const bool position = col.name == "x" || col.name == "y";
        const bool pajek = c.format == OutputFormat::pajek;
        if (!c.keeps_extra && !(pajek && (position || whole_numbers(col)))) continue;
        const auto* back = b.actor_attributes().find(col.name);
        ASSERT_NE(back, nullptr) << "actor attribute " << col.name;
        for (std::size_t i = 0; i < a.actor_count(); ++i) {
            if (pajek && position && !std::isnan(col.numbers[i]))  // written as 1 - y, 15 digits
                EXPECT_NEAR(back->numbers[to_b[i]], col.numbers[i], 1e-12) << key[i];
            else
                EXPECT_EQ(back->as_text(to_b[i]), col.as_text(i)) << col.name << " " << key[i];
        }
    }
    if (!c.keeps_extra) return;
    for (const auto& col : a.tie_attributes().columns()) {
        const auto* back = b.tie_attributes().find(col.name);
        ASSERT_NE(back, nullptr) << "tie attribute " << col.name;
        std::multiset<std::string> va, vb;
        for (std::size_t e = 0; e < a.tie_count(); ++e) va.insert(col.as_text(e));
        for (std::size_t e = 0; e < b.tie_count(); ++e) vb.insert(back->as_text(e));
        EXPECT_EQ(va, vb) << col.name;
    }
}

class RoundTrip : public ::testing::TestWithParam<std::tuple<Case, bool, bool>> {};

TEST_P(RoundTrip, SameNetworkBack) {
    const auto [c, directed, two_relations] = GetParam();
    TempDir dir;
    // Pajek, DL, VNA and edge lists cannot hold a quote inside a value (see QuotesAreRefused).
    const bool quotes_ok = c.format == OutputFormat::graphml || c.format == OutputFormat::gml ||
                           c.format == OutputFormat::csv_pair || c.format == OutputFormat::gexf;
    auto original = sample(directed, two_relations, quotes_ok);
    // A whole-number column, which Pajek keeps as a partition (net.founded.clu).
    original.actor_attributes().set_numbers("founded", {1990, 2001, 1632, 1950, 2019});
    const auto back = write_and_read(original, c, dir);
    expect_same(original, back, c);
}

std::string name_of(const ::testing::TestParamInfo<RoundTrip::ParamType>& info) {
    const auto& [c, directed, two] = info.param;
    const char* names[] = {"graphml", "gml",      "json", "pajek", "dl",
                           "vna",     "edgelist", "csv",  "gexf"};
    return std::string(names[static_cast<int>(c.format)]) +
           (directed ? "_directed" : "_undirected") + (two ? "_two_relations" : "_one_relation");
}

INSTANTIATE_TEST_SUITE_P(Formats, RoundTrip,
                         ::testing::Combine(::testing::Values(kGraphml, kGexf, kGml, kJson, kCsv,
                                                              kVna, kPajek, kDl),
                                            ::testing::Bool(), ::testing::Bool()),
                         name_of);

// A plain edge list holds one relation (writing two is refused, see write_edge_list), so it is
// round-tripped with one relation only.
INSTANTIATE_TEST_SUITE_P(OneRelationFormats, RoundTrip,
                         ::testing::Combine(::testing::Values(kEdgeList), ::testing::Bool(),
                                            ::testing::Values(false)),
                         name_of);

// Real networks (shared corpus, MANIFEST.md; tests/data/reference; the bundled CORDIS example)
// through every writer and back. The expectations are the input as clusterlens reads it (whose
// counts the corpus conformance test checks against NetworkX) and what each format holds.
struct RealNetwork {
    const char* name;
    std::vector<std::string> files;
    std::string mapping;
};

class RealRoundTrip : public ::testing::TestWithParam<RealNetwork> {};

TEST_P(RealRoundTrip, EveryWriterGivesTheSameNetworkBack) {
    const auto& r = GetParam();
    for (const auto& f : r.files)
        if (!std::filesystem::exists(f)) GTEST_SKIP() << "missing: " << f;
    LoadOptions o;
    if (!r.mapping.empty()) o.mapping = load_mapping(r.mapping);
    const auto original = load_network(r.files, o);
    for (const auto& c : {kGraphml, kGexf, kGml, kJson, kCsv, kVna, kPajek, kDl, kEdgeList}) {
        if (c.format == OutputFormat::edgelist && original.relations().size() > 1) continue;
        SCOPED_TRACE(std::string(r.name) + " as " + ext_of(c.format));
        TempDir dir;
        expect_same(original, write_and_read(original, c, dir), c);
    }
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, RealRoundTrip,
    ::testing::Values(
        RealNetwork{"dolphins", {testing::corpus("pajek/dolphins.net")}, ""},
        RealNetwork{"USAir97", {testing::corpus("pajek/USAir97.net")}, ""},
        RealNetwork{
            "StudentGov",
            {testing::corpus("pajek/StudentGov.net"), testing::corpus("pajek/StudentGov.clu")},
            ""},
        RealNetwork{"ADVICE",
                    {testing::corpus("pajek/ADVICE.NET"), testing::corpus("pajek/ADVICE.CLU")},
                    ""},
        RealNetwork{"Padgett", {testing::corpus("ucinet/PADGETT.DAT")}, ""},
        RealNetwork{"ht_advice", {testing::data("reference/networkdata_ht_advice.graphml")}, ""},
        RealNetwork{"cordis_ee",
                    {testing::example("cordis_ee_climate/data")},
                    testing::example("cordis_ee_climate/cordis.toml")}),
    [](const ::testing::TestParamInfo<RealNetwork>& p) { return std::string(p.param.name); });

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
