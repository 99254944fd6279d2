// `clusterlens qap` end to end (issue 14 item 3): the files and the report on the bundled
// example, two networks (waves) against R's gcor, the same bytes for any thread count, the
// memory guard and the usage errors with their messages and exit codes. The statistics
// themselves are checked against R sna in tests/src/qap_test.cpp.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
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

std::vector<std::string> example(std::vector<std::string> tail) {
    std::vector<std::string> a = {"qap", testing::example("cordis_ee_climate/data"), "--map",
                                  testing::example("cordis_ee_climate/cordis.toml")};
    a.insert(a.end(), tail.begin(), tail.end());
    return a;
}

std::string reference(const std::string& name) {
    return testing::data("reference/networkdata_" + name + ".graphml");
}

nlohmann::json oracle_case(const std::string& group, const std::string& name) {
    std::ifstream in(testing::data("oracle/qap_oracle.json"));
    const auto json = nlohmann::json::parse(in);
    for (const auto& c : json[group])
        if (c["name"] == name) return c;
    ADD_FAILURE() << "no oracle case " << name;
    return {};
}

/// The cells of a CSV line (no quoted commas in these tables).
std::vector<std::string> cells(const std::string& line) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (auto end = line.find(',');; end = line.find(',', start)) {
        out.push_back(line.substr(start, end == std::string::npos ? end : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        out.push_back(text.substr(start, end - start));
        start = end == std::string::npos ? text.size() : end + 1;
    }
    return out;
}

TEST(QapCli, ExampleWritesTableSummaryAndReport) {
    TempDir dir;
    const auto r = run(example(
        {"--covariates", "same_type,both_local", "--permutations", "200", "-o", dir.path("q")}));
    ASSERT_EQ(r.code, 0) << r.err;
    const auto table = lines(slurp(dir.path("q/qap.csv")));
    ASSERT_EQ(table.size(), 4u);
    EXPECT_EQ(table[0], "term,coefficient,beta,se,t,p_two_sided,p_greater,p_less");
    EXPECT_EQ(cells(table[1])[0], "(intercept)");
    EXPECT_EQ(cells(table[2])[0], "same_type");
    EXPECT_EQ(cells(table[3])[0], "both_local");
    const auto s = nlohmann::json::parse(slurp(dir.path("q/summary.json")));
    EXPECT_EQ(s["method"], "mrqap_double_semi_partialling");
    EXPECT_EQ(s["outcome"], "coparticipation");
    EXPECT_EQ(s["directed"], false);
    EXPECT_EQ(s["values"], "valued");
    EXPECT_EQ(s["actors_used"], 400);
    EXPECT_EQ(s["dyads_used"], 400 * 399 / 2);  // undirected: unordered pairs
    EXPECT_EQ(s["dyads_dropped"], 0);
    EXPECT_EQ(s["permutations"], 200);
    EXPECT_EQ(s["exact"], false);
    EXPECT_EQ(s["seed"], 1);
    ASSERT_EQ(s["results"].size(), 3u);
    // A p-value is a share of 200: a whole number of 1/200ths.
    for (const auto& t : s["results"])
        for (const char* p : {"p_two_sided", "p_greater", "p_less"}) {
            const double v = t[p].get<double>() * 200;
            EXPECT_NEAR(v, std::round(v), 1e-9) << t["term"] << ' ' << p;
        }
    for (const char* text :
         {"qap: coparticipation on same_type, both_local", "79800 unordered dyads",
          "double semi-partialling", "200 random relabellings, seed 1", "--seed 1 (default)",
          "--method dsp (default)", "tie weights (default; --binary for 0/1)", "R² "})
        EXPECT_NE(r.out.find(text), std::string::npos) << text << "\n" << r.out;
}

TEST(QapCli, SameBytesForAnyThreadCount) {
    TempDir dir;
    std::vector<std::string> outputs;
    for (const char* t : {"1", "2", "0"}) {
        const auto r = run(example({"--covariates", "same_type,both_local", "--permutations", "300",
                                    "--seed", "5", "--threads", t, "-o", dir.path(t)}));
        ASSERT_EQ(r.code, 0) << r.err;
        outputs.push_back(slurp(dir.path(std::string(t) + "/qap.csv")) +
                          slurp(dir.path(std::string(t) + "/summary.json")));
    }
    EXPECT_EQ(outputs[0], outputs[1]);
    EXPECT_EQ(outputs[0], outputs[2]);
}

TEST(QapCli, TwoNetworksGiveTheCorrelationOfSnaGcor) {
    TempDir dir;
    const auto r =
        run({"qap", reference("ht_friends"), reference("ht_advice"), "-o", dir.path("q")});
    ASSERT_EQ(r.code, 0) << r.err;
    // Y = B (advice), X = A (friends); the graphml ids n0..n20 are positions and there are no
    // labels, so the actors are matched by id, saying so.
    EXPECT_NE(r.out.find("actors matched by id, although ids n0..n20"), std::string::npos) << r.out;
    const auto table = lines(slurp(dir.path("q/qap.csv")));
    ASSERT_EQ(table.size(), 2u);
    EXPECT_EQ(table[0], "term,r,p_two_sided,p_greater,p_less");
    const auto row = cells(table[1]);
    EXPECT_EQ(row[0], "A");
    const double expected = oracle_case("correlations", "ht advice ~ friends")["r"];
    EXPECT_NEAR(std::stod(row[1]), expected, 1e-12);
    const auto s = nlohmann::json::parse(slurp(dir.path("q/summary.json")));
    EXPECT_EQ(s["method"], "qap_correlation");
    EXPECT_EQ(s["dyads_used"], 420);  // 21·20 ordered pairs
    EXPECT_EQ(s["actors_only_in_a"], 0);
}

TEST(QapCli, SampsonWavesFromOneFile) {
    const auto sampson = testing::corpus("ucinet/SAMPSON.DAT");
    if (!std::filesystem::exists(sampson)) GTEST_SKIP() << "no shared corpus";
    TempDir dir;
    for (const bool binary : {false, true}) {
        std::vector<std::string> args = {"qap",
                                         sampson,
                                         sampson,
                                         "--relations",
                                         "SAMPLK1,SAMPLK3",
                                         "-o",
                                         dir.path(binary ? "b" : "v")};
        if (binary) args.push_back("--binary");
        const auto r = run(args);
        ASSERT_EQ(r.code, 0) << r.err;
        const auto row = cells(lines(slurp(dir.path(binary ? "b/qap.csv" : "v/qap.csv")))[1]);
        EXPECT_EQ(row[0], "A:SAMPLK1");
        const auto c = oracle_case("correlations", std::string("sampson SAMPLK3 ~ SAMPLK1 ") +
                                                       (binary ? "binary" : "valued"));
        EXPECT_NEAR(std::stod(row[1]), c["r"].get<double>(), 1e-12);
        EXPECT_EQ(row[2], "0");  // R: 0 of 10,000 as well
        EXPECT_NE(r.out.find("p_two_sided"), std::string::npos);
        EXPECT_NE(r.out.find("< 0.0001"), std::string::npos) << r.out;
    }
}

TEST(QapCli, ReorderedWaveIsMatchedByLabel) {
    // The same marriage network with the vertices listed in another order: matched by name,
    // r = 1; with 16 actors not exact.
    const auto a = testing::corpus("waves/padgM.net"),
               b = testing::corpus("waves/padgM_reordered.net");
    if (!std::filesystem::exists(a)) GTEST_SKIP() << "no shared corpus";
    TempDir dir;
    const auto r = run({"qap", a, b, "--permutations", "500", "-o", dir.path("q")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("actors matched by label (Pajek vertex numbers"), std::string::npos)
        << r.out;
    EXPECT_EQ(cells(lines(slurp(dir.path("q/qap.csv")))[1])[1], "1");
}

TEST(QapCli, SmallNetworkIsEnumeratedExactly) {
    // Three actors, directed; knows = {a->b, b->c}, asks = {a->b}: r = 2/sqrt(10), and over the
    // 3! relabellings the asks arc lands on a knows arc twice (tests/src/qap_test.cpp works it
    // out): p_two_sided = p_greater = 2/6, p_less = 1, exactly.
    TempDir dir;
    const auto nodes = dir.file("nodes.csv", "Id,Label\na,a\nb,b\nc,c\n");
    const auto edges = dir.file("edges.csv",
                                "Source,Target,Type,Weight,relation\na,b,Directed,1,knows\n"
                                "b,c,Directed,1,knows\na,b,Directed,1,asks\n");
    const auto r = run({"qap", nodes, edges, "--relations", "knows,asks", "-o", dir.path("q")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("exact: all 6 relabellings of the 3 actors"), std::string::npos) << r.out;
    const auto row = cells(lines(slurp(dir.path("q/qap.csv")))[1]);
    ASSERT_EQ(row.size(), 5u);
    EXPECT_EQ(row[0], "asks");
    EXPECT_NEAR(std::stod(row[1]), 2 / std::sqrt(10.0), 1e-15);
    EXPECT_EQ(row[2], "0.3333333333333333");
    EXPECT_EQ(row[3], "0.3333333333333333");
    EXPECT_EQ(row[4], "1");
    const auto s = nlohmann::json::parse(slurp(dir.path("q/summary.json")));
    EXPECT_EQ(s["exact"], true);
    EXPECT_EQ(s["permutations"], 6);
    EXPECT_EQ(s["dyads_used"], 6);
}

TEST(QapCli, MemoryGuardNamesTheOptionAndTheMemory) {
    TempDir dir;
    const auto r = run(example(
        {"--covariates", "same_type,both_local", "--max-qap-actors", "100", "-o", dir.path("q")}));
    EXPECT_EQ(r.code, 2);
    // 400 actors, undirected: N = 79,800 dyads; 3 variables (3N), least squares on 3 columns
    // (2·3N + 3N = 9N) against the test's N + 400² : 8 bytes × (3N + 9N) = 7,660,800 bytes.
    EXPECT_EQ(r.err,
              "clusterlens: usage error: qap: 400 actors is more than --max-qap-actors 100: the "
              "dyadic variables and the 400x400 matrix a permutation is applied to would take "
              "about 8 MB (79800 unordered dyads, 8 bytes each per variable); raise "
              "--max-qap-actors if the machine has that memory, or test a cut of the network\n");
    EXPECT_FALSE(std::filesystem::exists(dir.path("q/qap.csv")));
}

TEST(QapCli, UsageErrors) {
    TempDir dir;
    const auto out = dir.path("q");
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::vector<Case> cases = {
        {example({"--relations", "knowledge,coparticipation", "-o", out}),
         "no relation named 'knowledge'; the network's relations are: coparticipation"},
        {example({"--covariates", "diff:employees", "-o", out}),
         "--covariates diff:employees: no actor attribute 'employees'; the actors have type, "
         "part, locality, stage, group, focal, country, local, "
         "n_projects_in_case"},
        {example({"--covariates", "same_size", "-o", out}),
         "--covariates: unknown covariate 'same_size'; the covariates are same_locality, "
         "same_type, same_part, both_local, same:ATTR and diff:ATTR (ATTR an actor attribute)"},
        {example({"-o", out}),
         "qap needs a predictor: name the outcome and predictor relations (--relations Y,X) or "
         "add --covariates (see clusterlens qap --help)"},
        {example({"--covariates", "same_type", "--method", "x", "-o", out}),
         "--method takes dsp (double semi-partialling) or y (permute Y); got 'x'"},
        {example({"--covariates", "same_type", "--match", "id", "-o", out}),
         "--match applies to two networks (qap A B)"},
        {example({"--covariates", "same_type"}), "qap needs -o OUTDIR; see clusterlens qap --help"},
        {example({"--covariates", "same_type", "--permutations", "-1", "-o", out}),
         "--permutations takes a whole number from 0 to 18446744073709551615; got '-1'"},
    };
    for (const auto& c : cases) {
        const auto r = run(c.args);
        EXPECT_EQ(r.code, 2) << c.message << "\n" << r.err;
        EXPECT_NE(r.err.find("clusterlens: usage error: " + c.message), std::string::npos) << r.err;
    }
    EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(QapCli, HelpTeaches) {
    const auto r = run({"qap", "--help"});
    EXPECT_EQ(r.code, 0);
    for (const char* text : {"Reading the p-values", "double semi-partialling", "--max-qap-actors",
                             "both_local", "sna::gcor", "exact"})
        EXPECT_NE(r.out.find(text), std::string::npos) << text;
}

}  // namespace
}  // namespace clusterlens
