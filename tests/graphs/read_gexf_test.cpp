// Tests of read_gexf: the two GEXF files of the shared corpus against NetworkX, and hand-written
// files for each feature (expected values counted by hand from the file text shown in each
// test); dynamic files, refusals and errors are in read_gexf_errors_test.cpp.
#include <gtest/gtest.h>

#include <filesystem>
#include <numeric>
#include <string>

#include "gexf_document.hpp"
#include "graphs/load.hpp"
#include "graphs/readers.hpp"
#include "graphs/write.hpp"
#include "reader_test_helpers.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using testing::cell;
using testing::column;
using testing::corpus;
using testing::error_of;
using testing::gexf;
using testing::temp_file;

/// The messages of a network's load warnings, joined by newlines.
std::string warnings_of(const RawNetwork& raw) {
    std::string out;
    for (const auto& w : raw.warnings) out += w.message + "\n";
    return out;
}

double total_weight(const Network& n) {
    return std::accumulate(n.weights().begin(), n.weights().end(), 0.0);
}

// ---- the corpus ---------------------------------------------------------------------------

TEST(ReadGexfCorpus, GephiDataFileOneNodeAndItsLoop) {
    // gexf/data.gexf (Gephi's importer test file, MANIFEST.md): one node "0" labelled Node1 with
    // url and indegree values and a default valid=true, and one edge 0 -> 0. NetworkX 2.8.8
    // read_gexf gives 1 node and the loop; clusterlens drops loops (1 dropped, 0 ties).
    const auto path = corpus("gexf/data.gexf");
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path;
    const auto raw = read_gexf(path);
    EXPECT_EQ(raw.format, "gexf");
    EXPECT_EQ(raw.directed, std::optional<bool>(true));  // defaultedgetype="directed"
    ASSERT_EQ(raw.actors.rows(), 1u);
    EXPECT_EQ(cell(raw.actors, "Id", 0), "0");
    EXPECT_EQ(cell(raw.actors, "Label", 0), "Node1");
    EXPECT_EQ(cell(raw.actors, "url", 0), "http://gephi.org");
    EXPECT_EQ(cell(raw.actors, "indegree", 0), "1");
    EXPECT_EQ(cell(raw.actors, "valid", 0), "true");  // the <default>
    const auto net = load_network({path}, {});
    EXPECT_EQ(net.actor_count(), 1u);
    EXPECT_EQ(net.tie_count(), 0u);
    EXPECT_EQ(net.report().self_loops_dropped, 1u);
    EXPECT_EQ(net.actor_attributes().find("indegree")->kind, AttributeColumn::Kind::number);
}

TEST(ReadGexfCorpus, LesMiserablesAsNetworkxReadsIt) {
    // gexf/lesmis.gexf (GEXF 1.3, Gephi 0.10.1). Expected values from NetworkX: 3.6.1
    // (read_gexf(path, version="1.3")) and the Debian 2.8.8 (file read under the 1.2draft
    // namespace, tests/interop/corpus_counts.py) both give 77 nodes, 254 edges, no loops, total
    // weight 820, and for node 11 (Valjean) Modularity Class 1, viz size 100, position
    // (-87.93029, 6.8120565), colour r=245 g=91 b=91 (#f55b5b); 15 nodes of Modularity Class 8.
    const auto path = corpus("gexf/lesmis.gexf");
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path;
    const auto net = load_network({path}, {});
    EXPECT_EQ(net.actor_count(), 77u);
    EXPECT_EQ(net.tie_count(), 254u);
    EXPECT_FALSE(net.directed());
    EXPECT_DOUBLE_EQ(total_weight(net), 820.0);
    ASSERT_EQ(net.relations().size(), 1u);
    const auto i = net.find_actor("11");
    ASSERT_TRUE(i.has_value());
    EXPECT_EQ(net.actor(*i).label, "Valjean");
    const auto& attrs = net.actor_attributes();
    ASSERT_NE(attrs.find("Modularity Class"), nullptr);
    EXPECT_EQ(attrs.find("Modularity Class")->as_text(*i), "1");
    EXPECT_EQ(attrs.find("viz_size")->as_text(*i), "100");
    EXPECT_EQ(attrs.find("x")->as_text(*i), "-87.93029");
    EXPECT_EQ(attrs.find("y")->as_text(*i), "6.8120565");
    EXPECT_EQ(attrs.find("viz_color")->as_text(*i), "#f55b5b");
    std::size_t class8 = 0;
    for (const double v : attrs.find("Modularity Class")->numbers) class8 += v == 8;
    EXPECT_EQ(class8, 15u);
    // No warning: a static 1.3 file in its own namespace.
    EXPECT_TRUE(read_gexf(path).warnings.empty()) << warnings_of(read_gexf(path));
}

