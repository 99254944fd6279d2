#include "src/stats/least_squares.hpp"

#include <cmath>
#include <limits>
#include <numeric>

#include "graphs/error.hpp"

namespace clusterlens::scoring {

namespace {

constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();
/// R's lm() tolerance (LINPACK dqrdc2): a column whose part outside the earlier columns' span
/// is at most this share of its norm is collinear.
constexpr double collinear_tolerance = 1e-7;

double dot(const double* a, const double* b, std::size_t count) {
    double s = 0;
    for (std::size_t i = 0; i < count; ++i) s += a[i] * b[i];
    return s;
}

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
        out += names[i];
    }
    return out;
}

}  // namespace

LeastSquares::LeastSquares(const Design& design, bool intercept) : intercept_(intercept) {
    if (design.names.size() != design.columns.size())
        throw UsageError("least squares: " + std::to_string(design.names.size()) + " names for " +
                         std::to_string(design.columns.size()) + " columns");
    n_ = design.columns.empty() ? 0 : design.columns.front().size();
    for (std::size_t j = 0; j < design.columns.size(); ++j) {
        if (design.columns[j].size() != n_)
            throw UsageError("least squares: column '" + design.names[j] + "' has " +
                             std::to_string(design.columns[j].size()) + " values, not " +
                             std::to_string(n_));
        for (const double x : design.columns[j])
            if (!std::isfinite(x))
                throw UsageError("least squares: column '" + design.names[j] +
                                 "' holds a value that is not a finite number");
    }
    if (intercept_) names_.emplace_back("(intercept)");
    names_.insert(names_.end(), design.names.begin(), design.names.end());
    p_ = names_.size();
    if (p_ == 0) throw UsageError("least squares: no columns to fit");
    if (n_ <= p_)
        throw UsageError("least squares: " + std::to_string(n_) + " rows for " +
                         std::to_string(p_) +
                         " coefficients leave no residual degree of freedom; use fewer "
                         "predictors or more actors");

    x_.assign(n_ * p_, 1.0);
    for (std::size_t j = 0; j < design.columns.size(); ++j)
        std::copy(design.columns[j].begin(), design.columns[j].end(),
                  x_.begin() + static_cast<std::ptrdiff_t>((j + (intercept_ ? 1 : 0)) * n_));
    v_ = x_;  // reduced in place: column k's rows ≥ k become the k-th Householder vector
    v_beta_.assign(p_, 0.0);
    r_.assign(p_ * p_, 0.0);

    for (std::size_t k = 0; k < p_; ++k) {
        double* col = v_.data() + k * n_;
        const double original = std::sqrt(dot(x_.data() + k * n_, x_.data() + k * n_, n_));
        const double norm = std::sqrt(dot(col + k, col + k, n_ - k));
        // R's upper part of column k: the rows above k after the earlier reflections.
        for (std::size_t i = 0; i < k; ++i) r_[i * p_ + k] = col[i];
        if (original == 0 || norm <= collinear_tolerance * original) {
            if (original == 0)
                throw UsageError("predictor '" + names_[k] +
                                 "' is 0 for every actor; drop it from --predictors");
            // Which earlier columns it is a combination of: solve R[0..k) c = col[0..k).
            std::vector<double> c(k, 0.0);
            for (std::size_t i = k; i-- > 0;) {
                double s = col[i];
                for (std::size_t l = i + 1; l < k; ++l) s -= r_[i * p_ + l] * c[l];
                c[i] = s / r_[i * p_ + i];
            }
            std::vector<std::string> with;
            for (std::size_t i = 0; i < k; ++i) {
                const double part =
                    std::abs(c[i]) * std::sqrt(dot(x_.data() + i * n_, x_.data() + i * n_, n_));
                if (part > 1e-8 * original) with.push_back(names_[i]);
            }
            if (with.size() == 1 && with.front() == "(intercept)")
                throw UsageError("predictor '" + names_[k] +
                                 "' is constant over the actors used (collinear with the "
                                 "intercept); drop it from --predictors");
            throw UsageError("predictors are collinear: '" + names_[k] +
                             "' is a linear combination of " + join_names(with) +
                             "; drop one of them from --predictors");
        }
        const double alpha = col[k] > 0 ? -norm : norm;  // sign chosen against cancellation
        r_[k * p_ + k] = alpha;
        col[k] -= alpha;
        const double vv = dot(col + k, col + k, n_ - k);
        v_beta_[k] = vv > 0 ? 2.0 / vv : 0.0;
        for (std::size_t j = k + 1; j < p_; ++j) {
            double* other = v_.data() + j * n_;
            const double s = v_beta_[k] * dot(col + k, other + k, n_ - k);
            for (std::size_t i = k; i < n_; ++i) other[i] -= s * col[i];
        }
    }

    // (XᵀX)⁻¹ = R⁻¹R⁻ᵀ: invert the upper-triangular R column by column.
    std::vector<double> rinv(p_ * p_, 0.0);
    for (std::size_t j = 0; j < p_; ++j) {
        rinv[j * p_ + j] = 1.0 / r_[j * p_ + j];
        for (std::size_t i = j; i-- > 0;) {
            double s = 0;
            for (std::size_t l = i + 1; l <= j; ++l) s += r_[i * p_ + l] * rinv[l * p_ + j];
            rinv[i * p_ + j] = -s / r_[i * p_ + i];
        }
    }
    inv_diag_.assign(p_, 0.0);
    for (std::size_t i = 0; i < p_; ++i)
        for (std::size_t j = i; j < p_; ++j) inv_diag_[i] += rinv[i * p_ + j] * rinv[i * p_ + j];
}

