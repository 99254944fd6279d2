#include "src/stats/qap.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>

#include "graphs/error.hpp"
#include "src/stats/permutations.hpp"
#include "src/stats/qap_kernel.hpp"

namespace clusterlens::scoring {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
/// Tolerance on the compared correlations (r, ρ = t/√(t²+df)), all in [−1, 1].
constexpr double kTie = 1e-12;
using Real = long double;  // the (p+2)×(p+2) algebra

/// Checks the shape of the data; `what` names the test in messages.
void validate(const DyadicData& d, const char* what) {
    if (d.actors < 2)
        throw UsageError(std::string(what) + " needs at least 2 actors (there is no dyad)");
    const std::size_t n_dyads = dyad_count(d.actors, d.directed);
    auto check = [&](const std::vector<double>& v, const std::string& name) {
        if (v.size() != n_dyads)
            throw UsageError(std::string(what) + ": '" + name + "' has " +
                             std::to_string(v.size()) + " dyad values, not " +
                             std::to_string(n_dyads));
        for (const double x : v)
            if (!std::isfinite(x))
                throw UsageError(std::string(what) + ": '" + name +
                                 "' holds a value that is not a finite number");
    };
    check(d.y, d.outcome);
    if (d.predictors.names.size() != d.predictors.columns.size())
        throw UsageError(std::string(what) + ": names and columns differ in number");
    for (std::size_t k = 0; k < d.predictors.columns.size(); ++k)
        check(d.predictors.columns[k], d.predictors.names[k]);
}

/// Counts of the permutations whose statistic is at least as extreme, per statistic.
struct Tally {
    std::uint64_t two_sided = 0, greater = 0, less = 0;
};

/// Runs `statistic(perm, out)` (out: one ρ per statistic, NaN = undefined) for every
/// permutation, exact or random as options say, and the p-values against `observed`. The
/// statistic is called from several threads at once: it must only read shared data. A
/// permutation whose statistic is undefined counts as not extreme (and in the denominator: R
/// would give NA). Blocks of permutations are fixed (at most 256, whatever the thread count)
/// and their counts summed.
PermutationRun permutation_test(std::size_t n, const QapOptions& options,
                                const std::vector<double>& observed,
                                const std::function<void(const std::uint32_t*, double*)>& statistic,
                                std::vector<PermutationP>& p) {
    const std::size_t stats = observed.size();
    p.assign(stats, PermutationP{kNan, kNan, kNan});
    PermutationRun run;
    if (options.permutations == 0) return run;
    const std::uint64_t all = factorial_at_most(n, options.permutations);
    run.exact = all != 0;
    run.permutations = run.exact ? all : options.permutations;
    const std::size_t count = run.permutations;
    const std::size_t blocks = std::min<std::size_t>(count, 256);
    std::vector<std::vector<Tally>> tallies(blocks, std::vector<Tally>(stats));
    parallel_blocks(count, blocks, options.threads,
                    [&](std::size_t block, std::size_t first, std::size_t last) {
                        std::vector<std::uint32_t> perm(n);
                        std::vector<double> rho(stats);
                        auto& t = tallies[block];
                        for (std::size_t k = first; k < last; ++k) {
                            if (run.exact)
                                lexicographic_permutation(k, perm);
                            else
                                random_permutation(options.seed, k, perm);
                            statistic(perm.data(), rho.data());
                            for (std::size_t s = 0; s < stats; ++s) {
                                const double r = rho[s], o = observed[s];
                                if (std::isnan(r)) continue;
                                if (std::fabs(r) >= std::fabs(o) - kTie) ++t[s].two_sided;
                                if (r >= o - kTie) ++t[s].greater;
                                if (r <= o + kTie) ++t[s].less;
                            }
                        }
                    });
    for (std::size_t s = 0; s < stats; ++s) {
        if (std::isnan(observed[s])) continue;
        Tally sum;
        for (const auto& b : tallies) {
            sum.two_sided += b[s].two_sided;
            sum.greater += b[s].greater;
            sum.less += b[s].less;
        }
        const auto c = static_cast<double>(count);
        p[s] = {static_cast<double>(sum.two_sided) / c, static_cast<double>(sum.greater) / c,
                static_cast<double>(sum.less) / c};
    }
    return run;
}

/// The identity permutation's statistics (the observed values, computed as the permuted ones
/// are, so equal statistics compare equal).
std::vector<double> observed_of(std::size_t n, std::size_t stats,
                                const std::function<void(const std::uint32_t*, double*)>& f) {
    std::vector<std::uint32_t> id(n);
    std::iota(id.begin(), id.end(), std::uint32_t{0});
    std::vector<double> out(stats);
    f(id.data(), out.data());
    return out;
}

Real mean_of(const std::vector<double>& v) {
    Real s = 0;
    for (const double x : v) s += x;
    return s / static_cast<Real>(v.size());
}

/// Inverse of a small symmetric positive definite matrix (row-major m×m) by Gauss–Jordan with
/// partial pivoting; the caller has checked full rank (the OLS fit did).
std::vector<Real> inverse(std::vector<Real> a, std::size_t m) {
    std::vector<Real> inv(m * m, 0);
    for (std::size_t i = 0; i < m; ++i) inv[i * m + i] = 1;
    for (std::size_t c = 0; c < m; ++c) {
        std::size_t piv = c;
        for (std::size_t r = c + 1; r < m; ++r)
            if (std::fabs(a[r * m + c]) > std::fabs(a[piv * m + c])) piv = r;
        for (std::size_t j = 0; j < m; ++j) {
            std::swap(a[c * m + j], a[piv * m + j]);
            std::swap(inv[c * m + j], inv[piv * m + j]);
        }
        const Real d = a[c * m + c];
        if (d == 0) throw BackendError("qap: singular Gram matrix after a full-rank fit");
        for (std::size_t j = 0; j < m; ++j) {
            a[c * m + j] /= d;
            inv[c * m + j] /= d;
        }
        for (std::size_t r = 0; r < m; ++r) {
            if (r == c || a[r * m + c] == 0) continue;
            const Real f = a[r * m + c];
            for (std::size_t j = 0; j < m; ++j) {
                a[r * m + j] -= f * a[c * m + j];
                inv[r * m + j] -= f * inv[c * m + j];
            }
        }
    }
    return inv;
}

/// x'A x for a row-major m×m A.
Real quadratic(const std::vector<Real>& a, const Real* x, std::size_t m) {
    Real s = 0;
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < m; ++j) s += x[i] * a[i * m + j] * x[j];
    return s;
}

