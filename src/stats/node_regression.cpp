#include "src/stats/node_regression.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <thread>

#include "graphs/error.hpp"
#include "src/stats/permutations.hpp"

namespace clusterlens::scoring {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
/// Relative allowance in the comparisons with the observed statistic (as the E-I test).
constexpr double kTolerance = 1e-12;
/// Blocks of permutations handed to the threads; the results do not depend on it.
constexpr std::size_t kBlocks = 64;

/// What every permutation is fitted against: X = Q₁·R, the rows of Q₁, and per predictor j
/// (1 … k) the vector that is permuted (the centred outcome, or e_{−j}), ‖·‖², and for
/// Freedman–Lane ŷ_{−j} − ȳ (for sd(y*)).
struct Kernel {
    const LeastSquares* ls = nullptr;
    PermutationMethod method = PermutationMethod::outcome;
    std::size_t n = 0, p = 0, k = 0;
    double df = 0;
    std::vector<double> q;       ///< Q₁ row-major n × p
    std::vector<double> source;  ///< outcome: y − ȳ (n); Freedman–Lane: e_{−j} row-major n × k
    std::vector<double> fitted;  ///< Freedman–Lane: ŷ_{−j} − ȳ row-major n × k
    std::vector<double> source_ss, fitted_ss;  ///< per j (outcome: one value)
    std::vector<double> inv_diag;              ///< [(XᵀX)⁻¹]_jj, j = 0 … p−1
    std::vector<double> sd_x;                  ///< per predictor j = 1 … k (index j − 1)
    double sd_y = 0;
};

/// Per-thread scratch of one kernel evaluation.
struct Scratch {
    std::vector<double> z, cross, b;
    explicit Scratch(const Kernel& K)
        : z(K.p * std::max<std::size_t>(K.k, 1)), cross(K.k), b(K.p) {}
};

/// t*_j and β*_j (j = 1 … k, at index j − 1) of the permutation `perm` (y*_i from row
/// perm[i] of the source).
void statistics(const Kernel& K, std::span<const std::uint32_t> perm, Scratch& s,
                std::span<double> t, std::span<double> beta) {
    const std::size_t n = K.n, p = K.p, k = K.k;
    std::fill(s.z.begin(), s.z.end(), 0.0);
    if (K.method == PermutationMethod::outcome) {
        for (std::size_t i = 0; i < n; ++i) {  // z = Q₁ᵀ·π(y − ȳ)
            const double w = K.source[perm[i]];
            const double* qi = K.q.data() + i * p;
            for (std::size_t l = 0; l < p; ++l) s.z[l] += qi[l] * w;
        }
        double zz = 0;
        for (std::size_t l = 0; l < p; ++l) zz += s.z[l] * s.z[l];
        const double rss = std::max(0.0, K.source_ss[0] - zz);  // RSS = ‖y*‖² − ‖Q₁ᵀy*‖²
        K.ls->solve(std::span<const double>(s.z.data(), p), s.b);
        for (std::size_t j = 1; j <= k; ++j) {
            t[j - 1] = s.b[j] / std::sqrt(rss / K.df * K.inv_diag[j]);
            beta[j - 1] = s.b[j] * K.sd_x[j - 1] / K.sd_y;
        }
        return;
    }
    // Freedman–Lane: for each j, y* = ŷ_{−j} + π(e_{−j}); ŷ_{−j} lies in X's span, so b*_j and
    // RSS* are those of π(e_{−j}) alone; sd(y*) needs (ŷ_{−j} − ȳ)ᵀπ(e_{−j}).
    std::fill(s.cross.begin(), s.cross.end(), 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        const double* e = K.source.data() + static_cast<std::size_t>(perm[i]) * k;
        const double* h = K.fitted.data() + i * k;
        const double* qi = K.q.data() + i * p;
        for (std::size_t j = 0; j < k; ++j) {
            const double w = e[j];
            double* z = s.z.data() + j * p;
            for (std::size_t l = 0; l < p; ++l) z[l] += qi[l] * w;
            s.cross[j] += h[j] * w;
        }
    }
    for (std::size_t j = 1; j <= k; ++j) {
        const double* z = s.z.data() + (j - 1) * p;
        double zz = 0;
        for (std::size_t l = 0; l < p; ++l) zz += z[l] * z[l];
        const double rss = std::max(0.0, K.source_ss[j - 1] - zz);
        K.ls->solve(std::span<const double>(z, p), s.b);
        t[j - 1] = s.b[j] / std::sqrt(rss / K.df * K.inv_diag[j]);
        const double syy = (K.fitted_ss[j - 1] + K.source_ss[j - 1] + 2 * s.cross[j - 1]) /
                           (static_cast<double>(n) - 1.0);
        beta[j - 1] = s.b[j] * K.sd_x[j - 1] / std::sqrt(syy);
    }
}

double mean_of(std::span<const double> v) {
    return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

/// The kernel's vectors for `design` and y (fit already checked them).
Kernel make_kernel(const Design& design, std::span<const double> y, const LeastSquares& ls,
                   PermutationMethod method) {
    Kernel K;
    K.ls = &ls;
    K.method = method;
    K.n = ls.rows();
    K.p = ls.cols();
    K.k = K.p - 1;
    K.df = static_cast<double>(K.n - K.p);
    K.q = ls.thin_q();
    K.inv_diag = ls.inverse_gram_diagonal();
    const double n1 = static_cast<double>(K.n) - 1.0;
    const double mean_y = mean_of(y);
    double tss = 0;
    for (const double v : y) tss += (v - mean_y) * (v - mean_y);
    K.sd_y = std::sqrt(tss / n1);
    for (const auto& x : design.columns) {
        const double m = mean_of(x);
        double ss = 0;
        for (const double v : x) ss += (v - m) * (v - m);
        K.sd_x.push_back(std::sqrt(ss / n1));
    }
    if (method == PermutationMethod::outcome) {
        K.source.resize(K.n);
        for (std::size_t i = 0; i < K.n; ++i) K.source[i] = y[i] - mean_y;
        K.source_ss = {tss};
        return K;
    }
    K.source.assign(K.n * K.k, 0.0);
    K.fitted.assign(K.n * K.k, 0.0);
    K.source_ss.assign(K.k, 0.0);
    K.fitted_ss.assign(K.k, 0.0);
    std::vector<double> yhat(K.n, mean_y), work(K.n);
    for (std::size_t j = 0; j < K.k; ++j) {
        if (K.k > 1) {  // the reduced model without predictor j (else: the mean alone)
            Design reduced;
            for (std::size_t c = 0; c < K.k; ++c)
                if (c != j) {
                    reduced.names.push_back(design.names[c]);
                    reduced.columns.push_back(design.columns[c]);
                }
            const LeastSquares lr(reduced);
            std::vector<double> b(lr.cols());
            double rss = 0;
            lr.fit(y, b, rss, work);
            lr.predict(b, yhat);
        }
        for (std::size_t i = 0; i < K.n; ++i) {
            const double e = y[i] - yhat[i], h = yhat[i] - mean_y;
            K.source[i * K.k + j] = e;
            K.fitted[i * K.k + j] = h;
            K.source_ss[j] += e * e;
            K.fitted_ss[j] += h * h;
        }
    }
    return K;
}

}  // namespace

std::string to_string(PermutationMethod method) {
    return method == PermutationMethod::outcome ? "outcome" : "freedman-lane";
}

double quantile_type7(std::vector<double>& values, double q) {
    if (values.empty()) return kNan;
    std::sort(values.begin(), values.end());
    const double h = static_cast<double>(values.size() - 1) * q;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, values.size() - 1);
    return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

NodeRegression node_regression(const Design& design, std::span<const double> y,
                               const NodeRegressionOptions& o) {
    NodeRegression out;
    out.ols = ordinary_least_squares(design, y);
    out.method = o.method;
    out.seed = o.seed;
    const std::size_t k = design.columns.size();
    out.tests.assign(k, CoefficientTest{kNan, 0, 0, 0, kNan, kNan, kNan, kNan, kNan});
    if (o.permutations == 0 || k == 0) return out;

    const LeastSquares ls(design);
    const Kernel K = make_kernel(design, y, ls, o.method);
    const std::size_t n = K.n;
    const std::uint64_t all = factorial_at_most(n, o.permutations);
    out.exact = all > 0;
    out.permutations = out.exact ? static_cast<std::size_t>(all) : o.permutations;
    const std::size_t count = out.permutations;

    // The observed statistics, from the identity by the same arithmetic as every t*.
    std::vector<std::uint32_t> identity(n);
    std::iota(identity.begin(), identity.end(), std::uint32_t{0});
    std::vector<double> t_obs(k), beta_obs(k);
    {
        Scratch s(K);
        statistics(K, identity, s, t_obs, beta_obs);
    }

    // Per block: the three tail counts per predictor; per permutation: β*.
    const std::size_t blocks = std::min(kBlocks, count);
    std::vector<std::vector<std::array<std::size_t, 3>>> tails(
        blocks, std::vector<std::array<std::size_t, 3>>(k, {0, 0, 0}));
    std::vector<double> beta_star(count * k);
    unsigned threads =
        o.threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : o.threads;
    out.threads = static_cast<unsigned>(std::min<std::size_t>(threads, blocks));
    parallel_blocks(
        count, blocks, threads, [&](std::size_t block, std::size_t first, std::size_t last) {
            Scratch s(K);
            std::vector<std::uint32_t> perm(n);
            std::vector<double> t(k);
            auto& c = tails[block];
            for (std::size_t r = first; r < last; ++r) {
                if (out.exact)
                    lexicographic_permutation(r, perm);
                else
                    random_permutation(o.seed, r, perm);
                statistics(K, perm, s, t, std::span<double>(beta_star.data() + r * k, k));
                for (std::size_t j = 0; j < k; ++j) {
                    const double tol = kTolerance * std::abs(t_obs[j]);
                    c[j][0] += std::abs(t[j]) >= std::abs(t_obs[j]) - tol;
                    c[j][1] += t[j] >= t_obs[j] - tol;
                    c[j][2] += t[j] <= t_obs[j] + tol;
                }
            }
        });

    const double R = static_cast<double>(count);
    for (std::size_t j = 0; j < k; ++j) {
        auto& test = out.tests[j];
        test.t_observed = t_obs[j];
        for (const auto& c : tails) {
            test.count_two_sided += c[j][0];
            test.count_greater += c[j][1];
            test.count_less += c[j][2];
        }
        const bool defined = std::isfinite(out.ols.t[j + 1]) && std::isfinite(t_obs[j]);
        test.p_two_sided = defined ? static_cast<double>(test.count_two_sided) / R : kNan;
        test.p_greater = defined ? static_cast<double>(test.count_greater) / R : kNan;
        test.p_less = defined ? static_cast<double>(test.count_less) / R : kNan;
        std::vector<double> b;
        b.reserve(count);
        for (std::size_t r = 0; r < count; ++r)
            if (std::isfinite(beta_star[r * k + j])) b.push_back(beta_star[r * k + j]);
        test.null_beta_lo = quantile_type7(b, 0.025);
        test.null_beta_hi = quantile_type7(b, 0.975);
    }
    return out;
}

}  // namespace clusterlens::scoring
