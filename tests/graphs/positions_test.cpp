// Layout positions kept from input files (readers.hpp, "Positions"): actor attributes x and y in
// the file's units with y pointing up, and written back by the GraphML and Pajek writers.
// Expected numbers are copied from the files (quoted in the comments) and converted by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "graphs/load.hpp"
#include "graphs/readers.hpp"
#include "graphs/write.hpp"
#include "reader_test_helpers.hpp"
#include "test_files.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {
using testing::corpus;
using testing::data;
using testing::error_of;
using testing::TempDir;

/// The position of actor `id`: {x, y}, NaN where missing; {NaN, NaN} without x/y attributes.
std::pair<double, double> position(const Network& net, const std::string& id) {
    const auto* x = net.actor_attributes().find("x");
    const auto* y = net.actor_attributes().find("y");
    const auto i = net.find_actor(id);
    if (x == nullptr || y == nullptr || !i || x->kind != AttributeColumn::Kind::number ||
        y->kind != AttributeColumn::Kind::number)
        return {std::nan(""), std::nan("")};
    return {x->numbers[*i], y->numbers[*i]};
}

bool has_position_columns(const Network& net) {
    return net.actor_attributes().find("x") != nullptr ||
           net.actor_attributes().find("y") != nullptr;
}

#define SKIP_WITHOUT_CORPUS(path) \
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path

// ---- Pajek ----------------------------------------------------------------------------------

TEST(Positions, PajekUsAir97KeepsXAndOneMinusY) {
    const auto path = corpus("pajek/USAir97.net");
    SKIP_WITHOUT_CORPUS(path);
    const auto net = load_network({path}, {});
    ASSERT_EQ(net.actor_count(), 332u);
    // From the file:
    //  1 "Wiley Post-Will Rogers Mem"  0.4407 0.0910 0.5000 -> x 0.4407, y 1 - 0.0910 = 0.9090
    //  2 "Deadhorse"                   0.4830 0.1014 0.5000 -> x 0.4830, y 1 - 0.1014 = 0.8986
    //  3 "Ralph Wien Memorial"         0.4110 0.1330 0.5000 -> x 0.4110, y 1 - 0.1330 = 0.8670
    const double expected[3][2] = {{0.4407, 0.9090}, {0.4830, 0.8986}, {0.4110, 0.8670}};
    for (int v = 0; v < 3; ++v) {
        const auto [x, y] = position(net, std::to_string(v + 1));
        EXPECT_DOUBLE_EQ(x, expected[v][0]) << "vertex " << v + 1;
        EXPECT_DOUBLE_EQ(y, expected[v][1]) << "vertex " << v + 1;
    }
    EXPECT_EQ(net.actor(0).label, "Wiley Post-Will Rogers Mem");
}

TEST(Positions, PajekCoordinatesBeforeKeywordsAndKeywordOnlyLines) {
    const auto path = testing::temp_file("keywords.net",
                                         "*Vertices 5\n"
                                         "1 \"Acme Tools\" 0.1 0.2 0.5 ic Red\n"
                                         "2 \"Bolt\" ic Blue bc Black\n"
                                         "3 \"Cog\" box x_fact 2\n"
                                         "4 Dent 0.75 1\n"
                                         "*Edges\n1 2\n2 3 2 c Green\n");
    const RawNetwork raw = read_pajek(path);
    using V = std::vector<std::string>;
    EXPECT_EQ(testing::column(raw.actors, "Label"), (V{"Acme Tools", "Bolt", "Cog", "Dent", ""}));
    // x as written; y = 1 - y: 1 - 0.2 = 0.8, 1 - 1 = 0. Keyword lines and vertex 5 (no line):
    // no position.
    EXPECT_EQ(testing::column(raw.actors, "x"), (V{"0.1", "", "", "0.75", ""}));
    EXPECT_EQ(testing::column(raw.actors, "y"), (V{"0.8", "", "", "0", ""}));
    EXPECT_EQ(raw.actors.col_pos(static_cast<std::size_t>(raw.actors.find("x")), 0), 16u);
    EXPECT_EQ(testing::column(raw.ties, "Weight"), (V{"", "2"}));
}

