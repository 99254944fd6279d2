// Node-level regression with permutation p-values (src/stats/node_regression): exact
// enumeration against R (every n! permutation refitted with lm(), both methods:
// tests/data/oracle/explain_oracle.json, made by explain_oracle.R), Monte Carlo p-values against
// R's own 100,000 random permutations within Monte Carlo error, a 3-actor case by hand, the
// same results for any thread count, and the undefined cases.
#include "src/stats/node_regression.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "graphs/error.hpp"
#include "src/stats/permutations.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using scoring::Design;
using scoring::node_regression;
using scoring::NodeRegressionOptions;
using scoring::PermutationMethod;

nlohmann::json oracle() {
    std::ifstream in(testing::data("oracle/explain_oracle.json"));
    return nlohmann::json::parse(in);
}

PermutationMethod method_of(const nlohmann::json& c) {
    return c["method"] == "outcome" ? PermutationMethod::outcome : PermutationMethod::freedman_lane;
}

Design design_of(const nlohmann::json& c) {
    Design d;
    for (std::size_t j = 0; j < c["predictors"].size(); ++j) {
        d.names.push_back(c["predictors"][j]);
        d.columns.push_back(c["predictor_values"][j].get<std::vector<double>>());
    }
    return d;
}

void expect_close(double expected, double actual, const std::string& what) {
    EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::abs(expected))) << what;
}

TEST(NodeRegression, ExactEnumerationEqualsRLmOverEveryPermutation) {
    std::size_t cases = 0;
    const auto all = oracle();
    for (const auto& c : all["cases"]) {
        if (c["kind"] != "exact") continue;
        ++cases;
        const std::string name =
            c["name"].get<std::string>() + " (" + c["method"].get<std::string>() + ")";
        NodeRegressionOptions o;
        o.method = method_of(c);
        o.permutations = 10000;  // >= 7! = 5040: every permutation
        const auto y = c["outcome"].get<std::vector<double>>();
        const auto fit = node_regression(design_of(c), y, o);
        ASSERT_TRUE(fit.exact) << name;
        ASSERT_EQ(fit.permutations, c["permutations"].get<std::size_t>()) << name;
        ASSERT_EQ(fit.tests.size(), c["tests"].size()) << name;
        for (std::size_t j = 0; j < fit.tests.size(); ++j) {
            const auto& want = c["tests"][j];
            const auto& got = fit.tests[j];
            const std::string what = name + " " + want["term"].get<std::string>();
            expect_close(want["t"], got.t_observed, what + " t");
            EXPECT_EQ(got.count_two_sided, want["count_two_sided"].get<std::size_t>()) << what;
            EXPECT_EQ(got.count_greater, want["count_greater"].get<std::size_t>()) << what;
            EXPECT_EQ(got.count_less, want["count_less"].get<std::size_t>()) << what;
            const double R = static_cast<double>(fit.permutations);
            EXPECT_EQ(got.p_two_sided, static_cast<double>(got.count_two_sided) / R) << what;
            expect_close(want["null_beta_lo"], got.null_beta_lo, what + " band lo");
            expect_close(want["null_beta_hi"], got.null_beta_hi, what + " band hi");
        }
    }
    EXPECT_EQ(cases, 6u);
}

