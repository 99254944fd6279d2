// Adjacency matrices in CSV (graphs/read_matrix.hpp): detection, direction, values and errors.
// Expected values are read off the small matrices in each test by hand; for Gephi's
// matrix.csv (shared corpus csv/adjacency_matrix.csv) see the comment at its test.
#include "graphs/read_matrix.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "graphs/load.hpp"
#include "reader_test_helpers.hpp"
#include "test_files.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {
using testing::column;
using testing::corpus;
using testing::error_of;
using testing::TempDir;

#define SKIP_WITHOUT_CORPUS(path) \
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path

CellGrid grid_of(const std::string& path) {
    std::vector<Warning> w;
    return read_csv_grid(path, w);
}

RawNetwork matrix(const std::string& path, std::vector<Warning>& w) {
    return read_adjacency_matrix(grid_of(path), w);
}

TEST(ReadMatrix, SymmetricMatrixIsUndirectedWithOneTiePerPair) {
    TempDir dir;
    // a-b 2, a-c 1, b-c empty: two ties from the upper triangle.
    const auto p = dir.file("m.csv", ",a,b,c\na,0,2,1\nb,2,0,\nc,1,,0\n");
    std::vector<Warning> w;
    const auto raw = matrix(p, w);
    EXPECT_EQ(raw.format, "matrix");
    EXPECT_TRUE(raw.actors_authoritative);
    EXPECT_EQ(column(raw.actors, "Id"), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(column(raw.ties, "Source"), (std::vector<std::string>{"a", "a"}));
    EXPECT_EQ(column(raw.ties, "Target"), (std::vector<std::string>{"b", "c"}));
    EXPECT_EQ(column(raw.ties, "Weight"), (std::vector<std::string>{"2", "1"}));
    EXPECT_EQ(raw.directed, std::optional<bool>(false));
    EXPECT_TRUE(w.empty());
    EXPECT_EQ(raw.ties.pos(0, 0).line, 2u);  // the cell's own position
    EXPECT_EQ(raw.ties.pos(1, 1).column, 7u);
}

TEST(ReadMatrix, AsymmetricMatrixIsDirectedWithAWarning) {
    TempDir dir;
    const auto p = dir.file("m.csv", ";x;y\nx;0;1\ny;0;0\n");
    std::vector<Warning> w;
    const auto raw = matrix(p, w);
    EXPECT_EQ(raw.directed, std::optional<bool>(true));
    EXPECT_EQ(column(raw.ties, "Source"), (std::vector<std::string>{"x"}));
    EXPECT_EQ(column(raw.ties, "Target"), (std::vector<std::string>{"y"}));
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].format(),
              p + ":2:5: warning: the matrix is not symmetric (row 'x', column 'y' is 1, row 'y', "
                  "column 'x' is 0): read as directed, a tie from each row's actor to each "
                  "column's actor");
}

TEST(ReadMatrix, DecimalCommasInASemicolonMatrix) {
    TempDir dir;
    const auto p = dir.file("m.csv", ";x;y\nx;0;2,5\ny;2,5;0\n");
    std::vector<Warning> w;
    const auto raw = matrix(p, w);
    EXPECT_EQ(column(raw.ties, "Weight"), (std::vector<std::string>{"2.5"}));
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].format(), p + ":2:5: warning: read 2,5 as 2.5 (decimal comma): the file is not "
                                 "separated by ',', so a comma in a matrix value is a decimal "
                                 "comma");
}

TEST(ReadMatrix, DetectionIsStrict) {
    TempDir dir;
    EXPECT_TRUE(looks_like_adjacency_matrix(grid_of(dir.file("a.csv", ",a,b\na,0,1\nb,1,0\n"))));
    // A corner word and Excel's empty trailing cells and rows are fine.
    EXPECT_TRUE(looks_like_adjacency_matrix(
        grid_of(dir.file("b.csv", "who;a;b;;\na;0;1;;\nb;1;0;;\n;;;;\n"))));
    // Edge and actor tables are not matrices.
    EXPECT_FALSE(looks_like_adjacency_matrix(
        grid_of(dir.file("c.csv", "Source,Target,Weight\na,b,1\nb,c,2\n"))));
    EXPECT_FALSE(looks_like_adjacency_matrix(grid_of(dir.file("d.csv", "Id,Label\na,A\nb,B\n"))));
    // Labels in another order, a missing row, a text cell, a single actor: no.
    EXPECT_FALSE(looks_like_adjacency_matrix(grid_of(dir.file("e.csv", ",a,b\nb,0,1\na,1,0\n"))));
    EXPECT_FALSE(looks_like_adjacency_matrix(grid_of(dir.file("f.csv", ",a,b\na,0,1\n"))));
    EXPECT_FALSE(looks_like_adjacency_matrix(grid_of(dir.file("g.csv", ",a,b\na,0,x\nb,1,0\n"))));
    EXPECT_FALSE(looks_like_adjacency_matrix(grid_of(dir.file("h.csv", ",a\na,1\n"))));
    // A negative value is still a matrix (so the error below names it, not a missing column).
    EXPECT_TRUE(looks_like_adjacency_matrix(grid_of(dir.file("i.csv", ",a,b\na,0,-1\nb,1,0\n"))));
}

