// Tests of read_gexf, continued (read_gexf_test.cpp has the corpus and the features): dynamic
// files, what is refused, and the error cases with their exact messages and positions.
#include <gtest/gtest.h>

#include <string>

#include "gexf_document.hpp"
#include "graphs/load.hpp"
#include "graphs/readers.hpp"
#include "reader_test_helpers.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using testing::cell;
using testing::column;
using testing::error_of;
using testing::gexf;
using testing::temp_file;

std::string load_error(const std::string& path) {
    try {
        load_network({path}, {});
    } catch (const InputErrors& e) {
        return e.errors().front().what();
    } catch (const Error& e) {
        return e.what();
    }
    return "<no error>";
}

// ---- dynamic files ------------------------------------------------------------------------

TEST(ReadGexf, DynamicFileIsOneStaticNetworkWithTimeColumns) {
    const auto path = temp_file(
        "dynamic.gexf",
        gexf("<graph mode=\"dynamic\" timeformat=\"double\" defaultedgetype=\"undirected\">\n"
             "<attributes class=\"node\" mode=\"dynamic\"><attribute id=\"s\" title=\"staff\" "
             "type=\"integer\"/></attributes>\n"
             "<nodes>\n"
             "<node id=\"a\" start=\"2001\" end=\"2005\"><attvalues>\n"
             "<attvalue for=\"s\" value=\"30\" start=\"2003\" end=\"2005\"/>\n"
             "<attvalue for=\"s\" value=\"10\" start=\"2001\" end=\"2003\"/>\n"
             "</attvalues></node>\n"
             "<node id=\"b\"><spells><spell start=\"2002\" end=\"2003\"/>"
             "<spell start=\"2001\" end=\"2002\"/><spell start=\"2004\" end=\"2006\"/>"
             "</spells></node>\n"
             "<node id=\"c\"/>\n"
             "</nodes>\n<edges><edge source=\"a\" target=\"b\" start=\"2002\"/></edges>\n"
             "</graph>\n"));
    const auto raw = read_gexf(path);
    EXPECT_EQ(column(raw.actors, "start"), (std::vector<std::string>{"2001", "2001", ""}));
    EXPECT_EQ(column(raw.actors, "end"), (std::vector<std::string>{"2005", "2006", ""}));
    EXPECT_EQ(column(raw.actors, "spells"),
              (std::vector<std::string>{"", "[2002, 2003]; [2001, 2002]; [2004, 2006]", ""}));
    EXPECT_EQ(cell(raw.ties, "start", 0), "2002");
    // The value that starts last (2003), whatever its place in the file.
    EXPECT_EQ(column(raw.actors, "staff"), (std::vector<std::string>{"30", "", ""}));
    ASSERT_EQ(raw.warnings.size(), 2u);
    EXPECT_EQ(raw.warnings[0].pos.line, 6u);  // node a, the first with time bounds
    EXPECT_EQ(raw.warnings[0].message,
              "the file is dynamic (mode=\"dynamic\"; time bounds on 2 nodes and 1 edges): read "
              "as one static network of every node and edge that exists at any time, with their "
              "time bounds as actor and tie columns start and end (several spells: the first "
              "start and the last end, all of them in column spells); to compare waves, export "
              "one GEXF per time slice (Gephi's timeline) and run clusterlens compare A.gexf "
              "B.gexf");
    EXPECT_EQ(raw.warnings[1].message,
              "1 attribute has several values over time (first here): the one with the latest "
              "start was kept");
    const auto net = load_network({path}, {});
    EXPECT_EQ(net.actor_count(), 3u);
    EXPECT_EQ(net.tie_count(), 1u);
}

// ---- refused ------------------------------------------------------------------------------

TEST(ReadGexf, HierarchicalGraphsAreRefused) {
    auto path = temp_file("nested.gexf",
                          gexf("<graph><nodes>\n  <node id=\"g\">\n    <nodes><node id=\"a\"/>"
                               "</nodes></node></nodes></graph>\n"));
    EXPECT_EQ(error_of([&] { read_gexf(path); }),
              path +
                  ":5:5: error: hierarchical GEXF (nodes inside a node) is not supported: "
                  "clusterlens reads a flat network; move the inner <node> elements into the "
                  "graph's <nodes> and record the group as a node attribute instead (an "
                  "attribute titled group is read as the actors' group)");
    path = temp_file("pid.gexf", gexf("<graph><nodes>\n  <node id=\"g\"/>\n  <node id=\"a\" "
                                      "pid=\"g\"/></nodes></graph>\n"));
    EXPECT_EQ(error_of([&] { read_gexf(path); }),
              path +
                  ":5:3: error: node attribute pid (a parent node: hierarchical GEXF) is not "
                  "supported: clusterlens reads a flat network; record the parent as a node "
                  "attribute instead (an attribute titled group is read as the actors' group)");
    path =
        temp_file("parents.gexf", gexf("<graph><nodes>\n  <node id=\"a\">\n    <parents>"
                                       "<parent for=\"g\"/></parents></node></nodes></graph>\n"));
    EXPECT_EQ(error_of([&] { read_gexf(path); }),
              path +
                  ":5:5: error: <parents> (hierarchical GEXF) is not supported: clusterlens reads "
                  "a flat network; record the parent as a node attribute instead (an attribute "
                  "titled group is read as the actors' group)");
}

