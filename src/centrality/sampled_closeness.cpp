// Sampled harmonic closeness: the pivot estimator of Eppstein & Wang (2004) on harmonic terms,
// with its Hoeffding bound and per-actor standard error. Definitions: centrality.hpp
// (closeness_samples); interface: centrality_detail.hpp.
//
// Per pivot p (formula symbols of centrality.hpp): one search from p over the reversed arcs
// gives d(i, p) for every i reached; sum[i] += g_i(p) = 1 / d(i, p), sum2[i] += g_i(p)².
// Pivots are dealt to a fixed number of chunks (pivot j to chunk j mod chunks), each chunk sums
// into its own arrays and the arrays are added in chunk order, so the result does not depend on
// the number of threads (as in brandes.cpp).
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <exception>
#include <functional>
#include <limits>
#include <thread>
#include <utility>
#include <vector>

#include "src/centrality/centrality_detail.hpp"

namespace clusterlens::scoring::detail {
namespace {

constexpr std::size_t kMaxChunks = 64;
constexpr std::size_t kPartialBudget = std::size_t{1} << 24;  // doubles over all chunks (128 MB)

/// Buffers of one thread: distances (-1 / +inf = unreached between searches) and the order.
struct PivotWorkspace {
    PivotWorkspace(std::size_t n, bool weighted) : order(n, 0) {
        if (weighted)
            length.assign(n, std::numeric_limits<double>::infinity());
        else
            dist.assign(n, -1);
    }
    std::vector<std::int32_t> dist;
    std::vector<double> length;
    std::vector<std::uint32_t> order;
    std::vector<std::pair<double, std::uint32_t>> heap;
};

/// BFS from p: adds 1/d(i, p) and its square for every i ≠ p reached.
void pivot_bfs(const Csr& g, std::uint32_t p, const std::vector<double>& inverse, double* sum,
               double* sum2, PivotWorkspace& ws) {
    std::int32_t* dist = ws.dist.data();
    std::uint32_t* order = ws.order.data();
    std::size_t head = 0, tail = 1;
    order[0] = p;
    dist[p] = 0;
    while (head < tail) {
        const std::uint32_t v = order[head++];
        const std::int32_t next = dist[v] + 1;
        const double term = inverse[static_cast<std::size_t>(next)];
        for (std::size_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k) {
            const std::uint32_t w = g.heads[k];
            if (dist[w] >= 0) continue;
            dist[w] = next;
            order[tail++] = w;
            sum[w] += term;
            sum2[w] += term * term;
        }
    }
    for (std::size_t i = 0; i < tail; ++i) dist[order[i]] = -1;
}

/// Dijkstra from p (binary heap, lazy deletion, lengths 1/w): adds 1/d(i, p) and its square.
void pivot_dijkstra(const Csr& g, std::uint32_t p, double* sum, double* sum2, PivotWorkspace& ws) {
    double* length = ws.length.data();
    std::uint32_t* order = ws.order.data();
    auto& heap = ws.heap;
    const auto later = std::greater<std::pair<double, std::uint32_t>>();
    std::size_t settled = 0;
    heap.clear();
    length[p] = 0.0;
    heap.emplace_back(0.0, p);
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), later);
        const auto [d, v] = heap.back();
        heap.pop_back();
        if (d > length[v]) continue;  // stale entry
        order[settled++] = v;
        if (v != p) {
            const double term = 1.0 / d;
            sum[v] += term;
            sum2[v] += term * term;
        }
        for (std::size_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k) {
            const std::uint32_t w = g.heads[k];
            const double alt = d + g.lengths[k];
            if (alt < length[w]) {
                length[w] = alt;
                heap.emplace_back(alt, w);
                std::push_heap(heap.begin(), heap.end(), later);
            }
        }
    }
    // Settled vertices, and those only pushed (all are settled in the end: lazy deletion
    // settles every vertex that was pushed), are reset.
    for (std::size_t i = 0; i < settled; ++i)
        length[order[i]] = std::numeric_limits<double>::infinity();
}

}  // namespace

