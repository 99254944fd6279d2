#include "src/coreperiphery/core_periphery.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

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

namespace clusterlens::scoring {
namespace {

/// Block counts of a partition and its correlation with the ideal pattern.
struct Blocks {
    double n = 0, k = 0, ties = 0, t_cc = 0, t_pp = 0;
    double correlation(CorePeripheryBlocks mode) const {
        const double N = n * (n - 1) / 2, Ncc = k * (k - 1) / 2, Npp = (n - k) * (n - k - 1) / 2;
        double pairs, tied, ones, tied_ones;
        if (mode == CorePeripheryBlocks::excluded) {
            pairs = Ncc + Npp, tied = t_cc + t_pp, ones = Ncc, tied_ones = t_cc;
        } else {
            pairs = N, tied = ties, ones = N - Npp, tied_ones = ties - t_pp;
        }
        // Pearson (phi) between two 0/1 vectors over `pairs` entries.
        const double den = tied * (pairs - tied) * ones * (pairs - ones);
        if (!(den > 0)) return -2.0;  // undefined: no variance in one of them
        return (pairs * tied_ones - tied * ones) / std::sqrt(den);
    }
};

}  // namespace

DiscreteCorePeriphery discrete_core_periphery(const Network& net,
                                              const DiscreteCorePeripheryOptions& options) {
    require_one_relation(net, "discrete_core_periphery");
    const std::size_t n = net.actor_count();
    DiscreteCorePeriphery r;
    r.core.assign(n, 0);
    r.fit = std::nan("");
    const auto nb = net.undirected_neighbours();
    Blocks b;
    b.n = static_cast<double>(n);
    for (const auto& v : nb) b.ties += static_cast<double>(v.size());
    b.ties /= 2;
    if (n < 3 || b.ties == 0) return r;
    const auto mode = options.blocks;
    // Starts: the best threshold on degree (the k actors of highest degree as core, ties by
    // index, k = 1..n−1), and for each of the (up to) 20 actors of highest degree the core {v}
    // and the core {v} ∪ N(v).
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return nb[x].size() > nb[y].size(); });
    std::vector<std::vector<char>> starts;
    {
        std::vector<char> core(n, 0);
        std::vector<double> to_core(n, 0.0);  // ties from each actor to the current core
        double best = -2.0;
        std::size_t best_k = 0;
        b.t_pp = b.ties;  // all in the periphery
        for (std::size_t k = 1; k < n; ++k) {
            const std::size_t v = order[k - 1];
            b.t_cc += to_core[v], b.t_pp -= static_cast<double>(nb[v].size()) - to_core[v];
            b.k = static_cast<double>(k);
            for (const auto j : nb[v]) to_core[j] += 1;
            const double r_k = b.correlation(mode);
            if (r_k > best) best = r_k, best_k = k;
        }
        for (std::size_t i = 0; i < best_k; ++i) core[order[i]] = 1;
        starts.push_back(core);
    }
    for (std::size_t i = 0; i < std::min<std::size_t>(20, n); ++i) {
        std::vector<char> core(n, 0);
        core[order[i]] = 1;
        starts.push_back(core);
        for (const auto j : nb[order[i]]) core[j] = 1;
        starts.push_back(core);
    }
    // From each start, move one actor at a time between core and periphery (in actor order,
    // first improvement by more than 1e-12) until no move improves; keep the best result
    // (the earliest start on a tie).
    double best_all = -3.0;
    for (const auto& start : starts) {
        std::vector<char> core = start;
        std::vector<double> to_core(n, 0.0);
        Blocks t;
        t.n = b.n, t.ties = b.ties;
        for (std::size_t i = 0; i < n; ++i) {
            t.k += core[i] ? 1 : 0;
            for (const auto j : nb[i]) {
                if (core[j]) to_core[i] += 1;
                if (j > i && core[i] && core[j]) t.t_cc += 1;
                if (j > i && !core[i] && !core[j]) t.t_pp += 1;
            }
        }
        double best = t.correlation(mode);
        std::size_t sweeps = 1;
        bool converged = false;
        for (; sweeps <= kMaxSweeps; ++sweeps) {
            bool moved = false;
            for (std::size_t v = 0; v < n; ++v) {
                Blocks u = t;
                const double d = static_cast<double>(nb[v].size()), dc = to_core[v];
                if (core[v])
                    u.k -= 1, u.t_cc -= dc, u.t_pp += d - dc;
                else
                    u.k += 1, u.t_cc += dc, u.t_pp -= d - dc;
                const double r_u = u.correlation(mode);
                if (r_u > best + 1e-12) {
                    best = r_u, t = u, core[v] = !core[v], moved = true;
                    for (const auto j : nb[v]) to_core[j] += core[v] ? 1 : -1;
                }
            }
            if (!moved) {
                converged = true;
                break;
            }
        }
        if (best > best_all + 1e-12) {
            best_all = best, b = t, r.core = core, r.sweeps = std::min(sweeps, kMaxSweeps);
            r.converged = converged;
        }
    }
    const double best = best_all;
    r.core_size = static_cast<std::size_t>(b.k);
    r.fit = best > -2.0 ? best : std::nan("");
    const double Ncc = b.k * (b.k - 1) / 2, Npp = (b.n - b.k) * (b.n - b.k - 1) / 2;
    r.core_density = Ncc > 0 ? b.t_cc / Ncc : std::nan("");
    r.periphery_density = Npp > 0 ? b.t_pp / Npp : std::nan("");
    return r;
}

}  // namespace clusterlens::scoring