/// The messages of LeastSquares speak of actors and --predictors (explain); here the rows are
/// dyads and the predictors come from --relations and --covariates.
std::string dyadic_wording(std::string m) {
    for (const auto& [from, to] :
         {std::pair<std::string, std::string>{"from --predictors", "from the predictors"},
          {"every actor", "every dyad"},
          {"the actors used", "the dyads used"},
          {"more actors", "more dyads"}}) {
        for (auto at = m.find(from); at != std::string::npos; at = m.find(from, at + to.size()))
            m.replace(at, from.size(), to);
    }
    return m;
}

}  // namespace

std::size_t dyad_count(std::size_t actors, bool directed) {
    if (actors < 2) return 0;
    return directed ? actors * (actors - 1) : actors * (actors - 1) / 2;
}

std::size_t dyad_index(std::size_t i, std::size_t j, std::size_t actors, bool directed) {
    if (directed) return i * (actors - 1) + (j < i ? j : j - 1);
    if (j > i) std::swap(i, j);
    return i * (i - 1) / 2 + j;
}

QapCorrelation qap_correlation(const DyadicData& data, const QapOptions& options) {
    validate(data, "qap correlation");
    if (data.predictors.columns.size() != 1)
        throw UsageError("qap correlation takes one predictor, not " +
                         std::to_string(data.predictors.columns.size()));
    const auto& x = data.predictors.columns.front();
    const auto& y = data.y;
    const std::size_t n = data.actors, big_n = y.size();
    QapCorrelation out;
    out.y = data.outcome;
    out.x = data.predictors.names.front();
    out.dyads = big_n;
    // r = Sxy / √(Sxx·Syy) with centred sums (two passes).
    const Real mx = mean_of(x), my = mean_of(y);
    Real sxx = 0, syy = 0, sxy = 0;
    for (std::size_t d = 0; d < big_n; ++d) {
        sxx += (x[d] - mx) * (x[d] - mx);
        syy += (y[d] - my) * (y[d] - my);
        sxy += (x[d] - mx) * (y[d] - my);
    }
    out.r = sxx > 0 && syy > 0 ? static_cast<double>(sxy / std::sqrt(sxx * syy)) : kNan;
    // Per permutation: r* = (Σ y·x* − Σy·Σx/N) / √(Sxx·Syy); only Σ y·x* changes, and for
    // whole-number data it is exact.
    const auto z = dense_dyadic(x, n, data.directed);
    Real sum_x = 0, sum_y = 0;
    for (std::size_t d = 0; d < big_n; ++d) {
        sum_x += x[d];
        sum_y += y[d];
    }
    const double shift = static_cast<double>(sum_x * sum_y / static_cast<Real>(big_n));
    const double scale = static_cast<double>(std::sqrt(sxx * syy));
    const double* streams[1] = {y.data()};
    auto statistic = [&](const std::uint32_t* perm, double* rho) {
        double cross = 0;
        permuted_products(z.data(), n, data.directed, perm, streams, 1, &cross);
        rho[0] = scale > 0 ? (cross - shift) / scale : kNan;
    };
    std::vector<PermutationP> p;
    out.run = permutation_test(n, options, observed_of(n, 1, statistic), statistic, p);
    out.p = p.front();
    return out;
}

