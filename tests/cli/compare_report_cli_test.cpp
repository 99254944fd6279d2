// compare --report end to end (issue 15, item 5): OUTDIR/report.html for each of the three
// forms, self-contained, the same bytes twice, each table's data equal to the CSV file compare
// wrote next to it (read back here with a parser of the test's own), every figure inline even
// when SVG is not among the formats, and no report without the option. The page's behaviour in
// a browser is tests/report/browser_compare.py's (ctests compare_report_browser_*).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "../graphs/test_files.hpp"
#include "cli_run.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {
using testing::run;
using testing::slurp;
using testing::TempDir;

std::vector<std::string> local_global(const std::string& out, std::vector<std::string> tail = {}) {
    std::vector<std::string> a = {"compare", testing::example("cordis_ee_climate/data"),
                                  "--map",   testing::example("cordis_ee_climate/cordis.toml"),
                                  "-o",      out};
    a.insert(a.end(), tail.begin(), tail.end());
    return a;
}

std::vector<std::string> baltics(std::vector<std::string> countries, const std::string& out) {
    std::vector<std::string> a = {"compare"};
    for (const auto& c : countries) a.push_back(testing::example("cordis_sc5_baltics/" + c));
    for (const auto& x : {std::string("--map"), testing::example("cordis_sc5_baltics/cordis.toml"),
                          std::string("-o"), out, std::string("--report")})
        a.push_back(x);
    return a;
}

nlohmann::json report_data(const std::string& html) {
    const std::string open = "<script type=\"application/json\" id=\"report-data\">";
    const auto a = html.find(open);
    if (a == std::string::npos) return {};
    const auto b = html.find("</script>", a);
    return nlohmann::json::parse(html.substr(a + open.size(), b - a - open.size()));
}

/// RFC 4180 records (quoted fields with commas, doubled quotes and line breaks).
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(cell);
            cell.clear();
        } else if (c == '\n') {
            row.push_back(cell);
            cell.clear();
            rows.push_back(row);
            row.clear();
        } else if (c != '\r') {
            cell += c;
        }
    }
    return rows;
}

/// Every table of the page holds its CSV file, header and rows, cell for cell.
void expect_tables_are_files(const nlohmann::json& data, const std::string& dir,
                             const std::vector<std::string>& stems) {
    ASSERT_EQ(data["tables"].size(), stems.size()) << data["tables"].dump().substr(0, 200);
    for (const auto& stem : stems) {
        SCOPED_TRACE(stem);
        const auto csv = parse_csv(slurp(dir + "/" + stem + ".csv"));
        ASSERT_FALSE(csv.empty());
        const auto& t = data["tables"][stem];
        ASSERT_TRUE(t.is_object());
        EXPECT_EQ(t["columns"].get<std::vector<std::string>>(), csv[0]);
        ASSERT_EQ(t["rows"].size(), csv.size() - 1);
        for (std::size_t r = 1; r < csv.size(); ++r)
            ASSERT_EQ(t["rows"][r - 1].get<std::vector<std::string>>(), csv[r]) << "row " << r;
    }
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
    return n;
}

TEST(CompareReport, LocalGlobalHoldsItsTablesAndFiguresTheSameBytesTwice) {
    TempDir dir;
    const auto out = dir.path("lg");
    auto r = run(local_global(out, {"--report"}));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("wrote " + out + "/report.html"), std::string::npos) << r.out;
    const auto html = slurp(out + "/report.html");
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
    EXPECT_EQ(html.find(" src=\""), std::string::npos);
    EXPECT_EQ(html.find("<link"), std::string::npos);
    const std::regex url(R"re(https?:[^"' <>)]*)re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), url);
         it != std::sregex_iterator(); ++it)
        EXPECT_TRUE(it->str() == "http://www.w3.org/2000/svg" ||
                    it->str() == "http://www.w3.org/1999/xlink")
            << "external URL: " << it->str();
    // The example's README: 8 local and 392 global actors, 4 buzz ties, 517 pipelines.
    EXPECT_NE(html.find("<td class=\"num\">8 / 392</td>"), std::string::npos);
    EXPECT_NE(html.find("Buzz ties</th><td class=\"num\">4</td>"), std::string::npos);
    EXPECT_NE(html.find("Pipelines</th><td class=\"num\">517</td>"), std::string::npos);
    for (const char* stem : {"buzz", "pipelines", "position_map", "local_global"}) {
        EXPECT_NE(html.find(std::string("id=\"figure-") + stem + "\""), std::string::npos) << stem;
        EXPECT_NE(html.find(std::string("class=\"download-svg\" data-figure=\"") + stem),
                  std::string::npos);
    }
    EXPECT_EQ(count_of(html, "<svg role=\"img\""), 4u);
    expect_tables_are_files(report_data(html), out, {"comparison", "local_actors"});
    r = run(local_global(out, {"--report"}));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(slurp(out + "/report.html"), html) << "a second run wrote other bytes";
}

TEST(CompareReport, OnlyWithTheOptionAndEveryFigureInlineWhateverTheFormats) {
    TempDir dir;
    auto r = run(local_global(dir.path("plain")));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path("plain/report.html")));
    EXPECT_EQ(r.out.find("report.html"), std::string::npos) << r.out;
    r = run(local_global(dir.path("png"), {"--report", "--figure-format", "png"}));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path("png/buzz.svg")));
    const auto html = slurp(dir.path("png/report.html"));
    EXPECT_EQ(count_of(html, "<svg role=\"img\""), 4u);
}

TEST(CompareReport, TwoNetworksHoldTheirFourTables) {
    TempDir dir;
    const auto out = dir.path("two");
    const auto r = run(baltics({"EE", "LT"}, out));
    ASSERT_EQ(r.code, 0) << r.err;
    const auto html = slurp(out + "/report.html");
    EXPECT_NE(html.find("<h1>From EE to LT</h1>"), std::string::npos);
    EXPECT_NE(html.find("id=\"figure-change\""), std::string::npos);
    EXPECT_NE(html.find("id=\"rank-stability\""), std::string::npos);
    // comparison.json's counts, as the findings print them.
    const auto j = nlohmann::json::parse(slurp(out + "/comparison.json"));
    EXPECT_NE(html.find(std::to_string(j["actors"]["kept"].get<int>()) + " kept, " +
                        std::to_string(j["actors"]["gained"].get<int>()) + " gained, " +
                        std::to_string(j["actors"]["lost"].get<int>()) + " lost"),
              std::string::npos);
    expect_tables_are_files(report_data(html), out,
                            {"comparison", "actors", "ties", "actor_changes"});
}

TEST(CompareReport, ManyClustersHoldTheirTableAndChart) {
    TempDir dir;
    const auto out = dir.path("many");
    const auto r = run(baltics({"EE", "LV", "LT"}, out));
    ASSERT_EQ(r.code, 0) << r.err;
    const auto html = slurp(out + "/report.html");
    EXPECT_NE(html.find("<h1>3 clusters compared: EE, LV, LT</h1>"), std::string::npos);
    EXPECT_NE(html.find("id=\"figure-linkage\""), std::string::npos);
    expect_tables_are_files(report_data(html), out, {"clusters"});
}

}  // namespace
}  // namespace clusterlens
