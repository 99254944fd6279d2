// CSV tokenizer and table reader: quoting, line ends, encodings and the errors they raise.
#include "graphs/csv.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include "test_files.hpp"

namespace clusterlens {
namespace {
using testing::TempDir;

RawTable read(const std::string& path) {
    std::vector<Warning> w;
    return read_csv_table(path, w);
}

TEST(Csv, QuotesDelimitersAndLineBreaksInsideFields) {
    TempDir dir;
    const auto p = dir.file(
        "t.csv", "Id,Label,note\n1,\"Smith, J.\",\"said \"\"hi\"\"\"\n2,\"two\nlines\",x\n");
    const auto t = read(p);
    ASSERT_EQ(t.rows(), 2u);
    EXPECT_EQ(t.cell(1, 0), "Smith, J.");
    EXPECT_EQ(t.cell(2, 0), "said \"hi\"");
    EXPECT_EQ(t.cell(1, 1), "two\nlines");
    EXPECT_EQ(t.line(1), 3u);
    EXPECT_EQ(t.col_pos(2, 0), 15u);  // "1,"Smith, J."," -> note starts at byte 15
}

TEST(Csv, CrlfBomAndBlankLines) {
    TempDir dir;
    const auto p = dir.file("t.csv", "\xEF\xBB\xBFId,Label\r\n\r\na,A\r\n\r\nb,B\r\n");
    const auto t = read(p);
    EXPECT_EQ(t.names()[0], "Id");  // BOM removed
    ASSERT_EQ(t.rows(), 2u);
    EXPECT_EQ(t.cell(1, 1), "B");  // no stray \r
    EXPECT_EQ(t.line(1), 5u);      // blank lines still count
}

TEST(Csv, SemicolonAndTabDelimitersAreDetected) {
    TempDir dir;
    auto t = read(dir.file("s.csv", "Id;Label;w\na;A,1;2,5\n"));
    EXPECT_EQ(t.cell(1, 0), "A,1");
    EXPECT_EQ(t.cell(2, 0), "2.5");  // a decimal comma in a ';' file (excel_csv_test.cpp)
    t = read(dir.file("t.tsv", "Id\tLabel\na\tA b\n"));
    EXPECT_EQ(t.cell(1, 0), "A b");
}

TEST(Csv, Latin1IsConvertedWithAWarning) {
    TempDir dir;
    const auto p = dir.file("l.csv", "Id,Label\na,Tartu \xDClikool\n");  // Ü in Latin-1
    std::vector<Warning> w;
    const auto t = read_csv_table(p, w);
    EXPECT_EQ(t.cell(1, 0), "Tartu \xC3\x9Clikool");  // Ü in UTF-8 (Windows-1252 = Latin-1 here)
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].format(),
              p + ":2: warning: text is not valid UTF-8; read as Windows-1252 (Excel's Western "
                  "European encoding, which includes Latin-1) and converted to UTF-8 (save the "
                  "file as UTF-8 to silence this)");
}

TEST(Csv, GzipIsReadTransparently) {
    TempDir dir;
    const auto p = dir.path("t.csv.gz");
    gzFile f = gzopen(p.c_str(), "wb");
    const std::string text = "Id,Label\na,A\nb,B\n";
    gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
    gzclose(f);
    EXPECT_EQ(read(p).rows(), 2u);
}

TEST(Csv, TrailingDelimiterMakesAnEmptyField) {
    TempDir dir;
    const auto t = read(dir.file("t.csv", "a,b\n1,\n"));
    ASSERT_EQ(t.rows(), 1u);
    EXPECT_EQ(t.cell(1, 0), "");
}

TEST(Csv, Errors) {
    TempDir dir;
    auto expect_error = [&](const std::string& content, const std::string& suffix) {
        const auto p = dir.file("e.csv", content);
        try {
            read(p);
            FAIL() << "no error for " << content;
        } catch (const InputError& e) {
            EXPECT_EQ(std::string(e.what()), p + suffix);
        }
    };
    expect_error("", ": error: the file is empty; a CSV table needs a header row and data rows");
    expect_error(
        "a,b\n\"x,1\n",
        ":2:1: error: quoted field is never closed; add the closing '\"' (a quote inside a "
        "quoted field is written as '\"\"')");
    expect_error("a,b\n1,2,3\n",
                 ":2:5: error: row has 3 fields but the header has 2 columns; quote fields that "
                 "contain ',' and check for missing or extra delimiters");
    expect_error(
        "a,A\n1,2\n",
        ":1:3: error: column 'A' appears twice in the header row; rename or remove one of them");
    EXPECT_THROW(read(dir.path("missing.csv")), InputError);
}

}  // namespace
}  // namespace clusterlens