TEST(ReadMatrix, Errors) {
    TempDir dir;
    std::vector<Warning> w;
    auto err = [&](const std::string& text) {
        const auto p = dir.file("x.csv", text);
        return error_of([&] { matrix(p, w); }).substr(p.size());
    };
    EXPECT_EQ(err(",a,b\na,0,-1\nb,1,0\n"),
              ":2:5: error: matrix value '-1' (row 'a', column 'b') must be 0 (no tie) or a "
              "positive tie strength; signed networks are not read from an adjacency matrix");
    EXPECT_EQ(err(",a,b\nb,0,1\na,1,0\n"),
              ":2:1: error: row label 'b' differs from column label 'a' (line 1, column 2); an "
              "adjacency matrix has the actors' labels in the first row (after an empty corner "
              "cell) and, in the same order, in the first column");
    EXPECT_EQ(err(",a,b\na,0,x\nb,1,0\n"),
              ":2:5: error: matrix value 'x' (row 'a', column 'b') is not a number; a cell is "
              "empty or 0 for no tie, or the tie's strength");
    EXPECT_EQ(err(",a,a\na,0,1\na,1,0\n"),
              ":1:4: error: column label 'a' appears twice in the first row; matrix labels must "
              "be distinct");
    EXPECT_EQ(err(",a,b\na,0,1\n"),
              ":2: error: the matrix has 2 column labels but 1 rows; give one row per column "
              "label, in the same order");
    EXPECT_EQ(err(",a,b\na,0,1,7\nb,1,0\n"),
              ":2:7: error: value '7' beyond the last column label; add its label to the first "
              "row or clear the cell");
}

TEST(ReadMatrix, LoadDetectsAMatrixAndFormatOptionsDecide) {
    TempDir dir;
    const auto p = dir.file("m.csv", ",a,b,c\na,0,1,0\nb,1,0,1\nc,0,1,0\n");
    const auto net = load_network({p}, {});
    EXPECT_EQ(net.actor_count(), 3u);
    EXPECT_EQ(net.tie_count(), 2u);  // a-b, b-c
    EXPECT_FALSE(net.directed());
    EXPECT_EQ(net.report().format, "matrix");
    ASSERT_EQ(net.report().warnings.size(), 1u);
    EXPECT_EQ(net.report().warnings[0].format(),
              p + ":1:1: warning: read as an adjacency matrix: the first row and the first column "
                  "hold the same 3 labels in the same order, and the other cells are empty or "
                  "numbers (pass --format csv to read it as a tie table)");
    LoadOptions csv;
    csv.format = InputFormat::csv;
    EXPECT_EQ(error_of([&] { load_network({p}, csv); }),
              p + ":1:1: error: empty column name in the header row; give every column a name");
    // --format matrix: no detection warning, and its errors are the matrix reader's.
    LoadOptions m;
    m.format = parse_input_format("matrix");
    EXPECT_TRUE(load_network({p}, m).report().warnings.empty());
    const auto q = dir.file("q.csv", "Source,Target\na,b\n");
    EXPECT_EQ(error_of([&] { load_network({q}, m); }),
              q + ":2:1: error: row label 'a' differs from column label 'Target' (line 1, column "
                  "8); an adjacency matrix has the actors' labels in the first row (after an "
                  "empty corner cell) and, in the same order, in the first column");
    // An edge table given alone stays an edge table.
    EXPECT_EQ(load_network({q}, {}).report().format, "csv");
}

// Gephi's own test file (shared corpus csv/adjacency_matrix.csv, from gephi's
// modules/ImportPlugin/src/test/resources/.../spreadsheet/matrix.csv):
//    ,A,B,C,D,E / A,0,1,0,2,0 / B,1,0,0,0,0 / C,0,0,1,0,0 / D,0,3.5, 0, 4.2 ,0 / E,0,0,0, 0,0
// By hand: 6 non-zero cells, A->B 1, A->D 2, B->A 1, C->C 1, D->B 3.5, D->D 4.2; A->D has no
// D->A, so directed. Gephi reads the same six directed edges (its expected export
// testMatrix_CSV_edges.csv lists exactly these, with E an isolate); a NetworkX DiGraph built
// from the cells by a short Python script (csv module, values stripped) has 5 nodes, 6 edges,
// 2 self-loops. clusterlens drops the two self-loops (its policy): 5 actors, 4 ties.
TEST(ReadMatrix, GephiMatrixCsv) {
    const auto p = corpus("csv/adjacency_matrix.csv");
    SKIP_WITHOUT_CORPUS(p);
    const auto net = load_network({p}, {});
    EXPECT_EQ(net.actor_count(), 5u);
    ASSERT_EQ(net.tie_count(), 4u);
    EXPECT_TRUE(net.directed());
    EXPECT_EQ(net.report().self_loops_dropped, 2u);
    std::vector<std::string> ties;
    for (std::size_t t = 0; t < net.tie_count(); ++t)
        ties.push_back(net.actor(net.source(t)).id + ">" + net.actor(net.target(t)).id + " " +
                       format_number(net.weight(t)));
    std::sort(ties.begin(), ties.end());
    EXPECT_EQ(ties, (std::vector<std::string>{"A>B 1", "A>D 2", "B>A 1", "D>B 3.5"}));
    ASSERT_EQ(net.report().warnings.size(), 3u);
    EXPECT_EQ(net.report().warnings[1].format(),
              p + ":2:9: warning: the matrix is not symmetric (row 'A', column 'D' is 2, row 'D', "
                  "column 'A' is 0): read as directed, a tie from each row's actor to each "
                  "column's actor");
}

}  // namespace
}  // namespace clusterlens
