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

}  // namespace

BrokerageScores gould_fernandez_brokerage(const Network& net,
                                          const std::vector<std::string>& groups,
                                          const BrokerageOptions& options) {
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

    // in(b): a with a -> b; out(b): c with b -> c; both lists for undirected ties. Sorted, so
    // "a -> c exists" is a binary search in out(a).
    std::vector<std::vector<std::size_t>> in(n_actors), out_adj(n_actors);
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const std::size_t a = net.source(e), c = net.target(e);
        out_adj[a].push_back(c);
        in[c].push_back(a);
        if (!directed) {
            out_adj[c].push_back(a);
            in[a].push_back(c);
        }
    }
    for (auto& v : in) std::sort(v.begin(), v.end());
    for (auto& v : out_adj) std::sort(v.begin(), v.end());
    const auto has_arc = [&](std::size_t a, std::size_t c) {
        return std::binary_search(out_adj[a].begin(), out_adj[a].end(), c);
    };

    // Credit per ordered two-path: 1, or 1/2 for undirected pairs counted once (each unordered
    // pair is seen as a->b->c and c->b->a).
    const double unit =
        (!directed && options.undirected_pairs == UndirectedPairs::once) ? 0.5 : 1.0;

    std::vector<Moments> raw(n_actors, Moments{});
    for (std::size_t b = 0; b < n_actors; ++b) {
        if (cl[b] == unknown) continue;
        for (const std::size_t a : in[b]) {
            if (cl[a] == unknown) continue;
            for (const std::size_t c : out_adj[b]) {
                if (c == a || cl[c] == unknown || has_arc(a, c)) continue;
                std::size_t role;
                if (cl[a] == cl[b])
                    role = cl[b] == cl[c] ? w_i : b_io;
                else if (cl[b] == cl[c])
                    role = b_oi;
                else if (cl[a] == cl[c])
                    role = w_o;
                else
                    role = b_o;
                raw[b][role] += unit;
                raw[b][t_total] += unit;
            }
        }
    }

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
