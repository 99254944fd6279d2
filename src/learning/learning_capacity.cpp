#include "src/learning/learning_capacity.hpp"

#include <algorithm>
#include <cmath>

#include "graphs/error.hpp"

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
    const std::size_t n = s.x_centrality.size();
    s.value.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        s.value[i] = o.centrality * s.x_centrality[i] + o.size * s.x_size[i] +
                     o.openness * s.x_openness[i] + o.tie_strength * s.x_tie_strength[i];
    return s;
}

}  // namespace clusterlens::scoring