TEST(Positions, PajekXWithoutYIsAnError) {
    const auto bad = testing::temp_file("bad_y.net", "*Vertices 2\n1 \"a\" 0.3 zz\n2 \"b\"\n");
    EXPECT_EQ(error_of([&] { read_pajek(bad); }),
              bad +
                  ":2:11: error: vertex 1 has an x coordinate (0.3) but 'zz' is not a y "
                  "coordinate; a vertex line is 'n \"label\" x y [z]' followed by optional "
                  "keywords (ic Red, box, ...): give both coordinates or neither");
    const auto lone = testing::temp_file("lone_x.net", "*Vertices 1\n1 \"a\" 0.3\n");
    EXPECT_EQ(error_of([&] { read_pajek(lone); }),
              lone +
                  ":2:10: error: vertex 1 has an x coordinate (0.3) but no y coordinate; a "
                  "vertex line is 'n \"label\" x y [z]' followed by optional keywords (ic Red, "
                  "box, ...): give both coordinates or neither");
}

TEST(Positions, FilesWithoutPositionsGetNoXYColumns) {
    EXPECT_LT(read_pajek(data("pajek/matrix.net")).actors.find("x"), 0);
    EXPECT_FALSE(has_position_columns(load_network({data("pajek/relations.net")}, {})));
    EXPECT_FALSE(has_position_columns(load_network({data("vna/ties_only.vna")}, {})));
    EXPECT_LT(read_graphml(data("graphml/keys_defaults.graphml")).actors.find("x"), 0);
    EXPECT_LT(read_gml(data("gml/latin1.gml")).actors.find("x"), 0);
}

// ---- VNA ------------------------------------------------------------------------------------

TEST(Positions, VnaNodePropertiesGiveXAndMinusY) {
    const auto path = testing::temp_file("positions.vna",
                                         "*node data\n"
                                         "ID kind x\n"
                                         "a firm 1\n"
                                         "b uni 2\n"
                                         "c firm 3\n"
                                         "*Node properties\n"
                                         "ID x y color shape size\n"
                                         "a 10 20 255 1 6\n"
                                         "b -5.5 0 255 1 6\n"
                                         "d 3 -4 255 1 6\n"
                                         "*tie data\n"
                                         "from to strength\n"
                                         "a b 1\n"
                                         "b c 2\n");
    const auto net = load_network({path}, {});
    // a (10, 20) -> (10, -20); b (-5.5, 0) -> (-5.5, 0); d (3, -4) -> (3, 4), an actor that only
    // *node properties lists; c has no position. The node data column x is renamed x_attr.
    EXPECT_EQ(position(net, "a"), std::make_pair(10.0, -20.0));
    EXPECT_EQ(position(net, "b"), std::make_pair(-5.5, 0.0));
    EXPECT_FALSE(std::signbit(position(net, "b").second));  // 0, not -0
    EXPECT_EQ(position(net, "d"), std::make_pair(3.0, 4.0));
    EXPECT_TRUE(std::isnan(position(net, "c").first));
    EXPECT_TRUE(std::isnan(position(net, "c").second));
    const auto* kept = net.actor_attributes().find("x_attr");
    ASSERT_NE(kept, nullptr);
    EXPECT_EQ(kept->numbers[*net.find_actor("c")], 3.0);
}

TEST(Positions, VnaCorpusEmptyAttribute) {
    const auto path = corpus("vna/emptyattribute.vna");
    SKIP_WITHOUT_CORPUS(path);
    const auto net = load_network({path}, {});
    // "*Node properties / ID x y ...": 1 -355.93912 -114.81057, 2 -170.28754 214.69585,
    // 3 526.2267 -99.88528 -> y negated.
    EXPECT_EQ(position(net, "1"), std::make_pair(-355.93912, 114.81057));
    EXPECT_EQ(position(net, "2"), std::make_pair(-170.28754, -214.69585));
    EXPECT_EQ(position(net, "3"), std::make_pair(526.2267, 99.88528));
}