void LeastSquares::fit(std::span<const double> y, std::span<double> b, double& rss,
                       std::span<double> work) const {
    std::copy(y.begin(), y.end(), work.begin());
    for (std::size_t k = 0; k < p_; ++k) {
        const double* col = v_.data() + k * n_;
        const double s = v_beta_[k] * dot(col + k, work.data() + k, n_ - k);
        for (std::size_t i = k; i < n_; ++i) work[i] -= s * col[i];
    }
    rss = 0;
    for (std::size_t i = p_; i < n_; ++i) rss += work[i] * work[i];
    for (std::size_t i = p_; i-- > 0;) {
        double s = work[i];
        for (std::size_t l = i + 1; l < p_; ++l) s -= r_[i * p_ + l] * b[l];
        b[i] = s / r_[i * p_ + i];
    }
}

void LeastSquares::predict(std::span<const double> b, std::span<double> fitted) const {
    std::fill(fitted.begin(), fitted.end(), 0.0);
    for (std::size_t j = 0; j < p_; ++j) {
        const double* col = x_.data() + j * n_;
        for (std::size_t i = 0; i < n_; ++i) fitted[i] += b[j] * col[i];
    }
}

std::vector<double> LeastSquares::thin_q() const {
    // Q = H_0·H_1·…·H_{p−1}, so Q·e_c applies the reflections to e_c from the last to the first.
    std::vector<double> q(n_ * p_, 0.0), col(n_);
    for (std::size_t c = 0; c < p_; ++c) {
        std::fill(col.begin(), col.end(), 0.0);
        col[c] = 1.0;
        for (std::size_t k = p_; k-- > 0;) {
            const double* v = v_.data() + k * n_;
            const double s = v_beta_[k] * dot(v + k, col.data() + k, n_ - k);
            for (std::size_t i = k; i < n_; ++i) col[i] -= s * v[i];
        }
        for (std::size_t i = 0; i < n_; ++i) q[i * p_ + c] = col[i];
    }
    return q;
}

void LeastSquares::solve(std::span<const double> qty, std::span<double> b) const {
    for (std::size_t i = p_; i-- > 0;) {
        double s = qty[i];
        for (std::size_t l = i + 1; l < p_; ++l) s -= r_[i * p_ + l] * b[l];
        b[i] = s / r_[i * p_ + i];
    }
}

OlsReport ordinary_least_squares(const Design& design, std::span<const double> y) {
    const LeastSquares ls(design);
    if (y.size() != ls.rows())
        throw UsageError("least squares: " + std::to_string(y.size()) + " outcome values for " +
                         std::to_string(ls.rows()) + " rows");
    for (const double v : y)
        if (!std::isfinite(v))
            throw UsageError("least squares: the outcome holds a value that is not finite");
    const std::size_t n = ls.rows(), p = ls.cols();
    OlsReport out;
    out.names = ls.names();
    out.n = n;
    out.df = n - p;
    out.coef.assign(p, 0.0);
    std::vector<double> work(n);
    ls.fit(y, out.coef, out.rss, work);
    out.fitted.assign(n, 0.0);
    ls.predict(out.coef, out.fitted);
    out.residuals.resize(n);
    for (std::size_t i = 0; i < n; ++i) out.residuals[i] = y[i] - out.fitted[i];

    const double mean_y = std::accumulate(y.begin(), y.end(), 0.0) / static_cast<double>(n);
    for (const double v : y) out.tss += (v - mean_y) * (v - mean_y);
    const double df = static_cast<double>(out.df);
    out.r2 = out.tss > 0 ? 1.0 - out.rss / out.tss : nan_value;
    out.adj_r2 = 1.0 - (1.0 - out.r2) * (static_cast<double>(n) - 1.0) / df;
    out.sigma = std::sqrt(out.rss / df);

    const double sd_y = std::sqrt(out.tss / (static_cast<double>(n) - 1.0));
    out.se.resize(p);
    out.t.resize(p);
    out.beta.assign(p, nan_value);
    for (std::size_t j = 0; j < p; ++j) {
        out.se[j] = std::sqrt(out.rss / df * ls.inverse_gram_diagonal()[j]);
        out.t[j] = out.se[j] > 0 ? out.coef[j] / out.se[j] : nan_value;
        if (j == 0) continue;  // the intercept
        const auto& x = design.columns[j - 1];
        const double mean_x = std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(n);
        double ss = 0;
        for (const double v : x) ss += (v - mean_x) * (v - mean_x);
        const double sd_x = std::sqrt(ss / (static_cast<double>(n) - 1.0));
        if (sd_y > 0) out.beta[j] = out.coef[j] * sd_x / sd_y;
    }
    return out;
}

}  // namespace clusterlens::scoring