// R's Monte Carlo p (N_R = 100,000 of R's permutations) and ours (N = 10,000, seed 1) are two
// estimates of the same p; each has standard error sqrt(p(1−p)/N). The bound is four standard
// errors of the difference plus one permutation's worth: |p − p_R| ≤ 4·sqrt(p_R(1−p_R)(1/N +
// 1/N_R)) + 1/N. (Deterministic: our permutations are fixed by the seed.)
TEST(NodeRegression, MonteCarloPValuesAgreeWithRWithinMonteCarloError) {
    std::size_t checked = 0;
    const auto all = oracle();
    for (const auto& c : all["cases"]) {
        if (c["kind"] != "mc") continue;
        const std::string name =
            c["name"].get<std::string>() + " (" + c["method"].get<std::string>() + ")";
        NodeRegressionOptions o;
        o.method = method_of(c);
        const auto y = c["outcome"].get<std::vector<double>>();
        const auto fit = node_regression(design_of(c), y, o);
        ASSERT_FALSE(fit.exact);
        const double N = 10000, NR = c["permutations"].get<double>();
        for (std::size_t j = 0; j < fit.tests.size(); ++j) {
            const auto& want = c["tests"][j];
            const auto& got = fit.tests[j];
            const std::string what = name + " " + want["term"].get<std::string>();
            expect_close(want["t"], got.t_observed, what + " t");
            for (const auto& [key, p] :
                 {std::pair{"p_two_sided", got.p_two_sided}, std::pair{"p_greater", got.p_greater},
                  std::pair{"p_less", got.p_less}}) {
                const double pr = want[key].get<double>();
                const double bound = 4 * std::sqrt(pr * (1 - pr) * (1 / N + 1 / NR)) + 1 / N;
                EXPECT_LE(std::abs(p - pr), bound)
                    << what << " " << key << ": " << p << " vs R " << pr;
                ++checked;
            }
            // The bands are quantiles of two samples of the same null: within 0.02 (a tenth of
            // their width here).
            EXPECT_NEAR(got.null_beta_lo, want["null_beta_lo"].get<double>(), 0.02) << what;
            EXPECT_NEAR(got.null_beta_hi, want["null_beta_hi"].get<double>(), 0.02) << what;
        }
    }
    EXPECT_EQ(checked, 60u);  // 6 cases (2 methods), 2 + 4 + 4 terms, 3 tails
}

// y = (1, 3, 2) on x = (1, 2, 3), n = 3, df = 1. Centred x = (−1, 0, 1), Σx² = 2, so
// b = Σ x_c·y / 2 for each of the 3! orderings of y:
//   (1,2,3) b = 1, (3,2,1) b = −1: perfect fits, RSS = 0, t = ±∞;
//   (1,3,2), (2,1,3) b = 0.5 and (2,3,1), (3,1,2) b = −0.5: e.g. (1,3,2): y_c = (−1,1,0), fit
//   0.5·(−1,0,1), residuals (−0.5, 1, −0.5), RSS = 1.5, se = sqrt(1.5/1 · 1/2) = 0.866,
//   t = 0.5/0.866 = 0.577 (= 1/√3).
// Observed (1,3,2): t = 1/√3. |t*| ≥ 1/√3 for all 6; t* ≥ 1/√3 for +∞ and the two b = 0.5: 3;
// t* ≤ 1/√3 for all but +∞: 5.
TEST(NodeRegression, ThreeActorsByHand) {
    const Design d{{"x"}, {{1, 2, 3}}};
    const std::vector<double> y = {1, 3, 2};
    for (const auto method : {PermutationMethod::outcome, PermutationMethod::freedman_lane}) {
        NodeRegressionOptions o;
        o.method = method;
        const auto fit = node_regression(d, y, o);
        ASSERT_TRUE(fit.exact);
        EXPECT_EQ(fit.permutations, 6u);
        EXPECT_NEAR(fit.ols.t[1], 1 / std::sqrt(3.0), 1e-12);
        EXPECT_NEAR(fit.tests[0].t_observed, 1 / std::sqrt(3.0), 1e-12);
        EXPECT_EQ(fit.tests[0].count_two_sided, 6u);
        EXPECT_EQ(fit.tests[0].count_greater, 3u);
        EXPECT_EQ(fit.tests[0].count_less, 5u);
        EXPECT_DOUBLE_EQ(fit.tests[0].p_greater, 0.5);
        // β* = b*·sd(x)/sd(y), sd(x) = sd(y) = 1: {1, −1, 0.5, 0.5, −0.5, −0.5}; sorted
        // (−1, −.5, −.5, .5, .5, 1), type 7 at 2.5 %: h = 0.125, −1 + 0.125·0.5 = −0.9375.
        EXPECT_NEAR(fit.tests[0].null_beta_lo, -0.9375, 1e-12);
        EXPECT_NEAR(fit.tests[0].null_beta_hi, 0.9375, 1e-12);
    }
}

