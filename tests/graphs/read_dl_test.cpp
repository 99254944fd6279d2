// UCINET DL reader: hand-written inputs under tests/data/dl (see its README.md); every expected
// cell below is read off those files by eye.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
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

// Found by fuzz_dl: an undirected network whose only tie is a self-loop (dropped) was written
// as a DL with no ties, which read back directed. No ties: nothing says directed.
TEST(ReadDl, NoTiesReadUndirectedAndRoundTrip) {
    const auto first = load_network_from_buffer("dl n=5 format=nodelist1\ndata:1\n1 1\n5\n",
                                                InputFormat::dl, "loop.dl");
    EXPECT_FALSE(first.directed());
    EXPECT_EQ(first.tie_count(), 0u);
    const auto empty = load_network_from_buffer("dl n=3\nformat=edgelist1\nlabels:\na,b,c\ndata:\n",
                                                InputFormat::dl, "empty.dl");
    EXPECT_FALSE(empty.directed());
    EXPECT_EQ(empty.actor_count(), 3u);
}

// Found by the long fuzz_dl run (2026-12-03): a self-loop listed twice (`2 2 2`) counted as a
// parallel tie, so the network stayed directed with no ties left, and read back undirected once
// written. A self-loop is its own reverse and says nothing about direction.
TEST(ReadDl, RepeatedSelfLoopSaysNothingAboutDirection) {
    const auto loops = load_network_from_buffer("dl n=5 format=nodelist1\ndata:\n2 2  2\n5\n",
                                                InputFormat::dl, "loops.dl");
    EXPECT_FALSE(loops.directed());
    EXPECT_EQ(loops.tie_count(), 0u);
    EXPECT_EQ(loops.actor_count(), 5u);
    // With a tie between two actors, that tie decides: one arc without its reverse is directed.
    const auto arc = load_network_from_buffer("dl n=3 format=nodelist1\ndata:\n2 2 2 3\n",
                                              InputFormat::dl, "arc.dl");
    EXPECT_TRUE(arc.directed());
    EXPECT_EQ(arc.tie_count(), 1u);
}

TEST(ReadDl, FullmatrixWithEmbeddedLabelsAndValues) {
    const auto path = data("dl/fullmatrix_embedded.dl");
    const RawNetwork net = read_dl(path);
    EXPECT_EQ(net.format, "dl");
    EXPECT_EQ(net.sources, V{path});
    ASSERT_TRUE(net.directed.has_value());
    EXPECT_TRUE(*net.directed);
    EXPECT_TRUE(net.actors_authoritative);
    EXPECT_EQ(column(net.actors, "Id"), (V{"Ann", "Bob", "Cat", "Dan"}));
    EXPECT_EQ(net.actors.line(0), 5u);  // the column label row
    EXPECT_EQ(net.actors.pos(1, net.actors.find("Id")).column, 10u);
    // Ann: 0 1 0 2.5 / Bob: 1 0 0 0 / Cat: 0 0.0 0 1 (0.0 is no tie) / Dan: 0 0 -1 0.
    ASSERT_EQ(net.ties.rows(), 5u);
    EXPECT_EQ(column(net.ties, "Source"), (V{"Ann", "Ann", "Bob", "Cat", "Dan"}));
    EXPECT_EQ(column(net.ties, "Target"), (V{"Bob", "Dan", "Ann", "Dan", "Cat"}));
    EXPECT_EQ(column(net.ties, "Weight"), (V{"1", "2.5", "1", "1", "-1"}));
    EXPECT_LT(net.ties.find("relation"), 0);
    EXPECT_EQ(net.ties.line(1), 6u);
    EXPECT_EQ(net.ties.pos(1, net.ties.find("Weight")).column, 12u);
    EXPECT_EQ(net.ties.pos(1, net.ties.find("Source")).column, 1u);
}

