#include "src/brokerage/gould_fernandez.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>

namespace clusterlens::scoring {
namespace {

constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();

// Role columns, in sna's order (w_I, w_O, b_IO, b_OI, b_O, t).
enum Role : std::size_t { w_i, w_o, b_io, b_oi, b_o, t_total, roles };
using Moments = std::array<double, roles>;

/// C(x, 2) = x(x-1)/2, as R's choose(x, 2) for any real x.
double choose2(double x) { return x * (x - 1) / 2; }

/// sd = sqrt(Var) (0 when Var = 0, as sna; NaN if rounding made Var negative); z = NaN when
/// sd is 0 or NaN (sna: 0/0 = NaN).
double sd_of(double variance) { return variance >= 0 ? std::sqrt(variance) : nan_value; }
double z_of(double raw, double expected, double sd) {
    return sd > 0 ? (raw - expected) / sd : nan_value;
}

/// Expectation and variance of each role for a broker of group i (sna's ebr, vbr rows).
void actor_moments(const std::vector<double>& n, std::size_t i, double k_total, double d,
                   Moments& e, Moments& v) {
    const double q = d * d * (1 - d);                      // P(open two-path)
    const double r = std::pow(d, 3) * std::pow(1 - d, 3);  // covariance term
    const double ni = n[i];
    double sum_wo = 0, sum_wo3 = 0, sum_other = 0, sum_other_sq = 0, sum_bo = 0;
    for (std::size_t j = 0; j < n.size(); ++j) {
        if (j == i) continue;
        sum_wo += n[j] * (n[j] - 1);
        sum_wo3 += n[j] * (n[j] - 1) * (n[j] - 2);
        sum_other += n[j];
        sum_other_sq += n[j] * n[j];
        sum_bo += n[j] * choose2(k_total - n[j] - ni);
    }
    e[w_i] = q * (ni - 1) * (ni - 2);
    v[w_i] = e[w_i] * (1 - q) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * r;
    e[w_o] = q * sum_wo;
    v[w_o] = e[w_o] * (1 - q) + 2 * sum_wo3 * r;
    e[b_io] = q * (k_total - ni) * (ni - 1);
    v[b_io] = e[b_io] * (1 - q) +
              2 * ((ni - 1) * choose2(k_total - ni) + (k_total - ni) * choose2(ni - 1)) * r;
    e[b_oi] = e[b_io];
    v[b_oi] = v[b_io];
    e[b_o] = q * (sum_other * sum_other - sum_other_sq);
    v[b_o] = e[b_o] * (1 - q) + 4 * sum_bo * r;
    e[t_total] = q * (k_total - 1) * (k_total - 2);
    v[t_total] = e[t_total] * (1 - q) + 2 * (k_total - 1) * (k_total - 2) * (k_total - 3) * r;
}

/// Expectation and variance of the whole-network role sums (sna's egbr, vgbr).
void global_moments(const std::vector<double>& n, double k_total, double d, Moments& e,
                    Moments& v) {
    const double q = d * d * (1 - d);
    const double r = std::pow(d, 3) * std::pow(1 - d, 3);
    const double s = std::pow(d, 4) * std::pow(1 - d, 2);
    const double u = std::pow(d, 5) * (1 - d);
    const double kk = k_total;
    const std::size_t g = n.size();

    double e_wi = 0, v_wi = 0, e_io = 0, v_io = 0;
    for (const double x : n) {
        e_wi += x * (x - 1) * (x - 2);
        v_wi += x * (x - 1) * (x - 2) * ((4 * x - 10) * r - 4 * (x - 3) * s + (x - 3) * u);
        e_io += x * (kk - x) * (x - 1);
        v_io += x * (kk - x) * (x - 1) * ((kk - 3) * r + (x - 2) * u);
    }
    e[w_i] = q * e_wi;
    v[w_i] = e[w_i] * (1 - q) + v_wi;

    // w_O: sna sums outer(n, n, f) and subtracts its diagonal.
    double v_wo = 0;
    for (const double x : n)
        for (const double y : n)
            v_wo += x * y * (x - 1) * ((2 * x + 2 * y - 6) * r + (kk - x - 1) * u);
    for (const double x : n) v_wo -= x * x * (x - 1) * ((4 * x - 6) * r + (kk - x - 1) * u);
    e[w_o] = q * e_io;
    v[w_o] = e[w_o] * (1 - q) + v_wo;

    e[b_io] = q * e_io;
    v[b_io] = e[b_io] * (1 - q) + v_io;
    e[b_oi] = e[b_io];
    v[b_oi] = v[b_io];

    double e_bo = 0;
    for (const double x : n)
        for (const double y : n) e_bo += x * y * (kk - x - y);
    for (const double x : n) e_bo -= x * x * (kk - 2 * x);
    e[b_o] = q * e_bo;
    v[b_o] = e[b_o] * (1 - q);
    for (std::size_t i = 0; i < g; ++i)
        for (std::size_t j = 0; j < g; ++j)
            for (std::size_t k = 0; k < g; ++k) {
                if (i == j || j == k || i == k) continue;
                v[b_o] +=
                    n[i] * n[j] * n[k] *
                    ((4 * (kk - n[j]) - 2 * (n[i] + n[k] + 1)) * r -
                     (4 * (kk - n[k]) - 2 * (n[i] + n[j] + 1)) * s + (kk - (n[i] + n[k] + 1)) * u);
            }

    e[t_total] = q * kk * (kk - 1) * (kk - 2);
    v[t_total] = e[t_total] * (1 - q) +
                 kk * (kk - 1) * (kk - 2) * ((4 * kk - 10) * r - 4 * (kk - 3) * s + (kk - 3) * u);
}

/// The member of a per-role table (BrokerageScores, BrokerageRoles, BrokerageRoleValues all
/// name their roles alike) for a role column.
template <class Table>
auto& pick(Table& t, std::size_t role) {
    switch (role) {
        case w_i:
            return t.coordinator;
        case w_o:
            return t.itinerant;
        case b_io:
            return t.representative;
        case b_oi:
            return t.gatekeeper;
        case b_o:
            return t.liaison;
        default:
            return t.total;
    }
}

/// Open ordered two-paths a -> b -> c (a != c, no arc a -> c) of a digraph, by role of the
/// broker b, over actors with a known group. Sorted adjacency, a binary search per two-path:
/// O(Σ_b in(b)·out(b)·log d).
template <class RoleOf>
void count_directed(const Network& net, const std::vector<std::uint32_t>& cl, std::uint32_t unknown,
                    const RoleOf& role_of, std::vector<Moments>& raw) {
    const std::size_t n_actors = net.actor_count();
    std::vector<std::vector<std::size_t>> in(n_actors), out_adj(n_actors);
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        out_adj[net.source(e)].push_back(net.target(e));
        in[net.target(e)].push_back(net.source(e));
    }
    for (auto& v : out_adj) std::sort(v.begin(), v.end());
    for (std::size_t b = 0; b < n_actors; ++b) {
        if (cl[b] == unknown) continue;
        for (const std::size_t a : in[b]) {
            if (cl[a] == unknown) continue;
            for (const std::size_t c : out_adj[b]) {
                if (c == a || cl[c] == unknown ||
                    std::binary_search(out_adj[a].begin(), out_adj[a].end(), c))
                    continue;
                const auto role = role_of(a, b, c);
                raw[b][role] += 1;
                raw[b][t_total] += 1;
            }
        }
    }
}

/// The same count for an undirected network, without enumerating two-paths (a hub of degree
/// d has d² of them; on the whole CORDIS network that took 20 s). For a broker b with c_g
/// known neighbours in group g (K in all, s = c_{g(b)} in its own group), the ordered pairs of
/// distinct neighbours (a, c) by role are
///   w_I = s(s − 1), b_IO = b_OI = s(K − s), w_O = Σ_{g≠g(b)} c_g(c_g − 1),
///   b_O = Σ_{g≠g(b)} c_g(K − s − c_g),
/// and the closed ones (a ~ c) are taken away: each triangle {x, y, z} of known actors closes
/// the pairs (y, z) and (z, y) at broker x, and so on round the triangle. Triangles are listed
/// once each with the edges oriented from lower to higher (degree, index): O(m^1.5). Counts
/// are integers held in doubles, exact below 2^53, so the result equals the enumeration's.
template <class RoleOf>
void count_undirected(const Network& net, const std::vector<std::uint32_t>& cl,
                      std::uint32_t unknown, std::size_t groups, const RoleOf& role_of,
                      std::vector<Moments>& raw) {
    const std::size_t n_actors = net.actor_count();
    std::vector<std::size_t> degree(n_actors, 0);
    for (std::size_t e = 0; e < net.tie_count(); ++e)
        if (cl[net.source(e)] != unknown && cl[net.target(e)] != unknown)
            ++degree[net.source(e)], ++degree[net.target(e)];
    // Oriented CSR over ties between known actors: u -> v when (deg u, u) < (deg v, v).
    const auto before = [&](std::size_t u, std::size_t v) {
        return degree[u] != degree[v] ? degree[u] < degree[v] : u < v;
    };
    std::vector<std::size_t> off(n_actors + 1, 0);
    std::vector<double> per_group(groups, 0.0);
    std::vector<std::vector<std::uint32_t>> all(n_actors);
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const std::size_t a = net.source(e), c = net.target(e);
        if (cl[a] == unknown || cl[c] == unknown) continue;
        all[a].push_back(static_cast<std::uint32_t>(c));
        all[c].push_back(static_cast<std::uint32_t>(a));
        ++off[(before(a, c) ? a : c) + 1];
    }
    for (std::size_t v = 0; v < n_actors; ++v) off[v + 1] += off[v];
    std::vector<std::uint32_t> up(off[n_actors]);
    {
        std::vector<std::size_t> fill(off.begin(), off.end() - 1);
        for (std::size_t e = 0; e < net.tie_count(); ++e) {
            const std::size_t a = net.source(e), c = net.target(e);
            if (cl[a] == unknown || cl[c] == unknown) continue;
            if (before(a, c))
                up[fill[a]++] = static_cast<std::uint32_t>(c);
            else
                up[fill[c]++] = static_cast<std::uint32_t>(a);
        }
    }
    // All pairs of neighbours, by role.
    for (std::size_t b = 0; b < n_actors; ++b) {
        if (cl[b] == unknown || all[b].empty()) continue;
        for (const auto x : all[b]) per_group[cl[x]] += 1;
        const double k = static_cast<double>(all[b].size()), s = per_group[cl[b]];
        double wo = 0, bo = 0;
        for (const auto x : all[b]) {  // each group once: zero it after use
            const double c = per_group[cl[x]];
            if (c == 0 || cl[x] == cl[b]) continue;
            wo += c * (c - 1);
            bo += c * (k - s - c);
            per_group[cl[x]] = 0;
        }
        per_group[cl[b]] = 0;
        auto& r = raw[b];
        r[w_i] = s > 1 ? s * (s - 1) : 0.0;  // not 0 · (−1) = −0
        r[b_io] = r[b_oi] = s * (k - s);
        r[w_o] = wo;
        r[b_o] = bo;
    }
    // Closed pairs, from the triangles.
    std::vector<char> mark(n_actors, 0);
    for (std::size_t u = 0; u < n_actors; ++u) {
        for (std::size_t i = off[u]; i < off[u + 1]; ++i) mark[up[i]] = 1;
        for (std::size_t i = off[u]; i < off[u + 1]; ++i) {
            const std::size_t v = up[i];
            for (std::size_t j = off[v]; j < off[v + 1]; ++j) {
                const std::size_t w = up[j];
                if (!mark[w]) continue;
                // triangle {u, v, w}: at each broker, both orders of the other two
                for (const auto& [a, b, c] :
                     {std::array<std::size_t, 3>{v, u, w}, std::array<std::size_t, 3>{u, v, w},
                      std::array<std::size_t, 3>{u, w, v}}) {
                    raw[b][role_of(a, b, c)] -= 1;
                    raw[b][role_of(c, b, a)] -= 1;
                }
            }
        }
        for (std::size_t i = off[u]; i < off[u + 1]; ++i) mark[up[i]] = 0;
    }
    for (auto& r : raw) r[t_total] = r[w_i] + r[w_o] + r[b_io] + r[b_oi] + r[b_o];
}

}  // namespace

