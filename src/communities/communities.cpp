#include "src/communities/communities.hpp"

#include <igraph.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <utility>

#if !(IGRAPH_VERSION_MAJOR == 0 && IGRAPH_VERSION_MINOR == 10)
#error \
    "communities.cpp uses the igraph 0.10 signatures (leiden, multilevel, infomap, \
walktrap, label propagation and maximal cliques change in 1.0): check them and port"
#endif

namespace clusterlens::scoring {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

/// The undirected simple graph of the header: one edge per connected pair, weights w_ij (arcs
/// i->j and j->i summed; 1 when unweighted), and the igraph_t over them (edge e has weight
/// w[e]).
struct Undirected {
    IgraphGraph graph;
    std::vector<std::int64_t> ends;  // 2 per edge, i < j, sorted by (i, j)
    std::vector<double> w;           // w_ij per edge
    std::vector<double> strength;    // k_i
    double m = 0;                    // sum of w_ij

    const igraph_vector_t* weights(igraph_vector_t& view) const {
        if (w.empty()) return nullptr;  // igraph rejects a view of no data
        return igraph_vector_view(&view, w.data(), static_cast<igraph_integer_t>(w.size()));
    }
    const igraph_vector_t* strengths(igraph_vector_t& view) const {
        if (strength.empty()) return nullptr;
        return igraph_vector_view(&view, strength.data(),
                                  static_cast<igraph_integer_t>(strength.size()));
    }
};

Undirected undirected(const Network& net, bool weighted, std::string_view what) {
    require_one_relation(net, what);
    std::map<std::pair<std::size_t, std::size_t>, double> pairs;
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const auto s = net.source(e), t = net.target(e);
        pairs[{std::min(s, t), std::max(s, t)}] += net.weight(e);
    }
    Undirected u;
    const auto n = net.actor_count();
    u.strength.assign(n, 0.0);
    for (const auto& [pair, weight] : pairs) {
        const double w = weighted ? weight : 1.0;
        u.ends.push_back(static_cast<std::int64_t>(pair.first));
        u.ends.push_back(static_cast<std::int64_t>(pair.second));
        u.w.push_back(w);
        u.strength[pair.first] += w;
        u.strength[pair.second] += w;
        u.m += w;
    }
    u.graph = IgraphGraph(static_cast<igraph_integer_t>(n), false);
    if (!u.ends.empty()) {
        igraph_vector_int_t view;
        static_assert(sizeof(igraph_integer_t) == sizeof(std::int64_t));
        igraph_vector_int_view(&view, reinterpret_cast<const igraph_integer_t*>(u.ends.data()),
                               static_cast<igraph_integer_t>(u.ends.size()));
        igraph_call("communities: building the undirected graph", igraph_add_edges, u.graph.get(),
                    &view, nullptr);
    }
    return u;
}

/// Q_gamma = sum_c [W_c / m - gamma (K_c / 2m)^2] (header).
/// Each community's term W_c/m - gamma (K_c/2m)^2 of Q_gamma, by label; empty when m = 0.
std::map<int, double> modularity_terms_of(const Undirected& u, const std::vector<int>& c,
                                          double gamma) {
    std::map<int, double> terms;
    if (!(u.m > 0)) return terms;
    std::map<int, std::pair<double, double>> per;  // c -> (W_c, K_c)
    for (std::size_t e = 0; e < u.w.size(); ++e) {
        const auto i = static_cast<std::size_t>(u.ends[2 * e]);
        const auto j = static_cast<std::size_t>(u.ends[2 * e + 1]);
        if (c[i] == c[j]) per[c[i]].first += u.w[e];
    }
    for (std::size_t i = 0; i < c.size(); ++i) per[c[i]].second += u.strength[i];
    for (const auto& [label, wk] : per) {
        const double share = wk.second / (2 * u.m);
        terms[label] = wk.first / u.m - gamma * share * share;
    }
    return terms;
}

double modularity_of(const Undirected& u, const std::vector<int>& c, double gamma) {
    if (!(u.m > 0)) return nan;
    double q = 0;
    for (const auto& [label, term] : modularity_terms_of(u, c, gamma)) q += term;
    return q;
}

