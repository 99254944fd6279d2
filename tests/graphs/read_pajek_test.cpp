// Pajek reader: hand-written inputs under tests/data/pajek (see its README.md); every expected
// cell below is read off those files by eye.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "graphs/load.hpp"
#include "graphs/readers.hpp"
#include "reader_test_helpers.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using testing::cell;
using testing::column;
using testing::corpus;
using testing::data;
using testing::error_of;
using testing::temp_file;

using V = std::vector<std::string>;

TEST(ReadPajek, MixedArcsAndEdgesWithLabels) {
    const auto path = data("pajek/mixed.net");
    const RawNetwork net = read_pajek(path);
    EXPECT_EQ(net.format, "pajek");
    EXPECT_EQ(net.sources, V{path});
    EXPECT_TRUE(net.actors_authoritative);
    EXPECT_FALSE(net.directed.has_value());  // *Arcs and *Edges: direction per tie
    EXPECT_TRUE(net.warnings.empty());

    ASSERT_EQ(net.actors.rows(), 5u);
    EXPECT_EQ(column(net.actors, "Id"), (V{"1", "2", "3", "4", "5"}));
    // Vertex 4 has no vertex line: no label, and its row points at "*Vertices 5" (line 3).
    EXPECT_EQ(column(net.actors, "Label"), (V{"Acme Tools", "Bolt", "Cog & Co", "", "Delta"}));
    EXPECT_EQ(net.actors.line(0), 4u);
    EXPECT_EQ(net.actors.line(3), 3u);
    EXPECT_EQ(net.actors.line(4), 8u);
    EXPECT_EQ(net.actors.col_pos(static_cast<std::size_t>(net.actors.find("Label")), 0), 3u);

    ASSERT_EQ(net.ties.rows(), 5u);
    EXPECT_EQ(column(net.ties, "Source"), (V{"1", "2", "3", "4", "1"}));
    EXPECT_EQ(column(net.ties, "Target"), (V{"2", "3", "1", "5", "5"}));
    // "3 1 1 c Blue": weight 1, colour ignored; "1 5 c Green": no weight.
    EXPECT_EQ(column(net.ties, "Weight"), (V{"2.5", "", "1", "3", ""}));
    EXPECT_EQ(column(net.ties, "Type"),
              (V{"Directed", "Directed", "Directed", "Undirected", "Undirected"}));
    EXPECT_LT(net.ties.find("relation"), 0);
    EXPECT_EQ(net.ties.line(0), 10u);
    EXPECT_EQ(net.ties.line(4), 16u);
    const auto weight = static_cast<std::size_t>(net.ties.find("Weight"));
    EXPECT_EQ(net.ties.col_pos(weight, 0), 5u);
    EXPECT_EQ(net.ties.pos(3, net.ties.find("Target")).column, 3u);
}

TEST(ReadPajek, MatrixWithRelationName) {
    const RawNetwork net = read_pajek(data("pajek/matrix.net"));
    ASSERT_TRUE(net.directed.has_value());
    EXPECT_TRUE(*net.directed);
    EXPECT_EQ(column(net.actors, "Id"), (V{"1", "2", "3"}));
    EXPECT_EQ(column(net.actors, "Label"), (V{"", "", ""}));
    // Row 1 "0 1 0": 1->2 (1). Row 2 "0.5 0 2": 2->1 (0.5), 2->3 (2). Row 3 all zero.
    ASSERT_EQ(net.ties.rows(), 3u);
    EXPECT_EQ(column(net.ties, "Source"), (V{"1", "2", "2"}));
    EXPECT_EQ(column(net.ties, "Target"), (V{"2", "1", "3"}));
    EXPECT_EQ(column(net.ties, "Weight"), (V{"1", "0.5", "2"}));
    EXPECT_EQ(column(net.ties, "relation"), (V{"trust", "trust", "trust"}));
    EXPECT_LT(net.ties.find("Type"), 0);
    EXPECT_EQ(net.ties.line(2), 4u);
    EXPECT_EQ(net.ties.pos(2, net.ties.find("Weight")).column, 7u);
}

TEST(ReadPajek, Arcslist) {
    const RawNetwork net = read_pajek(data("pajek/arcslist.net"));
    ASSERT_TRUE(net.directed.has_value());
    EXPECT_TRUE(*net.directed);
    EXPECT_EQ(net.actors.rows(), 4u);
    // "1 2 3 4" = 1->2, 1->3, 1->4; "3 1" = 3->1; "4" alone lists no tie.
    EXPECT_EQ(column(net.ties, "Source"), (V{"1", "1", "1", "3"}));
    EXPECT_EQ(column(net.ties, "Target"), (V{"2", "3", "4", "1"}));
    EXPECT_LT(net.ties.find("Weight"), 0);
    EXPECT_EQ(net.ties.pos(2, net.ties.find("Target")).column, 7u);
}