BrokerageScores gould_fernandez_brokerage(const Network& net,
                                          const std::vector<std::string>& groups,
                                          const BrokerageOptions& options) {
    require_one_relation(net, "gould_fernandez_brokerage");
    const std::size_t n_actors = net.actor_count();
    if (groups.size() != n_actors)
        throw UsageError("gould_fernandez_brokerage: " + std::to_string(groups.size()) +
                         " group labels for " + std::to_string(n_actors) + " actors");
    const bool directed = net.directed();

    // Group codes 0..G-1 in label order; `unknown` for "".
    constexpr std::uint32_t unknown = std::numeric_limits<std::uint32_t>::max();
    BrokerageScores out;
    for (const auto& g : groups)
        if (!g.empty()) ++out.group_sizes[g];
    std::map<std::string, std::uint32_t> code_of;
    std::vector<double> n;  // n_g
    for (const auto& [name, size] : out.group_sizes) {
        code_of.emplace(name, static_cast<std::uint32_t>(n.size()));
        n.push_back(static_cast<double>(size));
    }
    std::vector<std::uint32_t> cl(n_actors, unknown);
    for (std::size_t i = 0; i < n_actors; ++i)
        if (!groups[i].empty()) cl[i] = code_of.at(groups[i]);

    // Credit per ordered two-path: 1, or 1/2 for undirected pairs counted once (each unordered
    // pair is seen as a->b->c and c->b->a).
    const double unit =
        (!directed && options.undirected_pairs == UndirectedPairs::once) ? 0.5 : 1.0;
    const auto role_of = [&](std::size_t a, std::size_t b, std::size_t c) -> std::size_t {
        if (cl[a] == cl[b]) return cl[b] == cl[c] ? w_i : b_io;
        if (cl[b] == cl[c]) return b_oi;
        if (cl[a] == cl[c]) return w_o;
        return b_o;
    };
    std::vector<Moments> raw(n_actors, Moments{});
    if (directed)
        count_directed(net, cl, unknown, role_of, raw);
    else
        count_undirected(net, cl, unknown, n.size(), role_of, raw);
    for (auto& r : raw)
        for (std::size_t role = 0; role < roles; ++role) r[role] *= unit;

    // Null model: d over all actors and ties; group sizes and K over known actors.
    const auto big_n = static_cast<double>(n_actors);
    const double m_arcs = static_cast<double>(net.tie_count()) * (directed ? 1.0 : 2.0);
    out.density = n_actors >= 2 ? m_arcs / (big_n * (big_n - 1)) : nan_value;
    double k_total = 0;
    for (const double x : n) k_total += x;

    std::vector<Moments> grp_e(n.size()), grp_v(n.size());
    for (std::size_t g = 0; g < n.size(); ++g)
        actor_moments(n, g, k_total, out.density, grp_e[g], grp_v[g]);

    // Counts scale by `unit`; expectation and sd scale with them, so z is unit-free.
    for (std::size_t role = 0; role < roles; ++role) {
        auto& raw_col = pick(out, role);
        auto& e_col = pick(out.expected, role);
        auto& sd_col = pick(out.sd, role);
        auto& z_col = pick(out.z, role);
        raw_col.resize(n_actors);
        e_col.resize(n_actors);
        sd_col.resize(n_actors);
        z_col.resize(n_actors);
        for (std::size_t i = 0; i < n_actors; ++i) {
            if (cl[i] == unknown) {
                raw_col[i] = e_col[i] = sd_col[i] = z_col[i] = nan_value;
                continue;
            }
            raw_col[i] = raw[i][role];
            e_col[i] = unit * grp_e[cl[i]][role];
            sd_col[i] = unit * sd_of(grp_v[cl[i]][role]);
            z_col[i] = z_of(raw_col[i], e_col[i], sd_col[i]);
        }
    }

    Moments ge{}, gv{};
    global_moments(n, k_total, out.density, ge, gv);
    for (std::size_t role = 0; role < roles; ++role) {
        double sum = 0;
        for (std::size_t i = 0; i < n_actors; ++i)
            if (cl[i] != unknown) sum += raw[i][role];
        pick(out.global.raw, role) = sum;
        pick(out.global.expected, role) = unit * ge[role];
        const double sd = unit * sd_of(gv[role]);
        pick(out.global.sd, role) = sd;
        pick(out.global.z, role) = z_of(sum, unit * ge[role], sd);
    }
    return out;
}

}  // namespace clusterlens::scoring