void check_partition(const std::vector<int>& c, std::size_t n, const char* what) {
    if (c.size() != n)
        throw UsageError(std::string(what) + ": " + std::to_string(c.size()) + " labels for " +
                         std::to_string(n) + " actors");
    for (const int label : c)
        if (label < 0) throw UsageError(std::string(what) + ": negative community label");
}

std::vector<int> from_igraph(const igraph_vector_int_t* v) {
    std::vector<int> out(static_cast<std::size_t>(igraph_vector_int_size(v)));
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<int>(VECTOR(*v)[static_cast<igraph_integer_t>(i)]);
    return out;
}

void fill(IgraphIntVector& v, const std::vector<int>& c) {
    for (std::size_t i = 0; i < c.size(); ++i)
        VECTOR(*v.get())[static_cast<igraph_integer_t>(i)] = c[i];
}

double compare(const std::vector<int>& a, const std::vector<int>& b,
               igraph_community_comparison_t method, const char* what) {
    if (a.size() != b.size())
        throw UsageError(std::string(what) + ": partitions of " + std::to_string(a.size()) +
                         " and " + std::to_string(b.size()) + " actors");
    check_partition(a, a.size(), what);
    check_partition(b, b.size(), what);
    IgraphIntVector va(static_cast<igraph_integer_t>(a.size())),
        vb(static_cast<igraph_integer_t>(b.size()));
    fill(va, canonical_membership(a));  // igraph wants labels 0..n-1
    fill(vb, canonical_membership(b));
    igraph_real_t result = 0;
    igraph_call(what, igraph_compare_communities, va.get(), vb.get(), &result, method);
    return result;
}

/// RAII owners of the igraph objects only walktrap needs.
struct Merges {
    igraph_matrix_int_t m{};
    Merges() { igraph_call("walktrap: merges", igraph_matrix_int_init, &m, 0, 0); }
    ~Merges() { igraph_matrix_int_destroy(&m); }
    Merges(const Merges&) = delete;
    Merges& operator=(const Merges&) = delete;
};
struct RealVector {
    igraph_vector_t v{};
    RealVector() { igraph_call("walktrap: modularity", igraph_vector_init, &v, 0); }
    ~RealVector() { igraph_vector_destroy(&v); }
    RealVector(const RealVector&) = delete;
    RealVector& operator=(const RealVector&) = delete;
};

/// One run of the method on u (m > 0), igraph's RNG already seeded. Raw igraph labels.
std::vector<int> run_once(const Undirected& u, const CommunityOptions& o) {
    const auto n = static_cast<igraph_integer_t>(u.strength.size());
    IgraphIntVector membership(n);
    igraph_vector_t wview, sview;
    const igraph_vector_t* w = u.weights(wview);
    const igraph_t* g = u.graph.get();
    if (o.method == "leiden") {
        // CPM with n_i = k_i and gamma' = gamma / 2m is modularity (header).
        igraph_integer_t clusters = 0;
        igraph_real_t quality = 0;
        igraph_call("Leiden", igraph_community_leiden, g, w, u.strengths(sview),
                    o.resolution / (2 * u.m), /*beta=*/0.01, /*start=*/false,
                    /*n_iterations=*/static_cast<igraph_integer_t>(-1), membership.get(), &clusters,
                    &quality);
    } else if (o.method == "louvain") {
        igraph_call("Louvain", igraph_community_multilevel, g, w, o.resolution, membership.get(),
                    nullptr, nullptr);
    } else if (o.method == "infomap") {
        igraph_real_t codelength = 0;
        igraph_call("Infomap", igraph_community_infomap, g, w, nullptr,
                    static_cast<igraph_integer_t>(10), membership.get(), &codelength);
    } else if (o.method == "walktrap") {
        Merges merges;
        RealVector q;
        igraph_call("walktrap", igraph_community_walktrap, g, w, static_cast<igraph_integer_t>(4),
                    &merges.m, &q.v, membership.get());
    } else {  // label_propagation (validated)
        igraph_call("label propagation", igraph_community_label_propagation, g, membership.get(),
                    IGRAPH_ALL, w, nullptr, nullptr);
    }
    auto c = from_igraph(membership.get());
    // Isolates are communities of their own, whatever label the method left them.
    int next = c.empty() ? 0 : *std::max_element(c.begin(), c.end()) + 1;
    for (std::size_t i = 0; i < c.size(); ++i)
        if (u.strength[i] == 0) c[i] = next++;
    return c;
}

