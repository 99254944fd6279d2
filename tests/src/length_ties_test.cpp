// Issue 16 (weighted paths, "no division per arc in the length comparison"): compare_lengths
// decides ties as igraph_cmp_epsilon does, |a − b| / (|a| + |b|) < 1e-10, but divides only near
// the threshold. Its answers must be the division's for every pair: checked here against the
// rule written out, on pairs swept across the threshold (where a shortcut bound set too tight
// would answer differently), on random lengths, and on the awkward values.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "src/centrality/centrality_detail.hpp"

namespace clusterlens {
namespace {

/// The rule as igraph 0.10 writes it (igraph_cmp_epsilon, for positive values).
int by_division(double a, double b) {
    if (a == b) return 0;
    const double diff = a - b;
    if (std::fabs(diff) / (std::fabs(a) + std::fabs(b)) < 1e-10) return 0;
    return diff < 0 ? -1 : 1;
}

TEST(LengthTies, SameAnswerAsTheDivisionAcrossTheThreshold) {
    std::mt19937_64 rng(4);
    std::uniform_real_distribution<double> base(1e-3, 1e3);
    std::size_t ties = 0, apart = 0;
    for (int i = 0; i < 20000; ++i) {
        const double a = base(rng);
        // b = a (1 + r) with r from 0.5e-10 to 8e-10: |a − b| / (a + b) ≈ r / 2 runs from a
        // quarter of the threshold to four times it, densest around it.
        const double r = std::ldexp(1e-10, -1 + static_cast<int>(rng() % 4)) *
                         (1.0 + static_cast<double>(rng() % 1000) / 1000.0);
        for (const double b : {a * (1 + r), a * (1 - r), std::nextafter(a * (1 + r), 0.0),
                               std::nextafter(a * (1 + r), 1e300)}) {
            const int want = by_division(a, b);
            ASSERT_EQ(scoring::detail::compare_lengths(a, b), want) << a << " vs " << b;
            ASSERT_EQ(scoring::detail::compare_lengths(b, a), -want) << b << " vs " << a;
            (want == 0 ? ties : apart) += 1;
        }
    }
    // The sweep reached both sides of the threshold.
    EXPECT_GT(ties, 10000u);
    EXPECT_GT(apart, 10000u);
}

TEST(LengthTies, SameAnswerOnRandomAndAwkwardLengths) {
    std::mt19937_64 rng(9);
    std::uniform_real_distribution<double> any(0.0, 50.0);
    for (int i = 0; i < 100000; ++i) {
        const double a = any(rng), b = any(rng);
        ASSERT_EQ(scoring::detail::compare_lengths(a, b), by_division(a, b)) << a << " " << b;
    }
    const double inf = std::numeric_limits<double>::infinity();
    const double tiny = std::numeric_limits<double>::denorm_min();
    const double big = std::numeric_limits<double>::max();
    for (const double a : {0.0, tiny, 1e-300, 1.0, 1e300, big, inf})
        for (const double b : {0.0, tiny, 1e-300, 1.0, 1e300, big, inf}) {
            if (std::isinf(a) && std::isinf(b)) continue;  // inf − inf: no length is infinite
            EXPECT_EQ(scoring::detail::compare_lengths(a, b), by_division(a, b)) << a << " " << b;
        }
}

}  // namespace
}  // namespace clusterlens