TEST(ReadDl, EdgelistWithLabelList) {
    const RawNetwork net = read_dl(data("dl/edgelist_labels.dl"));
    EXPECT_EQ(column(net.actors, "Id"), (V{"Ann Lee", "Bob", "Cat"}));
    EXPECT_EQ(net.actors.line(2), 4u);
    EXPECT_EQ(column(net.ties, "Source"), (V{"Ann Lee", "Bob", "Cat"}));
    EXPECT_EQ(column(net.ties, "Target"), (V{"Bob", "Cat", "Ann Lee"}));
    EXPECT_EQ(column(net.ties, "Weight"), (V{"0.5", "", "2"}));
    EXPECT_EQ(net.ties.line(2), 8u);
}

TEST(ReadDl, EdgelistWithEmbeddedLabels) {
    const RawNetwork net = read_dl(data("dl/edgelist_embedded.dl"));
    // Actors in order of first appearance in the data.
    EXPECT_EQ(column(net.actors, "Id"), (V{"george", "sally", "jim", "billy"}));
    EXPECT_EQ(net.actors.line(3), 8u);
    EXPECT_EQ(column(net.ties, "Source"), (V{"george", "george", "sally", "billy"}));
    EXPECT_EQ(column(net.ties, "Target"), (V{"sally", "jim", "jim", "george"}));
    EXPECT_EQ(column(net.ties, "Weight"), (V{"", "2", "", ""}));
    EXPECT_TRUE(net.warnings.empty());
}

TEST(ReadDl, EmbeddedLabelsFewerThanNGiveAWarning) {
    const auto path = temp_file("few.dl", "dl n=3 format=el1 labels embedded data: a b\n");
    const RawNetwork net = read_dl(path);
    EXPECT_EQ(column(net.actors, "Id"), (V{"a", "b"}));
    ASSERT_EQ(net.warnings.size(), 1u);
    EXPECT_EQ(net.warnings[0].format(),
              path +
                  ":1:6: warning: n = 3 but only 2 labels appear in the data; the other "
                  "actors have no label and are left out");
}

TEST(ReadDl, Nodelist) {
    const RawNetwork net = read_dl(data("dl/nodelist.dl"));
    EXPECT_EQ(column(net.actors, "Id"), (V{"1", "2", "3", "4", "5"}));
    // "1 2 3 4" = 1->2, 1->3, 1->4; "3 1" = 3->1; "5" alone: an actor without out-ties.
    EXPECT_EQ(column(net.ties, "Source"), (V{"1", "1", "1", "3"}));
    EXPECT_EQ(column(net.ties, "Target"), (V{"2", "3", "4", "1"}));
    EXPECT_LT(net.ties.find("Weight"), 0);
}

TEST(ReadDl, TwoMatricesBecomeRelations) {
    const RawNetwork net = read_dl(data("dl/nm2.dl"));
    EXPECT_EQ(column(net.actors, "Id"), (V{"a", "b", "c"}));
    // friendship: a->b, b->c, c->a; advice: b->a, b->c (the blank line between is skipped).
    EXPECT_EQ(column(net.ties, "Source"), (V{"a", "b", "c", "b", "b"}));
    EXPECT_EQ(column(net.ties, "Target"), (V{"b", "c", "a", "a", "c"}));
    EXPECT_EQ(column(net.ties, "relation"),
              (V{"friendship", "friendship", "friendship", "advice", "advice"}));
    EXPECT_EQ(net.ties.line(3), 14u);
}

TEST(ReadDl, UnnamedMatricesAreNumberedAndListsUseBang) {
    const auto path =
        temp_file("bang.dl", "DL N = 2 NM = 2 FORMAT = EDGELIST1\nDATA:\n1 2\n!\n2 1 3\n");
    const RawNetwork net = read_dl(path);
    EXPECT_EQ(column(net.ties, "Source"), (V{"1", "2"}));
    EXPECT_EQ(column(net.ties, "relation"), (V{"1", "2"}));
    EXPECT_EQ(column(net.ties, "Weight"), (V{"", "3"}));
}

TEST(ReadDl, HeaderOnOneLineAndDataAfterColon) {
    const auto path = temp_file("one_line.dl", "dl n=2 format=fm labels: x,y data: 0 1\n1 0\n");
    const RawNetwork net = read_dl(path);
    EXPECT_EQ(column(net.ties, "Source"), (V{"x", "y"}));
    EXPECT_EQ(column(net.ties, "Target"), (V{"y", "x"}));
    EXPECT_EQ(net.ties.pos(0, net.ties.find("Weight")).column, 38u);
}

