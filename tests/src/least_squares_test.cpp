// Least squares and permutations (src/stats/): fits against R's lm() and summary.lm() on actor
// attributes of two reference networks (tests/data/oracle/least_squares_oracle.json, made by
// least_squares_oracle.R), small cases worked by hand, the collinearity messages, and the
// permutations' determinism and uniformity.
#include "src/stats/least_squares.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "graphs/error.hpp"
#include "src/stats/permutations.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using scoring::Design;
using scoring::ordinary_least_squares;

void expect_close(double expected, double actual, const std::string& what) {
    EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::abs(expected))) << what;
}

TEST(LeastSquares, EqualsRLmOnReferenceAttributes) {
    std::ifstream in(testing::data("oracle/least_squares_oracle.json"));
    const auto oracle = nlohmann::json::parse(in);
    ASSERT_EQ(oracle["cases"].size(), 3u);
    for (const auto& c : oracle["cases"]) {
        const std::string name = c["name"];
        Design d;
        for (std::size_t j = 0; j < c["predictors"].size(); ++j) {
            d.names.push_back(c["predictors"][j]);
            d.columns.push_back(c["predictor_values"][j].get<std::vector<double>>());
        }
        const auto y = c["outcome"].get<std::vector<double>>();
        const auto fit = ordinary_least_squares(d, y);
        ASSERT_EQ(fit.coef.size(), c["coef"].size()) << name;
        for (std::size_t j = 0; j < fit.coef.size(); ++j) {
            expect_close(c["coef"][j], fit.coef[j], name + " coef " + fit.names[j]);
            expect_close(c["se"][j], fit.se[j], name + " se " + fit.names[j]);
            expect_close(c["t"][j], fit.t[j], name + " t " + fit.names[j]);
            if (j > 0) expect_close(c["beta"][j], fit.beta[j], name + " beta " + fit.names[j]);
        }
        EXPECT_TRUE(std::isnan(fit.beta[0]));
        expect_close(c["r2"], fit.r2, name + " R2");
        expect_close(c["adj_r2"], fit.adj_r2, name + " adjusted R2");
        expect_close(c["sigma"], fit.sigma, name + " sigma");
        expect_close(c["rss"], fit.rss, name + " RSS");
        EXPECT_EQ(fit.df, c["df"].get<std::size_t>()) << name;
    }
}

TEST(LeastSquares, ExactLineByHand) {
    // y = 1 + 2x on x = 0..4: b = (1, 2), RSS 0, R² 1; ȳ = 5, sd(y) = 2·sd(x), so β = 1.
    const auto fit =
        ordinary_least_squares({{"x"}, {{0, 1, 2, 3, 4}}}, std::vector<double>{1, 3, 5, 7, 9});
    EXPECT_NEAR(fit.coef[0], 1.0, 1e-12);
    EXPECT_NEAR(fit.coef[1], 2.0, 1e-12);
    EXPECT_NEAR(fit.rss, 0.0, 1e-20);
    EXPECT_NEAR(fit.r2, 1.0, 1e-12);
    EXPECT_NEAR(fit.beta[1], 1.0, 1e-12);
}

TEST(LeastSquares, ResidualsByHand) {
    // x = (0, 1, 2), y = (0, 2, 1): x̄ = 1, ȳ = 1, Sxy = (−1)(−1) + 0 + (1)(0) = 1, Sxx = 2,
    // b1 = 1/2, b0 = 1 − 1/2 = 1/2; fitted (0.5, 1, 1.5), residuals (−0.5, 1, −0.5),
    // RSS = 0.25 + 1 + 0.25 = 1.5, TSS = 1 + 1 + 0 = 2, R² = 0.25, df = 1,
    // adj R² = 1 − 0.75·2/1 = −0.5, se(b1) = sqrt(1.5/1 / 2) = sqrt(0.75).
    const auto fit = ordinary_least_squares({{"x"}, {{0, 1, 2}}}, std::vector<double>{0, 2, 1});
    EXPECT_NEAR(fit.coef[0], 0.5, 1e-12);
    EXPECT_NEAR(fit.coef[1], 0.5, 1e-12);
    EXPECT_NEAR(fit.residuals[1], 1.0, 1e-12);
    EXPECT_NEAR(fit.rss, 1.5, 1e-12);
    EXPECT_NEAR(fit.r2, 0.25, 1e-12);
    EXPECT_NEAR(fit.adj_r2, -0.5, 1e-12);
    EXPECT_NEAR(fit.se[1], std::sqrt(0.75), 1e-12);
}