Csr reverse_csr(const Csr& g) {
    Csr r;
    r.n = g.n;
    r.directed = g.directed;
    r.length_exponent = g.length_exponent;
    const bool with_lengths = !g.lengths.empty();
    r.offsets.assign(g.n + 1, 0);
    for (std::size_t k = 0; k < g.heads.size(); ++k) ++r.offsets[g.heads[k] + 1];
    for (std::size_t v = 0; v < g.n; ++v) r.offsets[v + 1] += r.offsets[v];
    r.heads.resize(g.heads.size());
    if (with_lengths) r.lengths.resize(g.heads.size());
    std::vector<std::size_t> fill(r.offsets.begin(), r.offsets.end() - 1);
    for (std::size_t v = 0; v < g.n; ++v)  // sources in increasing order: lists come out sorted
        for (std::size_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k) {
            const std::size_t slot = fill[g.heads[k]]++;
            r.heads[slot] = static_cast<std::uint32_t>(v);
            if (with_lengths) r.lengths[slot] = g.lengths[k];
        }
    return r;
}

SampledCloseness sampled_closeness(const Csr& g, std::size_t k, std::uint64_t seed, double max_term,
                                   unsigned threads, const std::function<void(double)>& progress,
                                   double progress_from) {
    const std::size_t n = g.n;
    SampledCloseness out;
    out.closeness.assign(n, 0.0);
    out.se.assign(n, 0.0);
    if (n == 0 || k == 0) return out;
    const bool weighted = !g.lengths.empty();
    const auto pivots = sample_sources(n, k, seed);
    k = pivots.size();

    std::vector<double> inverse(weighted ? 0 : n + 1, 0.0);
    for (std::size_t d = 1; d < inverse.size(); ++d) inverse[d] = 1.0 / static_cast<double>(d);

    const std::size_t chunks =
        std::clamp<std::size_t>(std::min(kMaxChunks, kPartialBudget / (2 * n)), 1, k);
    if (threads == 0) threads = std::thread::hardware_concurrency();
    threads = static_cast<unsigned>(std::clamp<std::size_t>(threads, 1, chunks));
    std::vector<std::vector<double>> partial(chunks), partial2(chunks);
    std::atomic<std::size_t> next_chunk{0};
    SearchProgress done(progress, k, progress_from, 1.0);
    auto work = [&] {
        PivotWorkspace ws(n, weighted);
        for (std::size_t c = next_chunk++; c < chunks; c = next_chunk++) {
            partial[c].assign(n, 0.0);
            partial2[c].assign(n, 0.0);
            for (std::size_t j = c; j < k; j += chunks) {
                if (weighted)
                    pivot_dijkstra(g, pivots[j], partial[c].data(), partial2[c].data(), ws);
                else
                    pivot_bfs(g, pivots[j], inverse, partial[c].data(), partial2[c].data(), ws);
                done.add(1);
            }
        }
    };
    if (threads == 1) {
        work();
    } else {
        std::vector<std::exception_ptr> errors(threads);
        std::vector<std::thread> pool;
        for (unsigned t = 0; t < threads; ++t)
            pool.emplace_back([&, t] {
                try {
                    work();
                } catch (...) {
                    errors[t] = std::current_exception();
                    next_chunk = chunks;
                }
            });
        for (auto& th : pool) th.join();
        for (const auto& e : errors)
            if (e) std::rethrow_exception(e);
    }

    std::vector<double> sum(n, 0.0), sum2(n, 0.0);
    for (std::size_t c = 0; c < chunks; ++c)
        for (std::size_t v = 0; v < n; ++v) {
            sum[v] += partial[c][v];
            sum2[v] += partial2[c][v];
        }
    if (n == 1) return out;  // closeness 0 by definition
    const double nn = static_cast<double>(n), kk = static_cast<double>(k);
    // mean over all n actors -> sum over n − 1, / (n − 1); and back from scaled lengths (Csr)
    const double lift = std::ldexp(nn / (nn - 1.0), g.length_exponent);
    for (std::size_t v = 0; v < n; ++v) {
        const double mean = sum[v] / kk;
        out.closeness[v] = lift * mean;
        // SE of the mean of a simple random sample without replacement (Cochran 1977, §2.4).
        const double var = k > 1 ? std::max(0.0, (sum2[v] - kk * mean * mean) / (kk - 1.0))
                                 : std::numeric_limits<double>::quiet_NaN();
        out.se[v] = lift * std::sqrt((1.0 - kk / nn) * var / kk);
    }
    // Hoeffding + union bound over n actors, δ = 0.05: b (n/(n−1)) sqrt(ln(2n/δ) / (2K)).
    out.bound = max_term * nn / (nn - 1.0) * std::sqrt(std::log(2.0 * nn / 0.05) / (2.0 * kk));
    return out;
}

}  // namespace clusterlens::scoring::detail