TEST(ReadDl, FullmatrixRowWithTooFewValuesIsAnError) {
    EXPECT_EQ(error_of([] { read_dl(data("dl/short_row.dl")); }),
              data("dl/short_row.dl") +
                  ":4:4: error: row 2 has 2 items but needs 3 values (n = 3); write each row of "
                  "the matrix on one line");
    EXPECT_EQ(error_of([] { read_dl(data("dl/missing_row.dl")); }),
              data("dl/missing_row.dl") +
                  ":4:6: error: the data end before row 3; a fullmatrix needs 3 rows of 3 values "
                  "per matrix (n = 3, nm = 1)");
    const auto extra = temp_file("extra.dl", "dl n=1\ndata:\n0\n1\n");
    EXPECT_EQ(error_of([&] { read_dl(extra); }),
              extra +
                  ":4:1: error: more data than the header declares: n = 1 and nm = 1 give 1 "
                  "rows; remove the extra lines or correct n/nm");
}

TEST(ReadDl, TwoModeIsRejected) {
    EXPECT_EQ(error_of([] { read_dl(data("dl/two_mode.dl")); }),
              data("dl/two_mode.dl") +
                  ":1:4: error: two-mode data ('nr =') is not supported yet; clusterlens reads "
                  "one-mode DL data declared with 'n = <actors>'");
}

TEST(ReadDl, NonNumericValueIsAnError) {
    EXPECT_EQ(error_of([] { read_dl(data("dl/bad_value.dl")); }),
              data("dl/bad_value.dl") +
                  ":3:3: error: expected a number, got 'x'; matrix entries are numbers (0 = no "
                  "tie)");
    const auto hidden = temp_file("hidden.dl",
                                  "dl n=1\ndata:\n\x0b"
                                  "1\n");
    EXPECT_EQ(error_of([&] { read_dl(hidden); }),
              hidden +
                  ":3:1: error: expected a number, got '\\x0B1'; matrix entries are numbers "
                  "(0 = no tie)");
    const auto el = temp_file("bad_weight.dl", "dl n=2 format=edgelist1\ndata:\n1 2 strong\n");
    EXPECT_EQ(error_of([&] { read_dl(el); }),
              el + ":3:5: error: expected a number as the tie value, got 'strong'; an edgelist1 "
                   "line is 'from to [value]'");
}

TEST(ReadDl, EmptyFileIsAnError) {
    EXPECT_EQ(error_of([] { read_dl(data("dl/empty.dl")); }),
              data("dl/empty.dl") +
                  ": error: the file is empty; a UCINET DL file starts with 'dl n=<actors>', "
                  "then 'data:' and the data");
}

TEST(ReadDl, HeaderErrors) {
    const auto no_dl = temp_file("no_dl.dl", "n=3\ndata:\n");
    EXPECT_EQ(error_of([&] { read_dl(no_dl); }),
              no_dl +
                  ":1:1: error: expected 'dl' at the start of a UCINET DL file, got 'n'; the "
                  "first word must be 'dl'");
    const auto few = temp_file("few_labels.dl", "dl n=3\nlabels:\na b\ndata:\n");
    EXPECT_EQ(error_of([&] { read_dl(few); }),
              few +
                  ":4:1: error: 'labels:' lists 2 labels but 3 are needed; give one label per "
                  "actor (n)");
    const auto many = temp_file("many_labels.dl", "dl n=2\nlabels:\na b c\ndata:\n");
    EXPECT_EQ(error_of([&] { read_dl(many); }),
              many +
                  ":3:5: error: unexpected 'c' after the labels: more labels than declared, "
                  "or a misspelt keyword; check the count against n/nm");
    const auto dup = temp_file("dup_labels.dl", "dl n=2\nlabels: a a\ndata:\n");
    EXPECT_EQ(error_of([&] { read_dl(dup); }),
              dup +
                  ":2:11: error: label 'a' appears twice (first at line 2); labels name actors "
                  "and must be unique");
    const auto fmt = temp_file("blockmatrix.dl", "dl n=2 format = blockmatrix\ndata:\n");
    EXPECT_EQ(error_of([&] { read_dl(fmt); }),
              fmt +
                  ":1:17: error: format 'blockmatrix' is not supported yet; clusterlens reads "
                  "fullmatrix, lowerhalf, upperhalf, edgelist1 and nodelist1");
    const auto no_n = temp_file("no_n.dl", "dl format=el1\ndata:\n1 2\n");
    EXPECT_EQ(error_of([&] { read_dl(no_n); }),
              no_n +
                  ":2: error: the header does not give the number of actors; write 'dl n=5' "
                  "(n = number of actors)");
    const auto no_data = temp_file("no_data.dl", "dl n=2\n");
    EXPECT_EQ(error_of([&] { read_dl(no_data); }),
              no_data +
                  ":1: error: the file ends before 'data:'; the data of a DL file follow a "
                  "'data:' line");
    const auto bad_n = temp_file("bad_n.dl", "dl n=-2\n");
    EXPECT_EQ(error_of([&] { read_dl(bad_n); }),
              bad_n + ":1:6: error: expected a whole number after 'n =', got '-2'; e.g. 'n = 5'");
}

