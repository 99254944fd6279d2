#include "src/holes/burt.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

namespace clusterlens::scoring {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// The contacts of every actor as a CSR: row i lists N(i) sorted, each contact once, with the
/// mutual tie value a_ij = z_ij + z_ji and the number of arcs between i and j (1 or 2 in a
/// directed network, 1 in an undirected one; parallel ties would be summed into one entry).
struct Contacts {
    std::vector<std::size_t> offset;  // row i is [offset[i], offset[i+1])
    std::vector<std::uint32_t> actor;
    std::vector<double> a;
    std::vector<std::uint8_t> arcs;

    std::size_t size(std::size_t i) const { return offset[i + 1] - offset[i]; }
};

struct Entry {
    std::uint32_t actor;
    std::uint8_t dir;  // bit 0: arc i→j, bit 1: arc j→i (undirected: bit 0 only)
    double z;
};

Contacts build_contacts(const Network& net) {
    const std::size_t n = net.actor_count();
    const std::size_t m = net.tie_count();
    const bool directed = net.directed();
    std::vector<std::size_t> start(n + 1, 0);
    for (std::size_t e = 0; e < m; ++e) {
        ++start[net.source(e) + 1];
        ++start[net.target(e) + 1];
    }
    for (std::size_t i = 0; i < n; ++i) start[i + 1] += start[i];
    std::vector<Entry> entries(2 * m);
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    const std::uint8_t out_bit = 1;
    const std::uint8_t in_bit = directed ? 2 : 1;
    // Every measure here depends on weight ratios only (p_ij, m_jq), but the triangle sums
    // multiply two weights: when the largest weight lies outside [2^-64, 2^64] all weights are
    // multiplied by the power of two that brings it to [1, 2) (exact), so weights near 1e160
    // do not overflow to inf and weights near 1e-300 do not underflow to 0 (issue 12).
    double top = 0;
    for (std::size_t e = 0; e < m; ++e) top = std::max(top, net.weight(e));
    const int shift = top > 0 && (top < 0x1p-64 || top > 0x1p64) ? -std::ilogb(top) : 0;
    for (std::size_t e = 0; e < m; ++e) {
        const std::size_t s = net.source(e), t = net.target(e);
        const double w = std::ldexp(net.weight(e), shift);
        entries[fill[s]++] = {static_cast<std::uint32_t>(t), out_bit, w};
        entries[fill[t]++] = {static_cast<std::uint32_t>(s), in_bit, w};
    }

    Contacts c;
    c.offset.assign(n + 1, 0);
    c.actor.reserve(2 * m);
    c.a.reserve(2 * m);
    c.arcs.reserve(2 * m);
    for (std::size_t i = 0; i < n; ++i) {
        const auto first = entries.begin() + static_cast<std::ptrdiff_t>(start[i]);
        const auto last = entries.begin() + static_cast<std::ptrdiff_t>(start[i + 1]);
        std::sort(first, last, [](const Entry& x, const Entry& y) { return x.actor < y.actor; });
        std::uint8_t dir = 0;
        for (auto it = first; it != last; ++it) {
            const bool fresh = it == first || it->actor != (it - 1)->actor;
            if (fresh) {
                c.actor.push_back(it->actor);
                c.a.push_back(0);
                c.arcs.push_back(0);
                dir = 0;
            }
            c.a.back() += it->z;  // a_ij = z_ij + z_ji (parallel ties summed)
            dir = static_cast<std::uint8_t>(dir | it->dir);
            c.arcs.back() = static_cast<std::uint8_t>((dir & 1) + (dir >> 1));
        }
        c.offset[i + 1] = c.actor.size();
    }
    return c;
}

void validate(const Network& net) {
    if (net.actor_count() > std::numeric_limits<std::uint32_t>::max())
        throw UsageError("burt_structural_holes: more than 2^32 actors");
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const double w = net.weight(e);
        if (!(std::isfinite(w) && w > 0))
            throw UsageError("burt_structural_holes: tie " + std::to_string(e) + " has weight " +
                             std::to_string(w) + "; weights must be finite and > 0");
    }
    require_one_relation(net, "burt_structural_holes");
}

