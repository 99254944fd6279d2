// The parts centrality() is made of, one function per measure, for centrality.cpp and for
// tests/bench/bench_centrality.cpp (which times each part). Not a public interface: the
// definitions and their documentation are in centrality.hpp.
#pragma once

#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "graphs/network.hpp"
#include "src/centrality/centrality.hpp"

namespace clusterlens::scoring::detail {

/// Compressed adjacency (CSR) of the arcs a shortest-path search follows: out-arcs of a
/// digraph, both directions of an undirected tie. Lists are sorted by neighbour.
struct Csr {
    std::size_t n = 0;
    bool directed = false;
    std::vector<std::size_t> offsets;  ///< n + 1 entries; arcs of v are [offsets[v], offsets[v+1])
    std::vector<std::uint32_t> heads;  ///< neighbour at the other end of each arc
    std::vector<double> lengths;       ///< 1 / weight per arc (empty unless with_lengths)
    /// Lengths are 1 / (w · 2^-length_exponent): when the largest weight lies outside
    /// [2^-32, 2^32], weights are first multiplied by the power of two that brings it to [1, 2)
    /// (exact), so path sums neither overflow nor vanish under igraph's tie rule on 1 + length
    /// (weights near 1e160 made every path a tie). Shortest paths and betweenness do not
    /// change; closeness is 2^length_exponent times the harmonic sum over these lengths.
    int length_exponent = 0;
};

Csr make_csr(const Network& net, bool with_lengths);

struct PathScores {
    std::vector<double> betweenness, closeness;
    std::vector<double> betweenness_se;  ///< standard error; empty unless betweenness is sampled
};

constexpr double kEpsilon = 1e-10;  // igraph's IGRAPH_SHORTEST_PATH_EPSILON

/// igraph_cmp_epsilon for positive path lengths: 0 when a and b tie (|a − b| / (|a| + |b|) <
/// kEpsilon), else the sign of a − b. The division is made only near the threshold: a
/// difference over twice (under half) the threshold times |a| + |b| is surely over (under) it
/// after the division's rounding too, so the answer is the division's in every case (the
/// weighted searches' comparisons nearly all fall far from it).
inline int compare_lengths(double a, double b) {
    if (a == b) return 0;
    const double diff = a - b;
    const double gap = std::fabs(diff), scale = std::fabs(a) + std::fabs(b);
    if (gap > 2 * kEpsilon * scale) return diff < 0 ? -1 : 1;
    if (gap < 0.5 * kEpsilon * scale) return 0;
    if (gap / scale < kEpsilon) return 0;
    return diff < 0 ? -1 : 1;
}

/// Counts finished searches over all threads and passes the share done, mapped to
/// [from, to] of the whole job, to a progress callback (CentralityOptions::progress). One
/// thread reports at a time; a thread that finds another reporting goes on without waiting,
/// and a count lower than one already reported is not reported, so shares never decrease.
class SearchProgress {
public:
    SearchProgress(const std::function<void(double)>& report, std::size_t total, double from,
                   double to)
        : report_(report), total_(total), from_(from), to_(to) {}
    void add(std::size_t searches) {
        if (!report_ || total_ == 0) return;
        const std::size_t done = done_.fetch_add(searches) + searches;
        std::unique_lock<std::mutex> lock(mutex_, std::try_to_lock);
        if (!lock.owns_lock() || done <= reported_) return;
        reported_ = done;
        const double share =
            static_cast<double>(std::min(done, total_)) / static_cast<double>(total_);
        report_(from_ + (to_ - from_) * share);
    }

private:
    const std::function<void(double)>& report_;
    std::size_t total_;
    double from_, to_;
    std::atomic<std::size_t> done_{0};
    std::mutex mutex_;
    std::size_t reported_ = 0;  // guarded by mutex_
};

/// The k distinct sources (k ≤ n) that sampled betweenness searches: partial Fisher–Yates over
/// 0..n−1 driven by mt19937_64(seed), the same on every platform.
std::vector<std::uint32_t> sample_sources(std::size_t n, std::size_t k, std::uint64_t seed);

/// Betweenness and harmonic closeness (centrality.hpp) from Brandes searches over `graph`.
/// Does not call igraph, so it may run on several threads. With options.closeness_samples
/// (0 < K < n) only the betweenness sources are searched and closeness is left 0 (the caller
/// fills it from sampled_closeness).
/// How the binary searches run (each way gives the same bits; the defaults are the fastest,
/// the others are kept for the tests and the benchmark that compare them with the plain
/// algorithm).
struct SweepPlan {
    bool breadth_first = true;  ///< on the graph renumbered in breadth-first order
    bool batched = true;        ///< 8 sources at a time (multi-source BFS), else one by one
};
/// options.progress gets shares in [0, progress_to] (the rest of the job follows).
PathScores path_scores(const Csr& graph, const CentralityOptions& options, SweepPlan plan = {},
                       double progress_to = 1.0);

/// The arcs of `graph` reversed (v→w becomes w→v, lengths kept), lists sorted by neighbour.
Csr reverse_csr(const Csr& graph);

struct SampledCloseness {
    std::vector<double> closeness, se;
    double bound = 0;  ///< closeness_bound of centrality.hpp
};

/// The pivot estimate of harmonic closeness (centrality.hpp, closeness_samples) from k pivots
/// drawn by sample_sources(n, k, seed). `reverse` is the search graph with its arcs reversed
/// (the search graph itself when undirected); `max_term` is b, the largest value 1/d can take.
/// The same result for any `threads` (fixed chunks summed in order, as path_scores).
/// `progress`, when set, gets shares in [progress_from, 1] as the pivots are searched.
SampledCloseness sampled_closeness(const Csr& reverse, std::size_t k, std::uint64_t seed,
                                   double max_term, unsigned threads,
                                   const std::function<void(double)>& progress = {},
                                   double progress_from = 0.0);

/// degree, in_degree, out_degree, strength.
void degree_scores(const Network& net, CentralityScores& scores);
/// Eigenvector centrality per weak component (centrality.hpp); a note for `warnings` when
/// several components share the largest eigenvalue.
std::vector<double> eigenvector_scores(const Network& net,
                                       std::vector<std::string>* warnings = nullptr);
std::vector<double> pagerank_scores(const Network& net);
std::vector<double> coreness_scores(const Network& net);

}  // namespace clusterlens::scoring::detail
