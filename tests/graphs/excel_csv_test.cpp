// CSV files as European Excel writes them: decimal commas in ';'-separated files,
// Windows-1252 text, empty trailing columns and rows, cells of spaces, focal words in other
// languages. Expected values are read off the small files written in each test (counted by
// hand) or, for the shared corpus, counted independently with Python's csv module (see
// ExcelCorpus below).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "graphs/csv.hpp"
#include "graphs/load.hpp"
#include "graphs/text_input.hpp"
#include "reader_test_helpers.hpp"
#include "test_files.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {
using testing::cell;
using testing::column;
using testing::corpus;
using testing::error_of;
using testing::load_error;
using testing::TempDir;

#define SKIP_WITHOUT_CORPUS(path) \
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path

RawTable read(const std::string& path, std::vector<Warning>& w, CsvOptions o = {}) {
    return read_csv_table(path, w, o);
}

std::vector<std::string> formatted(const std::vector<Warning>& w) {
    std::vector<std::string> out;
    for (const auto& x : w) out.push_back(x.format());
    return out;
}

// ---- decimal commas -------------------------------------------------------------------------

TEST(ExcelCsv, DecimalCommasInSemicolonFileAreDetectedWithOneWarning) {
    TempDir dir;
    // Line 3: "b;c;2,5" -> Weight starts at byte 5; "a;b;3" is an integer and stays as is.
    const auto p = dir.file("e.csv", "Source;Target;Weight\na;b;3\nb;c;2,5\nc;a;-0,75\n");
    std::vector<Warning> w;
    const auto t = read(p, w);
    EXPECT_EQ(column(t, "Weight"), (std::vector<std::string>{"3", "2.5", "-0.75"}));
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].format(),
              p + ":3:5: warning: read 2,5 as 2.5 (decimal comma): the file is separated by ';' "
                  "and column 'Weight' holds numbers written with ',' as the decimal point (2 "
                  "cells read so, first here); pass --decimal-comma to say so and silence this");
}

TEST(ExcelCsv, DecimalCommasInTabFileNameEveryColumn) {
    TempDir dir;
    const auto p = dir.file("n.tsv", "Id\tLabel\tsize\tshare\nx\tA,1\t1,5\t0,25\ny\t2,5\t3\t1\n");
    std::vector<Warning> w;
    const auto t = read(p, w);
    EXPECT_EQ(column(t, "size"), (std::vector<std::string>{"1.5", "3"}));
    EXPECT_EQ(column(t, "share"), (std::vector<std::string>{"0.25", "1"}));
    // Label is an actor name: "2,5" there stays as written.
    EXPECT_EQ(column(t, "Label"), (std::vector<std::string>{"A,1", "2,5"}));
    ASSERT_EQ(w.size(), 1u);
    EXPECT_NE(w[0].message.find("columns 'size', 'share' hold numbers"), std::string::npos)
        << w[0].message;
    EXPECT_NE(w[0].message.find("(2 cells read so"), std::string::npos) << w[0].message;
}

TEST(ExcelCsv, CommaSeparatedFilesAreNeverTouched) {
    TempDir dir;
    const auto p = dir.file("e.csv", "Source,Target,Weight\na,b,\"2,5\"\n");
    std::vector<Warning> w;
    EXPECT_EQ(cell(read(p, w), "Weight", 0), "2,5");
    EXPECT_TRUE(w.empty());
    EXPECT_EQ(error_of([&] { read(p, w, CsvOptions{DecimalComma::force}); }),
              p + ":1:1: error: --decimal-comma, but this file is separated by ',', so a ',' "
                  "cannot be a decimal point; drop the option for this file, or export it with "
                  "';' as the separator");
}