TEST(ReadDl, ActorNumberOutOfRangeIsAnError) {
    const auto path = temp_file("range.dl", "dl n=2 format=nl1\ndata:\n1 2 3\n");
    EXPECT_EQ(error_of([&] { read_dl(path); }),
              path +
                  ":3:5: error: expected an actor number 1..2, got '3'; without 'labels "
                  "embedded' the data refer to actors by number");
    const auto rows =
        temp_file("row_label.dl", "dl n=2 labels embedded data:\na b\na 0 1\nc 0 0\n");
    EXPECT_EQ(error_of([&] { read_dl(rows); }),
              rows +
                  ":4:1: error: row label 'c' is not one of the column labels; in one-mode "
                  "data rows and columns name the same actors");
}

// ---- files as UCINET writes them ----------------------------------------------------------

/// Ties per relation, in the order the relations first appear.
std::map<std::string, std::size_t> per_relation(const RawTable& ties) {
    std::map<std::string, std::size_t> out;
    for (const auto& r : column(ties, "relation")) ++out[r];
    return out;
}

TEST(ReadDl, CorpusPadgettAsUcinetWritesIt) {
    // DL / N=16 NM=2 / FORMAT = FULLMATRIX DIAGONAL PRESENT / ROW LABELS: / COLUMN LABELS: /
    // LEVEL LABELS: PADGM PADGB / DATA: then two 16x16 matrices, CRLF line ends, named .DAT.
    const auto path = corpus("ucinet/PADGETT.DAT");
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path;
    const RawNetwork raw = read_dl(path);
    ASSERT_EQ(raw.actors.rows(), 16u);
    EXPECT_EQ(cell(raw.actors, "Id", 0), "ACCIAIUOL");
    EXPECT_EQ(cell(raw.actors, "Id", 8), "MEDICI");
    EXPECT_EQ(cell(raw.actors, "Id", 15), "TORNABUON");
    // Symmetric matrices: every tie is one cell on each side of the diagonal. Non-zero cells,
    // counted with awk over the DATA lines: PADGM 40, PADGB 30, none on the diagonal.
    EXPECT_EQ(per_relation(raw.ties),
              (std::map<std::string, std::size_t>{{"PADGB", 30}, {"PADGM", 40}}));
    // Data line 1 (file line 42, after DATA: on 41): " 0 0 0 0 0 0 0 0 1 ...": Acciaiuoli married
    // into the Medici.
    EXPECT_EQ(cell(raw.ties, "Source", 0), "ACCIAIUOL");
    EXPECT_EQ(cell(raw.ties, "Target", 0), "MEDICI");
    EXPECT_EQ(cell(raw.ties, "relation", 0), "PADGM");
    EXPECT_EQ(raw.ties.line(0), 42u);

    // Loaded (by content: .DAT is no known extension), each symmetric matrix gives one
    // undirected tie per pair: Padgett & Ansell (1993) count 20 marriage (PADGM) and 15 business
    // (PADGB) ties among these 16 families.
    const Network net = load_network({path}, {});
    EXPECT_EQ(net.actor_count(), 16u);
    EXPECT_FALSE(net.directed());
    ASSERT_EQ(net.relations(), (V{"PADGM", "PADGB"}));
    std::size_t marriage = 0, business = 0;
    for (std::size_t e = 0; e < net.tie_count(); ++e)
        (net.relation(e) == 0 ? marriage : business) += 1;
    EXPECT_EQ(marriage, 20u);
    EXPECT_EQ(business, 15u);
}