TEST(Positions, VnaNonNumericPositionIsAnError) {
    const auto path = testing::temp_file("bad_position.vna",
                                         "*node properties\nID x y\na zz 1\n*tie data\n"
                                         "from to\na b\n");
    EXPECT_EQ(error_of([&] { read_vna(path); }),
              path +
                  ":3:3: error: the x position 'zz' in *node properties is not a number; NetDraw "
                  "writes positions such as 120.5 (leave both x and y empty for an actor without "
                  "a position)");
}

// ---- GraphML --------------------------------------------------------------------------------

const char* gephi_and_yed_graphml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
    "         xmlns:y=\"http://www.yworks.com/xml/graphml\">\n"
    "  <key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"float\"/>\n"
    "  <key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"float\"/>\n"
    "  <key id=\"d6\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
    "  <graph edgedefault=\"undirected\">\n"
    "    <node id=\"a\"><data key=\"x\">1.5</data><data key=\"y\">-2</data></node>\n"
    "    <node id=\"b\"><data key=\"d6\"><y:ShapeNode>\n"
    "      <y:Geometry height=\"30.0\" width=\"40.0\" x=\"100.0\" y=\"50.0\"/>\n"
    "    </y:ShapeNode></data></node>\n"
    "    <node id=\"c\"><data key=\"d6\"><y:ShapeNode>\n"
    "      <y:Geometry height=\"30\" width=\"30\" x=\"0\" y=\"0\"/></y:ShapeNode></data>\n"
    "      <data key=\"x\">7</data><data key=\"y\">8</data></node>\n"
    "    <node id=\"d\"/>\n"
    "    <edge source=\"a\" target=\"b\"/><edge source=\"c\" target=\"d\"/>\n"
    "  </graph>\n"
    "</graphml>\n";

TEST(Positions, GraphmlGephiAttributesAndYedGeometry) {
    const auto path = testing::temp_file("positions.graphml", gephi_and_yed_graphml);
    const auto net = load_network({path}, {});
    // a: Gephi x/y keys, kept (Gephi's y points up). b: yEd geometry, top-left (100, 50), size
    // 40 x 30 -> centre (100 + 40/2, 50 + 30/2) = (120, 65) -> y up: (120, -65). c: both, the
    // attributes win: (7, 8). d: nothing.
    EXPECT_EQ(position(net, "a"), std::make_pair(1.5, -2.0));
    EXPECT_EQ(position(net, "b"), std::make_pair(120.0, -65.0));
    EXPECT_EQ(position(net, "c"), std::make_pair(7.0, 8.0));
    EXPECT_TRUE(std::isnan(position(net, "d").first));
}

TEST(Positions, GraphmlYfilesCorpusCentres) {
    const auto path = corpus("graphml/yfiles.graphml");
    SKIP_WITHOUT_CORPUS(path);
    const auto net = load_network({path}, {});
    ASSERT_EQ(net.actor_count(), 4u);
    // <y:RectD X Y Width Height/> of each node, centre = (X + W/2, -(Y + H/2)):
    //  n0 X=469 Y=246 W=60  H=60 -> (469 + 30, -(246 + 30)) = (499, -276)
    //  n1 X=650 Y=405 W=60  H=60 -> (650 + 30, -(405 + 30)) = (680, -435)
    //  n2 X=476 Y=572 W=100 H=60 -> (476 + 50, -(572 + 30)) = (526, -602)
    //  n3 X=758 Y=258 W=60  H=60 -> (758 + 30, -(258 + 30)) = (788, -288)
    EXPECT_EQ(position(net, "n0"), std::make_pair(499.0, -276.0));
    EXPECT_EQ(position(net, "n1"), std::make_pair(680.0, -435.0));
    EXPECT_EQ(position(net, "n2"), std::make_pair(526.0, -602.0));
    EXPECT_EQ(position(net, "n3"), std::make_pair(788.0, -288.0));
    // The file's <port> elements are ignored with one warning (they used to be an error).
    bool port_warning = false;
    for (const auto& w : net.report().warnings)
        port_warning |= w.message.find("<port> elements are ignored") != std::string::npos;
    EXPECT_TRUE(port_warning);
}