void validate(const CommunityOptions& o) {
    static const std::vector<std::string> methods = {"leiden", "louvain", "infomap", "walktrap",
                                                     "label_propagation"};
    if (std::find(methods.begin(), methods.end(), o.method) == methods.end())
        throw UsageError("communities: unknown method '" + o.method +
                         "' (leiden, louvain, infomap, walktrap, label_propagation)");
    if (o.runs == 0) throw UsageError("communities: runs must be at least 1");
    if (!(std::isfinite(o.resolution) && o.resolution > 0))
        throw UsageError("communities: resolution must be a finite number > 0");
    if (o.resolution != 1.0 && o.method != "leiden" && o.method != "louvain")
        throw UsageError("communities: resolution applies to leiden and louvain only (" + o.method +
                         " optimises no resolution)");
}

/// co_assignment of the header, best = the kept run's membership.
std::vector<double> co_assignment(const std::vector<std::vector<int>>& runs, std::size_t best) {
    const auto& b = runs[best];
    const auto n = b.size();
    std::vector<double> out(n, nan);
    if (runs.size() < 2) return out;
    std::map<int, std::vector<std::size_t>> groups;  // best-run community -> actors
    for (std::size_t i = 0; i < n; ++i) groups[b[i]].push_back(i);
    for (const auto& [label, members] : groups) {
        if (members.size() < 2) continue;
        std::vector<double> sum(members.size(), 0.0);
        for (std::size_t r = 0; r < runs.size(); ++r) {
            if (r == best) continue;
            std::map<int, std::size_t> in_r;  // run r's label -> members of B carrying it
            for (const auto j : members) ++in_r[runs[r][j]];
            // |{j in B, j != i : c_r(j) = c_r(i)}| = in_r[c_r(i)] - 1
            for (std::size_t k = 0; k < members.size(); ++k)
                sum[k] += static_cast<double>(in_r[runs[r][members[k]]] - 1) /
                          static_cast<double>(members.size() - 1);
        }
        for (std::size_t k = 0; k < members.size(); ++k)
            out[members[k]] = sum[k] / static_cast<double>(runs.size() - 1);
    }
    return out;
}

}  // namespace

std::vector<int> canonical_membership(const std::vector<int>& membership) {
    // label -> (size, smallest index)
    std::map<int, std::pair<std::size_t, std::size_t>> info;
    for (std::size_t i = 0; i < membership.size(); ++i) {
        auto [it, inserted] = info.try_emplace(membership[i], 0, i);
        ++it->second.first;
    }
    std::vector<std::pair<std::pair<std::size_t, std::size_t>, int>> order;
    for (const auto& [label, si] : info) order.push_back({si, label});
    std::sort(order.begin(), order.end(), [](const auto& x, const auto& y) {
        if (x.first.first != y.first.first) return x.first.first > y.first.first;
        return x.first.second < y.first.second;
    });
    std::map<int, int> relabel;
    for (std::size_t k = 0; k < order.size(); ++k) relabel[order[k].second] = static_cast<int>(k);
    std::vector<int> out(membership.size());
    for (std::size_t i = 0; i < membership.size(); ++i) out[i] = relabel[membership[i]];
    return out;
}

double modularity(const Network& net, const std::vector<int>& membership, double resolution,
                  bool weighted) {
    check_partition(membership, net.actor_count(), "modularity");
    return modularity_of(undirected(net, weighted, "modularity"), membership, resolution);
}