// ---- structure ------------------------------------------------------------------------------

const char* small_graph =
    "  <graph defaultedgetype=\"directed\">\n"
    "    <nodes>\n"
    "      <node id=\"a\" label=\"Firm A\"/>\n"
    "      <node id=\"b\"/>\n"
    "    </nodes>\n"
    "    <edges>\n"
    "      <edge id=\"e1\" source=\"a\" target=\"b\" weight=\"2.5\" label=\"advice\"/>\n"
    "    </edges>\n"
    "  </graph>\n";

TEST(ReadGexf, EveryNamespaceSpellingReadsAlike) {
    for (const char* ns :
         {"http://www.gexf.net/1.1draft", "http://www.gexf.net/1.2draft",
          "http://gexf.net/1.2draft", "http://gexf.net/1.3", "http://www.gexf.net/1.3"}) {
        SCOPED_TRACE(ns);
        const auto raw = read_gexf(temp_file("ns.gexf", gexf(small_graph, ns)));
        EXPECT_TRUE(raw.warnings.empty()) << warnings_of(raw);
        EXPECT_EQ(column(raw.actors, "Id"), (std::vector<std::string>{"a", "b"}));
        EXPECT_EQ(column(raw.actors, "Label"), (std::vector<std::string>{"Firm A", ""}));
        EXPECT_EQ(cell(raw.ties, "Source", 0), "a");
        EXPECT_EQ(cell(raw.ties, "Target", 0), "b");
        EXPECT_EQ(cell(raw.ties, "Weight", 0), "2.5");
        EXPECT_EQ(cell(raw.ties, "Id", 0), "e1");
        EXPECT_EQ(cell(raw.ties, "label", 0), "advice");  // edge label: a tie attribute
        EXPECT_EQ(raw.directed, std::optional<bool>(true));
        // Row positions: the line and column of the tag's '<'.
        EXPECT_EQ(raw.actors.line(0), 5u);
        EXPECT_EQ(raw.actors.col_pos(0, 0), 7u);
        EXPECT_EQ(raw.ties.line(0), 9u);
    }
}

TEST(ReadGexf, ForeignNamespaceIsReadByElementNamesWithAWarning) {
    const auto raw = read_gexf(temp_file("foreign.gexf", gexf(small_graph, "urn:example")));
    EXPECT_EQ(raw.actors.rows(), 2u);
    ASSERT_EQ(raw.warnings.size(), 1u);
    EXPECT_EQ(raw.warnings[0].message,
              "the namespace \"urn:example\" is not a GEXF namespace; read as GEXF by its element "
              "names (GEXF 1.2 declares xmlns=\"http://gexf.net/1.2draft\")");
}

TEST(ReadGexf, DefaultEdgeTypeAndPerEdgeTypes) {
    // No defaultedgetype: undirected (the GEXF schema's default; NetworkX reads a Graph).
    auto raw = read_gexf(temp_file(
        "undirected.gexf", gexf("<graph><nodes><node id=\"a\"/><node id=\"b\"/></nodes>"
                                "<edges><edge source=\"a\" target=\"b\"/></edges></graph>\n")));
    EXPECT_EQ(raw.directed, std::optional<bool>(false));
    EXPECT_EQ(cell(raw.ties, "Type", 0), "<no column Type>");
    // Per-edge type overrides the default.
    raw = read_gexf(
        temp_file("mixed.gexf", gexf("<graph defaultedgetype=\"undirected\"><nodes><node id=\"a\"/>"
                                     "<node id=\"b\"/></nodes><edges>"
                                     "<edge source=\"a\" target=\"b\" type=\"directed\"/>"
                                     "<edge source=\"b\" target=\"a\" type=\"undirected\"/>"
                                     "</edges></graph>\n")));
    EXPECT_EQ(column(raw.ties, "Type"), (std::vector<std::string>{"Directed", "Undirected"}));
}