// With one predictor the reduced model is the mean: y* = ȳ + π(y − ȳ) = π(y), so both methods
// give the same counts (here on 30 actors, random permutations).
TEST(NodeRegression, OnePredictorBothMethodsAgree) {
    Design d{{"x"}, {{}}};
    std::vector<double> y;
    for (int i = 0; i < 30; ++i) {
        d.columns[0].push_back(std::sin(i * 1.3) + 0.1 * i);
        y.push_back(std::cos(i * 0.7) + 0.05 * i);
    }
    NodeRegressionOptions o;
    o.permutations = 2000;
    o.method = PermutationMethod::outcome;
    const auto a = node_regression(d, y, o);
    o.method = PermutationMethod::freedman_lane;
    const auto b = node_regression(d, y, o);
    EXPECT_EQ(a.tests[0].count_two_sided, b.tests[0].count_two_sided);
    EXPECT_EQ(a.tests[0].count_greater, b.tests[0].count_greater);
    EXPECT_EQ(a.tests[0].count_less, b.tests[0].count_less);
    EXPECT_NEAR(a.tests[0].null_beta_lo, b.tests[0].null_beta_lo, 1e-12);
}

TEST(NodeRegression, SameResultsForAnyThreadCountAndSeedMatters) {
    Design d{{"a", "b"}, {{}, {}}};
    std::vector<double> y;
    for (int i = 0; i < 50; ++i) {
        d.columns[0].push_back(std::sin(i));
        d.columns[1].push_back(std::cos(i * 0.3));
        y.push_back(0.2 * std::sin(i) + std::sin(i * 2.1));
    }
    for (const auto method : {PermutationMethod::outcome, PermutationMethod::freedman_lane}) {
        NodeRegressionOptions o;
        o.method = method;
        o.permutations = 3001;
        o.threads = 1;
        const auto one = node_regression(d, y, o);
        for (const unsigned t : {2u, 3u, 0u}) {
            o.threads = t;
            const auto many = node_regression(d, y, o);
            for (std::size_t j = 0; j < 2; ++j) {
                EXPECT_EQ(one.tests[j].count_two_sided, many.tests[j].count_two_sided);
                EXPECT_EQ(one.tests[j].count_greater, many.tests[j].count_greater);
                EXPECT_EQ(one.tests[j].count_less, many.tests[j].count_less);
                EXPECT_EQ(one.tests[j].null_beta_lo, many.tests[j].null_beta_lo);
                EXPECT_EQ(one.tests[j].null_beta_hi, many.tests[j].null_beta_hi);
            }
        }
        o.seed = 2;
        const auto other = node_regression(d, y, o);
        EXPECT_NE(one.tests[0].null_beta_lo, other.tests[0].null_beta_lo);
    }
}

TEST(NodeRegression, NoTestWithoutPermutations) {
    const Design d{{"x"}, {{1, 2, 3, 4}}};
    const std::vector<double> y = {1, 3, 2, 5};
    NodeRegressionOptions o;
    o.permutations = 0;
    const auto fit = node_regression(d, y, o);
    EXPECT_EQ(fit.permutations, 0u);
    EXPECT_FALSE(fit.exact);
    EXPECT_TRUE(std::isnan(fit.tests[0].p_two_sided));
    EXPECT_TRUE(std::isnan(fit.tests[0].null_beta_lo));
    EXPECT_NEAR(fit.ols.coef[1], 1.1, 1e-12);  // Σ x_c·y / Σ x_c² = 5.5 / 5
}