TEST(ReadPajek, RelationsFromSectionHeaders) {
    const RawNetwork net = read_pajek(data("pajek/relations.net"));
    EXPECT_FALSE(net.directed.has_value());
    EXPECT_EQ(column(net.ties, "Source"), (V{"1", "2", "1", "1"}));
    EXPECT_EQ(column(net.ties, "Target"), (V{"2", "3", "2", "3"}));
    // ":2" without a name gives the number as the relation.
    EXPECT_EQ(column(net.ties, "relation"), (V{"advice", "2", "friendship", "friendship"}));
    EXPECT_EQ(column(net.ties, "Type"), (V{"Directed", "Directed", "Undirected", "Undirected"}));
}

TEST(ReadPajek, EdgesOnlyIsUndirectedAndKeywordsAreCaseInsensitive) {
    const auto path = temp_file("edges.net", "*VERTICES 2\n*EDGES\n1 2 4\n");
    const RawNetwork net = read_pajek(path);
    ASSERT_TRUE(net.directed.has_value());
    EXPECT_FALSE(*net.directed);
    EXPECT_EQ(column(net.ties, "Weight"), V{"4"});
    EXPECT_LT(net.ties.find("Type"), 0);
}

TEST(ReadPajek, PartitionAddsActorColumn) {
    const auto clu = data("pajek/dept.clu");
    const RawNetwork net = read_pajek(data("pajek/mixed.net"), {clu});
    EXPECT_EQ(column(net.actors, "dept"), (V{"1", "1", "2", "2", "3"}));
    EXPECT_EQ(net.sources, (V{data("pajek/mixed.net"), clu}));
    EXPECT_EQ(net.actors.col_pos(static_cast<std::size_t>(net.actors.find("dept")), 0), 1u);
}

TEST(ReadPajek, GzipPartitionIsNamedWithoutItsExtensions) {
    const std::string clu = ::testing::TempDir() + "region.clu.gz";
    gzFile out = gzopen(clu.c_str(), "wb");
    ASSERT_NE(out, nullptr);
    const std::string text = "*Partition regions\n*Vertices 3\n2\n-1\n2\n";
    gzwrite(out, text.data(), static_cast<unsigned>(text.size()));
    gzclose(out);
    const RawNetwork net = read_pajek(data("pajek/matrix.net"), {clu});
    EXPECT_EQ(column(net.actors, "region"), (V{"2", "-1", "2"}));
}

TEST(ReadPajek, PartitionWithOtherVertexCountIsAnError) {
    const auto net = data("pajek/mixed.net");
    EXPECT_EQ(error_of([&] { read_pajek(net, {data("pajek/dept4.clu")}); }),
              data("pajek/dept4.clu") + ":1:11: error: the partition declares 4 vertices but " +
                  net + " declares 5 (line 3); use the partition made for this network");
    EXPECT_EQ(error_of([&] { read_pajek(net, {data("pajek/short.clu")}); }),
              data("pajek/short.clu") +
                  ":4: error: the partition has 3 values but declares 5 vertices; give one "
                  "integer per vertex, in vertex order");
}

TEST(ReadPajek, TieToUnknownVertexIsAnError) {
    EXPECT_EQ(error_of([] { read_pajek(data("pajek/out_of_range.net")); }),
              data("pajek/out_of_range.net") +
                  ":3:3: error: vertex 7 is out of range 1..5; *Vertices declares 5");
    const auto zero = temp_file("zero.net", "*Vertices 2\n*Edges\n0 1\n");
    EXPECT_EQ(error_of([&] { read_pajek(zero); }),
              zero + ":3:1: error: vertex 0 is out of range 1..2; *Vertices declares 2");
}

TEST(ReadPajek, MatrixRowWithTooFewValuesIsAnError) {
    EXPECT_EQ(error_of([] { read_pajek(data("pajek/matrix_short_row.net")); }),
              data("pajek/matrix_short_row.net") +
                  ":4:4: error: row 2 of *Matrix has 2 values but *Vertices declares 3; give "
                  "exactly 3 values per row");
    const auto missing = temp_file("missing_rows.net", "*Vertices 2\n*Matrix\n0 1\n");
    EXPECT_EQ(error_of([&] { read_pajek(missing); }),
              missing +
                  ":2:1: error: *Matrix has 1 rows but *Vertices declares 2; give one row "
                  "of 2 values per vertex");
}

