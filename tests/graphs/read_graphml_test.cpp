// Tests of read_graphml: the five reference networks against an independent reader (NetworkX,
// tests/data/reference/oracle_graphml.json), hand-written files for each feature, and every
// error case with its exact message.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "graphs/attributes.hpp"
#include "graphs/load.hpp"
#include "graphs/readers.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using testing::corpus;
using testing::data;

/// The cell of column `name` (exact name) in `row`; fails the test if the column is missing.
std::string at(const RawTable& t, const std::string& name, std::size_t row) {
    const auto& names = t.names();
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
        ADD_FAILURE() << "no column " << name;
        return "<missing column>";
    }
    return t.cell(static_cast<std::size_t>(it - names.begin()), row);
}

std::uint32_t col_of(const RawTable& t, const std::string& name, std::size_t row) {
    const int c = t.find(name);
    return c < 0 ? 0xFFFFFFFFu : t.col_pos(static_cast<std::size_t>(c), row);
}

/// Runs read_graphml and returns the InputError's what(), or "" if nothing was thrown.
std::string error_of(const std::string& path) {
    try {
        read_graphml(path);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

TEST(ReadGraphmlTest, ReferenceFilesMatchNetworkxOracle) {
    // Expected values: oracle_graphml.json, printed by oracle_graphml.py (NetworkX 2.8.8).
    std::ifstream in(data("reference/oracle_graphml.json"));
    ASSERT_TRUE(in) << "missing oracle_graphml.json";
    const auto oracle = nlohmann::json::parse(in);
    ASSERT_EQ(oracle.size(), 5u);
    for (const auto& [file, expected] : oracle.items()) {
        SCOPED_TRACE(file);
        const RawNetwork net = read_graphml(data("reference/" + file));
        EXPECT_EQ(net.format, "graphml");
        EXPECT_TRUE(net.actors_authoritative);
        EXPECT_TRUE(net.warnings.empty());
        EXPECT_EQ(net.actors.rows(), expected["nodes"].get<std::size_t>());
        EXPECT_EQ(net.ties.rows(), expected["edges"].get<std::size_t>());
        ASSERT_TRUE(net.directed.has_value());
        EXPECT_EQ(*net.directed, expected["directed"].get<bool>());

        // Label, when the file has no label key, is clusterlens' copy of `name` (read_graphml,
        // "Names"), not an attribute NetworkX lists: check that it is that copy, then skip it.
        std::vector<std::string> names;
        for (const auto& n : net.actors.names()) {
            if (n == col::label && net.actors.find("name") >= 0) {
                for (std::size_t r = 0; r < net.actors.rows(); ++r)
                    EXPECT_EQ(at(net.actors, n, r), at(net.actors, "name", r)) << "row " << r;
                continue;
            }
            if (n != col::id) names.push_back(n);
        }
        std::sort(names.begin(), names.end());
        EXPECT_EQ(names, expected["node_attributes"].get<std::vector<std::string>>());

        double sum = 0;
        for (std::size_t c = 0; c < net.actors.column_count(); ++c) {
            if (net.actors.names()[c] == col::id) continue;
            for (std::size_t r = 0; r < net.actors.rows(); ++r)
                if (auto v = parse_number(net.actors.cell(c, r))) sum += *v;
        }
        EXPECT_DOUBLE_EQ(sum, expected["node_numeric_sum"].get<double>());
    }
}

TEST(ReadGraphmlTest, FlorentineMarriageCellsAndPositions) {
    // Values and positions as written in networkdata_flo_marriage.graphml: <node id="n8"> is on
    // line 60, indented by 4 spaces (column 5), its name Medici and wealth 103; the first edge
    // n0 -- n8 is on line 108, the last n12 -- n15 on line 146.
    const auto path = data("reference/networkdata_flo_marriage.graphml");
    const RawNetwork net = read_graphml(path);
    ASSERT_EQ(net.sources, std::vector<std::string>{path});
    EXPECT_EQ(net.actors.path, path);
    EXPECT_EQ(at(net.actors, "Id", 8), "n8");
    EXPECT_EQ(at(net.actors, "name", 8), "Medici");
    EXPECT_EQ(at(net.actors, "wealth", 8), "103");
    EXPECT_EQ(net.actors.line(8), 60u);
    EXPECT_EQ(col_of(net.actors, "Id", 8), 5u);
    EXPECT_EQ(at(net.ties, "Source", 0), "n0");
    EXPECT_EQ(at(net.ties, "Target", 0), "n8");
    EXPECT_EQ(net.ties.line(0), 108u);
    EXPECT_EQ(net.ties.line(19), 146u);
    EXPECT_EQ(net.ties.find("Type"), -1);  // no edge overrides edgedefault
}

TEST(ReadGraphmlTest, KrackhardtAdviceLastEdge) {
    // networkdata_ht_advice.graphml line 516: <edge source="n20" target="n19">.
    const RawNetwork net = read_graphml(data("reference/networkdata_ht_advice.graphml"));
    ASSERT_EQ(net.ties.rows(), 190u);
    EXPECT_EQ(at(net.ties, "Source", 189), "n20");
    EXPECT_EQ(at(net.ties, "Target", 189), "n19");
    EXPECT_EQ(net.ties.line(189), 516u);
}

void expect_keys_defaults(const RawNetwork& net) {
    // See tests/data/graphml/keys_defaults.graphml.
    ASSERT_TRUE(net.directed.has_value());
    EXPECT_FALSE(*net.directed);  // edgedefault="undirected"
    ASSERT_EQ(net.actors.rows(), 3u);
    // Node key attr.name="label" -> Label; yEd graphics (XML inside <data>) and the graph-level
    // key "title" make no columns.
    EXPECT_EQ(net.actors.names(), (std::vector<std::string>{"Id", "Label", "dept", "since"}));
    EXPECT_EQ(at(net.actors, "Label", 0), "Alpha & Co");  // entity decoded, spaces trimmed
    EXPECT_EQ(at(net.actors, "dept", 0), "r&d");
    EXPECT_EQ(at(net.actors, "dept", 1), "sales");  // <default>sales</default>
    EXPECT_EQ(at(net.actors, "dept", 2), "sales");
    EXPECT_EQ(at(net.actors, "since", 1), "");  // for="all" key without default
    EXPECT_EQ(at(net.actors, "since", 2), "1999");
    EXPECT_EQ(net.actors.line(0), 17u);
    EXPECT_EQ(net.actors.line(1), 22u);
    EXPECT_EQ(col_of(net.actors, "Id", 1), 5u);

    ASSERT_EQ(net.ties.rows(), 3u);
    // attr.name="WEIGHT" -> Weight; edge attribute "type" renamed so it is not taken for Type.
    EXPECT_EQ(net.ties.names(), (std::vector<std::string>{"Source", "Target", "Weight", "Id",
                                                          "Type", "since", "type_attr"}));
    EXPECT_EQ(at(net.ties, "Weight", 0), "2.5");
    EXPECT_EQ(at(net.ties, "Weight", 1), "1");  // key default
    EXPECT_EQ(at(net.ties, "Weight", 2), "1");
    EXPECT_EQ(at(net.ties, "Id", 1), "e1");
    EXPECT_EQ(at(net.ties, "Type", 0), "");
    EXPECT_EQ(at(net.ties, "Type", 1), "Directed");  // directed="true" in an undirected graph
    EXPECT_EQ(at(net.ties, "Type", 2), "Undirected");
    EXPECT_EQ(at(net.ties, "since", 1), "2001");
    EXPECT_EQ(at(net.ties, "type_attr", 1), "friend");
    EXPECT_EQ(at(net.ties, "Target", 2), "zed");  // undeclared node: kept for assembly
    EXPECT_EQ(net.ties.line(1), 25u);
    EXPECT_EQ(net.ties.line(2), 29u);
    EXPECT_TRUE(net.warnings.empty());
}

TEST(ReadGraphmlTest, KeysDefaultsLabelWeightAndDirection) {
    expect_keys_defaults(read_graphml(data("graphml/keys_defaults.graphml")));
}

TEST(ReadGraphmlTest, GzipCompressedFileReadsTheSame) {
    expect_keys_defaults(read_graphml(data("graphml/keys_defaults.graphml.gz")));
}

TEST(ReadGraphmlTest, NoEdgedefaultLeavesDirectionUnknown) {
    const RawNetwork net = read_graphml(data("graphml/directed_no_default.graphml"));
    EXPECT_FALSE(net.directed.has_value());
    ASSERT_EQ(net.ties.rows(), 1u);
    EXPECT_EQ(at(net.ties, "Type", 0), "Undirected");
    EXPECT_EQ(net.ties.line(0), 3u);  // all on one line: line known, column not
    EXPECT_EQ(col_of(net.ties, "Source", 0), 0u);
}

TEST(ReadGraphmlTest, MalformedXmlReportsLibxmlPositionAndPrintsNothing) {
    const auto path = data("graphml/tag_mismatch.graphml");
    ::testing::internal::CaptureStderr();
    const auto what = error_of(path);
    const auto printed = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(what, path +
                        ":6:11: error: malformed XML: Opening and ending tag mismatch: node line 4 "
                        "and graph; check the XML syntax near this position (every tag closed and "
                        "properly nested, attribute values quoted, '&' written as &amp;)");
    EXPECT_EQ(printed, "");
}

TEST(ReadGraphmlTest, UndeclaredLatin1GetsEncodingHint) {
    const auto path = data("graphml/latin1_undeclared.graphml");
    EXPECT_EQ(error_of(path),
              path +
                  ":4:18: error: malformed XML: Input is not proper UTF-8, indicate encoding ! "
                  "Bytes: 0xE9 0x22 0x2F 0x3E; save the file as UTF-8, or declare its encoding "
                  "in the first line (<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>)");
}

TEST(ReadGraphmlTest, NestedGraphIsRejected) {
    const auto path = data("graphml/nested_graph.graphml");
    EXPECT_EQ(error_of(path),
              path + ":5:7: error: nested graphs are not supported; flatten the graph");
}

TEST(ReadGraphmlTest, HyperedgeIsRejected) {
    const auto path = data("graphml/hyperedge.graphml");
    EXPECT_EQ(error_of(path), path +
                                  ":5:5: error: hyperedges are not supported; replace each "
                                  "<hyperedge> by <edge> elements between pairs of its nodes");
}

TEST(ReadGraphmlTest, EmptyFile) {
    const auto path = data("graphml/empty.graphml");
    EXPECT_EQ(error_of(path), path +
                                  ": error: the file is empty; a GraphML file needs a <graphml> "
                                  "root element with a <graph> holding <node> and <edge> elements");
}

TEST(ReadGraphmlTest, MissingFile) {
    const auto path = data("graphml/does_not_exist.graphml");
    EXPECT_EQ(error_of(path), path +
                                  ": error: cannot open file: No such file or directory; check "
                                  "the path and that it is readable");
}

TEST(ReadGraphmlTest, OtherXmlIsNotGraphml) {
    const auto path = data("graphml/not_graphml.graphml");
    EXPECT_EQ(error_of(path), path +
                                  ":2: error: the root element is <html>, not <graphml>; this "
                                  "does not look like a GraphML file");
}

TEST(ReadGraphmlTest, EdgeWithoutTarget) {
    const auto path = data("graphml/edge_without_target.graphml");
    EXPECT_EQ(error_of(path), path +
                                  ":5:5: error: <edge> has no target attribute; write <edge "
                                  "source=\"n0\" target=\"n1\">");
}

TEST(ReadGraphmlTest, BadEdgedefault) {
    const auto path = data("graphml/bad_edgedefault.graphml");
    EXPECT_EQ(error_of(path), path +
                                  ":3:3: error: edgedefault=\"sideways\" is not valid; write "
                                  "edgedefault=\"directed\" or edgedefault=\"undirected\"");
}

// python-igraph's write_graphml (shared corpus graphml/ig_written.graphml, Zachary's karate club;
// MANIFEST.md): node ids n0..n33 are positions, the names m0..m33 are in the `name` key.
// Expected 34 actors / 78 ties (the MANIFEST; NetworkX 3.6 read_graphml gives the same, and
// n0's name m0, n33's m33). The name becomes the label; the id stays n0 (edges refer to it).
TEST(ReadGraphmlTest, IgraphNameBecomesTheLabel) {
    const auto path = corpus("graphml/ig_written.graphml");
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path;
    const Network net = load_network({path}, {});
    ASSERT_EQ(net.actor_count(), 34u);
    EXPECT_EQ(net.tie_count(), 78u);
    EXPECT_EQ(net.actor(0).id, "n0");
    EXPECT_EQ(net.actor(0).label, "m0");
    EXPECT_EQ(net.actor(33).id, "n33");
    EXPECT_EQ(net.actor(33).label, "m33");
    const auto* name = net.actor_attributes().find("name");
    ASSERT_NE(name, nullptr);  // kept as an attribute too
    EXPECT_EQ(name->as_text(5), "m5");
}

// A node's own label wins over its name; a node with neither keeps an empty label.
TEST(ReadGraphmlTest, LabelWinsOverName) {
    const std::string path = ::testing::TempDir() + "clusterlens_graphml_label_name.graphml";
    std::ofstream(path) << "<?xml version=\"1.0\"?>\n"
                           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                           "<key id=\"l\" for=\"node\" attr.name=\"label\"/>\n"
                           "<key id=\"n\" for=\"node\" attr.name=\"name\"/>\n"
                           "<graph edgedefault=\"undirected\">\n"
                           "<node id=\"a\"><data key=\"l\">Acme</data><data "
                           "key=\"n\">acme-gmbh</data></node>\n"
                           "<node id=\"b\"><data key=\"n\">Bolt</data></node>\n"
                           "<node id=\"c\"/>\n"
                           "<edge source=\"a\" target=\"b\"/>\n"
                           "</graph>\n</graphml>\n";
    const RawNetwork raw = read_graphml(path);
    ASSERT_EQ(raw.actors.rows(), 3u);
    EXPECT_EQ(at(raw.actors, "Label", 0), "Acme");
    EXPECT_EQ(at(raw.actors, "Label", 1), "Bolt");
    EXPECT_EQ(at(raw.actors, "Label", 2), "");
    EXPECT_EQ(at(raw.actors, "Id", 1), "b");
    EXPECT_EQ(at(raw.actors, "name", 1), "Bolt");
}

// One key id declared once for graph data and once for node data (as some exporters write it):
// the node's <data key="d0"> is the node key. The same id twice for one domain stays an error.
TEST(ReadGraphmlTest, KeyIdSharedByGraphAndNodeDomains) {
    const std::string path = ::testing::TempDir() + "clusterlens_graphml_shared_key.graphml";
    const std::string head =
        "<?xml version=\"1.0\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "<key id=\"d0\" for=\"graph\" attr.name=\"name\" attr.type=\"string\"/>\n";
    const std::string tail =
        "<graph edgedefault=\"undirected\"><data key=\"d0\">my graph</data>\n"
        "<node id=\"a\"><data key=\"d0\">Alpha</data></node>\n"
        "<node id=\"b\"/>\n"
        "<edge source=\"a\" target=\"b\"/>\n"
        "</graph>\n</graphml>\n";
    std::ofstream(path) << head
                        << "<key id=\"d0\" for=\"node\" attr.name=\"label\" "
                           "attr.type=\"string\"/>\n"
                        << tail;
    const RawNetwork raw = read_graphml(path);
    ASSERT_EQ(raw.actors.rows(), 2u);
    EXPECT_EQ(at(raw.actors, "Label", 0), "Alpha");
    EXPECT_TRUE(raw.warnings.empty());
    const std::string twice = ::testing::TempDir() + "clusterlens_graphml_key_twice.graphml";
    std::ofstream(twice) << head << "<key id=\"d0\" for=\"graph\" attr.name=\"label\"/>\n" << tail;
    EXPECT_EQ(error_of(twice), twice +
                                   ":4:1: error: key id \"d0\" is declared twice for graph "
                                   "data; give each <key> of a domain its own id");
}

}  // namespace
}  // namespace clusterlens
