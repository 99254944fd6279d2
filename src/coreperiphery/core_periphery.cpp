#include "src/coreperiphery/core_periphery.hpp"

#include <algorithm>
#include <cmath>

namespace clusterlens::scoring {
namespace {
constexpr std::size_t kMaxSweeps = 2000;
}  // namespace

CorePeripheryResult borgatti_everett_core_periphery(const Network& net) {
    require_one_relation(net, "borgatti_everett_core_periphery");
    const std::size_t n = net.actor_count();
    CorePeripheryResult r;
    r.coreness.assign(n, 0.0);
    r.fit = r.concentration = std::nan("");
    // Binary undirected adjacency as sorted neighbour lists (a_ij = 1 when tied either way).
    const auto nb = net.undirected_neighbours();
    std::size_t pairs_tied = 0;  // number of unordered tied pairs
    for (const auto& v : nb) pairs_tied += v.size();
    pairs_tied /= 2;
    if (n < 3 || pairs_tied == 0) return r;

    // Coordinate descent on R(c): c_i = Σ_{j in N(i)} c_j / (Σ_j c_j² − c_i²).
    std::vector<double>& c = r.coreness;
    for (std::size_t i = 0; i < n; ++i) c[i] = static_cast<double>(nb[i].size());
    double sum_sq = 0;
    for (const double x : c) sum_sq += x * x;
    const double scale0 = std::sqrt(sum_sq);
    for (double& x : c) x /= scale0;
    sum_sq = 1.0;
    for (r.sweeps = 1; r.sweeps <= kMaxSweeps; ++r.sweeps) {
        double change = 0, largest = 0;
        for (std::size_t i = 0; i < n; ++i) {
            double s = 0;
            for (const auto j : nb[i]) s += c[j];
            const double others = sum_sq - c[i] * c[i];
            const double next = others > 0 ? s / others : 0.0;
            sum_sq += next * next - c[i] * c[i];
            change = std::max(change, std::fabs(next - c[i]));
            largest = std::max(largest, std::fabs(next));
            c[i] = next;
        }
        if (change <= 1e-10 * std::max(largest, 1e-300)) {
            r.converged = true;
            break;
        }
    }
    const double mx = *std::max_element(c.begin(), c.end());
    if (mx > 0)
        for (double& x : c) x /= mx;

    // Pearson correlation over the P = n(n-1)/2 unordered pairs between a (0/1) and p = c_i c_j:
    // Σa = T, Σa² = T, Σp = ((Σc)² − Σc²)/2, Σp² = ((Σc²)² − Σc⁴)/2, Σap = Σ_{tied} c_i c_j.
    double s1 = 0, s2 = 0, s4 = 0, sap = 0;
    for (std::size_t i = 0; i < n; ++i) {
        s1 += c[i], s2 += c[i] * c[i], s4 += c[i] * c[i] * c[i] * c[i];
        for (const auto j : nb[i])
            if (j > i) sap += c[i] * c[j];
    }
    const double P = static_cast<double>(n) * static_cast<double>(n - 1) / 2.0;
    const double T = static_cast<double>(pairs_tied);
    const double sp = (s1 * s1 - s2) / 2.0, spp = (s2 * s2 - s4) / 2.0;
    const double cov = sap - T * sp / P;
    const double var_a = T - T * T / P, var_p = spp - sp * sp / P;
    r.fit = (var_a > 0 && var_p > 0) ? cov / std::sqrt(var_a * var_p) : std::nan("");
    double hh = 0;
    for (const double x : c) hh += (x / s1) * (x / s1);
    r.concentration = s1 > 0 ? hh : std::nan("");
    return r;
}

}  // namespace clusterlens::scoring
