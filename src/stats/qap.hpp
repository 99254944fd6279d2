// QAP: permutation tests for dyadic data, where the usual tests are wrong because the dyads of
// one actor are not independent (Krackhardt 1988, Social Networks 10:359–381). In cluster terms:
// does knowledge flow along business ties (knowledge ~ business), are local pairs more tied
// than others (ties ~ both_local), did the wave-2 ties follow the wave-1 ties?
//
// Data. n actors; a dyadic variable is a value per dyad (i, j), i ≠ j (the diagonal is
// excluded): for a directed relation all N = n(n−1) ordered dyads, for an undirected one the
// N = n(n−1)/2 unordered ones (sna's mode = "graph"). Dyad order (DyadicData): directed, row by
// row, (i, j) for j ≠ i ascending; undirected, (i, j) for j < i, row by row.
//
// Permutation. One relabelling π of the actors, applied to rows and columns together:
// Z*_ij = Z_π(i)π(j) (sna's rmperm, m[o, o]). It keeps the structure of Z (degrees, reciprocity,
// clustering) and breaks only its alignment with the other matrices: the null hypothesis is
// that the labels could be exchanged.
//
// QAP correlation (qap_correlation): r = Pearson's correlation of Y and X over the N dyads
// (= sna::gcor); r* of Y with X* for each permutation.
// MRQAP (mrqap): y = b_0 + Σ_k b_k x_k + e by least squares over the dyads (= sna::netlm); b, se,
// t = b/se, standardised β_k = b_k·sd(x_k)/sd(y), R², adjusted R² (least_squares.hpp). The
// permutation distribution of each t_k, by one of:
// - double semi-partialling (Dekker, Krackhardt & Snijders 2007, Psychometrika 72:563–581;
//   = netlm(nullhyp = "qapspp")): x_k is regressed on the other columns W_k of X (the intercept
//   included, except for the intercept's own test, as sna does); its residual matrix e_k is
//   permuted; t*_k is the t of e*_k in the regression of y on [W_k, e*_k]. Robust to collinear
//   predictors and skewed data (the paper's simulations), hence the default.
// - Y-permutation (= netlm(nullhyp = "qapy")): y is permuted and regressed on X; t*_k of each.
// The observed t_k is the t*_k of the identity permutation in both.
//
// p-values, as the E-I test (openness.hpp) and sna::qaptest: plain shares of the permutations,
// no +1 correction, so p can be 0 (read it as < 1/permutations): two_sided = share with
// |s*| ≥ |s|, greater = share with s* ≥ s (sna's pgreq), less = share with s* ≤ s (pleeq).
// Exact: when n! ≤ the permutations asked for, all n! relabellings are enumerated (the
// identity among them) and p = count / n! is exact. Comparisons: each statistic is compared as
// the correlation it is a monotone function of, r, or ρ = t/√(t² + df) for a t (the partial
// correlation of y and x_k given the other columns), which lies in [−1, 1], with an absolute
// tolerance of 1e-12 (rounding of equal statistics summed in another order; for 0/1 and
// whole-number data the correlation's cross product is exact).
//
// Computation. Per permutation only the products of the permuted matrix with the fixed ones
// change: the kernel (qap_kernel.hpp) forms Σ_d Z_π(i)π(j)·c_d for the fixed columns c (y and
// the x's) in one pass over the N dyads; semi-partialling tests all p + 1 terms on the same
// relabelling in that pass (p + 1 residual matrices against p + 1 columns), O(N·(p + 1)²) per
// permutation. Sums, sums of squares and the Gram matrix of the fixed columns are computed once
// (the permutation maps dyads onto dyads, so Σ Z* and Σ Z*² do not change); the rest is
// (p+2)×(p+2) algebra. Permutation k depends only on (seed, k) (permutations.hpp) and counts
// are summed per block, so the p-values are the same for any thread count. Memory: the dyadic
// columns (N values each), the dense n×n matrices permuted (one, or p + 1 for
// semi-partialling) and, for the regression, a copy of X and its QR factors
// (qap_memory_bytes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "src/stats/least_squares.hpp"

namespace clusterlens::scoring {

/// Dyadic variables over the same n actors, each N values in dyad order (above).
struct DyadicData {
    std::size_t actors = 0;  ///< n
    bool directed = true;
    std::string outcome;  ///< Y's name
    std::vector<double> y;
    Design predictors;  ///< the X's: names and N-value columns
};

/// N for n actors: n(n−1) directed, n(n−1)/2 undirected.
std::size_t dyad_count(std::size_t actors, bool directed);

/// The dyad index of (i, j), i ≠ j (undirected: either order).
std::size_t dyad_index(std::size_t i, std::size_t j, std::size_t actors, bool directed);

enum class MrqapMethod { semi_partialling, y_permutation };

struct QapOptions {
    /// Random relabellings (0 = no test: p-values NaN); all n! instead when n! ≤ this.
    std::size_t permutations = 10000;
    std::uint64_t seed = 1;
    unsigned threads = 0;  ///< 0 = all cores; results do not depend on it
    MrqapMethod method = MrqapMethod::semi_partialling;
};

struct PermutationP {
    double two_sided, greater, less;  ///< NaN when untested or the statistic is undefined
};

struct PermutationRun {
    std::uint64_t permutations = 0;  ///< n! when exact
    bool exact = false;
};

struct QapCorrelation {
    std::string y, x;
    double r = 0;  ///< NaN when Y or X is constant over the dyads
    PermutationP p{};
    std::size_t dyads = 0;
    PermutationRun run;
};

struct MrqapTerm {
    std::string name;          ///< "(intercept)" first
    double coef, se, t, beta;  ///< beta NaN for the intercept
    PermutationP p{};
};

struct Mrqap {
    std::string outcome;
    std::vector<MrqapTerm> terms;
    double r2 = 0, adj_r2 = 0, sigma = 0;
    std::size_t dyads = 0, df = 0;
    MrqapMethod method = MrqapMethod::semi_partialling;
    PermutationRun run;
};

/// The QAP correlation of data.y with the single predictor column. UsageError unless there is
/// exactly one predictor and every column has dyad_count() finite values, or n < 2.
/// O(N + permutations·N) time, O(n²) extra memory.
QapCorrelation qap_correlation(const DyadicData& data, const QapOptions& options = {});

/// MRQAP of data.y on the predictors (with an intercept). UsageError as LeastSquares (collinear
/// predictors named, a constant predictor, N ≤ p), for more than 63 predictors and as
/// qap_correlation. Time O(N·p² + permutations·N·(p+1)²) (semi-partialling) or O(N·p² +
/// permutations·N·p) (Y-permutation).
Mrqap mrqap(const DyadicData& data, const QapOptions& options = {});

/// Bytes the test needs at most for n actors and p predictors (the data included or not, as
/// `with_data` says): the larger of the regression's working copies (X and its Householder
/// vectors, fitted values, residuals, scratch) and the permutation phase's dense n×n matrices
/// (p + 1 of them for semi-partialling). For the limit a command checks before the work.
std::uint64_t qap_memory_bytes(std::size_t actors, bool directed, std::size_t predictors,
                               bool with_data = true);

}  // namespace clusterlens::scoring
