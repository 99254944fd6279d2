// `clusterlens explain` end to end (issue 14): coefficients and R² on the bundled example equal
// R's lm() on predictors computed by NetworkX (tests/data/oracle/explain_oracle.json), the
// outputs are the same bytes for any thread count, listwise deletion is counted per reason,
// exact enumeration is said, and the usage errors (unknown or non-numeric columns, collinear
// predictors, a bad method) exit 2 with their message. The statistics themselves are checked in
// tests/src/node_regression_test.cpp.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "../graphs/test_files.hpp"
#include "cli_run.hpp"
#include "graphs/csv.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {
using testing::run;
using testing::slurp;
using testing::TempDir;

std::vector<std::string> example(std::vector<std::string> tail) {
    std::vector<std::string> a = {"explain", testing::example("cordis_ee_climate/data"), "--map",
                                  testing::example("cordis_ee_climate/cordis.toml")};
    a.insert(a.end(), tail.begin(), tail.end());
    return a;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

TEST(ExplainCli, CoefficientsEqualRLmOnTheBundledExample) {
    TempDir dir;
    const auto r =
        run(example({"--outcome", "n_projects_in_case", "-o", dir.path("e"), "--timings"}));
    ASSERT_EQ(r.code, 0) << r.err;
    std::ifstream in(testing::data("oracle/explain_oracle.json"));
    const auto oracle = nlohmann::json::parse(in)["cases"][0];
    ASSERT_EQ(oracle["kind"], "lm");
    std::vector<Warning> w;
    const auto table = read_csv_table(dir.path("e/coefficients.csv"), w);
    ASSERT_EQ(table.rows(), 5u);
    for (std::size_t j = 0; j < 5; ++j) {
        EXPECT_EQ(table.cell(0, j), oracle["terms"][j].get<std::string>());
        for (const auto& [col, key] :
             {std::pair{1, "coef"}, std::pair{3, "se"}, std::pair{4, "t"}, std::pair{2, "beta"}}) {
            if (j == 0 && col == 2) {
                EXPECT_EQ(table.cell(col, j), "");
                continue;
            }
            const double want = oracle[key][j].get<double>();
            EXPECT_NEAR(std::stod(table.cell(col, j)), want, 1e-9 * std::max(1.0, std::abs(want)))
                << key << " " << table.cell(0, j);
        }
    }
    const auto s = nlohmann::json::parse(slurp(dir.path("e/summary.json")));
    EXPECT_NEAR(s["r2"].get<double>(), oracle["r2"].get<double>(), 1e-9);
    EXPECT_NEAR(s["adj_r2"].get<double>(), oracle["adj_r2"].get<double>(), 1e-9);
    EXPECT_EQ(s["n"], 400);
    EXPECT_EQ(s["method"], "freedman-lane");
    EXPECT_EQ(s["permutations"], 10000);
    EXPECT_EQ(s["exact"], false);
    EXPECT_EQ(s["seed"], 1);
    EXPECT_EQ(s["predictors_default"], true);
    // The defaults are printed, with the timing line.
    EXPECT_TRUE(has(r.out, "method freedman-lane (default; residuals")) << r.out;
    EXPECT_TRUE(has(r.out, "; 10,000 permutations (default); seed 1 (default); statistic t"))
        << r.out;
    // The time only with --timings, on stderr: stdout is the same on every run and machine.
    EXPECT_TRUE(has(r.err, "timing: permutations: 10,000 in ")) << r.err;
    EXPECT_FALSE(has(r.out, " s on ")) << r.out;
    EXPECT_TRUE(has(r.out, "< 0.0001")) << r.out;
    EXPECT_TRUE(has(r.out, "which assume independent actors")) << r.out;
}

/// `out` without its "wrote PATH" lines.
std::string without_wrote(const std::string& out) {
    std::string kept, line;
    std::istringstream in(out);
    while (std::getline(in, line))
        if (line.rfind("wrote ", 0) != 0) kept += line + '\n';
    return kept;
}

TEST(ExplainCli, SameBytesForAnyThreadCount) {
    TempDir dir;
    std::vector<std::string> outs;
    for (const char* t : {"1", "2", "3"}) {
        const auto r = run(example({"--outcome", "n_projects_in_case", "--predictors",
                                    "closeness,ego_size,type,constraint", "--method", "outcome",
                                    "--permutations", "3000", "--seed", "7", "--threads", t, "-o",
                                    dir.path(t), "--figure-format", "svg"}));
        ASSERT_EQ(r.code, 0) << r.err;
        outs.push_back(without_wrote(r.out));
    }
    EXPECT_EQ(outs[0], outs[1]);  // stdout too, but for the folder each run wrote to
    EXPECT_EQ(outs[0], outs[2]);
    for (const char* f :
         {"coefficients.csv", "explain_actors.csv", "summary.json", "explain.svg"}) {
        const auto one = slurp(dir.path(std::string("1/") + f));
        ASSERT_FALSE(one.empty()) << f;
        EXPECT_EQ(one, slurp(dir.path(std::string("2/") + f))) << f;
        EXPECT_EQ(one, slurp(dir.path(std::string("3/") + f))) << f;
    }
}

// Seven actors in a ring of ties plus two isolates (h, i); g has no outcome.
std::string small_network(const TempDir& dir) {
    dir.file("n/nodes.csv",
             "Id,Label,part,type,locality,output\n"
             "a,A,core,firm,local,3\nb,B,core,firm,local,5\nc,C,assisting,university,local,4\n"
             "d,D,external,research,global,8\ne,E,external,firm,global,6\n"
             "f,F,core,firm,local,2\ng,G,core,firm,local,\nh,H,core,firm,local,1\n"
             "i,I,external,firm,global,9\n");
    dir.file("n/edges.csv",
             "Source,Target,Type,Weight\n"
             "a,b,Undirected,2\nb,c,Undirected,1\nc,d,Undirected,3\nd,e,Undirected,1\n"
             "e,f,Undirected,2\nf,g,Undirected,1\ng,a,Undirected,4\na,d,Undirected,1\n");
    return dir.path("n");
}

TEST(ExplainCli, ListwiseDeletionCountedAndExactEnumerationSaid) {
    TempDir dir;
    const auto net = small_network(dir);
    const auto r = run({"explain", net, "--outcome", "output", "-o", dir.path("e")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(has(r.out, "actors: 6 used of 9, 3 dropped (listwise):")) << r.out;
    EXPECT_TRUE(has(r.out, "2 dropped: missing ext_share and mean_tie_strength (isolates)"))
        << r.out;
    EXPECT_TRUE(has(r.out, "1 dropped: missing output (empty in the input)")) << r.out;
    EXPECT_TRUE(has(
        r.out,
        "all 720 permutations (exact: every ordering of the 6 actors, since 6! <= --permutations)"))
        << r.out;
    const auto s = nlohmann::json::parse(slurp(dir.path("e/summary.json")));
    EXPECT_EQ(s["exact"], true);
    EXPECT_EQ(s["permutations"], 720);
    EXPECT_EQ(s["dropped"]["actors"], 3);
    std::vector<Warning> w;
    const auto actors = read_csv_table(dir.path("e/explain_actors.csv"), w);
    ASSERT_EQ(actors.rows(), 9u);
    const auto used = static_cast<std::size_t>(actors.find("used"));
    const auto reason = static_cast<std::size_t>(actors.find("reason"));
    EXPECT_EQ(actors.cell(used, 0), "yes");
    EXPECT_EQ(actors.cell(used, 6), "no");
    EXPECT_EQ(actors.cell(reason, 6), "missing output");
    EXPECT_EQ(actors.cell(reason, 7), "missing ext_share and mean_tie_strength");
}

TEST(ExplainCli, DummiesNameTheirReference) {
    TempDir dir;
    const auto net = small_network(dir);
    const auto r = run({"explain", net, "--outcome", "output", "--predictors", "degree,type",
                        "--permutations", "0", "-o", dir.path("e")});
    ASSERT_EQ(r.code, 0) << r.err;
    // Used: a..f and h, i (g has no output): firm 6, research 1, university 1.
    EXPECT_TRUE(has(r.out,
                    "reference level of type: firm (6 actors, the most frequent); "
                    "dummies: type=research, type=university"))
        << r.out;
    EXPECT_TRUE(has(r.out, "permutation test: none (--permutations 0)")) << r.out;
    const auto s = nlohmann::json::parse(slurp(dir.path("e/summary.json")));
    EXPECT_EQ(s["reference_levels"][0]["reference"], "firm");
    EXPECT_EQ(s["terms"], nlohmann::json({"degree", "type=research", "type=university"}));
}

TEST(ExplainCli, UsageErrorsExitTwoWithTheirMessage) {
    TempDir dir;
    const auto net = small_network(dir);
    auto r = run({"explain", net, "--outcome", "nope", "-o", dir.path("e")});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(has(r.err, "--outcome 'nope' is not an actor column; numeric columns: degree,"))
        << r.err;
    EXPECT_TRUE(has(r.err, "output")) << r.err;
    r = run({"explain", net, "--outcome", "type", "-o", dir.path("e")});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(has(r.err, "--outcome 'type' is categorical (text), not numeric")) << r.err;
    // Undirected, no parallel ties: ego size = degree.
    r = run({"explain", net, "--outcome", "output", "--predictors", "degree,ego_size", "-o",
             dir.path("e")});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(has(r.err,
                    "predictors are collinear: 'ego_size' is a linear combination of "
                    "degree; drop one of them from --predictors"))
        << r.err;
    r = run({"explain", net, "--outcome", "output", "--method", "ucinet", "-o", dir.path("e")});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(has(r.err, "--method takes freedman-lane or outcome, not 'ucinet'")) << r.err;
    r = run({"explain", net, "-o", dir.path("e")});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(has(r.err, "explain needs --outcome COLUMN")) << r.err;
    r = run({"explain", net, "--outcome", "output", "--predictors", "degree,,type", "-o",
             dir.path("e")});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(has(r.err, "--predictors takes column names separated by commas")) << r.err;
    r = run({"explain", net, "--outcome", "output", "--permutations", "-1", "-o", dir.path("e")});
    EXPECT_EQ(r.code, 2);
    EXPECT_FALSE(std::filesystem::exists(dir.path("e/coefficients.csv")));
}

TEST(ExplainCli, HelpTeachesTheMethodChoice) {
    const auto r = run({"explain", "--help"});
    EXPECT_EQ(r.code, 0);
    EXPECT_TRUE(has(r.out, "--method freedman-lane (default)")) << r.out;
    EXPECT_TRUE(has(r.out, "UCINET")) << r.out;
    EXPECT_TRUE(has(r.out, "--outcome")) << r.out;
    EXPECT_TRUE(has(run({"--help"}).out, "explain    regress an actor outcome"));
}

}  // namespace
}  // namespace clusterlens