TEST(ExcelCsv, MixedDecimalConventionsAreLeftAsWrittenWithAWarning) {
    TempDir dir;
    // Weight has a decimal comma (line 2) but lat a '.' decimal point (line 2, "58.4").
    const auto p = dir.file("e.csv", "Source;Target;Weight;lat\na;b;2,5;58.4\n");
    std::vector<Warning> w;
    const auto t = read(p, w);
    EXPECT_EQ(cell(t, "Weight", 0), "2,5");
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].format(),
              p + ":2:5: warning: column 'Weight' writes numbers with a decimal comma ('2,5', "
                  "first here), but column 'lat' has a '.' decimal point ('58.4' at line 2): "
                  "the file mixes both, so the commas were left as written; pass "
                  "--decimal-comma to read ',' as the decimal point, or export with one "
                  "convention");
    // Assembly then refuses the weight instead of misreading it, and says what to do.
    const auto n = dir.file("n.csv", "Id\na\nb\n");
    EXPECT_EQ(load_error({n, p}),
              p + ":2:5: error: weight '2,5' is not a number; use a positive number such as 1 "
                  "or 2.5 (if ',' is the decimal point in this file, pass --decimal-comma)");
}

TEST(ExcelCsv, ForcedDecimalCommaRefusesADotNumber) {
    TempDir dir;
    const auto p = dir.file("e.csv", "Source;Target;Weight\na;b;2,5\nb;c;1.234\n");
    std::vector<Warning> w;
    EXPECT_EQ(error_of([&] { read(p, w, CsvOptions{DecimalComma::force}); }),
              p + ":3:5: error: '1.234' has a '.', but --decimal-comma reads ',' as the decimal "
                  "point (and '.' may group thousands); write it with a ',' (or without the "
                  "'.'), or drop --decimal-comma");
    // Forced and consistent: rewritten, and no warning (the user said so).
    const auto q = dir.file("f.csv", "Source;Target;Weight;note\na;b;2,5;v1.2\n");
    w.clear();
    const auto t = read(q, w, CsvOptions{DecimalComma::force});
    EXPECT_EQ(cell(t, "Weight", 0), "2.5");
    EXPECT_EQ(cell(t, "note", 0), "v1.2");  // text column: untouched
    EXPECT_TRUE(w.empty());
}

TEST(ExcelCsv, ThousandsGroupsBeforeADecimalCommaAreReadWithAWarning) {
    TempDir dir;
    const auto p = dir.file("n.csv", "Id;turnover\na;1.234,5\nb;12,5\nc;1.000.000,0\n");
    std::vector<Warning> w;
    const auto t = read(p, w);
    EXPECT_EQ(column(t, "turnover"), (std::vector<std::string>{"1234.5", "12.5", "1000000.0"}));
    ASSERT_EQ(w.size(), 2u);
    EXPECT_EQ(w[1].format(), p + ":2:3: warning: read 1.234,5 as 1234.5 ('.' groups thousands "
                                 "before the decimal comma; 2 cells read so, first here)");
}

TEST(ExcelCsv, DecimalCommaAttributeColumnsBecomeNumeric) {
    TempDir dir;
    const auto n = dir.file("nodes.csv", "Id;Label;turnover\na;Alpha;16,4\nb;Beta;\nc;Gamma;2\n");
    const auto e = dir.file("edges.csv", "Source;Target;Weight\na;b;0,5\n");
    const auto net = load_network({n, e}, {});
    const auto* col = net.actor_attributes().find("turnover");
    ASSERT_NE(col, nullptr);
    ASSERT_EQ(col->kind, AttributeColumn::Kind::number);
    EXPECT_DOUBLE_EQ(col->numbers[0], 16.4);
    EXPECT_TRUE(std::isnan(col->numbers[1]));
    EXPECT_DOUBLE_EQ(col->numbers[2], 2.0);
    EXPECT_DOUBLE_EQ(net.weight(0), 0.5);
}

