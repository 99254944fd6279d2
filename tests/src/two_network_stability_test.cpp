// Stability between two waves (src/compare/two_network_stability.hpp): tiny waves worked out by
// hand (arithmetic in the comments), the correlations by hand, and the undefined cases. The real
// waves (Sampson's monks, CORDIS EE -> LT) against NetworkX and SciPy are in
// tests/cli/compare_stability_test.cpp.
#include "src/compare/two_network_stability.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "../graphs/test_files.hpp"
#include "graphs/load.hpp"
#include "src/compare/two_networks.hpp"

namespace clusterlens {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

std::vector<Actor> actors_named(const std::vector<std::string>& ids) {
    std::vector<Actor> out;
    for (const auto& id : ids) {
        Actor a;
        a.id = a.label = id;
        out.push_back(a);
    }
    return out;
}

// Wave A: a, b, c, d (all local), ties a-b 3, b-c 1, c-d 1, a-c 2; a numeric input attribute
// `employees`. Wave B: d left, e joined; ties a-b 1, a-c 2, c-e 1.
// A's median weight is (1 + 2) / 2 = 1.5 over {1, 1, 2, 3}: strong a-b (3) and a-c (2), weak
// b-c and c-d.
scoring::ScoredRelation wave(const testing::TempDir& dir, const std::string& name,
                             const std::string& nodes, const std::string& edges) {
    dir.file(name + "/nodes.csv", nodes);
    dir.file(name + "/edges.csv", edges);
    scoring::ScoreOptions o;
    o.ei.permutations = 0;
    return scoring::score_relation(load_network({dir.path(name)}, {}), o);
}

struct Waves {
    scoring::ScoredRelation a, b;
};

Waves hand_waves(const testing::TempDir& dir) {
    return {
        wave(dir, "A", "Id,locality,employees\na,local,10\nb,local,20\nc,local,30\nd,local,40\n",
             "Source,Target,Weight\na,b,3\nb,c,1\nc,d,1\na,c,2\n"),
        wave(dir, "B", "Id,locality,employees\na,local,11\nb,local,21\nc,local,31\ne,local,5\n",
             "Source,Target,Weight\na,b,1\na,c,2\nc,e,1\n")};
}

TEST(TieStability, HandWavesUndirected) {
    testing::TempDir dir;
    const auto w = hand_waves(dir);
    const auto cmp = scoring::compare_two(w.a, w.b);
    const auto& k = cmp.tie_stability.kept_actors;
    // Kept actors {a, b, c}: n = 3, D = 3·2/2 = 3. T_A = {ab, bc, ac}, T_B = {ab, ac}:
    // kept 2, lost 1 (bc), gained 0. J = 2/3; H = 1; H/D = 1/3.
    EXPECT_EQ(k.actors, 3u);
    EXPECT_EQ(k.dyads, 3u);
    EXPECT_EQ(k.ties_a, 3u);
    EXPECT_EQ(k.ties_b, 2u);
    EXPECT_EQ(k.kept, 2u);
    EXPECT_EQ(k.lost, 1u);
    EXPECT_EQ(k.gained, 0u);
    EXPECT_DOUBLE_EQ(k.jaccard, 2.0 / 3.0);
    EXPECT_EQ(k.hamming, 1u);
    EXPECT_DOUBLE_EQ(k.hamming_normalised, 1.0 / 3.0);
    // A's strong ties among them: ab, ac, both kept: 2/2. Weak: bc, lost: 0/1.
    EXPECT_EQ(k.strong_a, 2u);
    EXPECT_EQ(k.strong_kept, 2u);
    EXPECT_DOUBLE_EQ(k.strong_kept_share, 1.0);
    EXPECT_EQ(k.weak_a, 1u);
    EXPECT_EQ(k.weak_kept, 0u);
    EXPECT_DOUBLE_EQ(k.weak_kept_share, 0.0);

    const auto& u = cmp.tie_stability.all_actors;
    // All actors {a, b, c, d, e}: n = 5, D = 10. T_A = {ab, bc, cd, ac}, T_B = {ab, ac, ce}:
    // kept 2, lost 2 (bc, cd), gained 1 (ce). J = 2/5; H = 3; H/D = 0.3. Strong ab, ac kept:
    // 2/2; weak bc, cd lost: 0/2.
    EXPECT_EQ(u.actors, 5u);
    EXPECT_EQ(u.dyads, 10u);
    EXPECT_EQ(u.kept, 2u);
    EXPECT_EQ(u.lost, 2u);
    EXPECT_EQ(u.gained, 1u);
    EXPECT_DOUBLE_EQ(u.jaccard, 0.4);
    EXPECT_EQ(u.hamming, 3u);
    EXPECT_DOUBLE_EQ(u.hamming_normalised, 0.3);
    EXPECT_EQ(u.strong_a, 2u);
    EXPECT_DOUBLE_EQ(u.strong_kept_share, 1.0);
    EXPECT_EQ(u.weak_a, 2u);
    EXPECT_DOUBLE_EQ(u.weak_kept_share, 0.0);
    // Kept ties' weights: ab 3 -> 1, ac 2 -> 2: two points on a falling line, r = -1.
    EXPECT_EQ(cmp.tie_stability.weight_pairs, 2u);
    EXPECT_DOUBLE_EQ(cmp.tie_stability.weight_pearson, -1.0);
    EXPECT_TRUE(cmp.tie_stability.threshold_is_median);
    EXPECT_DOUBLE_EQ(cmp.tie_stability.strong_threshold, 1.5);
}

const scoring::MeasureStability& measure(const scoring::ActorStability& s,
                                         const std::string& name) {
    const auto it = std::find_if(s.measures.begin(), s.measures.end(),
                                 [&](const auto& m) { return m.measure == name; });
    if (it == s.measures.end()) throw std::runtime_error("no measure " + name);
    return *it;
}

TEST(ActorStability, HandWavesEveryNumericScore) {
    testing::TempDir dir;
    const auto w = hand_waves(dir);
    const auto cmp = scoring::compare_two(w.a, w.b);
    const auto& s = cmp.actor_stability;
    // The measures: every numeric score column, not the input's `employees`, not text columns.
    const auto names = scoring::compared_actor_measures(w.a, w.b);
    for (const char* m : {"degree", "betweenness", "closeness", "eigenvector", "pagerank",
                          "constraint", "effective_size", "ego_size", "ext_share", "ei",
                          "gatekeeper", "brokerage_total", "learning_capacity"})
        EXPECT_NE(std::find(names.begin(), names.end(), m), names.end()) << m;
    for (const char* m : {"employees", "typology", "community"})
        EXPECT_EQ(std::find(names.begin(), names.end(), m), names.end()) << m;
    ASSERT_EQ(s.rows.size(), 3 * names.size());  // kept a, b, c (B's order) x measures
    ASSERT_EQ(s.measures.size(), names.size());

    // Degree: A a 2 (b, c), b 2 (a, c), c 3 (a, b, d); B (path b-a-c-e) a 2, b 1, c 2.
    // Changes 0, -1, -1: mean -2/3. Pearson: x̄ = 7/3, ȳ = 5/3; dx = (-1/3, -1/3, 2/3),
    // dy = (1/3, -2/3, 1/3); Σdxdy = (-1 + 2 + 2)/9 = 1/3, Σdx² = Σdy² = 6/9: r = 0.5.
    // Ranks: x (1.5, 1.5, 3), y (2.5, 1, 2.5); dx = (-.5, -.5, 1), dy = (.5, -1, .5):
    // Σ = .75, Σdx² = Σdy² = 1.5: ρ = 0.5.
    for (const auto& r : s.rows)
        if (r.id == "c" && r.measure == "degree") {
            EXPECT_EQ(r.a, 3.0);
            EXPECT_EQ(r.b, 2.0);
            EXPECT_EQ(r.change, -1.0);
        }
    const auto& degree = measure(s, "degree");
    EXPECT_EQ(degree.actors, 3u);
    EXPECT_NEAR(degree.mean_change, -2.0 / 3.0, 1e-15);
    EXPECT_NEAR(degree.pearson, 0.5, 1e-15);
    EXPECT_NEAR(degree.spearman, 0.5, 1e-15);
    // Betweenness (unnormalised): A: c lies on d-a and d-b: c 2, a 0, b 0. B path b-a-c-e: a on
    // b-c, b-e: 2; c on a-e, b-e: 2; b 0. Changes a +2, b 0, c 0: mean 2/3. x = (0, 0, 2),
    // y = (2, 0, 2): dx = (-2, -2, 4)/3, dy = (2, -4, 2)/3; Σdxdy = 12/9, Σdx² = Σdy² = 24/9:
    // r = 0.5; ranks as for degree: ρ = 0.5.
    const auto& betweenness = measure(s, "betweenness");
    EXPECT_NEAR(betweenness.mean_change, 2.0 / 3.0, 1e-15);
    EXPECT_NEAR(betweenness.pearson, 0.5, 1e-15);
    EXPECT_NEAR(betweenness.spearman, 0.5, 1e-15);
    // ext_share: nobody is global, 0 for everyone in both waves: flat, so no correlation.
    const auto& ext = measure(s, "ext_share");
    EXPECT_NEAR(ext.mean_change, 0.0, 1e-15);
    EXPECT_TRUE(std::isnan(ext.pearson));
    EXPECT_TRUE(std::isnan(ext.spearman));
}

// Directed, built without score (no strength_class): A a->b, b->a, b->c; B a->b, c->b.
// n = 3, D = 3·2 = 6 ordered dyads. T_A = {ab, ba, bc}, T_B = {ab, cb}: kept 1 (ab), lost 2
// (ba, bc), gained 1 (cb; the reverse of bc is another dyad). J = 1/4; H = 3; H/D = 0.5.
TEST(TieStability, DirectedDyadsAreOrdered) {
    const auto actors = actors_named({"a", "b", "c"});
    const auto a = Network::build(actors, true, {0, 1, 1, 0, 1, 2}, {1, 1, 1}, {""}, {0, 0, 0});
    const auto b = Network::build(actors, true, {0, 1, 2, 1}, {1, 1}, {""}, {0, 0});
    const std::vector<std::string> key = {"a", "b", "c"};
    const auto s = scoring::tie_stability(a, b, key, key);
    EXPECT_EQ(s.kept_actors.dyads, 6u);
    EXPECT_EQ(s.kept_actors.kept, 1u);
    EXPECT_EQ(s.kept_actors.lost, 2u);
    EXPECT_EQ(s.kept_actors.gained, 1u);
    EXPECT_DOUBLE_EQ(s.kept_actors.jaccard, 0.25);
    EXPECT_EQ(s.kept_actors.hamming, 3u);
    EXPECT_DOUBLE_EQ(s.kept_actors.hamming_normalised, 0.5);
    // No strength_class: no tie counts as strong or weak; one kept tie: no correlation.
    EXPECT_EQ(s.kept_actors.strong_a + s.kept_actors.weak_a, 0u);
    EXPECT_TRUE(std::isnan(s.kept_actors.strong_kept_share));
    EXPECT_TRUE(std::isnan(s.kept_actors.weak_kept_share));
    EXPECT_TRUE(std::isnan(s.weight_pearson));
}

// Nothing in common, and empty waves: the undefined cases are NaN, never a division by zero.
TEST(TieStability, UndefinedCases) {
    const auto a = Network::build(actors_named({"x"}), false, {}, {}, {""}, {});
    const auto b = Network::build(actors_named({"y"}), false, {}, {}, {""}, {});
    const auto s = scoring::tie_stability(a, b, {"x"}, {"y"});
    EXPECT_EQ(s.kept_actors.actors, 0u);
    EXPECT_TRUE(std::isnan(s.kept_actors.jaccard));             // no tie in either wave
    EXPECT_TRUE(std::isnan(s.kept_actors.hamming_normalised));  // n = 0: no dyad
    EXPECT_EQ(s.all_actors.actors, 2u);
    EXPECT_EQ(s.all_actors.dyads, 1u);
    EXPECT_DOUBLE_EQ(s.all_actors.hamming_normalised, 0.0);
    EXPECT_TRUE(std::isnan(s.all_actors.jaccard));
}

// x = (1, 2, 3, 4), y = (2, 4, 5, 4), and a pair with NaN that is left out.
// Pearson: x̄ = 2.5, ȳ = 3.75; dx = (-1.5, -.5, .5, 1.5), dy = (-1.75, .25, 1.25, .25);
// Σdxdy = 2.625 - .125 + .625 + .375 = 3.5; Σdx² = 5; Σdy² = 3.0625 + .0625 + 1.5625 + .0625
// = 4.75; r = 3.5 / sqrt(23.75) = 0.718185...
// Spearman: ranks of y: 2 -> 1, the two 4s -> 2.5, 5 -> 4; ranks (1, 2.5, 4, 2.5), mean 2.5;
// d = (-1.5, 0, 1.5, 0); Σdxdy = 2.25 + .75 = 3; Σdx² = 5, Σdy² = 4.5; ρ = 3 / sqrt(22.5)
// = sqrt(0.4).
TEST(Correlation, HandComputed) {
    const std::vector<double> x = {1, 2, 3, kNan, 4}, y = {2, 4, 5, 7, 4};
    EXPECT_NEAR(scoring::pearson_r(x, y), 3.5 / std::sqrt(23.75), 1e-15);
    EXPECT_NEAR(scoring::spearman_rho(x, y), std::sqrt(0.4), 1e-15);
    // Undefined: one finite pair; a flat side (also flat up to rounding).
    EXPECT_TRUE(std::isnan(scoring::pearson_r({1, kNan}, {2, 3})));
    EXPECT_TRUE(std::isnan(scoring::pearson_r({1, 2, 3}, {5, 5, 5})));
    EXPECT_TRUE(std::isnan(scoring::spearman_rho({1, 2, 3}, {5, 5, 5})));
    EXPECT_TRUE(std::isnan(scoring::pearson_r({0.1 + 0.2, 0.3, 0.3}, {1, 2, 3})));
    // Ranks of values equal up to rounding are tied: x ranks (1.5, 1.5, 3) (0.1 + 0.2 is
    // 0.30000000000000004), y (1, 2, 3); dx = (-.5, -.5, 1), dy = (-1, 0, 1): Σdxdy = 1.5,
    // Σdx² = 1.5, Σdy² = 2; ρ = 1.5 / sqrt(3) = sqrt(3)/2 (untied ranks would give 1).
    EXPECT_NEAR(scoring::spearman_rho({0.1 + 0.2, 0.3, 1}, {1, 2, 3}), std::sqrt(3.0) / 2, 1e-15);
    // Perfectly monotone but not linear: ρ = 1, r < 1.
    EXPECT_NEAR(scoring::spearman_rho({1, 2, 3}, {1, 4, 100}), 1.0, 1e-15);
    EXPECT_LT(scoring::pearson_r({1, 2, 3}, {1, 4, 100}), 0.99);
}

}  // namespace
}  // namespace clusterlens
