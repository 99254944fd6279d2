#include "src/ties/tie_strength.hpp"

#include <algorithm>
#include <cmath>

namespace clusterlens::scoring {
namespace {

std::size_t common(const std::vector<std::size_t>& a, const std::vector<std::size_t>& b) {
    std::size_t n = 0;
    auto i = a.begin(), j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i < *j)
            ++i;
        else if (*j < *i)
            ++j;
        else
            ++n, ++i, ++j;
    }
    return n;
}

double median(std::vector<double> v) {
    if (v.empty()) return std::nan("");
    const auto mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
    const double upper = v[mid];
    if (v.size() % 2 == 1) return upper;
    const double lower = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid));
    return (lower + upper) / 2;
}

}  // namespace

TieStrengthScores tie_strength(const Network& net, const TieStrengthOptions& options) {
    require_one_relation(net, "tie_strength");
    TieStrengthScores s;
    const std::size_t m = net.tie_count();
    s.threshold_is_median = std::isnan(options.strong_threshold);
    s.threshold_used = s.threshold_is_median ? median(net.weights()) : options.strong_threshold;
    const auto nb = net.undirected_neighbours();
    s.strength_class.resize(m);
    s.overlap.resize(m);
    s.local_bridge.resize(m);
    double sum_w = 0, sum_overlap = 0;
    std::size_t strong = 0, defined = 0;
    for (std::size_t e = 0; e < m; ++e) {
        const double w = net.weight(e);
        sum_w += w;
        const bool is_strong = s.threshold_is_median ? w > s.threshold_used : w >= s.threshold_used;
        s.strength_class[e] = is_strong ? "strong" : "weak";
        strong += is_strong ? 1 : 0;
        const auto& a = nb[net.source(e)];
        const auto& b = nb[net.target(e)];
        // n_ij: common neighbours; k_i - 1 and k_j - 1 exclude the tie's other end.
        const auto n_ij = static_cast<double>(common(a, b));
        const double denom =
            static_cast<double>(a.size() - 1) + static_cast<double>(b.size() - 1) - n_ij;
        s.overlap[e] = denom > 0 ? n_ij / denom : std::nan("");
        if (denom > 0) sum_overlap += s.overlap[e], ++defined;
        s.local_bridge[e] = n_ij == 0 ? 1.0 : 0.0;
        s.local_bridges += n_ij == 0 ? 1 : 0;
    }
    const double dm = static_cast<double>(m);
    s.mean_weight = m ? sum_w / dm : std::nan("");
    s.strong_share = m ? static_cast<double>(strong) / dm : std::nan("");
    s.mean_overlap = defined ? sum_overlap / static_cast<double>(defined) : std::nan("");
    return s;
}

}  // namespace clusterlens::scoring
