// Issue 12, "Memory and time from small files": the hostile inputs of the probe, each as a small
// shape built here (the full-size files: tests/data/hostile/make_hostile.py), and the limits of
// limits.hpp. Every test checks a counted bound (the limit error, or the cells a table stores),
// never a time: before the fix each of these shapes took memory per key x element (a GraphML
// file of 4000 keys, one value per node, 1.1 GB), allocated from a declared count
// (`*Vertices 10000000`: 3.6 GB) or ran into std::bad_alloc (a gzip bomb).
#include <gtest/gtest.h>
#include <zlib.h>

#include <limits>
#include <string>

#include "graphs/limits.hpp"
#include "graphs/load.hpp"
#include "graphs/readers.hpp"
#include "graphs/text_input.hpp"
#include "tests/graphs/reader_test_helpers.hpp"

namespace clusterlens {
namespace {
using testing::error_of;

/// GraphML with `keys` node keys and `nodes` nodes, node i holding a value for key i % keys
/// only (the probe's 400 KB file, smaller).
std::string many_keys_graphml(int keys, int nodes) {
    std::string g =
        "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
    for (int i = 0; i < keys; ++i)
        g += "<key id=\"k" + std::to_string(i) + "\" for=\"node\" attr.name=\"a" +
             std::to_string(i) + "\" attr.type=\"string\"/>\n";
    g += "<graph edgedefault=\"undirected\">\n";
    for (int i = 0; i < nodes; ++i)
        g += "<node id=\"n" + std::to_string(i) + "\"><data key=\"k" + std::to_string(i % keys) +
             "\">v</data></node>\n";
    return g + "<edge source=\"n0\" target=\"n1\"/>\n</graph>\n</graphml>\n";
}

/// GML with `nodes` nodes, each with `per_node` attributes of names of its own.
std::string many_keys_gml(int nodes, int per_node) {
    std::string g = "graph [\n";
    for (int i = 0; i < nodes; ++i) {
        g += "node [ id " + std::to_string(i);
        for (int k = 0; k < per_node; ++k)
            g += " a" + std::to_string(i) + "_" + std::to_string(k) + " \"v\"";
        g += " ]\n";
    }
    return g + "edge [ source 0 target 1 ]\n]\n";
}

std::string gzip(const std::string& bytes) {
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, bytes.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

std::string load_error(const std::string& bytes, const std::string& name,
                       const InputLimits& limits = {}) {
    LoadOptions o;
    o.limits = limits;
    return error_of([&] { load_network_from_buffer(bytes, InputFormat::automatic, name, o); });
}

// ---- attribute storage: memory per value present -------------------------------------------

// 1500 keys x 1500 nodes, one value per node: a dense table held 2.25 M cells (the probe's
// 4000 x 4000 file took 1.1 GB, its 400 KB one 4.45 GB). Stored: 1500 ids + 1500 values.
TEST(HostileInputs, ManyGraphmlKeysStoreOnlyTheValuesGiven) {
    InputLimits roomy;
    roomy.attribute_keys = 5000;
    const InputLimitsScope scope(roomy);
    const auto text = many_keys_graphml(1500, 1500);
    const auto raw = read_graphml(Source::buffer(text, "keys.graphml"));
    EXPECT_EQ(raw.actors.rows(), 1500u);
    EXPECT_EQ(raw.actors.column_count(), 1501u);  // Id and a0..a1499
    EXPECT_EQ(raw.actors.cells_stored(), 3000u);
    EXPECT_EQ(testing::cell(raw.actors, "a7", 7), "v");
    EXPECT_EQ(testing::cell(raw.actors, "a7", 8), "");
}

// With the default limits the same shape stops at the key limit, at once and in the house form.
TEST(HostileInputs, ManyGraphmlKeysStopAtTheKeyLimit) {
    const auto e = load_error(many_keys_graphml(1500, 1500), "keys.graphml");
    EXPECT_NE(e.find("keys.graphml:"), std::string::npos) << e;
    EXPECT_NE(e.find("error: column 'a999' (key 1001 of this table) is over the limit of 1000 "
                     "columns; if the input is right, raise the limit with --max-attribute-keys "
                     "N (README 'Limits')"),
              std::string::npos)
        << e;
}

// The probe's 200 KB GML file (2.9 GB): every node with attribute names of its own.
TEST(HostileInputs, ManyGmlKeysStoreOnlyTheValuesGiven) {
    InputLimits roomy;
    roomy.attribute_keys = 5000;
    const InputLimitsScope scope(roomy);
    const auto text = many_keys_gml(2000, 1);
    const auto raw = read_gml(Source::buffer(text, "keys.gml"));
    EXPECT_EQ(raw.actors.rows(), 2000u);
    EXPECT_GE(raw.actors.column_count(), 2001u);
    EXPECT_LE(raw.actors.cells_stored(), 3u * 2000u);  // id, label/name, the one value
    const auto e = load_error(text, "keys.gml");
    EXPECT_NE(e.find("--max-attribute-keys"), std::string::npos) << e;
}

// 200k attributes on one element: each column found by hash, each stored once (the linear
// column lookup made this quadratic).
TEST(HostileInputs, TwoHundredThousandAttributesOnOneElement) {
    InputLimits roomy;
    roomy.attribute_keys = 300000;
    const InputLimitsScope scope(roomy);
    const auto text = many_keys_gml(1, 200000);
    const auto raw = read_gml(Source::buffer(text, "wide.gml"));
    EXPECT_EQ(raw.actors.rows(), 1u);
    EXPECT_LE(raw.actors.cells_stored(), 200003u);
    EXPECT_EQ(testing::cell(raw.actors, "a0_199999", 0), "v");
    EXPECT_NE(load_error(text, "wide.gml").find("key 1001 of this table"), std::string::npos);
}

// Rows x columns beyond the cell limit: the row that crosses it is named.
TEST(HostileInputs, TableCellsStopAtTheCellLimit) {
    InputLimits small;
    small.attribute_cells = 100;
    std::string csv = "source,target\n";
    for (int i = 0; i < 60; ++i) csv += "a" + std::to_string(i) + ",b\n";
    EXPECT_EQ(load_error(csv, "ties.csv", small),
              "ties.csv:52: error: row 51 (51 rows x 2 columns = 102 cells of this table) is over "
              "the limit of 100 cells; if the input is right, raise the limit with "
              "--max-attribute-cells N (README 'Limits')");
}

// ---- RawTable: the documented interface on sparse storage ----------------------------------

TEST(RawTableSparse, FindIsExactThenCaseInsensitive) {
    RawTable t;
    const auto weight = t.column("weight");
    const auto upper = t.column("Weight");
    const auto label = t.column("LABEL");
    EXPECT_EQ(t.find("Weight"), static_cast<int>(upper));
    EXPECT_EQ(t.find("weight"), static_cast<int>(weight));
    EXPECT_EQ(t.find("WEIGHT"), static_cast<int>(weight));  // the first case-insensitive match
    EXPECT_EQ(t.find("label"), static_cast<int>(label));
    EXPECT_EQ(t.find("nope"), -1);
    t.rename(label, "Name");
    EXPECT_EQ(t.find("label"), -1);
    EXPECT_EQ(t.find("name"), static_cast<int>(label));
    EXPECT_EQ(t.column("Name"), label);
}

TEST(RawTableSparse, CellsSetInAnyOrderReadBack) {
    RawTable t;
    t.path = "t.csv";
    const auto a = t.column("a");
    for (std::uint32_t r = 0; r < 5; ++r) t.add_row(r + 2);
    t.set(a, 3, "three", 7);
    t.set(a, 1, "one", 4);
    t.set(a, 4, "", 0);  // an empty cell without a position: nothing stored
    const RawTable& read = t;
    EXPECT_EQ(read.cells_stored(), 2u);
    EXPECT_EQ(read.cell(a, 1), "one");
    EXPECT_EQ(read.cell(a, 3), "three");
    EXPECT_EQ(read.cell(a, 0), "");
    EXPECT_EQ(read.col_pos(a, 3), 7u);
    EXPECT_EQ(format_pos(read.pos(3, static_cast<int>(a))), "t.csv:5:7");
    EXPECT_EQ(read.cells_stored(), 2u);  // reading stores nothing
    t.set(a, 3, "", 0);                  // clearing keeps it empty
    EXPECT_EQ(read.cell(a, 3), "");
    t.cell(a, 2) = "two";  // writing through cell() stores it
    EXPECT_EQ(read.cell(a, 2), "two");
    EXPECT_EQ(read.cells_stored(), 3u);
}

// ---- bytes and lines --------------------------------------------------------------------

// A gzip bomb: 4 MB of comment lines from a few KB. The default limit is 4 GiB; a small one
// shows the message (before: the bytes were read until std::bad_alloc, exit 3). 1 MiB of "#\n"
// is 524288 lines: the byte past the limit is on line 524289.
TEST(HostileInputs, GzipBombStopsAtTheInputByteLimit) {
    std::string lines;
    for (int i = 0; i < (4 << 20) / 2; ++i) lines += "#\n";
    const auto bomb = gzip(lines);
    ASSERT_LT(bomb.size(), 100000u);
    InputLimits small;
    small.input_bytes = 1 << 20;
    EXPECT_EQ(load_error(bomb, "bomb.txt.gz", small),
              "bomb.txt.gz:524289: error: the input, decompressed, is over the limit of 1048576 "
              "bytes; if the input is right, raise the limit with --max-input-bytes N (README "
              "'Limits')");
    EXPECT_EQ(load_error(lines, "plain.txt", small),
              "plain.txt:524289: error: the input is over the limit of 1048576 bytes; if the "
              "input is right, raise the limit with --max-input-bytes N (README 'Limits')");
}

TEST(HostileInputs, LongLineStopsAtTheLineLengthLimit) {
    InputLimits small;
    small.line_length = 1000;
    const std::string text = "a b\n" + std::string(5000, 'x') + " y\n";
    EXPECT_EQ(load_error(gzip(text), "long.txt.gz", small),
              "long.txt.gz:2: error: this line is over the limit of 1000 bytes; if the input is "
              "right, raise the limit with --max-line-length N (README 'Limits')");
}

// Line numbers never wrap: the line after 2^32 - 1 is refused (a 4-billion-line file is not
// needed to see it; LineReader numbers its lines with next_line_number).
TEST(LineNumbers, DoNotWrapAfter2To32Lines) {
    const auto last = std::numeric_limits<std::uint32_t>::max();
    EXPECT_EQ(next_line_number(0, "f.txt"), 1u);
    EXPECT_EQ(next_line_number(last - 1, "f.txt"), last);
    EXPECT_EQ(error_of([&] { next_line_number(last, "f.txt"); }),
              "f.txt:4294967295: error: more than 4294967295 lines: clusterlens numbers lines up "
              "to there; split the file");
}

// ---- actors: declared counts allocate nothing before the limit is checked -----------------

TEST(HostileInputs, PajekVerticesOverTheActorLimit) {
    // The probe's 19-byte file (3.6 GB and 38 s before): over the default of 5 M actors.
    EXPECT_EQ(load_error("*Vertices 10000000\n", "big.net"),
              "big.net:1:11: error: *Vertices 10000000 is over the limit of 5000000 actors; if the "
              "input is right, raise the limit with --max-input-actors N (README 'Limits')");
}

TEST(HostileInputs, PajekDeclaredVerticesAllocateOnlyTheirRows) {
    // 200000 declared, 2 listed: the actor rows are the network's (every vertex is an actor),
    // the listed ones carry labels, the others store their id only.
    const auto raw = read_pajek(Source::buffer("*Vertices 200000\n1 \"a\"\n2 \"b\"\n", "v.net"));
    EXPECT_EQ(raw.actors.rows(), 200000u);
    EXPECT_EQ(raw.actors.cells_stored(), 200002u);
}

TEST(HostileInputs, DlDeclaredActorsOverTheActorLimit) {
    InputLimits small;
    small.actors = 100;
    EXPECT_EQ(load_error("dl n = 101\ndata:\n", "big.dl", small),
              "big.dl:1:8: error: n = 101 is over the limit of 100 actors; if the input is right, "
              "raise the limit with --max-input-actors N (README 'Limits')");
}

TEST(HostileInputs, ActorsNamedByTiesOverTheActorLimit) {
    InputLimits small;
    small.actors = 10;
    std::string list;
    for (int i = 0; i < 6; ++i) list += "a" + std::to_string(i) + " b" + std::to_string(i) + "\n";
    EXPECT_EQ(load_error(list, "ties.txt", small),
              "ties.txt:6:1: error: actor 'a5' (actor 11 of the network) is over the limit of 10 "
              "actors; if the input is right, raise the limit with --max-input-actors N (README "
              "'Limits')");
}

TEST(HostileInputs, MatrixOverTheCellLimit) {
    InputLimits small;
    small.attribute_cells = 20;
    const std::string m = ",a,b,c,d,e\na,0,1,0,0,0\nb,1,0,0,0,0\nc,0,0,0,0,0\nd,0,0,0,0,0\n";
    const auto e = load_error(m, "m.csv", small);
    EXPECT_NE(e.find("m.csv:4: error: the matrix's 24 cells up to this row is over the limit of 20 "
                     "cells"),
              std::string::npos)
        << e;
}

}  // namespace
}  // namespace clusterlens