// ---- errors -------------------------------------------------------------------------------

TEST(ReadGexf, ErrorsNameTheLineAndColumn) {
    auto path = temp_file("nosource.gexf",
                          gexf("<graph><nodes><node id=\"a\"/></nodes>\n<edges>\n    <edge "
                               "target=\"a\"/></edges></graph>\n"));
    EXPECT_EQ(error_of([&] { read_gexf(path); }),
              path +
                  ":5:5: error: <edge> has no source attribute; write <edge id=\"0\" "
                  "source=\"n0\" target=\"n1\">");
    path = temp_file("noid.gexf", gexf("<graph><nodes>\n <node label=\"x\"/></nodes></graph>\n"));
    EXPECT_EQ(error_of([&] { read_gexf(path); }),
              path +
                  ":4:2: error: <node> has no id attribute; give every node a unique id "
                  "(<node id=\"n0\">)");
    path = temp_file("badtype.gexf", gexf("<graph defaultedgetype=\"both\"><nodes/></graph>\n"));
    EXPECT_EQ(error_of([&] { read_gexf(path); }),
              path +
                  ":3:1: error: defaultedgetype=\"both\" is not valid; write "
                  "defaultedgetype=\"directed\", \"undirected\" or \"mutual\"");
    path = temp_file("twice.gexf", gexf("<graph><attributes class=\"node\">\n"
                                        "  <attribute id=\"0\" title=\"a\"/>\n"
                                        "  <attribute id=\"0\" title=\"b\"/>\n"
                                        "</attributes><nodes/></graph>\n"));
    EXPECT_EQ(error_of([&] { read_gexf(path); }),
              path +
                  ":5:3: error: attribute id \"0\" is declared twice for nodes; give each "
                  "<attribute> its own id");
    path = temp_file("twographs.gexf", gexf("<graph/>\n<graph/>\n"));
    EXPECT_EQ(error_of([&] { read_gexf(path); }),
              path +
                  ":4:1: error: the file holds more than one <graph>; keep one graph per file "
                  "(split the file, or merge the graphs)");
    path = temp_file("badclass.gexf",
                     gexf("<graph>\n  <attributes class=\"graph\"/><nodes/></graph>\n"));
    EXPECT_EQ(error_of([&] { read_gexf(path); }),
              path +
                  ":4:3: error: <attributes> needs class=\"node\" or class=\"edge\", got "
                  "class=\"graph\"; say whether the attributes describe nodes or edges");
}

TEST(ReadGexf, UnknownNodeInAnEdgeIsAnErrorAtTheEdge) {
    const auto path = temp_file("unknown.gexf", gexf("<graph><nodes><node id=\"a\"/></nodes>\n"
                                                     "<edges>\n  <edge source=\"a\" "
                                                     "target=\"zz\"/></edges></graph>\n"));
    EXPECT_EQ(load_error(path), path +
                                    ":5:3: error: tie refers to unknown actor 'zz', which is "
                                    "not in " +
                                    path + "; add the actor or pass --create-missing");
}

TEST(ReadGexf, MalformedXmlIsReportedWhereLibxml2FindsIt) {
    // Line 4 is `<nodes><node id="a"></nodes>`: the <node> is never closed; libxml2 stops at the
    // end tag </nodes> (columns 21-28) and gives column 29, the character after it.
    const auto path =
        temp_file("malformed.gexf", gexf("<graph>\n<nodes><node id=\"a\"></nodes></graph>\n"));
    EXPECT_EQ(error_of([&] { read_gexf(path); }),
              path +
                  ":4:29: error: malformed XML: Opening and ending tag mismatch: node line 4 and "
                  "nodes; check the XML syntax near this position (every tag closed and properly "
                  "nested, attribute values quoted, '&' written as &amp;)");
    const auto empty = temp_file("empty.gexf", "  \n");
    EXPECT_EQ(error_of([&] { read_gexf(empty); }),
              empty +
                  ": error: the file is empty; a GEXF file needs a <gexf> root element with "
                  "a <graph> holding <nodes> and <edges>");
    const auto graphml = temp_file("notgexf.gexf", "<graphml/>\n");
    EXPECT_EQ(error_of([&] { read_gexf(graphml); }),
              graphml +
                  ":1: error: the root element is <graphml>, not <gexf>; this does not look "
                  "like a GEXF file");
    const auto nograph = temp_file("nograph.gexf", gexf(""));
    EXPECT_EQ(error_of([&] { read_gexf(nograph); }),
              nograph +
                  ": error: the file has no <graph> element; GEXF keeps nodes and edges "
                  "inside <graph defaultedgetype=\"undirected\"> <nodes> ... </nodes> <edges> "
                  "... </edges> </graph>");
}

// ---- loading ------------------------------------------------------------------------------

}  // namespace
}  // namespace clusterlens
