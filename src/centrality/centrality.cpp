#include "src/centrality/centrality.hpp"

#include <dlfcn.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <set>
#include <string>
#include <utility>

#include "src/centrality/centrality_detail.hpp"

namespace clusterlens::scoring {
namespace {

/// RAII owner of an igraph_vector_t.
class RealVector {
public:
    RealVector() { igraph_call("allocating a vector", igraph_vector_init, &v_, 0); }
    ~RealVector() { igraph_vector_destroy(&v_); }
    RealVector(const RealVector&) = delete;
    RealVector& operator=(const RealVector&) = delete;
    igraph_vector_t* get() noexcept { return &v_; }
    std::vector<double> to_std() const {
        const auto size = static_cast<std::size_t>(igraph_vector_size(&v_));
        return std::vector<double>(VECTOR(v_), VECTOR(v_) + size);
    }

private:
    igraph_vector_t v_{};
};

/// The tie weights as an igraph vector view (no copy; edge e of the igraph graph is tie e), or
/// nullptr when there are no ties (igraph rejects a view of no data).
const igraph_vector_t* weight_view(const Network& net, igraph_vector_t& view) {
    if (net.tie_count() == 0) return nullptr;
    return igraph_vector_view(&view, net.weights().data(),
                              static_cast<igraph_integer_t>(net.weights().size()));
}

/// The tie weights as igraph sees them for eigenvector centrality and PageRank, which do not
/// change when every weight is multiplied by one factor: as given when the largest weight lies
/// in [2^-64, 2^64], else multiplied by a power of two that brings it to [1, 2). ARPACK squares
/// vector norms, so weights near 1e160 overflowed inside it (issue 12: "score fails inside
/// igraph's ARPACK with exit 3") and weights near 1e-300 underflowed; a power of two is exact,
/// so ratios between weights are kept bit for bit (a weight below 2^-1074 times the largest
/// becomes 0: it is not representable next to it anyway).
class ScaledWeights {
public:
    explicit ScaledWeights(const Network& net) : net_(net) {
        double top = 0;
        for (const double w : net.weights()) top = std::max(top, w);
        if (top == 0 || (top >= 0x1p-64 && top <= 0x1p64)) return;
        const int e = std::ilogb(top);
        scaled_.reserve(net.weights().size());
        for (const double w : net.weights()) scaled_.push_back(std::ldexp(w, -e));
    }
    const igraph_vector_t* view() {
        if (scaled_.empty()) return weight_view(net_, view_);
        return igraph_vector_view(&view_, scaled_.data(),
                                  static_cast<igraph_integer_t>(scaled_.size()));
    }

private:
    const Network& net_;
    std::vector<double> scaled_;
    igraph_vector_t view_{};
};

/// Runs the OpenMP regions started by the calling thread on one thread while alive (igraph's
/// PRPACK PageRank uses OpenMP; measured 5–45× slower on the 2-core machine, 2 threads
/// with the other core busy). libgomp is looked up at run time, where igraph loaded it, so
/// clusterlens needs no OpenMP headers; without it this does nothing.
class SingleOmpThread {
public:
    SingleOmpThread() {
        void* get = dlsym(RTLD_DEFAULT, "omp_get_max_threads");
        void* set = dlsym(RTLD_DEFAULT, "omp_set_num_threads");
        if (get == nullptr || set == nullptr) return;
        static_assert(sizeof(get_) == sizeof(get) && sizeof(set_) == sizeof(set));
        std::memcpy(&get_, &get, sizeof get);
        std::memcpy(&set_, &set, sizeof set);
        previous_ = get_();
        set_(1);
    }
    ~SingleOmpThread() {
        if (set_ != nullptr) set_(previous_);
    }
    SingleOmpThread(const SingleOmpThread&) = delete;
    SingleOmpThread& operator=(const SingleOmpThread&) = delete;

private:
    int (*get_)() = nullptr;
    void (*set_)(int) = nullptr;
    int previous_ = 1;
};

/// Two components' leading eigenvalues tie when they differ by less than this, relative.
constexpr double kEigenvalueTie = 1e-9;

}  // namespace

namespace detail {

void degree_scores(const Network& net, CentralityScores& scores) {
    const std::size_t n = net.actor_count();
    std::vector<double> in(n, 0.0), out(n, 0.0), strength(n, 0.0);
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const std::size_t s = net.source(e), t = net.target(e);
        out[s] += 1;
        in[t] += 1;
        strength[s] += net.weight(e);  // strength_i = Σ_j w_ij, in + out
        strength[t] += net.weight(e);
    }
    std::vector<double> degree(n, 0.0);
    if (!net.directed()) {
        // No parallel ties within a relation: every tie is one distinct neighbour on each end.
        for (std::size_t v = 0; v < n; ++v) degree[v] = in[v] + out[v];
        in = degree;
        out = degree;
    } else {
        // Distinct neighbours: a mutual dyad i→j, j→i is one neighbour.
        std::vector<std::pair<std::size_t, std::size_t>> pairs;
        pairs.reserve(net.tie_count());
        for (std::size_t e = 0; e < net.tie_count(); ++e) {
            const std::size_t s = net.source(e), t = net.target(e);
            pairs.emplace_back(std::min(s, t), std::max(s, t));
        }
        std::sort(pairs.begin(), pairs.end());
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
        for (const auto& [a, b] : pairs) {
            degree[a] += 1;
            degree[b] += 1;
        }
    }
    scores.degree = std::move(degree);
    scores.in_degree = std::move(in);
    scores.out_degree = std::move(out);
    scores.strength = std::move(strength);
}

std::vector<double> eigenvector_scores(const Network& net, std::vector<std::string>* warnings) {
    const std::size_t n = net.actor_count();
    std::vector<double> x(n, 0.0);
    // Weak components by union–find over the ties (A is block diagonal over them).
    std::vector<std::size_t> root(n);
    for (std::size_t v = 0; v < n; ++v) root[v] = v;
    auto find = [&root](std::size_t v) {
        while (root[v] != v) v = root[v] = root[root[v]];
        return v;
    };
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const std::size_t a = find(net.source(e)), b = find(net.target(e));
        if (a != b) root[std::max(a, b)] = std::min(a, b);  // label = smallest member
    }
    // Components numbered by their smallest actor, members in actor order: the local graph of a
    // component is the same whatever the order of the input rows (ties keep their order, which
    // does not change the eigenvector).
    std::vector<std::size_t> comp(n), local(n), size;
    std::vector<std::size_t> label(n, n);
    for (std::size_t v = 0; v < n; ++v) {
        const std::size_t r = find(v);
        if (label[r] == n) label[r] = size.size(), size.push_back(0);
        comp[v] = label[r];
        local[v] = size[comp[v]]++;
    }
    std::vector<std::vector<igraph_integer_t>> ends(size.size());
    std::vector<std::vector<double>> weights(size.size());
    ScaledWeights scaled(net);  // one power of two for all: eigenvalues stay comparable
    const igraph_vector_t* all = scaled.view();
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const std::size_t c = comp[net.source(e)];
        ends[c].push_back(static_cast<igraph_integer_t>(local[net.source(e)]));
        ends[c].push_back(static_cast<igraph_integer_t>(local[net.target(e)]));
        weights[c].push_back(VECTOR(*all)[static_cast<igraph_integer_t>(e)]);
    }
    // λ_c and x_c (max 1) of every component with a tie.
    std::vector<double> lambda(size.size(), 0.0);
    std::vector<std::vector<double>> vec(size.size());
    for (std::size_t c = 0; c < size.size(); ++c) {
        if (weights[c].empty()) continue;  // an isolate: 0
        IgraphGraph g(static_cast<igraph_integer_t>(size[c]), net.directed());
        igraph_vector_int_t edges;
        igraph_vector_int_view(&edges, ends[c].data(),
                               static_cast<igraph_integer_t>(ends[c].size()));
        igraph_call("eigenvector centrality", igraph_add_edges, g.get(), &edges, nullptr);
        igraph_vector_t w;
        igraph_vector_view(&w, weights[c].data(), static_cast<igraph_integer_t>(weights[c].size()));
        RealVector v;
        igraph_real_t value = 0;
        igraph_arpack_options_t arpack;
        igraph_arpack_options_init(&arpack);
        // igraph 0.10 perturbs its start vector (the degrees) with random numbers: a private
        // generator with a fixed seed makes the last digits independent of what ran before.
        ScopedIgraphRng rng(0);
        igraph_call("eigenvector centrality", igraph_eigenvector_centrality, g.get(), v.get(),
                    &value, /*directed=*/true, /*scale=*/true, &w, &arpack);
        lambda[c] = value;
        vec[c] = v.to_std();
    }
    const double top = lambda.empty() ? 0.0 : *std::max_element(lambda.begin(), lambda.end());
    if (!(top > 0)) return x;  // no ties, or every component acyclic (igraph warned)
    std::size_t leading = 0;
    for (std::size_t c = 0; c < size.size(); ++c)
        if (lambda[c] >= top * (1 - kEigenvalueTie)) ++leading;
    for (std::size_t v = 0; v < n; ++v)
        if (lambda[comp[v]] >= top * (1 - kEigenvalueTie)) x[v] = vec[comp[v]][local[v]];
    if (leading > 1 && warnings != nullptr)
        warnings->push_back("eigenvector: " + std::to_string(leading) +
                            " components share the largest eigenvalue, so the leading "
                            "eigenvector is not unique: each of them is scaled to max 1, the "
                            "other components get 0");
    return x;
}