TEST(ReadPajek, EmptyFileIsAnError) {
    EXPECT_EQ(error_of([] { read_pajek(data("pajek/empty.net")); }),
              data("pajek/empty.net") +
                  ": error: the file is empty; a Pajek network starts with '*Vertices n' "
                  "followed by vertex and *Arcs/*Edges lines");
}

TEST(ReadPajek, SyntaxErrorsNameLineAndColumn) {
    const auto no_count = temp_file("no_count.net", "*Vertices\n");
    EXPECT_EQ(error_of([&] { read_pajek(no_count); }),
              no_count +
                  ":1:10: error: expected a number of vertices after *Vertices (e.g. "
                  "'*Vertices 12')");
    const auto quote = temp_file("quote.net", "*Vertices 2\n1 \"Ann\n");
    EXPECT_EQ(error_of([&] { read_pajek(quote); }),
              quote +
                  ":2:3: error: the quoted text is never closed; add the closing '\"' on the "
                  "same line");
    const auto early = temp_file("early.net", "*Arcs\n1 2\n");
    EXPECT_EQ(error_of([&] { read_pajek(early); }),
              early +
                  ":1:1: error: *Arcs comes before *Vertices; start the file with "
                  "'*Vertices n' and the vertex lines");
    const auto word = temp_file("word.net", "*Vertices 2\n*Arcs\n1 two\n");
    EXPECT_EQ(error_of([&] { read_pajek(word); }),
              word +
                  ":3:3: error: expected a vertex number (1..2), got 'two'; ties refer to "
                  "vertices by their number on the *Vertices lines");
    const auto twice = temp_file("twice.net", "*Vertices 2\n1 a\n1 b\n");
    EXPECT_EQ(error_of([&] { read_pajek(twice); }),
              twice +
                  ":3:1: error: vertex 1 is listed twice (first at line 2); remove one of "
                  "the lines");
    const auto two_mode = temp_file("two_mode.net", "*Vertices 5 2\n");
    EXPECT_EQ(error_of([&] { read_pajek(two_mode); }),
              two_mode +
                  ":1:13: error: two-mode Pajek networks ('*Vertices n n1') are not "
                  "supported yet; write a one-mode network with '*Vertices n'");
    const auto unknown = temp_file("unknown.net", "*Vertices 1\n*Partition x\n");
    EXPECT_EQ(error_of([&] { read_pajek(unknown); }),
              unknown +
                  ":2:1: error: unknown section '*Partition'; a Pajek .net file has "
                  "*Network, *Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist and *Matrix "
                  "sections (partitions go in separate .clu files)");
    const auto huge = temp_file("huge.net", "*Vertices 99999999999999999999999\n");
    EXPECT_EQ(error_of([&] { read_pajek(huge); }),
              huge +
                  ":1:11: error: *Vertices 99999999999999999999999 is over the limit of 5000000 "
                  "actors; if the input is right, raise the limit with --max-input-actors N "
                  "(README 'Limits')");
}

TEST(ReadPajek, OddButValidInputs) {
    // No ties at all, CRLF line ends, a BOM, vertices listed out of order, a bare label.
    const auto path = temp_file("odd.net", "\xEF\xBB\xBF*Vertices 3\r\n3 c\r\n1 \"\"\r\n");
    const RawNetwork net = read_pajek(path);
    EXPECT_EQ(column(net.actors, "Label"), (V{"", "", "c"}));
    EXPECT_EQ(net.ties.rows(), 0u);
    EXPECT_FALSE(net.directed.has_value());
    const auto empty_net = temp_file("zero_vertices.net", "*Vertices 0\n");
    EXPECT_EQ(read_pajek(empty_net).actors.rows(), 0u);
}

TEST(ReadPajek, Latin1LabelsAreConvertedWithAWarning) {
    const auto path = temp_file("latin1.net", "*Vertices 1\n1 \"Jos\xE9\"\n");
    const RawNetwork net = read_pajek(path);
    EXPECT_EQ(cell(net.actors, "Label", 0), "Jos\xC3\xA9");
    ASSERT_EQ(net.warnings.size(), 1u);
    EXPECT_EQ(net.warnings[0].pos.line, 2u);
}

#define SKIP_WITHOUT_CORPUS(path) \
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path

