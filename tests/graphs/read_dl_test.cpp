// UCINET DL reader: hand-written inputs under tests/data/dl (see its README.md); every expected
// cell below is read off those files by eye.
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
    const auto fmt = temp_file("lowerhalf.dl", "dl n=2 format = lowerhalf\ndata:\n");
    EXPECT_EQ(error_of([&] { read_dl(fmt); }),
              fmt +
                  ":1:17: error: format 'lowerhalf' is not supported yet; clusterlens reads "
                  "fullmatrix, edgelist1 and nodelist1");
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

}  // namespace
}  // namespace clusterlens