TEST(ReadDl, CorpusKrackhardtCognitiveSlices) {
    // N=21 NM=21, LEVEL LABELS ACTOR#1..ACTOR#21 and no actor labels: 21 matrices, one per
    // respondent's view of the advice network (Krackhardt 1987).
    const auto path = corpus("ucinet/KRACKAD.DAT");
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path;
    const RawNetwork raw = read_dl(path);
    ASSERT_EQ(raw.actors.rows(), 21u);
    EXPECT_EQ(cell(raw.actors, "Id", 20), "21");
    const auto rel = per_relation(raw.ties);
    EXPECT_EQ(rel.size(), 21u);
    EXPECT_EQ(rel.at("ACTOR#1"), 277u);  // awk count of the first 21 data lines' non-zero cells
    EXPECT_EQ(rel.at("ACTOR#21"), 198u);
    EXPECT_EQ(raw.ties.rows(), 2735u);  // awk: non-zero cells of all 21 matrices, none diagonal
}

TEST(ReadDl, CorpusSampsonTenValuedRelations) {
    const auto path = corpus("ucinet/SAMPSON.DAT");
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path;
    const RawNetwork raw = read_dl(path);
    ASSERT_EQ(raw.actors.rows(), 18u);
    EXPECT_EQ(cell(raw.actors, "Id", 0), "ROMUL_10");
    // MANIFEST.md: 510 arcs, the non-zero off-diagonal cells of the ten matrices (hand count;
    // the diagonal is all zero). The first relation, SAMPLK1, has 55 (awk).
    EXPECT_EQ(raw.ties.rows(), 510u);
    const auto rel = per_relation(raw.ties);
    EXPECT_EQ(rel.size(), 10u);
    EXPECT_EQ(rel.at("SAMPLK1"), 55u);
    EXPECT_EQ(rel.at("SAMNPR"), 41u);
    // Valued: the ranks 1..3 (and negative ranks in the "dis-" relations) are kept as weights.
    EXPECT_NE(cell(raw.ties, "Weight", 0), "");
}

TEST(ReadDl, CorpusHeaderWithoutEquals) {
    // "dl n 4 format = nodelist1": n without '=' (UCINET's documented short form).
    const auto path = corpus("dl/nodelist_noeq.dl");
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path;
    const RawNetwork raw = read_dl(path);
    // Data "I1 W1 W2 / I3 / W1 W2 / W2 I1": 4 actors by first appearance, 4 arcs.
    EXPECT_EQ(column(raw.actors, "Id"), (V{"I1", "W1", "W2", "I3"}));
    EXPECT_EQ(column(raw.ties, "Source"), (V{"I1", "I1", "W1", "W2"}));
    EXPECT_EQ(column(raw.ties, "Target"), (V{"W1", "W2", "W2", "I1"}));
    EXPECT_TRUE(raw.warnings.empty());
    // Inside a label list, "N 12" are two labels, not "n 12".
    const auto labels =
        temp_file("label_n.dl", "dl n 3 labels: N 12 x data: 0 1 0\n0 0 0\n0 0 0\n");
    EXPECT_EQ(column(read_dl(labels).actors, "Id"), (V{"N", "12", "x"}));
    const auto nm = temp_file("noeq_nm.dl", "DL N 2 NM 2 FORMAT = EL1\nDATA:\n1 2\n!\n2 1\n");
    EXPECT_EQ(column(read_dl(nm).ties, "relation"), (V{"1", "2"}));
}