TEST(ReadGexf, MutualEdgesAreTwoArcs) {
    // defaultedgetype="mutual": each edge is a reciprocated pair (NetworkX adds both directions).
    // Two edges a-b (weight 2) and b-c give four arcs: a->b, b->a (2 each), b->c, c->b.
    const auto path =
        temp_file("mutual.gexf", gexf("<graph defaultedgetype=\"mutual\">\n<nodes><node id=\"a\"/>"
                                      "<node id=\"b\"/><node id=\"c\"/></nodes>\n<edges>\n"
                                      "<edge source=\"a\" target=\"b\" weight=\"2\"/>\n"
                                      "<edge source=\"b\" target=\"c\"/>\n</edges></graph>\n"));
    const auto raw = read_gexf(path);
    EXPECT_EQ(column(raw.ties, "Source"), (std::vector<std::string>{"a", "b", "b", "c"}));
    EXPECT_EQ(column(raw.ties, "Target"), (std::vector<std::string>{"b", "a", "c", "b"}));
    EXPECT_EQ(column(raw.ties, "Weight"), (std::vector<std::string>{"2", "2", "", ""}));
    ASSERT_EQ(raw.warnings.size(), 1u);
    EXPECT_EQ(raw.warnings[0].pos.line, 6u);
    EXPECT_EQ(raw.warnings[0].message,
              "2 mutual edges (first here) read as two arcs each, one in each direction, as "
              "NetworkX reads them");
    const auto net = load_network({path}, {});
    EXPECT_TRUE(net.directed());
    EXPECT_EQ(net.tie_count(), 4u);
    EXPECT_DOUBLE_EQ(total_weight(net), 6.0);  // 2 + 2 + 1 + 1
}

TEST(ReadGexf, KindIsTheRelationAndSameKindEdgesAreParallelTies) {
    // a-b knowledge (1), a-b business (2), a-b knowledge again (3): two relations; the two
    // knowledge edges are parallel ties of one relation, which assembly sums to 4.
    const auto path =
        temp_file("kind.gexf", gexf("<graph defaultedgetype=\"undirected\"><nodes><node id=\"a\"/>"
                                    "<node id=\"b\"/></nodes><edges>"
                                    "<edge id=\"0\" source=\"a\" target=\"b\" kind=\"knowledge\"/>"
                                    "<edge id=\"1\" source=\"a\" target=\"b\" kind=\"business\" "
                                    "weight=\"2\"/>"
                                    "<edge id=\"2\" source=\"b\" target=\"a\" kind=\"knowledge\" "
                                    "weight=\"3\"/>"
                                    "</edges></graph>\n"));
    const auto net = load_network({path}, {});
    EXPECT_EQ(net.relations(), (std::vector<std::string>{"knowledge", "business"}));
    ASSERT_EQ(net.tie_count(), 2u);
    EXPECT_EQ(net.report().parallel_ties_merged, 1u);
    for (std::size_t e = 0; e < 2; ++e)
        EXPECT_DOUBLE_EQ(net.weight(e), net.relations()[net.relation(e)] == "knowledge" ? 4 : 2);
}

TEST(ReadGexf, RelationAttributeAndKindAgreeOrKindWins) {
    const auto raw = read_gexf(temp_file(
        "relattr.gexf",
        gexf("<graph><attributes class=\"edge\"><attribute id=\"r\" title=\"relation\" "
             "type=\"string\"/></attributes><nodes><node id=\"a\"/><node id=\"b\"/></nodes>\n"
             "<edges>\n<edge source=\"a\" target=\"b\"><attvalues><attvalue for=\"r\" "
             "value=\"advice\"/></attvalues></edge>\n"
             "<edge source=\"a\" target=\"b\" kind=\"friendship\"><attvalues>\n<attvalue "
             "for=\"r\" value=\"advice\"/></attvalues></edge>\n</edges></graph>\n")));
    EXPECT_EQ(column(raw.ties, "relation"), (std::vector<std::string>{"advice", "friendship"}));
    ASSERT_EQ(raw.warnings.size(), 1u);
    EXPECT_EQ(raw.warnings[0].pos.line, 7u);  // the second edge's <attvalue>
    EXPECT_EQ(raw.warnings[0].message,
              "the edge's kind=\"friendship\" and its attribute \"relation\" (\"advice\") name "
              "different relations (first here); the kind was used");
}

// ---- attributes ---------------------------------------------------------------------------

