// Node-level regression with permutation p-values (issue 14; `clusterlens explain`): does an
// actor's outcome (a learning score, patents, EC funding) go with its position in the network,
// once the other positions are held fixed?
//
// The model is the ordinary least-squares fit y = b_0 + Σ_j b_j·x_j + e over the n actors used
// (least_squares.hpp: b, the classical se and t, β, R², adjusted R²). The classical se and t
// assume independent actors, which network data are not: an actor's closeness and ego size are
// made of the same ties as its neighbours'. So each coefficient b_j (not the intercept) is also
// tested by permutation, with the t-statistic t_j = b_j / se_j as the test statistic (pivotal:
// it does not depend on the nuisance coefficients; sna::netlm's default "t-value", Anderson &
// Legendre 1999 §2). R permutations π of the rows give t*_j, and
//
//   p_two_sided = #{ |t*_j| ≥ |t_j| } / R,   p_greater = #{ t*_j ≥ t_j } / R,
//   p_less      = #{ t*_j ≤ t_j } / R,
//
// a plain share (no +1, as the house's E-I test: p can be 0, read it as "< 1/R"), each
// comparison with a relative 1e-12 allowance for rounding (t*_j ≥ t_j − 1e-12·|t_j|, and so on),
// so permutations that give the observed statistic count in both tails (p_greater + p_less ≥ 1).
// The observed t_j used in the comparisons is computed by the same arithmetic as the t*_j (the
// identity permutation gives exactly it); it equals the reported t to rounding.
//
// Two ways to permute (PermutationMethod):
// - outcome: y* = π(y), the outcome vector shuffled against the fixed predictors, as UCINET's
//   node-level regression does ("permutes the dependent vector"; Manly's method). Its null
//   hypothesis is that y is unrelated to every predictor at once, so with correlated
//   predictors the test of one b_j is not a test of that b_j given the others: Anderson &
//   Legendre (1999) find its type I error inflated when a covariate with an effect is
//   correlated with the tested predictor.
// - freedman_lane: for each j, fit the reduced model without x_j, ŷ_{−j} and its residuals
//   e_{−j}, and permute the residuals: y* = ŷ_{−j} + π(e_{−j}) (Freedman & Lane 1983). The
//   controls' part of y stays with its actors, so the null is "b_j = 0 given the others".
//   Anderson & Legendre (1999) and Winkler et al. (2014) find it the best of the permutation
//   methods with nuisance variables (exact with one predictor, close to nominal otherwise). The
//   same π serves every j (Winkler et al. 2014's randomise does the same).
// With a single predictor the two are the same test: the reduced model is the mean, so
// y* = ȳ + π(y − ȳ) = π(y), and both give the same p-values exactly.
//
// Random or exact: with n! ≤ R the test enumerates all n! permutations instead
// (lexicographic_permutation, the identity included) and p = count / n! is exact; otherwise
// permutation k = 0 … R−1 is random_permutation(seed, k), so the p-values depend on the seed and
// R only, never on the thread count. Monte Carlo error of a random p: sqrt(p(1−p)/R) (0.005 at
// p = 0.5, R = 10,000).
//
// Null band: for each j the 2.5 % and 97.5 % quantiles (R's quantile type 7: linear between
// order statistics) of the permuted standardised coefficients β*_j = b*_j · sd(x_j) / sd(y*),
// sd(y*) that of the permuted outcome (= sd(y) for the outcome method). A β_j outside its band
// is one the permutations rarely give; the band is descriptive, the p-values are the test.
//
// Undefined cases: with no predictor or R = 0 there is no test (p and band NaN, permutations
// 0). A perfect fit (RSS = 0, t_j undefined) gives NaN p. A permutation whose fit is perfect
// has t* = ±∞ (counted as extreme), or NaN when b* = 0 too (counted in no tail).
//
// Complexity: the fit O(n·p²); then, per permutation, O(n·p) for the outcome method and
// O(n·k·p) for Freedman–Lane with k = p − 1 predictors (each fit gathers the permuted vector
// into Q₁ᵀy*, least_squares.hpp), plus O(n) for the shuffle (PermutationDrawer: no division
// per draw); spread over threads in blocks. Memory O(n·p + R·k): every β* is kept for the bands.
// Sources: Freedman & Lane (1983) J. Business & Economic Statistics 1(4):292-298; Anderson &
// Legendre (1999) J. Statistical Computation and Simulation 62(3):271-303; Winkler, Ridgway,
// Webster, Smith & Nichols (2014) NeuroImage 92:381-397; Borgatti, Everett & Freeman (2002)
// UCINET for Windows, Tools > Testing Hypotheses > Node-level > Regression; Butts (2008) sna
// netlm (dyadic, its "t-value" statistic).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "src/stats/least_squares.hpp"

namespace clusterlens::scoring {

enum class PermutationMethod { outcome, freedman_lane };

/// "outcome" or "freedman-lane" (the --method spelling).
std::string to_string(PermutationMethod method);

struct NodeRegressionOptions {
    PermutationMethod method = PermutationMethod::freedman_lane;
    std::size_t permutations = 10000;  ///< R; 0 = no test
    std::uint64_t seed = 1;
    unsigned threads = 0;  ///< 0 = the hardware's; the results are the same for any number
};

/// The permutation test of one coefficient (not the intercept).
struct CoefficientTest {
    double t_observed = 0;  ///< t_j as the permutations compare it (see above)
    std::size_t count_two_sided = 0, count_greater = 0, count_less = 0;
    double p_two_sided = 0, p_greater = 0, p_less = 0;  ///< count / permutations; NaN: no test
    double null_beta_lo = 0, null_beta_hi = 0;          ///< 2.5 % and 97.5 % of β*_j
};

struct NodeRegression {
    OlsReport ols;                       ///< the fit; names "(intercept)" first
    std::vector<CoefficientTest> tests;  ///< one per predictor term, in the design's order
    PermutationMethod method = PermutationMethod::freedman_lane;
    std::size_t permutations = 0;  ///< permutations run: n! when exact, else R; 0: no test
    bool exact = false;            ///< every permutation enumerated (n! ≤ R)
    std::uint64_t seed = 0;
    unsigned threads = 0;  ///< threads used (not part of the result: for the timing line)
};

/// The fit of y on the design (with an intercept) and the permutation test of each
/// coefficient, as above. Throws as ordinary_least_squares does (UsageError for collinear or
/// constant predictors, naming them; too few rows; non-finite values).
NodeRegression node_regression(const Design& design, std::span<const double> y,
                               const NodeRegressionOptions& options);

/// Quantile q of `values` (sorted in place) as R's quantile(type = 7): h = (m − 1)·q,
/// x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋). NaN when empty.
double quantile_type7(std::vector<double>& values, double q);

}  // namespace clusterlens::scoring