TEST(ReadDl, CorpusLabelListWithLabelsEmbedded) {
    // igraph examples/simple/edgelist3.dl: 'labels:' george, sally, jim, billy, jane, then
    // 'labels embedded:'. igraph's grammar (src/io/dl-parser.y, edgelist1rest) reads the list
    // first, in its order, then the data by label: 5 vertices, 5 edges.
    const auto path = corpus("dl/edgelist3.dl");
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path;
    const RawNetwork raw = read_dl(path);
    EXPECT_EQ(column(raw.actors, "Id"), (V{"george", "sally", "jim", "billy", "jane"}));
    EXPECT_EQ(column(raw.ties, "Source"), (V{"george", "george", "sally", "billy", "jane"}));
    EXPECT_EQ(column(raw.ties, "Target"), (V{"sally", "jim", "jim", "george", "jim"}));
    EXPECT_TRUE(raw.warnings.empty());
}

TEST(ReadDl, CorpusLabelsDifferingOnlyInCase) {
    // igraph examples/simple/fullmatrix4.dl: column labels "larry david lin pat russ", row
    // labels "Larry david Lin Pat Russ". UCINET ignores case, so Larry is larry; the actor keeps
    // the column label as written. Rows, read by eye: larry->david,lin,pat; david->larry,russ;
    // lin->larry,pat; pat->larry,lin,russ; russ->david,pat = 12 arcs, symmetric = 6 ties.
    const auto path = corpus("dl/fullmatrix4.dl");
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path;
    const RawNetwork raw = read_dl(path);
    EXPECT_EQ(column(raw.actors, "Id"), (V{"larry", "david", "lin", "pat", "russ"}));
    EXPECT_EQ(column(raw.ties, "Source"), (V{"larry", "larry", "larry", "david", "david", "lin",
                                             "lin", "pat", "pat", "pat", "russ", "russ"}));
    EXPECT_EQ(column(raw.ties, "Target"), (V{"david", "lin", "pat", "larry", "russ", "larry", "pat",
                                             "larry", "lin", "russ", "david", "pat"}));
    const Network net = load_network({path}, {});
    EXPECT_EQ(net.actor_count(), 5u);
    EXPECT_FALSE(net.directed());
    EXPECT_EQ(net.tie_count(), 6u);
}

TEST(ReadDl, LabelsDifferingOnlyInCaseAreOneActor) {
    const auto el =
        temp_file("case_el.dl", "dl n=2 format=el1 labels embedded data:\nAnn bob\nann Bob\n");
    const RawNetwork raw = read_dl(el);
    EXPECT_EQ(column(raw.actors, "Id"), (V{"Ann", "bob"}));  // as first written
    EXPECT_EQ(column(raw.ties, "Source"), (V{"Ann", "Ann"}));
    EXPECT_EQ(column(raw.ties, "Target"), (V{"bob", "bob"}));
    const auto dup = temp_file("case_dup.dl", "dl n=2\nlabels: a A\ndata:\n");
    EXPECT_EQ(error_of([&] { read_dl(dup); }),
              dup +
                  ":2:11: error: label 'A' is 'a' (line 2) in another case; UCINET ignores case "
                  "in labels, so both name one actor; labels must be unique");
}

TEST(ReadDl, CorpusDlSavedAsTxtIsRecognisedByContent) {
    // ucinet_as.txt: "dl / format = edgelist1 / n = 3 / labels embedded: / data: / A B 1.0 /
    // B C 2.0" -- a .txt name would make it a plain edge list; its first word 'dl' makes it DL.
    const auto path = corpus("dl/ucinet_as.txt");
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path;
    const Network net = load_network({path}, {});
    EXPECT_EQ(net.actor_count(), 3u);
    EXPECT_EQ(net.tie_count(), 2u);
    EXPECT_TRUE(net.directed());  // A->B is not answered by B->A
    // A .txt edge list whose first actor happens to be called dl stays an edge list.
    const auto plain = temp_file("dl_actor.txt", "dl alice\nalice bob\n");
    const Network edges = load_network({plain}, {});
    EXPECT_EQ(edges.actor_count(), 3u);
    EXPECT_EQ(edges.tie_count(), 2u);
    // Any case, any unknown extension.
    const auto dat = temp_file("upper.DAT", "DL N=2\nDATA:\n0 1\n0 0\n");
    EXPECT_EQ(load_network({dat}, {}).tie_count(), 1u);
}