const char* typed_graph =
    "  <graph defaultedgetype=\"directed\">\n"
    "    <attributes class=\"node\" mode=\"static\">\n"
    "      <attribute id=\"0\" title=\"employees\" type=\"integer\"/>\n"
    "      <attribute id=\"1\" title=\"sector\" type=\"string\">\n"
    "        <default>machinery</default>\n"
    "      </attribute>\n"
    "      <attribute id=\"2\" title=\"member\" type=\"boolean\"><default>0</default></attribute>\n"
    "      <attribute id=\"nace\" type=\"string\"/>\n"
    "      <attribute id=\"3\" title=\"label\" type=\"string\"/>\n"
    "    </attributes>\n"
    "    <attributes class=\"edge\">\n"
    "      <attribute id=\"since\" title=\"since\" type=\"long\"/>\n"
    "      <attribute id=\"w\" title=\"Weight\" type=\"double\"/>\n"
    "      <attribute id=\"t\" title=\"type\" type=\"string\"/>\n"
    "    </attributes>\n"
    "    <nodes>\n"
    "      <node id=\"a\" label=\"A\">\n"
    "        <attvalues>\n"
    "          <attvalue for=\"0\" value=\"250\"/>\n"
    "          <attvalue for=\"2\" value=\"TRUE\"/>\n"
    "          <attvalue for=\"nace\" value=\"28.1\"/>\n"
    "          <attvalue for=\"3\" value=\"other label\"/>\n"
    "        </attvalues>\n"
    "      </node>\n"
    "      <node id=\"b\" label=\"B\">\n"
    "        <attvalues><attvalue for=\"1\" value=\"services\"/></attvalues>\n"
    "      </node>\n"
    "    </nodes>\n"
    "    <edges>\n"
    "      <edge source=\"a\" target=\"b\"><attvalues><attvalue for=\"since\" value=\"2015\"/>"
    "<attvalue for=\"w\" value=\"4\"/><attvalue for=\"t\" value=\"supply\"/></attvalues></edge>\n"
    "      <edge source=\"b\" target=\"a\" weight=\"2\"><attvalues><attvalue for=\"w\" "
    "value=\"5\"/></attvalues></edge>\n"
    "    </edges>\n"
    "  </graph>\n";

TEST(ReadGexf, TypedAttributesWithDefaultsNamedByTitle) {
    const auto raw = read_gexf(temp_file("typed.gexf", gexf(typed_graph)));
    EXPECT_TRUE(raw.warnings.empty()) << warnings_of(raw);
    EXPECT_EQ(column(raw.actors, "employees"), (std::vector<std::string>{"250", ""}));
    // Defaults fill the rows without a value; booleans are read as true/false.
    EXPECT_EQ(column(raw.actors, "sector"), (std::vector<std::string>{"machinery", "services"}));
    EXPECT_EQ(column(raw.actors, "member"), (std::vector<std::string>{"true", "false"}));
    // No title: named by the id. A title that would take the label column gets "_attr".
    EXPECT_EQ(column(raw.actors, "nace"), (std::vector<std::string>{"28.1", ""}));
    EXPECT_EQ(column(raw.actors, "label_attr"), (std::vector<std::string>{"other label", ""}));
    EXPECT_EQ(column(raw.actors, "Label"), (std::vector<std::string>{"A", "B"}));
    EXPECT_EQ(column(raw.ties, "since"), (std::vector<std::string>{"2015", ""}));
    // An edge attribute titled weight (Gephi 0.7) is the weight unless weight="..." is given.
    EXPECT_EQ(column(raw.ties, "Weight"), (std::vector<std::string>{"4", "2"}));
    EXPECT_EQ(column(raw.ties, "Weight_attr"), (std::vector<std::string>{"", "5"}));
    EXPECT_EQ(column(raw.ties, "type_attr"), (std::vector<std::string>{"supply", ""}));
}

TEST(ReadGexf, ValuesThatContradictTheirTypeAreErrors) {
    std::string bad = typed_graph;
    // typed_graph starts on line 3 (gexf() writes two lines before it); the attvalue for="0" is
    // its 19th line: file line 21, its '<' in column 11.
    bad.replace(bad.find("value=\"250\""), 11, "value=\"many\"");
    const auto path = temp_file("badint.gexf", gexf(bad));
    EXPECT_EQ(error_of([&] { read_gexf(path); }),
              path +
                  ":21:11: error: attribute \"employees\" is declared type=\"integer\" but its "
                  "value for this node is \"many\", which is not a whole number; fix the value, "
                  "or declare the attribute type=\"string\"");
    std::string bad_default = typed_graph;
    // member's <default> is on line 9 right after a '>', so only its line is known.
    bad_default.replace(bad_default.find("<default>0<"), 11, "<default>no<");
    const auto path2 = temp_file("baddefault.gexf", gexf(bad_default));
    EXPECT_EQ(error_of([&] { read_gexf(path2); }),
              path2 +
                  ":9: error: attribute \"member\" is declared type=\"boolean\" but its "
                  "default value is \"no\", which is not true or false; fix the value, or "
                  "declare the attribute type=\"string\"");
}