std::vector<double> modularity_terms(const Network& net, const std::vector<int>& membership,
                                     double resolution, bool weighted) {
    check_partition(membership, net.actor_count(), "modularity");
    const auto terms =
        modularity_terms_of(undirected(net, weighted, "modularity"), membership, resolution);
    const int labels =
        membership.empty() ? 0 : *std::max_element(membership.begin(), membership.end()) + 1;
    std::vector<double> out(static_cast<std::size_t>(labels), terms.empty() ? nan : 0.0);
    for (const auto& [label, term] : terms) out[static_cast<std::size_t>(label)] = term;
    return out;
}

double nmi(const std::vector<int>& a, const std::vector<int>& b) {
    return compare(a, b, IGRAPH_COMMCMP_NMI, "NMI");
}

double adjusted_rand(const std::vector<int>& a, const std::vector<int>& b) {
    return compare(a, b, IGRAPH_COMMCMP_ADJUSTED_RAND, "adjusted Rand index");
}

CommunityResult detect_communities(const Network& net, const CommunityOptions& options) {
    validate(options);
    const auto u = undirected(net, options.weighted, "communities");
    const auto n = net.actor_count();

    std::vector<std::vector<int>> runs;
    std::vector<double> q;
    std::size_t best = 0;
    ScopedIgraphRng rng(options.seed);  // igraph's own RNG, as it was, after the runs
    for (std::size_t r = 0; r < options.runs; ++r) {
        const std::uint64_t seed = options.seed + r;
        std::vector<int> c(n);
        if (u.m > 0) {
            rng.seed(seed);
            c = run_once(u, options);
        } else {
            std::iota(c.begin(), c.end(), 0);  // no edges: all singletons
        }
        runs.push_back(canonical_membership(c));
        q.push_back(modularity_of(u, runs.back(), options.resolution));
        if (r > 0 && q[r] > q[best] + 1e-12 * std::max(1.0, std::fabs(q[best]))) best = r;
    }

    CommunityResult result;
    result.method = options.method;
    result.resolution = options.resolution;
    result.seed = options.seed;
    result.runs = options.runs;
    result.best_seed = options.seed + best;
    result.membership = runs[best];
    result.count = n == 0 ? 0
                          : static_cast<std::size_t>(*std::max_element(result.membership.begin(),
                                                                       result.membership.end())) +
                                1;
    result.modularity = q[best];
    result.mean_nmi = result.mean_ari = nan;
    if (runs.size() >= 2) {
        double sum_nmi = 0, sum_ari = 0;
        std::size_t pairs = 0;
        for (std::size_t a = 0; a < runs.size(); ++a)
            for (std::size_t b = a + 1; b < runs.size(); ++b, ++pairs) {
                sum_nmi += nmi(runs[a], runs[b]);
                sum_ari += adjusted_rand(runs[a], runs[b]);
            }
        result.mean_nmi = sum_nmi / static_cast<double>(pairs);
        result.mean_ari = sum_ari / static_cast<double>(pairs);
    }
    result.co_assignment = co_assignment(runs, best);
    return result;
}

std::vector<std::vector<std::size_t>> maximal_cliques(const Network& net, std::size_t min_size) {
    const auto u = undirected(net, false, "maximal cliques");
    struct List {  // RAII owner of the result list
        igraph_vector_int_list_t l{};
        List() {
            igraph_call("maximal cliques", igraph_vector_int_list_init, &l,
                        static_cast<igraph_integer_t>(0));
        }
        ~List() { igraph_vector_int_list_destroy(&l); }
        List(const List&) = delete;
        List& operator=(const List&) = delete;
    } list;
    igraph_call("maximal cliques", igraph_maximal_cliques, u.graph.get(), &list.l,
                static_cast<igraph_integer_t>(min_size),
                /*max_size=*/static_cast<igraph_integer_t>(0));
    std::vector<std::vector<std::size_t>> out;
    const auto count = igraph_vector_int_list_size(&list.l);
    for (igraph_integer_t k = 0; k < count; ++k) {
        const igraph_vector_int_t* clique = igraph_vector_int_list_get_ptr(&list.l, k);
        std::vector<std::size_t> members;
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(clique); ++i)
            members.push_back(static_cast<std::size_t>(VECTOR(*clique)[i]));
        std::sort(members.begin(), members.end());
        out.push_back(std::move(members));
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace clusterlens::scoring