TEST(ReadDl, LowerhalfIsASymmetricMatrix) {
    // lowerhalf.dl, diagonal present: "0 / 1 0 / 0 2 0 / 1 0 3 0" = cells (b,a)=1, (c,b)=2,
    // (d,a)=1, (d,c)=3; each stands for both arcs, like a symmetric full matrix.
    const RawNetwork raw = read_dl(data("dl/lowerhalf.dl"));
    EXPECT_EQ(column(raw.actors, "Id"), (V{"a", "b", "c", "d"}));
    EXPECT_EQ(column(raw.ties, "Source"), (V{"b", "a", "c", "b", "d", "a", "d", "c"}));
    EXPECT_EQ(column(raw.ties, "Target"), (V{"a", "b", "b", "c", "a", "d", "c", "d"}));
    EXPECT_EQ(column(raw.ties, "Weight"), (V{"1", "1", "2", "2", "1", "1", "3", "3"}));
    const Network net = load_network({data("dl/lowerhalf.dl")}, {});
    EXPECT_FALSE(net.directed());
    EXPECT_EQ(net.tie_count(), 4u);
}

TEST(ReadDl, HalfMatricesWithTheDiagonalAbsent) {
    // upperhalf_absent.dl: "1 0 1 / 2 0 / 3" = (1,2)=1, (1,4)=1, (2,3)=2, (3,4)=3.
    const RawNetwork up = read_dl(data("dl/upperhalf_absent.dl"));
    EXPECT_EQ(column(up.actors, "Id"), (V{"1", "2", "3", "4"}));
    EXPECT_EQ(column(up.ties, "Source"), (V{"1", "2", "1", "4", "2", "3", "3", "4"}));
    EXPECT_EQ(column(up.ties, "Target"), (V{"2", "1", "4", "1", "3", "2", "4", "3"}));
    EXPECT_EQ(column(up.ties, "Weight"), (V{"1", "1", "1", "1", "2", "2", "3", "3"}));
    // lowerhalf_absent.dl: no line for row 1; "1 / 0 2" = (2,1)=1, (3,2)=2.
    const RawNetwork low = read_dl(data("dl/lowerhalf_absent.dl"));
    EXPECT_EQ(column(low.ties, "Source"), (V{"2", "1", "3", "2"}));
    EXPECT_EQ(column(low.ties, "Target"), (V{"1", "2", "2", "3"}));
    EXPECT_EQ(low.ties.line(2), 5u);
    // fullmatrix_absent.dl: row i leaves out column i: "1 0 / 0 1 / 1 1" = 1->2, 2->3, 3->1,
    // 3->2.
    const RawNetwork full = read_dl(data("dl/fullmatrix_absent.dl"));
    EXPECT_EQ(column(full.ties, "Source"), (V{"1", "2", "3", "3"}));
    EXPECT_EQ(column(full.ties, "Target"), (V{"2", "3", "1", "2"}));
    const auto embedded = temp_file("lh_embedded.dl",
                                    "dl n=3 format=lowerhalf diagonal=absent labels embedded\n"
                                    "data:\nx y z\nx\ny 1\nz 0 1\n");
    const RawNetwork e = read_dl(embedded);
    EXPECT_EQ(column(e.ties, "Source"), (V{"y", "x", "z", "y"}));
    EXPECT_EQ(column(e.ties, "Target"), (V{"x", "y", "y", "z"}));
}

TEST(ReadDl, HalfMatrixErrors) {
    const auto short_row = temp_file("lh_short.dl", "dl n=3 format=lowerhalf\ndata:\n0\n1\n");
    EXPECT_EQ(error_of([&] { read_dl(short_row); }),
              short_row +
                  ":4:2: error: row 2 has 1 items but needs 2 values in a lowerhalf (n = 3); "
                  "write each row of the matrix on one line");
    const auto missing =
        temp_file("uh_missing.dl", "dl n=3 format=uh diagonal absent\ndata:\n1 1\n");
    EXPECT_EQ(error_of([&] { read_dl(missing); }),
              missing +
                  ":3:4: error: the data end before row 2; an upperhalf needs 2 rows per matrix "
                  "(n = 3, nm = 1, diagonal absent)");
}

}  // namespace
}  // namespace clusterlens