TEST(NodeRegression, PerfectFitHasNoPValue) {
    const Design d{{"x"}, {{1, 2, 3, 4}}};
    const std::vector<double> y = {2, 4, 6, 8};
    const auto fit = node_regression(d, y, {});
    EXPECT_TRUE(fit.exact);  // 4! = 24
    EXPECT_TRUE(std::isnan(fit.tests[0].p_two_sided));
}

TEST(NodeRegression, CollinearPredictorsAreAnError) {
    const Design d{{"a", "b"}, {{1, 2, 3, 4, 5}, {2, 4, 6, 8, 10}}};
    const std::vector<double> y = {1, 3, 2, 5, 4};
    try {
        node_regression(d, y, {});
        FAIL() << "no error";
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("'b' is a linear combination of a"), std::string::npos)
            << e.what();
    }
}

TEST(NodeRegression, QuantileType7ByHand) {
    std::vector<double> v = {4, 1, 3, 2};
    EXPECT_DOUBLE_EQ(scoring::quantile_type7(v, 0.25), 1.75);  // h = 3·0.25 = 0.75
    EXPECT_DOUBLE_EQ(scoring::quantile_type7(v, 1.0), 4.0);
    std::vector<double> none;
    EXPECT_TRUE(std::isnan(scoring::quantile_type7(none, 0.5)));
}

TEST(LeastSquares, ThinQIsOrthonormalAndSolveGivesTheFit) {
    const Design d{{"x"}, {{1, 2, 4, 7}}};
    const scoring::LeastSquares ls(d);
    const auto q = ls.thin_q();
    ASSERT_EQ(q.size(), 8u);
    for (std::size_t a = 0; a < 2; ++a)
        for (std::size_t b = 0; b < 2; ++b) {
            double s = 0;
            for (std::size_t i = 0; i < 4; ++i) s += q[i * 2 + a] * q[i * 2 + b];
            EXPECT_NEAR(s, a == b ? 1.0 : 0.0, 1e-14);
        }
    // y = 1 + 2x exactly: Q₁ᵀy solved by R gives (1, 2).
    const std::vector<double> y = {3, 5, 9, 15};
    std::vector<double> qty(2, 0.0), b(2);
    for (std::size_t i = 0; i < 4; ++i)
        for (std::size_t l = 0; l < 2; ++l) qty[l] += q[i * 2 + l] * y[i];
    ls.solve(qty, b);
    EXPECT_NEAR(b[0], 1, 1e-12);
    EXPECT_NEAR(b[1], 2, 1e-12);
}

// The drawer's remainders by multiplication equal x % d for every bound of a 70,000-actor
// network, at the ends of the 64-bit range and for a spread of values in between; and its
// permutations equal random_permutation's.
TEST(Permutations, DrawerEqualsRandomPermutation) {
    const std::size_t n = 70000;
    const scoring::PermutationDrawer drawer(n);
    const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t x = 0x9e3779b97f4a7c15ULL;
    std::size_t wrong = 0;
    for (std::size_t bound = 1; bound < n; ++bound) {
        const std::uint64_t d = bound + 1;
        for (const std::uint64_t v : {std::uint64_t{0}, d - 1, d, max, max - 1, max - d,
                                      max / d * d, max / d * d - 1, x, x >> 17, x >> 40}) {
            wrong += drawer.remainder(v, bound) != v % d;
        }
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    }
    EXPECT_EQ(wrong, 0u);
    for (const std::size_t size :
         {std::size_t{2}, std::size_t{3}, std::size_t{17}, std::size_t{1000}, std::size_t{31665}}) {
        const scoring::PermutationDrawer d(size);
        std::vector<std::uint32_t> a(size), b(size);
        for (std::uint64_t k = 0; k < 20; ++k) {
            scoring::random_permutation(7, k, a);
            d(7, k, b);
            ASSERT_EQ(a, b) << size << " " << k;
        }
    }
}

}  // namespace
}  // namespace clusterlens