TEST(ExcelCsv, SharedHelpers) {
    EXPECT_TRUE(is_decimal_comma("2,5"));
    EXPECT_TRUE(is_decimal_comma("-0,75"));
    EXPECT_FALSE(is_decimal_comma("2,"));
    EXPECT_FALSE(is_decimal_comma(",5"));
    EXPECT_FALSE(is_decimal_comma("1,000,5"));
    EXPECT_FALSE(is_decimal_comma("2.5"));
    EXPECT_EQ(decimal_comma_to_dot("-0,75"), "-0.75");
    const auto n = separators_outside_quotes("a;\"b;c\",d\t");  // the quoted ';' does not count
    EXPECT_EQ(n.comma, 1u);
    EXPECT_EQ(n.semi, 1u);
    EXPECT_EQ(n.tab, 1u);
}

// ---- Windows-1252 ---------------------------------------------------------------------------

TEST(ExcelCsv, Windows1252SignsAreDecoded) {
    // Code points from the WHATWG Encoding Standard's windows-1252 index:
    // 0x80 -> U+20AC (E2 82 AC), 0x8A -> U+0160 (C5 A0), 0x9A -> U+0161 (C5 A1),
    // 0x96 -> U+2013 (E2 80 93), 0xFC -> U+00FC (C3 BC, as in Latin-1), 0x81 (undefined) ->
    // U+0081 (C2 81).
    EXPECT_EQ(windows1252_to_utf8("\x80 \x8A\x9A \x96 \xFC \x81"),
              "\xE2\x82\xAC \xC5\xA0\xC5\xA1 \xE2\x80\x93 \xC3\xBC \xC2\x81");
    TempDir dir;
    const auto p = dir.file("n.csv", "Id;Label\n1;\x8Akoda \x96 5 \x80\n");
    std::vector<Warning> w;
    const auto t = read(p, w);
    EXPECT_EQ(cell(t, "Label", 0), "\xC5\xA0koda \xE2\x80\x93 5 \xE2\x82\xAC");  // Škoda – 5 €
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].format(),
              p + ":2: warning: text is not valid UTF-8; read as Windows-1252 (Excel's Western "
                  "European encoding, which includes Latin-1) and converted to UTF-8 (save the "
                  "file as UTF-8 to silence this)");
}

// ---- Excel's empty columns and rows, cells of spaces -----------------------------------------

TEST(ExcelCsv, EmptyTrailingHeaderCellsAreDroppedWithTheirEmptyCells) {
    TempDir dir;
    const auto p = dir.file("n.csv", "Id;Label;type;;\r\nF1;Alpha;firm;;\r\nF2;Beta;firm; ;\r\n");
    std::vector<Warning> w;
    const auto t = read(p, w);
    EXPECT_EQ(t.names(), (std::vector<std::string>{"Id", "Label", "type"}));
    ASSERT_EQ(t.rows(), 2u);
    EXPECT_EQ(
        formatted(w),
        (std::vector<std::string>{p + ":1:15: warning: 2 columns without a name at the end of the "
                                      "header row ignored (they hold no values; Excel writes them "
                                      "for cells right of the table)"}));
}

TEST(ExcelCsv, AValueUnderAnUnnamedColumnIsAnError) {
    TempDir dir;
    const auto p = dir.file("n.csv", "Id;Label;;\nF1;Alpha;;\nF2;Beta;;x\n");
    std::vector<Warning> w;
    EXPECT_EQ(error_of([&] { read(p, w); }),
              p + ":3:10: error: value 'x' in column 4, which has no name in the header row; "
                  "name the column or clear the cell");
}

TEST(ExcelCsv, AnEmptyHeaderCellInTheMiddleStaysAnError) {
    TempDir dir;
    const auto p = dir.file("n.csv", "Id;;type\na;b;c\n");
    std::vector<Warning> w;
    EXPECT_EQ(error_of([&] { read(p, w); }),
              p + ":1:4: error: empty column name in the header row; give every column a name");
}

