// Tests of read_edge_list on hand-written files (tests/data/edgelist): each separator, the
// header rule, quoted ids, comments, positions, and every error with its exact message.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "graphs/readers.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using testing::data;

std::string at(const RawTable& t, const std::string& name, std::size_t row) {
    const auto& names = t.names();
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
        ADD_FAILURE() << "no column " << name;
        return "<missing column>";
    }
    return t.cell(static_cast<std::size_t>(it - names.begin()), row);
}

std::uint32_t col_of(const RawTable& t, const std::string& name, std::size_t row) {
    const int c = t.find(name);
    return c < 0 ? 0xFFFFFFFFu : t.col_pos(static_cast<std::size_t>(c), row);
}

std::string error_of(const std::string& path) {
    try {
        read_edge_list(path);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

TEST(ReadEdgeListTest, WhitespaceCommentsAndQuotedIds) {
    // Expected cells and columns read off tests/data/edgelist/whitespace.txt by hand.
    const auto path = data("edgelist/whitespace.txt");
    const RawNetwork net = read_edge_list(path);
    EXPECT_EQ(net.format, "edgelist");
    EXPECT_EQ(net.sources, std::vector<std::string>{path});
    EXPECT_FALSE(net.actors_authoritative);
    EXPECT_FALSE(net.directed.has_value());
    EXPECT_EQ(net.actors.rows(), 0u);
    EXPECT_TRUE(net.warnings.empty());
    ASSERT_EQ(net.ties.rows(), 4u);
    EXPECT_EQ(net.ties.names(), (std::vector<std::string>{"Source", "Target", "Weight"}));
    EXPECT_EQ(at(net.ties, "Source", 0), "alice");
    EXPECT_EQ(at(net.ties, "Weight", 0), "2");
    EXPECT_EQ(net.ties.line(0), 4u);  // after two comment lines and a blank line
    EXPECT_EQ(col_of(net.ties, "Weight", 0), 11u);
    EXPECT_EQ(at(net.ties, "Source", 1), "bob");  // "  bob<TAB>carol": leading blanks skipped
    EXPECT_EQ(col_of(net.ties, "Source", 1), 3u);
    EXPECT_EQ(at(net.ties, "Target", 1), "carol");
    EXPECT_EQ(at(net.ties, "Weight", 1), "");  // no weight
    EXPECT_EQ(at(net.ties, "Source", 2), "New York");
    EXPECT_EQ(at(net.ties, "Target", 2), "San Jos\xC3\xA9");
    EXPECT_EQ(col_of(net.ties, "Weight", 2), 24u);       // byte column: é is two bytes
    EXPECT_EQ(at(net.ties, "Source", 3), "say \"hi\"");  // "" inside quotes is one quote
}

TEST(ReadEdgeListTest, CommaWithHeader) {
    // "from,to,weight": three fields, none a number -> header, skipped.
    const RawNetwork net = read_edge_list(data("edgelist/header_comma.csv"));
    ASSERT_EQ(net.ties.rows(), 3u);
    EXPECT_EQ(net.ties.line(0), 2u);
    EXPECT_EQ(at(net.ties, "Target", 0), "b");  // " b ": blanks around a field are trimmed
    EXPECT_EQ(col_of(net.ties, "Target", 0), 4u);
    EXPECT_EQ(at(net.ties, "Weight", 0), "1.5");
    EXPECT_EQ(at(net.ties, "Source", 1), "Smith, J");
    EXPECT_EQ(at(net.ties, "Weight", 1), "");   // "a," trailing empty weight: no weight
    EXPECT_EQ(at(net.ties, "Weight", 2), "x");  // copied; assembly rejects it
}

TEST(ReadEdgeListTest, SemicolonKeepsDecimalComma) {
    const RawNetwork net = read_edge_list(data("edgelist/semicolon.txt"));
    ASSERT_EQ(net.ties.rows(), 2u);
    EXPECT_EQ(at(net.ties, "Weight", 0), "0,5");  // the text as written
    EXPECT_EQ(col_of(net.ties, "Weight", 0), 5u);
}

TEST(ReadEdgeListTest, TabAllowsSpacesInIds) {
    const RawNetwork net = read_edge_list(data("edgelist/tab_spaces.tsv"));
    ASSERT_EQ(net.ties.rows(), 2u);
    EXPECT_EQ(at(net.ties, "Source", 0), "New York");
    EXPECT_EQ(at(net.ties, "Weight", 0), "3");
    EXPECT_EQ(col_of(net.ties, "Weight", 0), 17u);
    EXPECT_EQ(at(net.ties, "Target", 1), "Los Angeles");
}

TEST(ReadEdgeListTest, TwoFieldHeader) {
    const RawNetwork net = read_edge_list(data("edgelist/header_two.txt"));
    ASSERT_EQ(net.ties.rows(), 2u);
    EXPECT_EQ(at(net.ties, "Source", 0), "1");
    EXPECT_EQ(net.ties.line(0), 2u);
    EXPECT_EQ(net.ties.find("Weight"), -1);
}

TEST(ReadEdgeListTest, NumericFirstLineIsData) {
    const RawNetwork net = read_edge_list(data("edgelist/no_header_numbers.txt"));
    ASSERT_EQ(net.ties.rows(), 2u);
    EXPECT_EQ(at(net.ties, "Weight", 0), "3");
    EXPECT_EQ(net.ties.line(0), 1u);
}

TEST(ReadEdgeListTest, OnlyCommentsGivesNoTies) {
    const RawNetwork net = read_edge_list(data("edgelist/comments_only.txt"));
    EXPECT_EQ(net.ties.rows(), 0u);
}

TEST(ReadEdgeListTest, TooManyFields) {
    const auto path = data("edgelist/too_many.txt");
    EXPECT_EQ(error_of(path), path +
                                  ":2:7: error: line has 4 fields; expected 'source target "
                                  "[weight]' separated by whitespace; put ids that contain spaces "
                                  "in double quotes, or remove the extra fields");
}

TEST(ReadEdgeListTest, InlineCommentIsExplained) {
    const auto path = data("edgelist/inline_comment.txt");
    EXPECT_EQ(error_of(path), path +
                                  ":1:7: error: line has 5 fields; expected 'source target "
                                  "[weight]' separated by whitespace; comments must stand on their "
                                  "own line; put ids that contain spaces in double quotes, or "
                                  "remove the extra fields");
}

TEST(ReadEdgeListTest, TooFewFields) {
    // "lonely" is 6 characters: the missing target would start in column 7.
    const auto path = data("edgelist/too_few.txt");
    EXPECT_EQ(error_of(path), path +
                                  ":2:7: error: line has only one field; expected 'source target "
                                  "[weight]' separated by whitespace; add the target id");
}

TEST(ReadEdgeListTest, UnclosedQuote) {
    const auto path = data("edgelist/unclosed_quote.txt");
    EXPECT_EQ(error_of(path), path +
                                  ":2:1: error: quoted id is never closed; add the closing '\"' "
                                  "(write a quote inside a quoted id as \"\")");
}

TEST(ReadEdgeListTest, EmptyTarget) {
    const auto path = data("edgelist/empty_target.csv");
    EXPECT_EQ(error_of(path), path +
                                  ":1:3: error: target id is empty; expected 'source target "
                                  "[weight]' separated by ','; fill in the id or remove the line");
}

TEST(ReadEdgeListTest, EmptyAndBlankFiles) {
    for (const char* name : {"edgelist/empty.txt", "edgelist/blank.txt"}) {
        const auto path = data(name);
        EXPECT_EQ(error_of(path), path +
                                      ": error: the file is empty; an edge list has one 'source "
                                      "target [weight]' line per tie");
    }
}

}  // namespace
}  // namespace clusterlens
