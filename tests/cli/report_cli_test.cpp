// `clusterlens report` end to end (issue 15): one self-contained HTML file with no external
// resource, the same bytes twice, the data the script reads equal to what score writes, the
// headline counts of the bundled example (400 actors, 6,850 ties, 8 local: its README), data
// that cannot break out of the page, and the usage errors. The page's behaviour in a browser is
// tests/report/browser_report.py's (ctest report_browser).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
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

std::vector<std::string> example(const std::string& out, std::vector<std::string> tail = {}) {
    std::vector<std::string> a = {"report", testing::example("cordis_ee_climate/data"),
                                  "--map",  testing::example("cordis_ee_climate/cordis.toml"),
                                  "-o",     out};
    a.insert(a.end(), tail.begin(), tail.end());
    return a;
}

/// The JSON of <script id="report-data">.
nlohmann::json report_data(const std::string& html) {
    const std::string open = "<script type=\"application/json\" id=\"report-data\">";
    const auto a = html.find(open);
    if (a == std::string::npos) return {};
    const auto b = html.find("</script>", a);
    return nlohmann::json::parse(html.substr(a + open.size(), b - a - open.size()));
}

TEST(ReportCli, OneSelfContainedFileTheSameBytesTwice) {
    TempDir dir;
    const auto r = run(example(dir.path("report.html")));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("wrote " + dir.path("report.html") + ": 400 actors, 6850 ties, 4 figure"),
              std::string::npos)
        << r.out;
    const auto html = slurp(dir.path("report.html"));
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    // Nothing external: the only URLs are the SVG and XLink namespace names (never fetched).
    const std::regex url(R"re((https?:|ftp:|//)[^"' <>)]*)re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), url);
         it != std::sregex_iterator(); ++it) {
        const auto u = it->str();
        if (u.rfind("//", 0) == 0) continue;  // "//" inside script comments or text
        EXPECT_TRUE(u == "http://www.w3.org/2000/svg" || u == "http://www.w3.org/1999/xlink")
            << "external URL in the report: " << u;
    }
    EXPECT_EQ(html.find(" src=\""), std::string::npos);
    EXPECT_EQ(html.find("<link"), std::string::npos);
    EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
    // The four views, their download buttons, the tables the script fills.
    for (const char* v : {"concentric", "position-map", "countries", "communities"}) {
        EXPECT_NE(html.find(std::string("id=\"view-") + v + "\""), std::string::npos) << v;
        EXPECT_NE(html.find(std::string("class=\"download-png\" data-figure=\"") + v),
                  std::string::npos);
    }
    for (const char* id : {"headline", "lock-in", "buzz-pipelines", "typology", "brokers",
                           "gatekeepers", "lc-weights", "actors-table", "ties-table"})
        EXPECT_NE(html.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
    // Every id once: the figures' Graphviz ids are prefixed by their view.
    const std::regex id_attr(R"re( id="([^"]+)")re");
    std::set<std::string> ids;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), id_attr);
         it != std::sregex_iterator(); ++it)
        EXPECT_TRUE(ids.insert((*it)[1]).second) << "duplicate id " << (*it)[1];
    // The same bytes again (same command line: the page prints it).
    std::filesystem::rename(dir.path("report.html"), dir.path("first.html"));
    ASSERT_EQ(run(example(dir.path("report.html"))).code, 0);
    EXPECT_TRUE(slurp(dir.path("report.html")) == html);
}

TEST(ReportCli, HeadlineAndDataAgreeWithScore) {
    TempDir dir;
    ASSERT_EQ(run(example(dir.path("r.html"))).code, 0);
    const auto html = slurp(dir.path("r.html"));
    // The example's README: 400 actors (1 core, 7 assisting, 392 external), 6,850 ties, 8 local.
    EXPECT_NE(html.find("<th scope=\"row\">Actors</th><td class=\"num\">400</td><td>1 core "
                        "firms, 7 assisting institutes"),
              std::string::npos);
    EXPECT_NE(html.find("<th scope=\"row\">Local / global actors</th><td class=\"num\">8 / "
                        "392</td>"),
              std::string::npos);
    EXPECT_NE(html.find("<th scope=\"row\">Ties</th><td class=\"num\">6850</td>"),
              std::string::npos);
    // The data equals actors.csv of score with the same options, to the 6 digits it keeps.
    ASSERT_EQ(run({"score", testing::example("cordis_ee_climate/data"), "--map",
                   testing::example("cordis_ee_climate/cordis.toml"), "--communities", "leiden",
                   "-o", dir.path("s")})
                  .code,
              0);
    const auto data = report_data(html);
    ASSERT_TRUE(data.is_object());
    const auto& cols = data["actor_columns"];
    ASSERT_EQ(data["actors"].size(), 400u);
    EXPECT_EQ(data["ties"].size(), 6850u);
    EXPECT_EQ(data["ties_total"], 6850);
    const auto csv = slurp(dir.path("s/actors.csv"));
    std::vector<std::string> header;
    std::map<std::string, std::vector<std::string>> by_id;
    std::size_t start = 0, line = 0;
    while (start < csv.size()) {
        const auto end = csv.find('\n', start);
        std::vector<std::string> cells;
        std::size_t a = start;
        for (;;) {  // no quoted cells in this example's actors.csv
            const auto c = csv.find(',', a);
            if (c == std::string::npos || c > end) {
                cells.push_back(csv.substr(a, end - a));
                break;
            }
            cells.push_back(csv.substr(a, c - a));
            a = c + 1;
        }
        if (line++ == 0)
            header = cells;
        else
            by_id[cells[0]] = cells;
        start = end + 1;
    }
    std::size_t compared = 0;
    for (const auto& row : data["actors"]) {
        const auto& cells = by_id.at(row[0].get<std::string>());
        for (std::size_t k = 0; k < cols.size(); ++k) {
            const auto at = std::find(header.begin(), header.end(), cols[k].get<std::string>());
            ASSERT_NE(at, header.end()) << cols[k];
            const auto& want = cells[static_cast<std::size_t>(at - header.begin())];
            if (row[k].is_number()) {
                const double w = std::stod(want), got = row[k].get<double>();
                EXPECT_LE(std::fabs(got - w), 5e-6 * std::max(1.0, std::fabs(w))) << cols[k];
                ++compared;
            } else if (row[k].is_null()) {
                EXPECT_EQ(want, "") << cols[k];
            } else if (k != 1) {  // label: the id when the example has none
                EXPECT_EQ(row[k].get<std::string>(), want) << cols[k];
            }
        }
    }
    EXPECT_GT(compared, 400u * 10);
}

