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

/// What every permutation is fitted against: X = Q₁·R with Q₁'s first column 1/√n up to sign
/// (the intercept), so for a vector w of mean 0 (every vector permuted here) the first entry
/// of Q₁ᵀw is 0 and only the other m = p − 1 columns, Q₂, are gathered. Per predictor j (1 … k):
/// the vector permuted (the centred outcome, or e_{−j}) and ‖·‖²; for Freedman–Lane also
/// ŷ_{−j} − ȳ, which lies in X's span, through Q₂ᵀ(ŷ_{−j} − ȳ) and its ‖·‖² (for sd(y*)).
struct Kernel {
    const LeastSquares* ls = nullptr;
    PermutationMethod method = PermutationMethod::outcome;
    std::size_t n = 0, p = 0, k = 0, m = 0;
    double df = 0;
    std::vector<double> q;       ///< Q₂ row-major n × m
    std::vector<double> source;  ///< outcome: y − ȳ (n); Freedman–Lane: e_{−j} row-major n × k
    std::vector<double> fitted_q;  ///< Freedman–Lane: Q₂ᵀ(ŷ_{−j} − ȳ), k × m
    std::vector<double> source_ss, fitted_ss;  ///< per j (outcome: one value)
    std::vector<double> inv_diag;              ///< [(XᵀX)⁻¹]_jj, j = 0 … p−1
    std::vector<double> sd_x;                  ///< per predictor j = 1 … k (index j − 1)
    double sd_y = 0;
};

/// Per-thread scratch of one kernel evaluation.
struct Scratch {
    std::vector<double> z, qty, b;
    explicit Scratch(const Kernel& K) : z(K.m * std::max<std::size_t>(K.k, 1)), qty(K.p), b(K.p) {}
};

/// b* and RSS* of w from z = Q₂ᵀw and ‖w‖²: RSS = ‖w‖² − ‖Q₁ᵀw‖², b solves R·b = Q₁ᵀw.
double fit_from(const Kernel& K, const double* z, double ww, Scratch& s) {
    double zz = 0;
    s.qty[0] = 0;
    for (std::size_t l = 0; l < K.m; ++l) zz += z[l] * z[l], s.qty[l + 1] = z[l];
    K.ls->solve(s.qty, s.b);
    return std::max(0.0, ww - zz);
}

/// z_j += Σ_i Q₂[i, ·] · source[perm[i], j] for the c = 1 (outcome) or k source columns, with
/// the sizes known at compile time (M = m, C = c: the sums stay in registers; the same order
/// of additions as the general loop, so the same results).
template <std::size_t M, std::size_t C>
void gather_fixed(const Kernel& K, std::span<const std::uint32_t> perm, double* z) {
    double acc[C * M] = {};
    const double* q = K.q.data();
    const double* src = K.source.data();
    for (std::size_t i = 0; i < K.n; ++i) {
        const double* e = src + static_cast<std::size_t>(perm[i]) * C;
        const double* qi = q + i * M;
        for (std::size_t j = 0; j < C; ++j)
            for (std::size_t l = 0; l < M; ++l) acc[j * M + l] += qi[l] * e[j];
    }
    for (std::size_t x = 0; x < C * M; ++x) z[x] = acc[x];
}

template <std::size_t M>
void gather_m(const Kernel& K, std::span<const std::uint32_t> perm, double* z) {
    if (K.method == PermutationMethod::outcome)
        gather_fixed<M, 1>(K, perm, z);
    else
        gather_fixed<M, M>(K, perm, z);
}

void gather(const Kernel& K, std::span<const std::uint32_t> perm, double* z) {
    switch (K.m) {  // up to 6 predictors unrolled; more by the general loop
        case 1:
            return gather_m<1>(K, perm, z);
        case 2:
            return gather_m<2>(K, perm, z);
        case 3:
            return gather_m<3>(K, perm, z);
        case 4:
            return gather_m<4>(K, perm, z);
        case 5:
            return gather_m<5>(K, perm, z);
        case 6:
            return gather_m<6>(K, perm, z);
        default:
            break;
    }
    const std::size_t m = K.m, c = K.method == PermutationMethod::outcome ? 1 : K.k;
    std::fill(z, z + c * m, 0.0);
    for (std::size_t i = 0; i < K.n; ++i) {
        const double* e = K.source.data() + static_cast<std::size_t>(perm[i]) * c;
        const double* qi = K.q.data() + i * m;
        for (std::size_t j = 0; j < c; ++j)
            for (std::size_t l = 0; l < m; ++l) z[j * m + l] += qi[l] * e[j];
    }
}

/// t*_j and β*_j (j = 1 … k, at index j − 1) of the permutation `perm` (y*_i from row
/// perm[i] of the source).
void statistics(const Kernel& K, std::span<const std::uint32_t> perm, Scratch& s,
                std::span<double> t, std::span<double> beta) {
    const std::size_t n = K.n, m = K.m, k = K.k;
    if (K.method == PermutationMethod::outcome) {
        double* z = s.z.data();
        gather(K, perm, z);  // z = Q₂ᵀ·π(y − ȳ)
        const double rss = fit_from(K, z, K.source_ss[0], s);
        for (std::size_t j = 1; j <= k; ++j) {
            t[j - 1] = s.b[j] / std::sqrt(rss / K.df * K.inv_diag[j]);
            beta[j - 1] = s.b[j] * K.sd_x[j - 1] / K.sd_y;
        }
        return;
    }
    // Freedman–Lane: for each j, y* = ŷ_{−j} + π(e_{−j}); ŷ_{−j} lies in X's span, so b*_j and
    // RSS* are those of π(e_{−j}) alone, and (ŷ_{−j} − ȳ)ᵀπ(e_{−j}) = (Q₂ᵀ(ŷ_{−j} − ȳ))ᵀz_j.
    gather(K, perm, s.z.data());
    for (std::size_t j = 1; j <= k; ++j) {
        const double* z = s.z.data() + (j - 1) * m;
        const double rss = fit_from(K, z, K.source_ss[j - 1], s);
        t[j - 1] = s.b[j] / std::sqrt(rss / K.df * K.inv_diag[j]);
        double cross = 0;
        for (std::size_t l = 0; l < m; ++l) cross += K.fitted_q[(j - 1) * m + l] * z[l];
        const double syy =
            (K.fitted_ss[j - 1] + K.source_ss[j - 1] + 2 * cross) / (static_cast<double>(n) - 1.0);
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
    K.m = K.p - 1;
    K.df = static_cast<double>(K.n - K.p);
    const auto q1 = ls.thin_q();
    K.q.resize(K.n * K.m);
    for (std::size_t i = 0; i < K.n; ++i)
        for (std::size_t l = 0; l < K.m; ++l) K.q[i * K.m + l] = q1[i * K.p + l + 1];
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
    K.fitted_q.assign(K.k * K.m, 0.0);
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
            for (std::size_t l = 0; l < K.m; ++l) K.fitted_q[j * K.m + l] += K.q[i * K.m + l] * h;
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
    const PermutationDrawer drawer(out.exact ? 0 : n);  // random_permutation, faster
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
                    drawer(o.seed, r, perm);
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