// Krackhardt's high-tech managers (shared corpus pajek/ADVICE.NET + ADVICE.CLU, MANIFEST.md):
// the partition has no *Vertices header, only the 14 values. Expected 14 actors / 27 arcs as
// NetworkX 3.6 read_pajek gives them; the classes 4 3 3 3 2 2 2 2 2 2 1 1 1 1 are read off
// ADVICE.CLU by eye (one per line).
TEST(ReadPajek, PartitionWithoutHeaderAdvice) {
    const auto net_path = corpus("pajek/ADVICE.NET"), clu = corpus("pajek/ADVICE.CLU");
    SKIP_WITHOUT_CORPUS(clu);
    const RawNetwork raw = read_pajek(net_path, {clu});
    EXPECT_EQ(column(raw.actors, "ADVICE"),
              (V{"4", "3", "3", "3", "2", "2", "2", "2", "2", "2", "1", "1", "1", "1"}));
    const Network net = load_network({net_path, clu}, {});
    EXPECT_EQ(net.actor_count(), 14u);
    EXPECT_EQ(net.tie_count(), 27u);
    EXPECT_TRUE(net.directed());
    const auto* advice = net.actor_attributes().find("ADVICE");
    ASSERT_NE(advice, nullptr);
    EXPECT_EQ(advice->as_text(0), "4");
    EXPECT_EQ(advice->as_text(13), "1");
}

// Student government of Ljubljana (pajek/StudentGov.net + .clu, MANIFEST.md): a partition with
// its header and comment lines. Expected 11 actors / 41 arcs (NetworkX 3.6 read_pajek); the
// classes 2 3 2 2 2 2 2 2 1 1 1 are read off StudentGov.clu by eye.
TEST(ReadPajek, PartitionWithHeaderStudentGov) {
    const auto net_path = corpus("pajek/StudentGov.net"), clu = corpus("pajek/StudentGov.clu");
    SKIP_WITHOUT_CORPUS(clu);
    const Network net = load_network({net_path, clu}, {});
    EXPECT_EQ(net.actor_count(), 11u);
    EXPECT_EQ(net.tie_count(), 41u);
    const auto* position = net.actor_attributes().find("StudentGov");
    ASSERT_NE(position, nullptr);
    std::vector<std::string> classes;
    for (std::size_t i = 0; i < 11; ++i) classes.push_back(position->as_text(i));
    EXPECT_EQ(classes, (V{"2", "3", "2", "2", "2", "2", "2", "2", "1", "1", "1"}));
}

// A headerless partition must still hold one value per vertex of the network (mixed.net: 5).
TEST(ReadPajek, PartitionWithoutHeaderCountsAgainstTheNetwork) {
    const auto net = data("pajek/mixed.net");
    const auto few = temp_file("few.clu", "% three values\n1\n2\n3\n");
    EXPECT_EQ(error_of([&] { read_pajek(net, {few}); }),
              few + ":4: error: the partition has 3 values but " + net +
                  " declares 5 vertices (line 3); give one integer per vertex, in vertex order");
    const auto many = temp_file("many.clu", "1\n2\n3\n4\n5\n6\n");
    EXPECT_EQ(error_of([&] { read_pajek(net, {many}); }),
              many + ":6:1: error: more values than the 5 vertices of " + net +
                  "; remove the extra lines");
    const auto word = temp_file("word.clu", "classes\n1\n");
    EXPECT_EQ(error_of([&] { read_pajek(net, {word}); }),
              word +
                  ":1:1: error: expected '*Vertices n' or a first class number at the start of "
                  "a partition (.clu) file, got 'classes'");
}

// Slovene parliamentary parties (pajek/Stranke94.net, MANIFEST.md), a signed *Matrix: the
// reader keeps every non-zero cell with its sign, and assembly applies the --negative policy
// (guard_rails_test.cpp). 90 non-zero off-diagonal cells, 54 of them negative (counted with a
// Python one-liner over the matrix rows, outside clusterlens).
TEST(ReadPajek, SignedMatrixKeepsTheSigns) {
    const auto path = corpus("pajek/Stranke94.net");
    SKIP_WITHOUT_CORPUS(path);
    const auto raw = read_pajek(path);
    ASSERT_EQ(raw.ties.rows(), 90u);
    std::size_t negative = 0;
    for (const auto& w : column(raw.ties, "Weight")) negative += w.rfind('-', 0) == 0;
    EXPECT_EQ(negative, 54u);
    EXPECT_EQ(cell(raw.ties, "Weight", 0), "-215");
}

}  // namespace
}  // namespace clusterlens