namespace {

/// What the permutation tests of the regression share: means, centred Gram matrix of the x's
/// and their centred cross products with y, over the dyads.
struct Moments {
    std::size_t q = 0, big_n = 0;
    std::vector<Real> mean_x;  ///< q
    Real mean_y = 0, syy = 0;
    std::vector<Real> gram;   ///< q×q, Σ (x_k − m_k)(x_l − m_l)
    std::vector<Real> cross;  ///< q, Σ (x_k − m_k)(y − m_y)
};

Moments moments_of(const DyadicData& data) {
    Moments m;
    const auto& cols = data.predictors.columns;
    m.q = cols.size();
    m.big_n = data.y.size();
    for (const auto& c : cols) m.mean_x.push_back(mean_of(c));
    m.mean_y = mean_of(data.y);
    m.gram.assign(m.q * m.q, 0);
    m.cross.assign(m.q, 0);
    for (std::size_t d = 0; d < m.big_n; ++d) {
        const Real yc = data.y[d] - m.mean_y;
        m.syy += yc * yc;
        for (std::size_t k = 0; k < m.q; ++k) {
            const Real xk = cols[k][d] - m.mean_x[k];
            m.cross[k] += xk * yc;
            for (std::size_t l = 0; l <= k; ++l)
                m.gram[k * m.q + l] += xk * (cols[l][d] - m.mean_x[l]);
        }
    }
    for (std::size_t k = 0; k < m.q; ++k)
        for (std::size_t l = 0; l < k; ++l) m.gram[l * m.q + k] = m.gram[k * m.q + l];
    return m;
}

/// Y-permutation (qapy): y* regressed on X; ρ = t/√(t²+df) of every term. Centred: the slopes
/// b = G⁻¹c with c_l = Σ (x_l − m_l)·y* and G the centred Gram matrix, RSS = Syy − b·c, the
/// intercept b_0 = ȳ − m·b with var = σ²(1/N + m'G⁻¹m) (Σ y* and Σ y*² do not change).
std::vector<PermutationP> y_permutation(const DyadicData& data, const Moments& m,
                                        const QapOptions& options, PermutationRun& run) {
    const std::size_t n = data.actors, q = m.q;
    const auto ginv = inverse(m.gram, q);
    const auto z = dense_dyadic(data.y, n, data.directed);
    std::vector<const double*> streams;
    for (const auto& c : data.predictors.columns) streams.push_back(c.data());
    const Real df = static_cast<Real>(m.big_n - q - 1);
    const Real sum_y = m.mean_y * static_cast<Real>(m.big_n);
    const Real intercept_var = 1 / static_cast<Real>(m.big_n) + quadratic(ginv, m.mean_x.data(), q);
    auto statistic = [&](const std::uint32_t* perm, double* rho) {
        std::vector<double> a(q);
        permuted_products(z.data(), n, data.directed, perm, streams.data(), q, a.data());
        std::vector<Real> c(q), b(q, 0);
        for (std::size_t l = 0; l < q; ++l) c[l] = a[l] - m.mean_x[l] * sum_y;
        Real ess = 0, b0 = m.mean_y;
        for (std::size_t k = 0; k < q; ++k) {
            for (std::size_t l = 0; l < q; ++l) b[k] += ginv[k * q + l] * c[l];
            ess += b[k] * c[k];
            b0 -= m.mean_x[k] * b[k];
        }
        const Real s2 = std::max<Real>(m.syy - ess, 0) / df;
        auto rho_of = [&](Real coef, Real var) {
            if (s2 <= 0 || var <= 0) return kNan;
            const Real t = coef / std::sqrt(s2 * var);
            return static_cast<double>(t / std::sqrt(t * t + df));
        };
        rho[0] = rho_of(b0, intercept_var);
        for (std::size_t k = 0; k < q; ++k) rho[k + 1] = rho_of(b[k], ginv[k * q + k]);
    };
    std::vector<PermutationP> p;
    run = permutation_test(n, options, observed_of(n, q + 1, statistic), statistic, p);
    return p;
}

/// Double semi-partialling, term k (0 = the intercept, k ≥ 1 = predictor k−1): e = x_k
/// residualised on the other columns W, as a dense matrix to permute, and what the statistic
/// needs: per permutation z = e*, ρ = z'ỹ / √(D·‖ỹ‖²) with ỹ = y residualised on W and
/// D = ‖z‖² − z'W(W'W)⁻¹W'z (the part of z outside W), the partial correlation whose t is the t
/// of z in y ~ [W, z].
struct SemiPartial {
    std::vector<std::size_t> idx;  ///< the x's in W
    bool centred = true;           ///< W holds the intercept (then its x's are used centred)
    std::vector<Real> ginv, gamma;
    Real ee = 0, sum_z = 0, yy = 0;
    std::vector<double> z;  ///< e as a dense n×n matrix (copied into the interleaved one)

