// Ordinary least squares for the permutation tests of `explain` (actors) and `qap` (dyads).
//
// The model is y = X·b + e with X = [1 | x_1 … x_k] (the intercept column first, unless left
// out) and b minimising the residual sum of squares RSS = Σ_i (y_i − (X·b)_i)². X is factored
// once by Householder QR, X = Q·R (Golub & Van Loan 2013, Matrix Computations, 4th ed., §5.2.1),
// so that the fit of any y on the same X costs O(n·p) for n rows and p columns: Qᵀy is formed
// by applying the p reflections, b solves R·b = (Qᵀy)[0..p) by back-substitution, and
// RSS = Σ_{i≥p} (Qᵀy)_i² (no cancellation against ‖y‖²). That is what a permutation test needs:
// y (or a residual vector) permuted 10,000 times against one X.
//
// Collinearity: columns are taken in order; column j is collinear when, after the earlier
// columns are projected out, what is left has norm ≤ 1e-7 × its own norm (the tolerance R's
// lm() uses, LINPACK dqrdc2). The error names the column and the earlier ones it is a
// combination of (from the coefficients of that combination), so a user can drop one.
//
// Reported statistics (OlsReport), with n rows, p columns (intercept included), df = n − p:
//   se_j   = sqrt(RSS/df · [(XᵀX)⁻¹]_jj),  t_j = b_j / se_j   (classical OLS; NaN when df = 0)
//   β_j    = b_j · sd(x_j) / sd(y)   standardised coefficient (NaN for the intercept or sd(y)=0)
//   R²     = 1 − RSS/TSS, TSS = Σ (y_i − ȳ)²  (without intercept: TSS = Σ y_i², as R's lm)
//   adj R² = 1 − (1 − R²)·(n − 1)/df  (without intercept: 1 − (1 − R²)·n/df)
// These equal R's lm() and summary.lm() (tests/data/oracle/least_squares_oracle.R).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace clusterlens::scoring {

/// Named predictor columns of equal length n; the fit adds the intercept.
struct Design {
    std::vector<std::string> names;
    std::vector<std::vector<double>> columns;
};

/// X = [1 | columns] factored once; fit() regresses any y on it in O(n·p).
class LeastSquares {
public:
    /// Throws UsageError when the columns differ in length or in number from the names, a value
    /// is not finite, n ≤ p (no residual degree of freedom), or a column is collinear with the
    /// intercept and the columns before it (the message names them). O(n·p²).
    explicit LeastSquares(const Design& design, bool intercept = true);

    std::size_t rows() const { return n_; }
    std::size_t cols() const { return p_; }  ///< the intercept included
    /// "(intercept)" first when there is one, then the design's names.
    const std::vector<std::string>& names() const { return names_; }
    /// diag((XᵀX)⁻¹), for the standard errors.
    const std::vector<double>& inverse_gram_diagonal() const { return inv_diag_; }

    /// Coefficients b (cols() values, intercept first) of y on X and the residual sum of
    /// squares. `work` is scratch of rows() values (one per thread). y.size() == rows().
    void fit(std::span<const double> y, std::span<double> b, double& rss,
             std::span<double> work) const;
    /// The fitted values X·b (rows() values).
    void predict(std::span<const double> b, std::span<double> fitted) const;
    /// Q's first cols() columns, Q₁ = Q·[I; 0], row-major rows() × cols(): an orthonormal basis
    /// of X's columns with X = Q₁·R. For fits that need only Q₁ᵀy (permutation tests gather a
    /// permuted y into it). O(n·p²).
    std::vector<double> thin_q() const;
    /// b solving R·b = qty (cols() values each): the coefficients from Q₁ᵀy. O(p²).
    void solve(std::span<const double> qty, std::span<double> b) const;

private:
    std::size_t n_ = 0, p_ = 0;
    bool intercept_ = true;
    std::vector<std::string> names_;
    std::vector<double> x_;         ///< X column-major, as given (for predict)
    std::vector<double> v_;         ///< Householder vectors, column-major n × p (rows ≥ k used)
    std::vector<double> v_beta_;    ///< 2 / vᵀv per reflection (0: identity)
    std::vector<double> r_;         ///< R, row-major p × p (upper triangle)
    std::vector<double> inv_diag_;  ///< diag((XᵀX)⁻¹)
};

struct OlsReport {
    std::vector<std::string> names;         ///< "(intercept)" first, then the design's
    std::vector<double> coef, se, t, beta;  ///< per name; beta NaN for the intercept
    std::vector<double> fitted, residuals;  ///< per row
    double rss = 0, tss = 0, r2 = 0, adj_r2 = 0, sigma = 0;
    std::size_t n = 0, df = 0;
};

/// The full fit of y on the design (with an intercept). Throws as LeastSquares does, and
/// UsageError when y.size() differs from the columns' length or y holds a non-finite value.
OlsReport ordinary_least_squares(const Design& design, std::span<const double> y);

}  // namespace clusterlens::scoring