/// Every tie of the contact graph once, oriented from the actor of lower to the actor of higher
/// rank (rank = (number of contacts, index)), as a CSR over the lower end: entry f is the tie
/// (owner, actor[f]); `slot` and `back` are its slots (owner, actor) and (actor, owner) in
/// Contacts. In this orientation every actor has at most √(2m) out-ties.
struct Forward {
    std::vector<std::size_t> offset;
    std::vector<std::uint32_t> actor;
    std::vector<double> a;
    std::vector<std::uint8_t> arcs;
    std::vector<std::size_t> slot, back;
};

Forward orient(const Contacts& c) {
    const std::size_t n = c.offset.size() - 1;
    const auto higher = [&](std::size_t x, std::size_t y) {  // rank(y) > rank(x)
        return c.size(y) > c.size(x) || (c.size(y) == c.size(x) && y > x);
    };
    Forward f;
    f.offset.assign(n + 1, 0);
    const std::size_t ties = c.actor.size() / 2;
    f.actor.reserve(ties);
    f.a.reserve(ties);
    f.arcs.reserve(ties);
    f.slot.reserve(ties);
    f.back.assign(ties, 0);
    // Rows are sorted, so the entries "u" of row v (u < v) come in increasing u: one cursor per
    // row finds the reverse slot of each tie.
    std::vector<std::size_t> cursor(c.offset.begin(), c.offset.end() - 1);
    std::vector<std::size_t> reverse(c.actor.size());
    for (std::size_t u = 0; u < n; ++u) {
        for (std::size_t k = c.offset[u]; k < c.offset[u + 1]; ++k) {
            const std::size_t v = c.actor[k];
            if (v < u) continue;
            const std::size_t back = cursor[v]++;
            reverse[k] = back;
            reverse[back] = k;
        }
    }
    for (std::size_t u = 0; u < n; ++u) {
        for (std::size_t k = c.offset[u]; k < c.offset[u + 1]; ++k) {
            if (!higher(u, c.actor[k])) continue;
            f.back[f.actor.size()] = reverse[k];
            f.actor.push_back(c.actor[k]);
            f.a.push_back(c.a[k]);
            f.arcs.push_back(c.arcs[k]);
            f.slot.push_back(k);
        }
        f.offset[u + 1] = f.actor.size();
    }
    return f;
}

/// Calls visit(u, v, w, f_uv, f_vw, f_uw) once for every triangle {u, v, w} of the contact graph,
/// rank(u) < rank(v) < rank(w), f_xy the Forward entry of the tie x–y (Latapy's "forward"
/// algorithm: O(m·√m) at worst, far less on skewed degree distributions).
template <class Visit>
void for_each_triangle(const Forward& f, Visit&& visit) {
    const std::size_t n = f.offset.size() - 1;
    constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> mark(n, none);  // mark[w] = entry of u–w for w in out(u)
    for (std::size_t u = 0; u < n; ++u) {
        for (std::size_t e = f.offset[u]; e < f.offset[u + 1]; ++e) mark[f.actor[e]] = e;
        for (std::size_t e = f.offset[u]; e < f.offset[u + 1]; ++e) {
            const std::size_t v = f.actor[e];
            for (std::size_t g = f.offset[v]; g < f.offset[v + 1]; ++g) {
                const std::size_t w = f.actor[g];
                if (mark[w] != none) visit(u, v, w, e, g, mark[w]);
            }
        }
        for (std::size_t e = f.offset[u]; e < f.offset[u + 1]; ++e) mark[f.actor[e]] = none;
    }
}

/// Per tie x–y (x the lower rank), sums over the contacts z shared by x and y (the triangles
/// {x, y, z}), for ego x and alter y ("up") and for ego y and alter x ("down").
struct TieSums {
    double indirect_up = 0, indirect_down = 0;  // Σ_z a_xz·a_zy / s_z  (× 1/s_ego = Σ p·p)
    double redundant = 0;  // Σ_z a_xz·a_zy, the same for both egos (× 1/s_ego / max_k a_alter,k)
};

