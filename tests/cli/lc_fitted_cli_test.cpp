// score --lc-weights fitted:COLUMN end to end: the weights reach summary.json with the fit and
// the note that they are estimated, stdout names the negative weight, learning_capacity in
// actors.csv is the index with those weights, and a wrong column is refused before the measures
// run, with nothing written. The numbers themselves are checked against NumPy in
// tests/src/learning_fitted_test.cpp.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "../graphs/test_files.hpp"
#include "cli_run.hpp"
#include "graphs/csv.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {
using testing::run;
using testing::TempDir;

std::vector<std::string> example_score(const std::string& out, const std::string& weights) {
    return {"score",
            testing::example("cordis_ee_climate/data"),
            "--map",
            testing::example("cordis_ee_climate/cordis.toml"),
            "-o",
            out,
            "--lc-weights",
            weights,
            "--permutations",
            "0"};
}

TEST(LcFittedCli, WeightsFittedToTheEcContributionReachEveryOutput) {
    TempDir dir;
    const auto r = run(example_score(dir.path("ee"), "fitted:ec_contribution_case_eur"));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("  learning capacity: weights estimated from ec_contribution_case_eur "
                         "(OLS on the four indicators, 369 actors, 31 without a value left out, "
                         "R² 0.426): centrality 0.06949, size 0.4045, openness -0.2718, tie "
                         "strength 0.2542\n"
                         "    negative weight for openness: ec_contribution_case_eur falls as it "
                         "rises, against the hypothesis; the index is no longer within [0, 1]\n"),
              std::string::npos)
        << r.out;
    std::ifstream in(dir.path("ee/summary.json"));
    const auto lc = nlohmann::json::parse(in)["learning_capacity"];
    EXPECT_EQ(lc["estimated"]["outcome"], "ec_contribution_case_eur");
    EXPECT_EQ(lc["estimated"]["actors"], 369);
    EXPECT_EQ(lc["estimated"]["negative_weights"], nlohmann::json::array({"openness"}));
    EXPECT_NE(lc["rationale"].get<std::string>().find("estimated, not assumed"), std::string::npos);
    const double a[4] = {lc["weights"]["centrality"], lc["weights"]["size"],
                         lc["weights"]["openness"], lc["weights"]["tie_strength"]};
    EXPECT_NEAR(std::abs(a[0]) + std::abs(a[1]) + std::abs(a[2]) + std::abs(a[3]), 1.0, 1e-12);

    // learning_capacity = Σ a_k·x_k on every row, the x's rebuilt from actors.csv's own columns
    // (closeness/max, ego_size/max, ext_share, (strength/degree)/max; missing = 0).
    std::vector<Warning> w;
    const auto t = read_csv_table(dir.path("ee/actors.csv"), w);
    const int lcc = t.find("learning_capacity"), ego = t.find("ego_size"),
              clo = t.find("closeness"), ext = t.find("ext_share"), deg = t.find("degree"),
              str = t.find("strength");
    ASSERT_GE(lcc, 0);
    double max_ego = 0, max_clo = 0, max_mean = 0;
    auto num = [&](int c, std::size_t i) {
        const auto& s = t.cell(static_cast<std::size_t>(c), i);
        return s.empty() ? 0.0 : std::stod(s);
    };
    for (std::size_t i = 0; i < t.rows(); ++i) {
        max_ego = std::max(max_ego, num(ego, i));
        max_clo = std::max(max_clo, num(clo, i));
        if (num(deg, i) > 0) max_mean = std::max(max_mean, num(str, i) / num(deg, i));
    }
    for (std::size_t i = 0; i < t.rows(); ++i) {
        const double mean = num(deg, i) > 0 ? num(str, i) / num(deg, i) : 0.0;
        const double expected = a[0] * num(clo, i) / max_clo + a[1] * num(ego, i) / max_ego +
                                a[2] * num(ext, i) + a[3] * mean / max_mean;
        EXPECT_NEAR(num(lcc, i), expected, 1e-9) << "row " << i;
    }
}

TEST(LcFittedCli, AWrongOutcomeIsRefusedBeforeAnythingRuns) {
    TempDir dir;
    auto r = run(example_score(dir.path("ee"), "fitted:country"));
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err,
              "clusterlens: usage error: --lc-weights fitted:country: 'country' is not numeric; "
              "name a numeric actor attribute of the input\n");
    EXPECT_FALSE(std::filesystem::exists(dir.path("ee")));
    r = run(example_score(dir.path("ee"), "fitted:"));
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err,
              "clusterlens: usage error: --lc-weights fitted: needs the outcome column after the "
              "colon, e.g. fitted:patents\n");
    r = run(example_score(dir.path("ee"), "fitted:patents"));
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("'patents' is not an actor attribute; choose one of:"), std::string::npos)
        << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path("ee")));
}

}  // namespace
}  // namespace clusterlens