// ---- GML ------------------------------------------------------------------------------------

TEST(Positions, GmlGraphicsYDownUnlessGephi) {
    const std::string body =
        "graph [\n"
        "  node [ id 1 label \"a\" graphics [ x 10.5 y 20 w 30 h 30 type \"rectangle\" ] ]\n"
        "  node [ id 2 label \"b\" x 1 y 2 graphics [ x 5 y 6 ] ]\n"
        "  node [ id 3 label \"c\" ]\n"
        "  edge [ source 1 target 2 graphics [ Line [ point [ x 1 y 2 ] ] ] ]\n"
        "]\n";
    // yEd-like file: y points down -> a (10.5, -20); b has its own x y keys, which win: (1, 2).
    const auto yed =
        load_network({testing::temp_file("yed.gml", "Creator \"yFiles\"\n" + body)}, {});
    EXPECT_EQ(position(yed, "1"), std::make_pair(10.5, -20.0));
    EXPECT_EQ(position(yed, "2"), std::make_pair(1.0, 2.0));
    EXPECT_TRUE(std::isnan(position(yed, "3").first));
    // Gephi writes Creator "Gephi" inside graph [ ] and its own y-up coordinates: kept.
    std::string gephi = body;
    gephi.insert(std::string("graph [\n").size(), "  Creator \"Gephi\"\n");
    const auto g = load_network({testing::temp_file("gephi.gml", gephi)}, {});
    EXPECT_EQ(position(g, "1"), std::make_pair(10.5, 20.0));
}

// ---- writers and round trips ------------------------------------------------------------------

TEST(Positions, GraphmlRoundTripWritesDoubleKeysGephiReads) {
    TempDir dir;
    const auto in = dir.file("in.graphml", gephi_and_yed_graphml);
    const auto net = load_network({in}, {});
    const auto out = dir.path("out.graphml");
    write_network(net, out, {in});
    const auto text = testing::slurp(out);
    EXPECT_NE(text.find("<key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>"),
              std::string::npos);
    EXPECT_NE(text.find("<key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>"),
              std::string::npos);
    const auto back = load_network({out}, {});
    for (const char* id : {"a", "b", "c"}) EXPECT_EQ(position(back, id), position(net, id)) << id;
    EXPECT_TRUE(std::isnan(position(back, "d").first));
}

TEST(Positions, PajekRoundTripKeepsCoordinates) {
    TempDir dir;
    const auto in = dir.file("in.net",
                             "*Vertices 3\n"
                             "1 \"a\" 0.1 0.2 0.5\n"
                             "2 \"b\" 0.4407 0.0910\n"
                             "3 \"c\" ic Red\n"
                             "*Edges\n1 2\n2 3\n");
    const auto net = load_network({in}, {});
    const auto out = dir.path("out.net");
    write_network(net, out, {in});
    // Back in Pajek's convention (y down): the labels and numbers of the input, z dropped.
    const std::string want = "*Vertices 3\n1 \"a\" 0.1 0.2\n2 \"b\" 0.4407 0.091\n3 \"c\"\n";
    EXPECT_EQ(testing::slurp(out).substr(0, want.size()), want);
    const auto back = load_network({out}, {});
    for (const char* id : {"1", "2"}) {
        const auto i = back.find_actor(id);  // Pajek ids are vertex numbers both times
        ASSERT_TRUE(i.has_value());
        EXPECT_EQ(position(back, id), position(net, id)) << id;
    }
    EXPECT_TRUE(std::isnan(position(back, "3").first));
}

}  // namespace
}  // namespace clusterlens
