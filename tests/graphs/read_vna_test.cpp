// NetDraw VNA reader: hand-written inputs under tests/data/vna (see its README.md); every
// expected cell below is read off those files by eye.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "graphs/readers.hpp"
#include "reader_test_helpers.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using testing::cell;
using testing::column;
using testing::data;
using testing::error_of;
using testing::temp_file;
using V = std::vector<std::string>;

TEST(ReadVna, NodeAndTieDataWithQuotesAndCrlf) {
    const auto path = data("vna/network.vna");
    const RawNetwork net = read_vna(path);
    EXPECT_EQ(net.format, "vna");
    EXPECT_EQ(net.sources, V{path});
    EXPECT_TRUE(net.actors_authoritative);
    ASSERT_TRUE(net.directed.has_value());
    EXPECT_TRUE(*net.directed);
    EXPECT_TRUE(net.warnings.empty());

    // *Node properties (lines 6-8): A's x 10 y 20 is its position, y negated (NetDraw: y down);
    // the color column is not kept.
    EXPECT_EQ(net.actors.names(), (V{"Id", "name", "department", "x", "y"}));
    EXPECT_EQ(column(net.actors, "x"), (V{"10", "", ""}));
    EXPECT_EQ(column(net.actors, "y"), (V{"-20", "", ""}));
    EXPECT_EQ(column(net.actors, "Id"), (V{"A", "B", "C"}));
    EXPECT_EQ(column(net.actors, "name"), (V{"Ann Lee", "Bob \"The Builder\" Jones", "Cat"}));
    EXPECT_EQ(column(net.actors, "department"), (V{"sales", "ops", ""}));
    EXPECT_EQ(net.actors.line(1), 4u);
    EXPECT_EQ(net.actors.pos(1, net.actors.find("department")).column, 31u);

    EXPECT_EQ(net.ties.names(), (V{"Source", "Target", "Weight", "kind"}));
    EXPECT_EQ(column(net.ties, "Source"), (V{"A", "B"}));
    EXPECT_EQ(column(net.ties, "Target"), (V{"B", "C"}));
    EXPECT_EQ(column(net.ties, "Weight"), (V{"2", "1.5"}));
    EXPECT_EQ(column(net.ties, "kind"), (V{"work tie", "social"}));
    EXPECT_EQ(net.ties.line(1), 12u);
    EXPECT_EQ(net.ties.pos(1, net.ties.find("Weight")).column, 5u);
}

TEST(ReadVna, TieDataOnly) {
    const RawNetwork net = read_vna(data("vna/ties_only.vna"));
    EXPECT_FALSE(net.actors_authoritative);
    EXPECT_EQ(net.actors.rows(), 0u);
    EXPECT_EQ(column(net.ties, "Source"), (V{"1", "2"}));
    EXPECT_EQ(column(net.ties, "Target"), (V{"2", "3"}));
    EXPECT_EQ(column(net.ties, "Weight"), (V{"3", "1"}));  // "weight" column
}

TEST(ReadVna, RowWidthDifferentFromHeaderIsAnError) {
    EXPECT_EQ(error_of([] { read_vna(data("vna/bad_width.vna")); }),
              data("vna/bad_width.vna") +
                  ":3:3: error: row has 2 values but the header of *tie data has 3 columns; quote "
                  "values that contain spaces and check for missing or extra values");
}

TEST(ReadVna, DataBeforeAnySectionIsAnError) {
    EXPECT_EQ(error_of([] { read_vna(data("vna/before_section.vna")); }),
              data("vna/before_section.vna") +
                  ":1:1: error: expected a section line such as '*node data' or '*tie data' "
                  "before the data");
}

TEST(ReadVna, EmptyFileIsAnError) {
    EXPECT_EQ(error_of([] { read_vna(data("vna/empty.vna")); }),
              data("vna/empty.vna") +
                  ": error: the file is empty; a VNA file has a '*tie data' section (and "
                  "optionally '*node data') with a header row and one row per tie");
}

TEST(ReadVna, OtherSyntaxErrors) {
    const auto unknown = temp_file("unknown.vna", "*edge data\nfrom to\n");
    EXPECT_EQ(error_of([&] { read_vna(unknown); }),
              unknown +
                  ":1:1: error: unknown section '*edge data'; a VNA file has '*node data', "
                  "'*node properties' and '*tie data' sections");
    const auto quote = temp_file("quote.vna", "*node data\nid name\n1 \"Ann\n");
    EXPECT_EQ(error_of([&] { read_vna(quote); }),
              quote +
                  ":3:3: error: the quoted value is never closed; add the closing '\"' on "
                  "the same line (a quote inside a value is written '\"\"')");
    const auto both = temp_file("both.vna", "*tie data\nfrom to strength Weight\n");
    EXPECT_EQ(error_of([&] { read_vna(both); }),
              both +
                  ":2:18: error: column 'Weight' clashes with column 3 ('strength', read as "
                  "'Weight') in the header row of *tie data; rename one of them (strength and "
                  "weight both mean the tie's weight)");
    const auto one = temp_file("one_column.vna", "*tie data\nfrom\n");
    EXPECT_EQ(error_of([&] { read_vna(one); }),
              one +
                  ":2:1: error: the *tie data header needs at least two columns (e.g. 'from to "
                  "strength'); the first two name the tie's ends");
}

TEST(ReadVna, SectionNamesAreCaseAndSpaceInsensitive) {
    const auto path =
        temp_file("sections.vna", "*NODE   DATA\nid\nx\n*Tie Properties\nfrom to color\nx x 1\n");
    const RawNetwork net = read_vna(path);
    EXPECT_EQ(column(net.actors, "Id"), V{"x"});
    EXPECT_EQ(net.ties.rows(), 0u);
    EXPECT_EQ(net.ties.names(), (V{"Source", "Target"}));
}

}  // namespace
}  // namespace clusterlens