/// Ego model, per tie x–y: the alter's strength and strongest tie within the ego's network.
struct EgoSums {
    double sum_up = 0, sum_down = 0;  // up: y's within E_x; down: x's within E_y
    double max_up = 0, max_down = 0;
};

}  // namespace

BurtScores burt_structural_holes(const Network& net, const BurtOptions& options) {
    validate(net);
    const std::size_t n = net.actor_count();
    const Contacts c = build_contacts(net);
    const Forward f = orient(c);
    const std::size_t ties = f.actor.size();

    // Whole-network denominators: strength s_q = Σ_k a_qk and strongest tie max_k a_qk.
    std::vector<double> inv_strength(n, 0), inv_max(n, 0);
    for (std::size_t q = 0; q < n; ++q) {
        double s = 0, mx = 0;
        for (std::size_t k = c.offset[q]; k < c.offset[q + 1]; ++k) {
            s += c.a[k];
            mx = std::max(mx, c.a[k]);
        }
        if (s > 0) inv_strength[q] = 1.0 / s;
        if (mx > 0) inv_max[q] = 1.0 / mx;
    }

    // Ego model: for ego i and contact q, q's strength and strongest tie within
    // E_i = {i} ∪ N(i): a_qi plus, over the shared contacts k (triangles {i, q, k}), a_qk.
    std::vector<EgoSums> ego;
    if (options.ego_model) {
        ego.resize(ties);
        for (std::size_t e = 0; e < ties; ++e) ego[e] = {f.a[e], f.a[e], f.a[e], f.a[e]};
    }
    std::vector<TieSums> sums(ties);
    std::vector<std::uint64_t> arcs_among(n, 0);  // arcs among the contacts of i
    for_each_triangle(f, [&](std::size_t u, std::size_t v, std::size_t w, std::size_t uv,
                             std::size_t vw, std::size_t uw) {
        const double a_uv = f.a[uv], a_vw = f.a[vw], a_uw = f.a[uw];
        // Via u, v or w: the product of the two ties at the intermediary.
        const double at_u = a_uv * a_uw, at_v = a_uv * a_vw, at_w = a_uw * a_vw;
        sums[uv].redundant += at_w;
        sums[uw].redundant += at_v;
        sums[vw].redundant += at_u;
        arcs_among[u] += f.arcs[vw];
        arcs_among[v] += f.arcs[uw];
        arcs_among[w] += f.arcs[uv];
        if (options.ego_model) {
            // Tie x–y with third actor z: the alter's tie to z lies in the ego's network.
            const auto add = [](double& sum, double& mx, double a) {
                sum += a;
                mx = std::max(mx, a);
            };
            add(ego[uv].sum_up, ego[uv].max_up, a_vw);      // ego u, alter v
            add(ego[uv].sum_down, ego[uv].max_down, a_uw);  // ego v, alter u
            add(ego[uw].sum_up, ego[uw].max_up, a_vw);      // ego u, alter w
            add(ego[uw].sum_down, ego[uw].max_down, a_uv);  // ego w, alter u
            add(ego[vw].sum_up, ego[vw].max_up, a_uw);      // ego v, alter w
            add(ego[vw].sum_down, ego[vw].max_down, a_uv);  // ego w, alter v
        } else {
            // Whole network: Σ_z a_xz·a_zy / s_z is symmetric in x and y; "down" is copied below.
            sums[uv].indirect_up += at_w * inv_strength[w];
            sums[uw].indirect_up += at_v * inv_strength[v];
            sums[vw].indirect_up += at_u * inv_strength[u];
        }
    });
    if (options.ego_model) {
        // Second pass, now that the ego-network strengths are complete: for ego x, alter y and
        // shared contact z, a_xz·a_zy / (z's strength within E_x).
        for_each_triangle(f, [&](std::size_t, std::size_t, std::size_t, std::size_t uv,
                                 std::size_t vw, std::size_t uw) {
            const double a_uv = f.a[uv], a_vw = f.a[vw], a_uw = f.a[uw];
            const double at_u = a_uv * a_uw, at_v = a_uv * a_vw, at_w = a_uw * a_vw;
            sums[uv].indirect_up += at_w / ego[uw].sum_up;      // ego u, alter v, via w
            sums[uv].indirect_down += at_w / ego[vw].sum_up;    // ego v, alter u, via w
            sums[uw].indirect_up += at_v / ego[uv].sum_up;      // ego u, alter w, via v
            sums[uw].indirect_down += at_v / ego[vw].sum_down;  // ego w, alter u, via v
            sums[vw].indirect_up += at_u / ego[uv].sum_down;    // ego v, alter w, via u
            sums[vw].indirect_down += at_u / ego[uw].sum_down;  // ego w, alter v, via u
        });
    }
    // Back to contact slots: slot (i, j) gets Σ_q a_iq·a_qj/s_q and Σ_q a_iq·a_qj, and in the
    // ego model 1 / max_{k∈E_i} a_jk.
    std::vector<double> slot_indirect(c.actor.size(), 0), slot_redundant(c.actor.size(), 0);
    std::vector<double> slot_inv_max;
    if (options.ego_model) slot_inv_max.assign(c.actor.size(), 0);
    for (std::size_t e = 0; e < ties; ++e) {
        slot_indirect[f.slot[e]] = sums[e].indirect_up;
        slot_indirect[f.back[e]] = options.ego_model ? sums[e].indirect_down : sums[e].indirect_up;
        slot_redundant[f.slot[e]] = sums[e].redundant;
        slot_redundant[f.back[e]] = sums[e].redundant;
        if (options.ego_model) {
            slot_inv_max[f.slot[e]] = 1.0 / ego[e].max_up;
            slot_inv_max[f.back[e]] = 1.0 / ego[e].max_down;
        }
    }

    BurtScores out;
    out.constraint.assign(n, kNaN);
    out.effective_size.assign(n, kNaN);
    out.efficiency.assign(n, kNaN);
    out.hierarchy.assign(n, kNaN);
    out.ego_size.assign(n, 0);
    out.ego_density.assign(n, kNaN);
    std::vector<double> local;  // c_ij of the current ego, in row order
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t contacts = c.size(i);  // N
        out.ego_size[i] = static_cast<double>(contacts);
        if (contacts == 0) continue;  // isolate: everything else stays NaN
        double constraint = 0, effective = 0;
        local.clear();
        for (std::size_t k = c.offset[i]; k < c.offset[i + 1]; ++k) {
            const std::size_t j = c.actor[k];
            const double p_ij = c.a[k] * inv_strength[i];
            const double indirect = slot_indirect[k] * inv_strength[i];  // Σ_q p_iq·p_qj
            const double c_ij = (p_ij + indirect) * (p_ij + indirect);
            local.push_back(c_ij);
            constraint += c_ij;
            const double inv_mx_j = options.ego_model ? slot_inv_max[k] : inv_max[j];
            effective += 1.0 - slot_redundant[k] * inv_strength[i] * inv_mx_j;  // Σ_q p_iq·m_jq
        }
        const double dn = static_cast<double>(contacts);
        out.constraint[i] = constraint;
        out.effective_size[i] = effective;
        out.efficiency[i] = effective / dn;
        if (contacts >= 2) {
            // H = Σ_j r_ij ln r_ij / (N ln N), r_ij = c_ij / (C_i / N).
            double h = 0;
            for (const double c_ij : local) {
                const double r = c_ij * dn / constraint;
                h += r * std::log(r);
            }
            out.hierarchy[i] = h / (dn * std::log(dn));
            const double pairs = net.directed() ? dn * (dn - 1) : dn * (dn - 1) / 2;
            out.ego_density[i] = static_cast<double>(arcs_among[i]) / pairs;
        }
    }
    return out;
}

}  // namespace clusterlens::scoring
