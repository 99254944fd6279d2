// GEXF reader and writer. Expected values: the corpus counts from NetworkX 2.8's read_gexf
// (tests/interop/corpus_counts.txt), the cells read off the small files written here by hand,
// and for the writer what NetworkX reads back (tests/interop/check_gexf.py, run by ctest).
#include <gtest/gtest.h>

#include <filesystem>

#include "graphs/load.hpp"
#include "graphs/readers.hpp"
#include "graphs/write.hpp"
#include "tests/graphs/reader_test_helpers.hpp"
#include "tests/graphs/test_files.hpp"
#include "tests/test_paths.hpp"

namespace clusterlens {
namespace {
using testing::cell;
using testing::column;
using testing::corpus;
using testing::error_of;
using testing::temp_file;
using V = std::vector<std::string>;

std::string gexf(const std::string& ns, const std::string& graph_attrs, const std::string& body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"" + ns + "\" xmlns:viz=\"" +
           ns + "/viz\" version=\"1.2\">\n<graph " + graph_attrs + ">\n" + body +
           "</graph>\n</gexf>\n";
}

// Les Misérables as Gephi 0.10 exports it (GEXF 1.3): 77 / 254 as NetworkX reads it; the first
// node is 11 "Valjean", modularity class 1, r=245 g=91 b=91, size 100.0, x=-87.93029 y=6.8120565
// (read off the file).
TEST(ReadGexf, CorpusLesMiserables) {
    const auto path = corpus("gexf/lesmis.gexf");
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path;
    const RawNetwork raw = read_gexf(path);
    EXPECT_EQ(raw.actors.rows(), 77u);
    EXPECT_EQ(raw.ties.rows(), 254u);
    EXPECT_EQ(raw.directed, std::optional<bool>(false));
    EXPECT_EQ(cell(raw.actors, "Id", 0), "11");
    EXPECT_EQ(cell(raw.actors, "Label", 0), "Valjean");
    EXPECT_EQ(cell(raw.actors, "Modularity Class", 0), "1");
    EXPECT_EQ(cell(raw.actors, "viz_color", 0), "#f55b5b");
    EXPECT_EQ(cell(raw.actors, "viz_size", 0), "100.0");
    EXPECT_EQ(cell(raw.actors, "x", 0), "-87.93029");
    EXPECT_EQ(cell(raw.actors, "y", 0), "6.8120565");
    EXPECT_TRUE(raw.warnings.empty());
    const auto net = load_network({path}, {});
    EXPECT_EQ(net.actor_count(), 77u);
    EXPECT_EQ(net.tie_count(), 254u);
    ASSERT_NE(net.actor_attributes().find("Modularity Class"), nullptr);
    EXPECT_EQ(net.actor_attributes().find("Modularity Class")->kind, AttributeColumn::Kind::number);
}

// Gephi's importer test file: one node with a url, an indegree and a boolean whose <default> is
// true; one edge, a self-loop (dropped by assembly).
TEST(ReadGexf, CorpusGephiDataDefaults) {
    const auto path = corpus("gexf/data.gexf");
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path;
    const RawNetwork raw = read_gexf(path);
    EXPECT_EQ(column(raw.actors, "Id"), V{"0"});
    EXPECT_EQ(cell(raw.actors, "url", 0), "http://gephi.org");
    EXPECT_EQ(cell(raw.actors, "indegree", 0), "1");
    EXPECT_EQ(cell(raw.actors, "valid", 0), "true");  // from <default>
    EXPECT_EQ(raw.directed, std::optional<bool>(true));
    const auto net = load_network({path}, {});
    EXPECT_EQ(net.actor_count(), 1u);
    EXPECT_EQ(net.tie_count(), 0u);
}

TEST(ReadGexf, EveryNamespaceSpellingReadsAlike) {
    const std::string body =
        "<nodes><node id=\"a\" label=\"A\"/><node id=\"b\"/></nodes>\n"
        "<edges><edge id=\"0\" source=\"a\" target=\"b\" weight=\"2.5\"/></edges>\n";
    for (const char* ns :
         {"http://www.gexf.net/1.2draft", "http://gexf.net/1.2draft", "http://gexf.net/1.3",
          "http://www.gexf.net/1.3", "http://www.gephi.org/gexf/1.1draft"}) {
        const auto path = temp_file("ns.gexf", gexf(ns, "defaultedgetype=\"directed\"", body));
        const RawNetwork raw = read_gexf(path);
        EXPECT_EQ(column(raw.actors, "Id"), (V{"a", "b"})) << ns;
        EXPECT_EQ(column(raw.actors, "Label"), (V{"A", ""})) << ns;
        EXPECT_EQ(column(raw.ties, "Weight"), V{"2.5"}) << ns;
        EXPECT_EQ(raw.directed, std::optional<bool>(true)) << ns;
    }
}

// kind: two edges a-b of kind advice are one tie of weight 1 + 2 (assembly sums parallel ties);
// the a-b edge of kind trust is a tie of another relation. mutual is undirected; a graph
// without defaultedgetype is undirected (the GEXF default).
TEST(ReadGexf, KindIsTheRelationAndEdgeTypes) {
    const auto path = temp_file(
        "kind.gexf",
        gexf("http://gexf.net/1.3", "",
             "<nodes><node id=\"a\"/><node id=\"b\"/><node id=\"c\"/></nodes>\n"
             "<edges>\n"
             "<edge id=\"0\" source=\"a\" target=\"b\" kind=\"advice\"/>\n"
             "<edge id=\"1\" source=\"a\" target=\"b\" kind=\"advice\" weight=\"2\"/>\n"
             "<edge id=\"2\" source=\"a\" target=\"b\" kind=\"trust\" type=\"mutual\"/>\n"
             "<edge id=\"3\" source=\"b\" target=\"c\" kind=\"trust\" label=\"since 2019\"/>\n"
             "</edges>\n"));
    const RawNetwork raw = read_gexf(path);
    EXPECT_EQ(column(raw.ties, "relation"), (V{"advice", "advice", "trust", "trust"}));
    EXPECT_EQ(column(raw.ties, "Type"), (V{"", "", "Undirected", ""}));
    EXPECT_EQ(cell(raw.ties, "label", 3), "since 2019");
    EXPECT_EQ(raw.directed, std::optional<bool>(false));
    const auto net = load_network({path}, {});
    ASSERT_EQ(net.tie_count(), 3u);
    EXPECT_EQ(net.relations(), (V{"advice", "trust"}));
    EXPECT_DOUBLE_EQ(net.weight(0), 3.0);
}

TEST(ReadGexf, TypedAttributesDefaultsAndUndeclaredValues) {
    const auto path = temp_file(
        "attrs.gexf",
        gexf("http://www.gexf.net/1.2draft", "defaultedgetype=\"undirected\"",
             "<attributes class=\"node\">\n"
             "<attribute id=\"0\" title=\"type\" type=\"string\"><default>firm</default>"
             "</attribute>\n"
             "<attribute id=\"1\" title=\"employees\" type=\"integer\"/>\n"
             "<attribute id=\"2\" title=\"label\" type=\"string\"/>\n"
             "</attributes>\n"
             "<attributes class=\"edge\"><attribute id=\"w\" title=\"weight\" "
             "type=\"double\"/></attributes>\n"
             "<nodes>\n"
             "<node id=\"a\"><attvalues><attvalue for=\"0\" value=\"university\"/>"
             "<attvalue for=\"1\" value=\"250\"/><attvalue for=\"2\" value=\"x\"/></attvalues>"
             "</node>\n"
             "<node id=\"b\"><attvalues><attvalue id=\"1\" value=\"12\"/>"
             "<attvalue for=\"9\" value=\"?\"/></attvalues></node>\n"
             "</nodes>\n"
             "<edges><edge source=\"a\" target=\"b\"><attvalues><attvalue for=\"w\" "
             "value=\"7\"/></attvalues></edge></edges>\n"));
    const RawNetwork raw = read_gexf(path);
    EXPECT_EQ(column(raw.actors, "type"), (V{"university", "firm"}));  // b: the default
    EXPECT_EQ(column(raw.actors, "employees"), (V{"250", "12"}));      // 1.1's attvalue id=
    EXPECT_EQ(column(raw.actors, "label_attr"), (V{"x", ""}));         // not the label
    EXPECT_EQ(column(raw.actors, "9"), (V{"", "?"}));
    EXPECT_EQ(column(raw.ties, "weight_attr"), V{"7"});  // the weight is the XML attribute
    ASSERT_EQ(raw.warnings.size(), 1u);
    EXPECT_EQ(raw.warnings[0].format(),
              path +
                  ":12: warning: <attvalue for=\"9\"> refers to no declared <attribute>; "
                  "its values are kept in a column named \"9\"");
    const auto net = load_network({path}, {});
    EXPECT_EQ(net.actor(0).type, "university");
    EXPECT_EQ(net.actor(1).type, "firm");
}

TEST(ReadGexf, DynamicFileIsReadAsOneNetworkWithOneWarning) {
    const auto path = temp_file(
        "dynamic.gexf", gexf("http://gexf.net/1.3", "mode=\"dynamic\" timeformat=\"integer\"",
                             "<nodes>\n"
                             "<node id=\"a\" start=\"2014\" end=\"2020\"/>\n"
                             "<node id=\"b\"><spells><spell start=\"2014\" end=\"2016\"/>"
                             "<spell start=\"2019\" end=\"2020\"/></spells></node>\n"
                             "</nodes>\n"
                             "<edges><edge source=\"a\" target=\"b\" start=\"2015\"/></edges>\n"));
    const RawNetwork raw = read_gexf(path);
    EXPECT_EQ(column(raw.actors, "start"), (V{"2014", ""}));
    EXPECT_EQ(column(raw.actors, "end"), (V{"2020", ""}));
    EXPECT_EQ(column(raw.actors, "spells"), (V{"", "2014..2016;2019..2020"}));
    EXPECT_EQ(column(raw.ties, "start"), V{"2015"});
    ASSERT_EQ(raw.warnings.size(), 1u);
    EXPECT_EQ(raw.warnings[0].format(),
              path +
                  ":5:1: warning: a dynamic GEXF (spells, start/end): read as one network of "
                  "every node and edge that exists at any time; the times are kept as columns "
                  "(start, end; several spells in 'spells'); to compare waves, write one file "
                  "per wave (in Gephi: timeline filter, then export) and run clusterlens "
                  "compare A B");
}

TEST(ReadGexf, RefusalsNameTheirPlace) {
    const auto nested = temp_file(
        "nested.gexf", gexf("http://gexf.net/1.3", "",
                            "<nodes>\n<node id=\"g\">\n  <nodes><node id=\"a\"/></nodes>\n"
                            "</node>\n</nodes>\n"));
    EXPECT_EQ(error_of([&] { read_gexf(nested); }),
              nested +
                  ":6:3: error: hierarchical GEXF (<nodes> inside a node) is not "
                  "supported; export the flat graph from Gephi");
    const auto no_target = temp_file(
        "notarget.gexf", gexf("http://gexf.net/1.3", "",
                              "<nodes><node id=\"a\"/></nodes>\n<edges>\n  <edge source=\"a\"/>\n"
                              "</edges>\n"));
    EXPECT_EQ(error_of([&] { read_gexf(no_target); }),
              no_target +
                  ":6:3: error: <edge> has no target; give every edge source=\"...\" "
                  "and target=\"...\"");
    const auto bad_type =
        temp_file("badtype.gexf", gexf("http://gexf.net/1.3", "defaultedgetype=\"both\"", ""));
    EXPECT_EQ(error_of([&] { read_gexf(bad_type); }),
              bad_type +
                  ":3:1: error: defaultedgetype=\"both\" is not a GEXF edge type; write "
                  "directed, undirected or mutual");
    const auto broken = temp_file("broken.gexf", "<gexf><graph><nodes></graph></gexf>\n");
    EXPECT_EQ(error_of([&] { read_gexf(broken); }).rfind(broken + ":1:", 0), 0u);
    const auto other = temp_file("other.gexf", "<?xml version=\"1.0\"?><graphml/>\n");
    EXPECT_EQ(error_of([&] { read_gexf(other); }),
              other +
                  ":1: error: the root element is <graphml>, not <gexf>; this does not "
                  "look like GEXF");
    const auto empty = temp_file("empty.gexf", "\n");
    EXPECT_EQ(error_of([&] { read_gexf(empty); }),
              empty +
                  ": error: the file is empty; a GEXF file needs a <gexf> root element with "
                  "a <graph> holding <nodes> and <edges>");
}

// The writer: positions go to viz:position and come back as x, y; colours and sizes a GEXF file
// gave come back as viz elements; relations come back from kind.
TEST(WriteGexf, PositionsColoursAndRelationsSurvive) {
    const auto in = temp_file(
        "viz.gexf",
        gexf("http://gexf.net/1.3", "defaultedgetype=\"directed\"",
             "<nodes>\n"
             "<node id=\"a\" label=\"Acme\"><viz:color r=\"255\" g=\"0\" b=\"16\"/>"
             "<viz:size value=\"3.5\"/><viz:position x=\"1.5\" y=\"-2\" z=\"0\"/></node>\n"
             "<node id=\"b\" label=\"Bolt\"><viz:position x=\"0\" y=\"4\"/></node>\n"
             "</nodes>\n"
             "<edges><edge source=\"a\" target=\"b\" kind=\"advice\" weight=\"2\"/>"
             "<edge source=\"b\" target=\"a\" kind=\"trust\"/></edges>\n"));
    const auto net = load_network({in}, {});
    std::ostringstream out;
    write_gexf(net, out);
    const auto text = out.str();
    EXPECT_NE(text.find("<viz:color r=\"255\" g=\"0\" b=\"16\"/>"), std::string::npos) << text;
    EXPECT_NE(text.find("<viz:position x=\"1.5\" y=\"-2\" z=\"0\"/>"), std::string::npos);
    EXPECT_NE(text.find("kind=\"advice\""), std::string::npos);
    const auto back_path = temp_file("viz_back.gexf", text);
    const RawNetwork back = read_gexf(back_path);
    EXPECT_EQ(column(back.actors, "x"), (V{"1.5", "0"}));
    EXPECT_EQ(column(back.actors, "y"), (V{"-2", "4"}));
    EXPECT_EQ(column(back.actors, "viz_color"), (V{"#ff0010", ""}));
    EXPECT_EQ(column(back.actors, "viz_size"), (V{"3.5", ""}));
    EXPECT_EQ(column(back.actors, "Label"), (V{"Acme", "Bolt"}));
    EXPECT_EQ(column(back.ties, "relation"), (V{"advice", "trust"}));
    // The same bytes every time.
    std::ostringstream again;
    write_gexf(net, again);
    EXPECT_EQ(again.str(), text);
}

}  // namespace
}  // namespace clusterlens