    /// ρ from a[s] = Σ z*·c_s over the columns c = (y, x_1, ..., x_q).
    double rho(const double* a, const Moments& m) const {
        const std::size_t w = idx.size();
        // W'z (centred: Σ (x_l − m_l)·z), then z'ỹ = y'z − ȳ·Σz − γ'W'z, and D.
        Real wz[64];
        for (std::size_t b = 0; b < w; ++b)
            wz[b] = a[idx[b] + 1] - (centred ? m.mean_x[idx[b]] * sum_z : 0);
        Real num = a[0] - (centred ? m.mean_y * sum_z : 0);
        for (std::size_t b = 0; b < w; ++b) num -= gamma[b] * wz[b];
        Real dz = ee - (w > 0 ? quadratic(ginv, wz, w) : 0);
        if (centred) dz -= sum_z * sum_z / static_cast<Real>(m.big_n);
        return dz > 1e-12L * ee && yy > 0 ? static_cast<double>(num / std::sqrt(dz * yy)) : kNan;
    }
};

SemiPartial semi_partial(const DyadicData& data, const Moments& m, std::size_t k) {
    const std::size_t q = m.q, big_n = m.big_n;
    const auto& cols = data.predictors.columns;
    SemiPartial t;
    // W's columns: for a slope, the intercept and the other x's (used centred, the same span);
    // for the intercept, the x's as they are.
    for (std::size_t l = 0; l < q; ++l)
        if (k == 0 || l != k - 1) t.idx.push_back(l);
    t.centred = k != 0;
    const auto& idx = t.idx;
    const bool centred = t.centred;
    const std::size_t w = idx.size();
    std::vector<Real> g(w * w), gy(w), gx(w);
    for (std::size_t a = 0; a < w; ++a) {
        for (std::size_t b = 0; b < w; ++b) {
            g[a * w + b] = m.gram[idx[a] * q + idx[b]];
            if (!centred)
                g[a * w + b] += static_cast<Real>(big_n) * m.mean_x[idx[a]] * m.mean_x[idx[b]];
        }
        gy[a] = m.cross[idx[a]] +
                (centred ? 0 : static_cast<Real>(big_n) * m.mean_x[idx[a]] * m.mean_y);
        gx[a] = centred ? m.gram[idx[a] * q + (k - 1)]
                        : static_cast<Real>(big_n) * m.mean_x[idx[a]];  // W'1
    }
    if (w > 0) t.ginv = inverse(g, w);
    std::vector<Real> delta(w, 0);  // x_k on W; gamma: y on W
    t.gamma.assign(w, 0);
    for (std::size_t a = 0; a < w; ++a)
        for (std::size_t b = 0; b < w; ++b) {
            delta[a] += t.ginv[a * w + b] * gx[b];
            t.gamma[a] += t.ginv[a * w + b] * gy[b];
        }
    // The residuals e of x_k and ỹ of y, dyad by dyad; ‖e‖², Σe and ‖ỹ‖² summed explicitly.
    std::vector<double> e(big_n);
    for (std::size_t d = 0; d < big_n; ++d) {
        Real ek = centred ? cols[k - 1][d] - m.mean_x[k - 1] : 1;
        Real yd = centred ? data.y[d] - m.mean_y : data.y[d];
        for (std::size_t a = 0; a < w; ++a) {
            const Real xv = cols[idx[a]][d] - (centred ? m.mean_x[idx[a]] : 0);
            ek -= delta[a] * xv;
            yd -= t.gamma[a] * xv;
        }
        e[d] = static_cast<double>(ek);
        t.ee += ek * ek;
        t.sum_z += ek;  // Σ e* = Σ e: a permutation maps dyads onto dyads
        t.yy += yd * yd;
    }
    t.z = dense_dyadic(e, data.actors, data.directed);
    return t;
}

/// Every term's semi-partialling test on the same relabellings, in one pass over the dyads per
/// relabelling (permuted_products_grid: the q+1 residual matrices against y, x_1, ..., x_q).
std::vector<PermutationP> semi_partialling(const DyadicData& data, const Moments& m,
                                           const QapOptions& options, PermutationRun& run) {
    const std::size_t n = data.actors, q = m.q, terms = q + 1;
    if (q > 63) throw UsageError("MRQAP takes at most 63 predictors");
    // The residual matrices interleaved (qap_kernel.hpp: matrix t's cell c at c·terms + t), so
    // the values one relabelling gathers together share a cache line.
    std::vector<SemiPartial> tests;
    std::vector<double> z(terms * n * n);
    for (std::size_t k = 0; k < terms; ++k) {
        tests.push_back(semi_partial(data, m, k));
        std::vector<double> dense;
        dense.swap(tests.back().z);
        for (std::size_t c = 0; c < dense.size(); ++c) z[c * terms + k] = dense[c];
    }
    std::vector<const double*> streams = {data.y.data()};
    for (const auto& c : data.predictors.columns) streams.push_back(c.data());
    auto statistic = [&](const std::uint32_t* perm, double* rho) {
        std::vector<double> a(terms * terms);
        permuted_products_grid(z.data(), terms, n, data.directed, perm, streams.data(), terms,
                               a.data());
        for (std::size_t k = 0; k < terms; ++k) rho[k] = tests[k].rho(a.data() + k * terms, m);
    };
    std::vector<PermutationP> p;
    run = permutation_test(n, options, observed_of(n, terms, statistic), statistic, p);
    return p;
}

}  // namespace