TEST(ExcelCsv, RowsOfEmptyCellsAreSkippedWithAWarning) {
    TempDir dir;
    const auto p = dir.file("n.csv", "Id;Label\na;A\n;\n ; \nb;B\n");
    std::vector<Warning> w;
    const auto t = read(p, w);
    EXPECT_EQ(column(t, "Id"), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(t.line(1), 5u);
    EXPECT_EQ(formatted(w),
              (std::vector<std::string>{
                  p + ":3: warning: 2 empty rows skipped (first here; every cell is empty)"}));
}

TEST(ExcelCsv, CellsOfSpacesAreEmpty) {
    TempDir dir;
    // Label "  " -> the id; size "  " -> missing, so the column stays numeric; weight " " -> 1.
    const auto n = dir.file("nodes.csv", "Id;Label;size;city\na;  ;3;Tartu\nb;B;  ;\t\n");
    const auto e = dir.file("edges.csv", "Source;Target;Weight\na;b; \n");
    const auto net = load_network({n, e}, {});
    EXPECT_EQ(net.actor(0).label, "a");
    const auto* size = net.actor_attributes().find("size");
    ASSERT_NE(size, nullptr);
    EXPECT_EQ(size->kind, AttributeColumn::Kind::number);
    EXPECT_TRUE(std::isnan(size->numbers[1]));
    EXPECT_EQ(net.actor_attributes().find("city")->texts[1], "");
    EXPECT_DOUBLE_EQ(net.weight(0), 1.0);
}

// ---- focal words ------------------------------------------------------------------------------

TEST(ExcelCsv, FocalWordsOfEuropeanLocalesAndAMap) {
    TempDir dir;
    // Expected by hand from the words: ja, OUI, S\xC3\x8D (SÍ), x, WAHR -> true; nein, Non, no,
    // FALSCH, empty -> false; "Fokus" through the mapping's focal_values -> true.
    const auto n = dir.file("nodes.csv",
                            "Id;focal\na;ja\nb;nein\nc;OUI\nd;Non\ne;S\xC3\x8D\nf;no\ng;x\nh;\n"
                            "i;WAHR\nj;FALSCH\nk;Fokus\n");
    const auto e = dir.file("edges.csv", "Source;Target\na;b\n");
    const auto m = dir.file("m.toml", "[actors.focal_values]\nFokus = \"true\"\n");
    LoadOptions o;
    o.mapping = load_mapping(m);
    const auto net = load_network({n, e}, o);
    std::string got;
    for (const auto& a : net.actors()) got += a.focal ? '1' : '0';
    EXPECT_EQ(got, "10101010101");
    EXPECT_EQ(load_error({n, e}),
              n + ":12:3: error: focal must be true or false (also 1/0, yes/no, ja/nein, oui/non, "
                  "s\xC3\xAD/no, wahr/falsch, vrai/faux, x for true), got 'Fokus' (or map it in a "
                  "mapping file: [actors.focal_values])");
    const auto bad = dir.file("bad.toml", "[actors.focal_values]\nFokus = \"maybe\"\n");
    EXPECT_EQ(error_of([&] { load_mapping(bad); }),
              bad +
                  ":2:9: error: 'maybe' is not a known value for focal_values; accepted: true, "
                  "false");
}

// ---- the shared corpus ------------------------------------------------------------------------

// csv/excel_decimal_comma: 35 actors and 213 ties (MANIFEST.md, hand count). Checked
// independently with Python's csv module (delimiter ';', encoding utf-8-sig): 35 node rows, 213
// edge rows, 213 distinct (source, target, relation), no self-loops, no unknown ends; 128
// knowledge and 85 business; 17 weights with a decimal comma, weights summing to 557.5;
// turnover_meur has 20 decimal-comma cells and 15 empty ones, summing to 839.7; employees has 25
// integers summing to 9286; focal is "yes" for 3 actors.
TEST(ExcelCorpus, DecimalCommaSurvey) {
    const auto n = corpus("csv/excel_decimal_comma/nodes.csv");
    const auto e = corpus("csv/excel_decimal_comma/edges.csv");
    SKIP_WITHOUT_CORPUS(n);
    const auto net = load_network({n, e}, {});
    EXPECT_EQ(net.actor_count(), 35u);
    EXPECT_EQ(net.tie_count(), 213u);
    EXPECT_TRUE(net.directed());
    double sum = 0;
    for (const double w : net.weights()) sum += w;
    EXPECT_NEAR(sum, 557.5, 1e-9);
    const auto* turnover = net.actor_attributes().find("turnover_meur");
    ASSERT_NE(turnover, nullptr);
    ASSERT_EQ(turnover->kind, AttributeColumn::Kind::number);
    double t = 0;
    std::size_t missing = 0;
    for (const double v : turnover->numbers) std::isnan(v) ? ++missing : (t += v, 0);
    EXPECT_NEAR(t, 839.7, 1e-9);
    EXPECT_EQ(missing, 15u);
    EXPECT_EQ(net.actor_attributes().find("employees")->kind, AttributeColumn::Kind::number);
    std::size_t focal = 0;
    for (const auto& a : net.actors()) focal += a.focal;
    EXPECT_EQ(focal, 3u);
    // Line 2 of nodes.csv: "F01;Müller Präzisionstechnik GmbH;firm;local;yes;Zulieferung;252;16,4"
    // -> "16,4" starts at byte 68 (the two umlauts take two bytes each).
    ASSERT_EQ(net.report().warnings.size(), 2u);
    EXPECT_EQ(net.report().warnings[0].format(),
              n + ":2:68: warning: read 16,4 as 16.4 (decimal comma): the file is separated by "
                  "';' and column 'turnover_meur' holds numbers written with ',' as the decimal "
                  "point (20 cells read so, first here); pass --decimal-comma to say so and "
                  "silence this");
    EXPECT_NE(net.report().warnings[1].message.find("read 4,5 as 4.5"), std::string::npos);
    // --decimal-comma gives the same network without the two warnings.
    LoadOptions o;
    o.csv.decimal_comma = DecimalComma::force;
    const auto forced = load_network({n, e}, o);
    EXPECT_EQ(forced.tie_count(), 213u);
    EXPECT_TRUE(forced.report().warnings.empty());
}

// csv/excel_trailing_columns: counted by hand (and with Python's csv module, which gives the
// same rows): n2.csv has header Id;Label;type;; (two unnamed columns), the actors F1 (label
// "Alpha\nGmbH", quoted over two lines) and F2, then two rows ";;;;"; e2.csv has
// Source;Target;Type;Weight;; , one tie F1 -> F2 "directed" weight 2 and one row ";;;;;".
// So 2 actors, 1 directed tie of weight 2, and four warnings (unnamed columns and empty rows in
// each file).
TEST(ExcelCorpus, TrailingColumns) {
    const auto n = corpus("csv/excel_trailing_columns/n2.csv");
    const auto e = corpus("csv/excel_trailing_columns/e2.csv");
    SKIP_WITHOUT_CORPUS(n);
    const auto net = load_network({n, e}, {});
    ASSERT_EQ(net.actor_count(), 2u);
    EXPECT_EQ(net.actor(0).label, "Alpha\nGmbH");
    EXPECT_EQ(net.actor(1).type, "firm");
    ASSERT_EQ(net.tie_count(), 1u);
    EXPECT_TRUE(net.directed());
    EXPECT_DOUBLE_EQ(net.weight(0), 2.0);
    EXPECT_EQ(formatted(net.report().warnings),
              (std::vector<std::string>{
                  n + ":1:15: warning: 2 columns without a name at the end of the header row "
                      "ignored (they hold no values; Excel writes them for cells right of the "
                      "table)",
                  n + ":5: warning: 2 empty rows skipped (first here; every cell is empty)",
                  e + ":1:27: warning: 2 columns without a name at the end of the header row "
                      "ignored (they hold no values; Excel writes them for cells right of the "
                      "table)",
                  e + ":3: warning: 1 empty row skipped (first here; every cell is empty)"}));
}

}  // namespace
}  // namespace clusterlens