std::vector<double> pagerank_scores(const Network& net) {
    RealVector vector;
    igraph_real_t value = 0;
    ScaledWeights weights(net);
    const SingleOmpThread one_thread;
    igraph_call("PageRank", igraph_pagerank, net.graph(), IGRAPH_PAGERANK_ALGO_PRPACK, vector.get(),
                &value, igraph_vss_all(), /*directed=*/true, /*damping=*/0.85, weights.view(),
                nullptr);
    return vector.to_std();
}

std::vector<double> coreness_scores(const Network& net) {
    IgraphIntVector cores;
    igraph_call("coreness", igraph_coreness, net.graph(), cores.get(), IGRAPH_ALL);
    std::vector<double> out(net.actor_count());
    for (std::size_t v = 0; v < out.size(); ++v)
        out[v] = static_cast<double>(VECTOR(*cores.get())[static_cast<igraph_integer_t>(v)]);
    return out;
}

}  // namespace detail

CentralityScores centrality(const Network& net, const CentralityOptions& options) {
    require_one_relation(net, "centrality");
    if (options.closeness_samples == 1)
        throw UsageError(
            "closeness from 1 pivot has no error estimate: --closeness-samples needs K >= 2 "
            "pivots; leave it out for exact closeness");
    CentralityScores scores;
    if (net.actor_count() == 0) return scores;
    detail::degree_scores(net, scores);
    {
        const auto csr = detail::make_csr(net, options.weighted_paths);
        const std::size_t k = options.closeness_samples;
        const std::size_t n = net.actor_count();
        const bool pivots = k > 0 && k < n;
        // Progress: the path searches, then the pivot searches, each a share by its count.
        const std::size_t kb = options.betweenness_samples;
        const double path_searches = static_cast<double>(kb > 0 && kb < n ? kb : n);
        const double paths_share =
            pivots ? path_searches / (path_searches + static_cast<double>(k)) : 1.0;
        auto paths = detail::path_scores(csr, options, {}, paths_share);
        scores.betweenness = std::move(paths.betweenness);
        scores.closeness = std::move(paths.closeness);
        scores.betweenness_se = std::move(paths.betweenness_se);
        if (pivots) {
            // b: the largest 1/d; 1 on binary paths, max w when lengths are 1/w.
            double max_term = options.weighted_paths ? 0.0 : 1.0;
            if (options.weighted_paths)
                for (const double w : net.weights()) max_term = std::max(max_term, w);
            auto est = detail::sampled_closeness(csr.directed ? detail::reverse_csr(csr) : csr, k,
                                                 options.seed, max_term, options.threads,
                                                 options.progress, paths_share);
            scores.closeness = std::move(est.closeness);
            scores.closeness_se = std::move(est.se);
            scores.closeness_bound = est.bound;
        }
    }
    igraph_take_warnings();  // drop anything earlier callers left
    std::vector<std::string> eigen_warnings;
    scores.eigenvector = detail::eigenvector_scores(net, &eigen_warnings);
    scores.pagerank = detail::pagerank_scores(net);
    scores.coreness = detail::coreness_scores(net);
    const std::string warnings = igraph_take_warnings();
    for (std::size_t start = 0; start < warnings.size();) {
        auto end = warnings.find('\n', start);
        if (end == std::string::npos) end = warnings.size();
        scores.warnings.push_back("igraph: " + warnings.substr(start, end - start));
        start = end + 1;
    }
    for (auto& w : eigen_warnings) scores.warnings.push_back(std::move(w));
    return scores;
}