Mrqap mrqap(const DyadicData& data, const QapOptions& options) {
    validate(data, "MRQAP");
    if (data.predictors.columns.empty()) throw UsageError("MRQAP needs at least one predictor");
    OlsReport fit;
    try {
        fit = ordinary_least_squares(data.predictors, data.y);
    } catch (const UsageError& e) {
        throw UsageError(dyadic_wording(e.what()));
    }
    Mrqap out;
    out.outcome = data.outcome;
    out.r2 = fit.r2;
    out.adj_r2 = fit.adj_r2;
    out.sigma = fit.sigma;
    out.dyads = fit.n;
    out.df = fit.df;
    out.method = options.method;
    for (std::size_t j = 0; j < fit.names.size(); ++j)
        out.terms.push_back({fit.names[j], fit.coef[j], fit.se[j], fit.t[j], fit.beta[j],
                             PermutationP{kNan, kNan, kNan}});
    fit = OlsReport{};  // its fitted values and residuals: 2N doubles the tests do not need
    const Moments m = moments_of(data);
    if (options.method == MrqapMethod::y_permutation) {
        const auto p = y_permutation(data, m, options, out.run);
        for (std::size_t j = 0; j < out.terms.size(); ++j) out.terms[j].p = p[j];
    } else {
        const auto p = semi_partialling(data, m, options, out.run);
        for (std::size_t j = 0; j < out.terms.size(); ++j) out.terms[j].p = p[j];
    }
    return out;
}

std::uint64_t qap_memory_bytes(std::size_t actors, bool directed, std::size_t predictors,
                               bool with_data) {
    const std::uint64_t big_n = dyad_count(actors, directed), p = predictors + 1;
    const std::uint64_t data = with_data ? (predictors + 1) * big_n : 0;
    // ordinary_least_squares: X and its Householder vectors (p columns each), fitted values,
    // residuals and scratch; the permutation phase: a residual column and the dense n×n
    // residual matrix of every term (semi-partialling).
    const std::uint64_t fit = 2 * p * big_n + 3 * big_n;
    const std::uint64_t test = big_n + (p + 1) * std::uint64_t{actors} * actors;
    return 8 * (data + std::max(fit, test));
}

}  // namespace clusterlens::scoring