std::string message_of(const Design& d, const std::vector<double>& y) {
    try {
        ordinary_least_squares(d, y);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "";
}

TEST(LeastSquares, CollinearPredictorsAreNamed) {
    const std::vector<double> y{1, 4, 2, 8, 5, 7};
    // size = 2·degree + 1: a combination of degree and the intercept.
    EXPECT_EQ(message_of({{"degree", "strength", "size"},
                          {{1, 2, 3, 4, 5, 6}, {3, 1, 4, 1, 5, 9}, {3, 5, 7, 9, 11, 13}}},
                         y),
              "predictors are collinear: 'size' is a linear combination of (intercept) and "
              "degree; drop one of them from --predictors");
    EXPECT_EQ(message_of({{"degree", "local"}, {{1, 2, 3, 4, 5, 6}, {1, 1, 1, 1, 1, 1}}}, y),
              "predictor 'local' is constant over the actors used (collinear with the "
              "intercept); drop it from --predictors");
    EXPECT_EQ(message_of({{"ei"}, {{0, 0, 0, 0, 0, 0}}}, y),
              "predictor 'ei' is 0 for every actor; drop it from --predictors");
    EXPECT_EQ(message_of({{"a", "b"}, {{1, 2, 3}, {3, 1, 2}}}, {1, 2, 3}),
              "least squares: 3 rows for 3 coefficients leave no residual degree of freedom; "
              "use fewer predictors or more actors");
}

TEST(Permutations, RandomPermutationDependsOnlyOnSeedAndIndex) {
    std::vector<std::uint32_t> a(50), b(50);
    scoring::random_permutation(7, 123, a);
    scoring::random_permutation(7, 123, b);
    EXPECT_EQ(a, b);
    std::vector<std::uint32_t> sorted = a;
    std::sort(sorted.begin(), sorted.end());
    for (std::uint32_t i = 0; i < 50; ++i) EXPECT_EQ(sorted[i], i);
    scoring::random_permutation(7, 124, b);
    EXPECT_NE(a, b);
    scoring::random_permutation(8, 123, b);
    EXPECT_NE(a, b);
}

TEST(Permutations, RandomPermutationsAreUniform) {
    // 60,000 permutations of 3 items: each of the 6 should appear 10,000 times; the standard
    // deviation of a count is sqrt(60000·(1/6)(5/6)) ≈ 91, so ±500 is 5.5 sigma.
    std::map<std::vector<std::uint32_t>, int> counts;
    std::vector<std::uint32_t> p(3);
    for (std::uint64_t k = 0; k < 60000; ++k) {
        scoring::random_permutation(1, k, p);
        ++counts[p];
    }
    ASSERT_EQ(counts.size(), 6u);
    for (const auto& [perm, count] : counts) EXPECT_NEAR(count, 10000, 500);
}

TEST(Permutations, LexicographicEnumeratesAll) {
    EXPECT_EQ(scoring::factorial_at_most(4, 1000), 24u);
    EXPECT_EQ(scoring::factorial_at_most(7, 5040), 5040u);
    EXPECT_EQ(scoring::factorial_at_most(7, 5039), 0u);
    EXPECT_EQ(scoring::factorial_at_most(30, 10000), 0u);
    std::set<std::vector<std::uint32_t>> seen;
    std::vector<std::uint32_t> p(4), prev;
    for (std::uint64_t k = 0; k < 24; ++k) {
        scoring::lexicographic_permutation(k, p);
        if (k > 0) {
            EXPECT_LT(prev, p);
        }
        prev = p;
        seen.insert(p);
    }
    EXPECT_EQ(seen.size(), 24u);
    scoring::lexicographic_permutation(0, p);
    EXPECT_EQ(p, (std::vector<std::uint32_t>{0, 1, 2, 3}));
    scoring::lexicographic_permutation(23, p);
    EXPECT_EQ(p, (std::vector<std::uint32_t>{3, 2, 1, 0}));
    scoring::lexicographic_permutation(9, p);  // 9 = 1·3! + 1·2! + 1·1!: 1, then 2, 3, then 0
    EXPECT_EQ(p, (std::vector<std::uint32_t>{1, 2, 3, 0}));
}

TEST(Permutations, ParallelBlocksSameForAnyThreadCount) {
    for (unsigned threads : {1u, 2u, 3u}) {
        std::vector<int> seen(1000, 0);
        scoring::parallel_blocks(1000, 16, threads,
                                 [&](std::size_t, std::size_t first, std::size_t last) {
                                     for (std::size_t i = first; i < last; ++i) ++seen[i];
                                 });
        EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), 1000) << threads;
    }
    EXPECT_THROW(scoring::parallel_blocks(10, 4, 2,
                                          [](std::size_t b, std::size_t, std::size_t) {
                                              if (b == 2) throw UsageError("block 2");
                                          }),
                 UsageError);
}

}  // namespace
}  // namespace clusterlens