Centralization freeman_centralization(const Network& net, const CentralityScores& scores) {
    const std::size_t n = net.actor_count();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (scores.degree.size() != n || scores.betweenness.size() != n || scores.closeness.size() != n)
        throw UsageError("freeman_centralization: scores do not belong to this network");
    if (n < 3) return {nan, nan, nan};
    // C = Σ_i (c_max − c_i) / C*
    auto spread = [](const std::vector<double>& c) {
        const double top = *std::max_element(c.begin(), c.end());
        double sum = 0;
        for (const double x : c) sum += top - x;
        return sum;
    };
    const double nn = static_cast<double>(n);
    const bool directed = net.directed();
    const double degree_max = (nn - 1) * (nn - 2);
    const double betweenness_max = (nn - 1) * (nn - 1) * (nn - 2) / (directed ? 1.0 : 2.0);
    const double closeness_max = directed ? nn - 1 : (nn - 2) / 2;
    return {spread(scores.degree) / degree_max, spread(scores.betweenness) / betweenness_max,
            spread(scores.closeness) / closeness_max};
}

double transitivity(const Network& net) {
    require_one_relation(net, "transitivity");
    igraph_real_t result = 0;
    igraph_call("transitivity", igraph_transitivity_undirected, net.graph(), &result,
                IGRAPH_TRANSITIVITY_NAN);
    return result;
}

}  // namespace clusterlens::scoring