TEST(ReportCli, DataCannotEndTheScriptOrInjectMarkup) {
    TempDir dir;
    const auto net = dir.file("x.txt", "</script><b>x a\n<!--y a\n");
    const auto r = run({"report", net, "-o", dir.path("x.html")});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto html = slurp(dir.path("x.html"));
    EXPECT_EQ(html.find("</script><b>"), std::string::npos);
    EXPECT_EQ(html.find("<!--y"), std::string::npos);
    EXPECT_EQ(report_data(html)["actors"][0][0], "</script><b>x");
    // No parts: one sfdp view, no position map.
    EXPECT_NE(html.find("id=\"view-concentric\""), std::string::npos);
    EXPECT_EQ(html.find("id=\"view-position-map\""), std::string::npos);
}

TEST(ReportCli, UsageErrors) {
    TempDir dir;
    auto r = run({"report", testing::example("cordis_ee_climate/data"), "--map",
                  testing::example("cordis_ee_climate/cordis.toml")});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("report needs -o REPORT.html"), std::string::npos) << r.err;
    r = run(example(dir.path("r.svg")));
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("the report is one HTML file; name it *.html"), std::string::npos);
    r = run(example(dir.path("no/such/folder/r.html")));
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path("no")));
    // A network.graphml written by score holds scores: report wants the input score read.
    ASSERT_EQ(run({"score", testing::example("cordis_ee_climate/data"), "--map",
                   testing::example("cordis_ee_climate/cordis.toml"), "-o", dir.path("s")})
                  .code,
              0);
    r = run({"report", dir.path("s/network.graphml"), "-o", dir.path("r.html")});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("already holds the scores of clusterlens score"), std::string::npos)
        << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path("r.html")));
    r = run({"report", "--help"});
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("opens in any current browser and prints to PDF"), std::string::npos);
}

/// The JSON of <script id="PREFIXreport-data">.
nlohmann::json relation_data(const std::string& html, const std::string& prefix) {
    const std::string open = "<script type=\"application/json\" id=\"" + prefix + "report-data\">";
    const auto a = html.find(open);
    if (a == std::string::npos) return {};
    const auto b = html.find("</script>", a);
    return nlohmann::json::parse(html.substr(a + open.size(), b - a - open.size()));
}

std::vector<std::string> two_relations(const std::string& out, std::vector<std::string> tail = {}) {
    std::vector<std::string> a = {"report", testing::data("report/two_relations"),
                                  "--map",  testing::data("report/two_relations/mapping.toml"),
                                  "-o",     out};
    a.insert(a.end(), tail.begin(), tail.end());
    return a;
}

// tests/data/report/two_relations: 10 actors; knowledge 8 ties, business 7 (its edges.csv).
TEST(ReportCli, SeveralRelationsOnePageEachWithASwitch) {
    TempDir dir;
    auto r = run(two_relations(dir.path("r.html")));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("reporting every relation (2)"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("10 actors, 15 ties, 2 relations"), std::string::npos) << r.out;
    auto html = slurp(dir.path("r.html"));
    EXPECT_NE(html.find("<div class=\"relation-page\" data-prefix=\"\" "
                        "data-relation=\"knowledge\">"),
              std::string::npos);
    EXPECT_NE(html.find("<div class=\"relation-page\" data-prefix=\"r1-\" "
                        "data-relation=\"business\" hidden>"),
              std::string::npos);
    EXPECT_NE(html.find("class=\"toggle-relation\" data-relation=\"business\""), std::string::npos);
    const auto knowledge = relation_data(html, ""), business = relation_data(html, "r1-");
    EXPECT_EQ(knowledge["ties_total"], 8);
    EXPECT_EQ(business["ties_total"], 7);
    EXPECT_EQ(knowledge["actors"].size(), 10u);
    EXPECT_EQ(business["actors"].size(), 10u);
    EXPECT_NE(html.find("id=\"r1-actors-table\""), std::string::npos);
    EXPECT_NE(html.find("id=\"r1-headline\""), std::string::npos);
    const std::regex id_attr(R"re( id="([^"]+)")re");
    std::set<std::string> ids;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), id_attr);
         it != std::sregex_iterator(); ++it)
        EXPECT_TRUE(ids.insert((*it)[1]).second) << "duplicate id " << (*it)[1];
    // One relation named: a page like any one-relation report, without the switch.
    r = run(two_relations(dir.path("b.html"), {"--relation", "business"}));
    ASSERT_EQ(r.code, 0) << r.err;
    html = slurp(dir.path("b.html"));
    EXPECT_EQ(html.find("class=\"toggle-relation\""), std::string::npos);
    EXPECT_EQ(relation_data(html, "")["ties_total"], 7);
    EXPECT_EQ(html.find("r1-"), std::string::npos);
    r = run(two_relations(dir.path("x.html"), {"--relation", "friendship"}));
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path("x.html")));
}

}  // namespace
}  // namespace clusterlens
