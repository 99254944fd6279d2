// Tests of read_edge_list on hand-written files (tests/data/edgelist): each separator, the
// header rule, quoted ids, comments, positions, and every error with its exact message.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <filesystem>

#include "graphs/load.hpp"
#include "graphs/readers.hpp"
#include "reader_test_helpers.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using testing::corpus;
using testing::data;
using testing::temp_file;

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

// ---- decimal commas in a whitespace-separated list (read_edge_list's decimal-comma rule) ----

TEST(ReadEdgeListTest, DecimalCommaCorpusIsWhitespaceSeparated) {
    const auto path = corpus("edgelist/decimal_comma.txt");
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path;
    // "Mueller Schaefer 2,5" / "Schaefer Krause 1,5" / "Krause Mueller 3,0"; MANIFEST.md:
    // 3 actors, 3 ties, weights 2.5 / 1.5 / 3.0. "2,5" starts in column 18 (7 + 1 + 8 + 1 + 1).
    const RawNetwork raw = read_edge_list(path);
    ASSERT_EQ(raw.ties.rows(), 3u);
    EXPECT_EQ(at(raw.ties, "Source", 0), "Mueller");
    EXPECT_EQ(at(raw.ties, "Target", 0), "Schaefer");
    EXPECT_EQ(at(raw.ties, "Weight", 0), "2.5");
    EXPECT_EQ(at(raw.ties, "Weight", 2), "3.0");
    EXPECT_EQ(col_of(raw.ties, "Weight", 0), 18u);
    ASSERT_EQ(raw.warnings.size(), 1u);
    EXPECT_EQ(raw.warnings[0].format(),
              path +
                  ":1:18: warning: read 2,5 as 2.5 (decimal comma): the fields are separated by "
                  "whitespace, so a comma in a weight is a decimal comma (3 weights read so, "
                  "first here); if ',' separates source and target instead, put ids that "
                  "contain spaces in double quotes");
    const Network net = load_network({path}, {});
    EXPECT_EQ(net.actor_count(), 3u);
    ASSERT_EQ(net.tie_count(), 3u);
    std::vector<double> weights;
    for (std::size_t e = 0; e < net.tie_count(); ++e) weights.push_back(net.weight(e));
    std::sort(weights.begin(), weights.end());
    EXPECT_EQ(weights, (std::vector<double>{1.5, 2.5, 3.0}));
}

TEST(ReadEdgeListTest, DecimalCommaOnlyWhereTheRuleSaysSo) {
    // tests/data/edgelist/decimal_comma_ws.txt: lines 2-4 "Site_A Site_B 2,5", "Site_B Site_C 1",
    // "Site_C Site_A 0,75": two weights with a decimal comma, the first at 2:15.
    const auto path = data("edgelist/decimal_comma_ws.txt");
    const RawNetwork ws = read_edge_list(path);
    ASSERT_EQ(ws.ties.rows(), 3u);
    EXPECT_EQ(at(ws.ties, "Weight", 0), "2.5");
    EXPECT_EQ(at(ws.ties, "Weight", 1), "1");
    EXPECT_EQ(at(ws.ties, "Weight", 2), "0.75");
    ASSERT_EQ(ws.warnings.size(), 1u);
    EXPECT_EQ(ws.warnings[0].pos.line, 2u);
    EXPECT_EQ(ws.warnings[0].pos.column, 15u);
    EXPECT_NE(ws.warnings[0].message.find("read 2,5 as 2.5 (decimal comma)"), std::string::npos);
    EXPECT_NE(ws.warnings[0].message.find("(2 weights read so"), std::string::npos);

    // A whitespace header fixes the separator; "0,5" under it is a decimal comma (2:5).
    const auto header = temp_file("dc_header.txt", "source target weight\na b 0,5\n");
    const RawNetwork h = read_edge_list(header);
    EXPECT_EQ(at(h.ties, "Weight", 0), "0.5");
    ASSERT_EQ(h.warnings.size(), 2u);  // the header (issue 12 says so) and the decimal comma
    EXPECT_NE(h.warnings[0].message.find("as a header"), std::string::npos);
    EXPECT_EQ(h.warnings[1].pos.column, 5u);

    // Genuine comma-separated lists stay so, without a warning.
    const auto csv = temp_file("dc_csv.txt", "a,b,2\nb,c,1.5\n");
    const RawNetwork c = read_edge_list(csv);
    EXPECT_EQ(at(c.ties, "Target", 0), "b");
    EXPECT_EQ(at(c.ties, "Weight", 0), "2");
    EXPECT_TRUE(c.warnings.empty());
    // "Plant 1,Plant 2": the third whitespace field "2" has no comma: ids with spaces.
    const auto spaces = temp_file("dc_spaces.txt", "Plant 1,Plant 2\n");
    const RawNetwork s = read_edge_list(spaces);
    EXPECT_EQ(at(s.ties, "Source", 0), "Plant 1");
    EXPECT_EQ(at(s.ties, "Target", 0), "Plant 2");
    EXPECT_TRUE(s.warnings.empty());
    // A quoted id says where the fields end: comma-separated, no weight.
    const auto quoted = temp_file("dc_quoted.txt", "\"Mueller Schaefer 2\",5\n");
    const RawNetwork q = read_edge_list(quoted);
    EXPECT_EQ(at(q.ties, "Source", 0), "Mueller Schaefer 2");
    EXPECT_EQ(at(q.ties, "Target", 0), "5");
    EXPECT_TRUE(q.warnings.empty());
    // With ';' the weight stays as written (unchanged; see SemicolonKeepsDecimalComma).
    const RawNetwork semi = read_edge_list(data("edgelist/semicolon.txt"));
    EXPECT_TRUE(semi.warnings.empty());
}

}  // namespace
}  // namespace clusterlens