TEST(ReadGexf, UndeclaredAttvalueIsKeptWithAWarning) {
    const auto raw = read_gexf(
        temp_file("undeclared.gexf", gexf("<graph>\n<nodes>\n<node id=\"a\"><attvalues>\n<attvalue "
                                          "for=\"region\" value=\"Tartu\"/></attvalues></node>\n"
                                          "</nodes></graph>\n")));
    EXPECT_EQ(cell(raw.actors, "region", 0), "Tartu");
    ASSERT_EQ(raw.warnings.size(), 1u);
    EXPECT_EQ(raw.warnings[0].pos.line, 6u);
    EXPECT_EQ(raw.warnings[0].message,
              "<attvalue for=\"region\"> refers to no <attribute> declared for nodes; its values "
              "are kept in a column named \"region\" (declare <attribute id=\"region\" "
              "title=\"...\" type=\"...\"/> to name and type it)");
}

// ---- viz ----------------------------------------------------------------------------------

TEST(ReadGexf, VizColourSizePositionAndThickness) {
    const auto raw = read_gexf(temp_file(
        "viz.gexf",
        gexf("<graph><nodes>\n"
             "<node id=\"a\"><viz:color r=\"255\" g=\"0\" b=\"16\" a=\"0.5\"/>"
             "<viz:size value=\"12.5\"/><viz:position x=\"-1.5\" y=\"2\" z=\"0.0\"/></node>\n"
             "<node id=\"b\"><viz:color hex=\"#00FF7f\"/></node>\n"
             "<node id=\"c\"/>\n"
             "</nodes><edges><edge source=\"a\" target=\"b\"><viz:thickness value=\"3\"/>"
             "<viz:color r=\"1\" g=\"2\" b=\"3\"/></edge></edges></graph>\n")));
    EXPECT_EQ(column(raw.actors, "viz_color"),
              (std::vector<std::string>{"#ff0010", "#00ff7f", ""}));
    EXPECT_EQ(column(raw.actors, "viz_alpha"), (std::vector<std::string>{"0.5", "", ""}));
    EXPECT_EQ(column(raw.actors, "viz_size"), (std::vector<std::string>{"12.5", "", ""}));
    // Gephi's coordinates, y pointing up: stored unchanged (readers.hpp).
    EXPECT_EQ(column(raw.actors, "x"), (std::vector<std::string>{"-1.5", "", ""}));
    EXPECT_EQ(column(raw.actors, "y"), (std::vector<std::string>{"2", "", ""}));
    EXPECT_EQ(column(raw.actors, "z"), (std::vector<std::string>{"0", "", ""}));
    EXPECT_EQ(cell(raw.ties, "viz_thickness", 0), "3");
    EXPECT_EQ(cell(raw.ties, "viz_color", 0), "#010203");
}

TEST(ReadGexf, BadVizValuesAreErrors) {
    auto path = temp_file("badcolour.gexf",
                          gexf("<graph><nodes>\n  <node id=\"a\">\n    <viz:color r=\"300\" "
                               "g=\"0\" b=\"0\"/></node></nodes></graph>\n"));
    EXPECT_EQ(error_of([&] { read_gexf(path); }),
              path +
                  ":5:5: error: <viz:color> needs r as a whole number from 0 to 255, got 300; "
                  "write <viz:color r=\"255\" g=\"0\" b=\"0\"/> or hex=\"#ff0000\"");
    path = temp_file("badpos.gexf", gexf("<graph><nodes>\n  <node id=\"a\">\n    <viz:position "
                                         "x=\"1,5\" y=\"0\"/></node></nodes></graph>\n"));
    EXPECT_EQ(error_of([&] { read_gexf(path); }),
              path +
                  ":5:5: error: <viz:position> has x=\"1,5\", which is not a number; fix the "
                  "value, or remove the element");
}

TEST(ReadGexf, ChosenByExtensionOptionAndContent) {
    EXPECT_EQ(format_from_extension("a/b.GEXF"), InputFormat::gexf);
    EXPECT_EQ(format_from_extension("b.gexf.gz"), InputFormat::gexf);
    EXPECT_EQ(parse_input_format("gexf"), InputFormat::gexf);
    // A GEXF file named .xml or .dat is told by its <gexf> element, with a warning.
    for (const char* name : {"saved.xml", "saved.dat"}) {
        const auto path = temp_file(name, gexf(small_graph));
        const auto net = load_network({path}, {});
        EXPECT_EQ(net.report().format, "gexf") << name;
        ASSERT_FALSE(net.report().warnings.empty()) << name;
        EXPECT_EQ(net.report().warnings[0].message,
                  "read as GEXF from its content (a <gexf> element), not from its name; use "
                  "--format to choose another reading")
            << name;
    }
}

}  // namespace
}  // namespace clusterlens
