#include "src/learning/learning_capacity.hpp"

#include <algorithm>
#include <cmath>

#include "graphs/error.hpp"
#include "src/stats/least_squares.hpp"

namespace clusterlens::scoring {
namespace {
/// x / max(x), NaN -> 0; all zeros when max is 0 or undefined.
std::vector<double> by_max(const std::vector<double>& x) {
    double mx = 0;
    for (const double v : x)
        if (std::isfinite(v)) mx = std::max(mx, v);
    std::vector<double> out(x.size(), 0.0);
    if (mx > 0)
        for (std::size_t i = 0; i < x.size(); ++i) out[i] = std::isfinite(x[i]) ? x[i] / mx : 0.0;
    return out;
}
std::vector<double> clean(const std::vector<double>& x) {
    std::vector<double> out(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        out[i] = std::isfinite(x[i]) ? std::clamp(x[i], 0.0, 1.0) : 0.0;
    return out;
}
}  // namespace

LearningCapacityScores learning_capacity(const LearningCapacityIndicators& in,
                                         const LearningCapacityOptions& o) {
    for (const double a : {o.centrality, o.size, o.openness, o.tie_strength})
        if (!std::isfinite(a) || a < 0)
            throw UsageError("learning-capacity weights must be numbers >= 0");
    if (o.centrality + o.size + o.openness + o.tie_strength <= 0)
        throw UsageError("learning-capacity weights must not all be 0");
    LearningCapacityScores s;
    s.x_centrality = by_max(in.closeness);
    s.x_size = by_max(in.ego_size);
    s.x_openness = clean(in.ext_share);
    s.x_tie_strength = by_max(in.mean_tie_weight);
    apply_learning_capacity_weights(s, o);
    return s;
}

void apply_learning_capacity_weights(LearningCapacityScores& s, const LearningCapacityOptions& o) {
    const std::size_t n = s.x_centrality.size();
    s.value.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        s.value[i] = o.centrality * s.x_centrality[i] + o.size * s.x_size[i] +
                     o.openness * s.x_openness[i] + o.tie_strength * s.x_tie_strength[i];
}

FittedLearningWeights fit_learning_capacity_weights(const LearningCapacityScores& x,
                                                    const std::vector<double>& outcome,
                                                    const std::string& name) {
    static const char* const dimensions[4] = {"centrality", "size", "openness", "tie_strength"};
    const std::vector<double>* columns[4] = {&x.x_centrality, &x.x_size, &x.x_openness,
                                             &x.x_tie_strength};
    FittedLearningWeights f;
    f.outcome = name;
    Design d;
    for (const char* dim : dimensions) d.names.emplace_back(std::string("x_") + dim);
    d.columns.resize(4);
    std::vector<double> y;
    for (std::size_t i = 0; i < outcome.size(); ++i) {
        if (!std::isfinite(outcome[i])) {
            ++f.dropped;
            continue;
        }
        y.push_back(outcome[i]);
        for (std::size_t k = 0; k < 4; ++k) d.columns[k].push_back((*columns[k])[i]);
    }
    f.actors = y.size();
    const std::string what = "--lc-weights fitted:" + name + ": ";
    if (f.actors < 6)
        throw UsageError(what + "only " + std::to_string(f.actors) +
                         " actors have a value, too few to fit 4 weights; give more values or "
                         "fixed weights a,b,c,d");
    OlsReport fit;
    try {
        fit = ordinary_least_squares(d, y);
    } catch (const UsageError& e) {
        std::string m = e.what();
        m = m.substr(0, m.find("; drop"));
        throw UsageError(what + "cannot fit the four indicators: " + m +
                         "; use fixed weights --lc-weights a,b,c,d");
    }
    if (!std::isfinite(fit.r2))
        throw UsageError(what + "the outcome is the same for all " + std::to_string(f.actors) +
                         " actors, so it cannot weigh the dimensions");
    f.r2 = fit.r2;
    f.adj_r2 = fit.adj_r2;
    double total = 0;
    for (std::size_t k = 0; k < 4; ++k) {
        f.coef[k] = fit.coef[k + 1];
        f.beta[k] = fit.beta[k + 1];
        total += std::abs(f.beta[k]);
    }
    if (!(total > 0)) throw UsageError(what + "the fit gives every dimension a weight of 0");
    double* a[4] = {&f.weights.centrality, &f.weights.size, &f.weights.openness,
                    &f.weights.tie_strength};
    for (std::size_t k = 0; k < 4; ++k) {
        *a[k] = f.beta[k] / total;
        if (*a[k] < 0) f.negative.emplace_back(dimensions[k]);
    }
    f.weights.fitted_outcome = name;
    return f;
}

}  // namespace clusterlens::scoring
