#include "src/compare/two_network_stability.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <utility>

namespace clusterlens::scoring {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

using Dyad = std::pair<std::string, std::string>;

/// A tie as the dyad of its ends' keys, unordered when undirected.
Dyad dyad_of(const Network& net, const std::vector<std::string>& key, std::size_t e) {
    std::string s = key[net.source(e)], t = key[net.target(e)];
    if (!net.directed() && t < s) std::swap(s, t);
    return {s, t};
}

double share(std::size_t part, std::size_t whole) {
    return whole == 0 ? kNan : static_cast<double>(part) / static_cast<double>(whole);
}

/// The stability of the ties of A and B whose ends are both in `in` (a set of keys, n of them).
/// strong_a[e]: tie e of A is strong; weak_a[e]: weak (neither without strength_class).
TieSetStability over(const std::map<Dyad, std::size_t>& ties_a, const std::set<Dyad>& ties_b,
                     const std::set<std::string>& in, bool directed,
                     const std::vector<char>& strong_a, const std::vector<char>& weak_a) {
    TieSetStability s;
    s.actors = in.size();
    const std::size_t n = s.actors;
    s.dyads = n < 2 ? 0 : (directed ? n * (n - 1) : n * (n - 1) / 2);
    auto inside = [&](const Dyad& d) { return in.count(d.first) && in.count(d.second); };
    for (const auto& [d, e] : ties_a) {
        if (!inside(d)) continue;
        ++s.ties_a;
        const std::size_t kept = ties_b.count(d);  // 1 or 0
        s.kept += kept;
        s.lost += 1 - kept;
        if (strong_a[e]) {
            ++s.strong_a;
            s.strong_kept += kept;
        }
        if (weak_a[e]) {
            ++s.weak_a;
            s.weak_kept += kept;
        }
    }
    for (const auto& d : ties_b)
        if (inside(d)) ++s.ties_b;
    s.gained = s.ties_b - s.kept;
    // J = |T_A ∩ T_B| / |T_A ∪ T_B|; H = |T_A Δ T_B|; H / D.
    s.jaccard = share(s.kept, s.kept + s.gained + s.lost);
    s.hamming = s.gained + s.lost;
    s.hamming_normalised =
        s.actors < 2 ? kNan : static_cast<double>(s.hamming) / static_cast<double>(s.dyads);
    s.strong_kept_share = share(s.strong_kept, s.strong_a);
    s.weak_kept_share = share(s.weak_kept, s.weak_a);
    return s;
}

/// Average ranks (1-based) of v; equal values share the mean of their positions. Values within
/// 1e-12 · max(1, |x|) of the smallest of their run count as equal: scores that tie in exact
/// arithmetic (two harmonic sums 1/1 + 1/2 + 1/3 added in another order) differ in the last
/// bits, and ranking those bits would make ρ depend on rounding.
std::vector<double> average_ranks(const std::vector<double>& v) {
    std::vector<std::size_t> order(v.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t i, std::size_t j) { return v[i] < v[j]; });
    std::vector<double> rank(v.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        const double first = v[order[i]], tolerance = 1e-12 * std::max(1.0, std::fabs(first));
        while (j + 1 < order.size() && v[order[j + 1]] - first <= tolerance) ++j;
        const double mean = (static_cast<double>(i) + static_cast<double>(j)) / 2 + 1;
        for (std::size_t k = i; k <= j; ++k) rank[order[k]] = mean;
        i = j + 1;
    }
    return rank;
}

/// The pairs (x_i, y_i) where both are finite.
std::pair<std::vector<double>, std::vector<double>> finite_pairs(const std::vector<double>& x,
                                                                 const std::vector<double>& y) {
    std::pair<std::vector<double>, std::vector<double>> p;
    for (std::size_t i = 0; i < x.size() && i < y.size(); ++i)
        if (std::isfinite(x[i]) && std::isfinite(y[i])) {
            p.first.push_back(x[i]);
            p.second.push_back(y[i]);
        }
    return p;
}

/// Pearson's r of finite x and y of the same length.
double pearson_finite(const std::vector<double>& x, const std::vector<double>& y) {
    const std::size_t k = x.size();
    if (k < 2) return kNan;
    // r = Σ (x − x̄)(y − ȳ) / sqrt(Σ (x − x̄)² · Σ (y − ȳ)²), centred first for accuracy.
    const double mx = std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(k);
    const double my = std::accumulate(y.begin(), y.end(), 0.0) / static_cast<double>(k);
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < k; ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    // Values equal up to rounding leave a variance of ~1e-32 x̄²: count it as zero.
    const auto flat = [k](double ss, double mean) {
        return ss <= 1e-24 * static_cast<double>(k) * std::max(1.0, mean * mean);
    };
    if (flat(sxx, mx) || flat(syy, my)) return kNan;
    return std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
}

}  // namespace

double pearson_r(const std::vector<double>& x, const std::vector<double>& y) {
    const auto [fx, fy] = finite_pairs(x, y);
    return pearson_finite(fx, fy);
}

double spearman_rho(const std::vector<double>& x, const std::vector<double>& y) {
    const auto [fx, fy] = finite_pairs(x, y);
    return pearson_finite(average_ranks(fx), average_ranks(fy));
}

TieStability tie_stability(const Network& a, const Network& b,
                           const std::vector<std::string>& key_a,
                           const std::vector<std::string>& key_b) {
    std::map<Dyad, std::size_t> ties_a;  // dyad -> tie of A
    std::map<Dyad, std::size_t> ties_b;  // dyad -> tie of B
    for (std::size_t e = 0; e < a.tie_count(); ++e) ties_a.emplace(dyad_of(a, key_a, e), e);
    for (std::size_t e = 0; e < b.tie_count(); ++e) ties_b.emplace(dyad_of(b, key_b, e), e);
    std::set<Dyad> dyads_b;
    for (const auto& [d, e] : ties_b) dyads_b.insert(d);

    std::vector<char> strong(a.tie_count(), 0), weak(a.tie_count(), 0);
    if (const auto* c = a.tie_attributes().find("strength_class"))
        for (std::size_t e = 0; e < a.tie_count(); ++e) {
            strong[e] = c->as_text(e) == "strong";
            weak[e] = c->as_text(e) == "weak";
        }

    const std::set<std::string> in_a(key_a.begin(), key_a.end()), in_b(key_b.begin(), key_b.end());
    std::set<std::string> kept, all = in_a;
    for (const auto& k : key_b) {
        all.insert(k);
        if (in_a.count(k)) kept.insert(k);
    }
    TieStability s;
    s.kept_actors = over(ties_a, dyads_b, kept, a.directed(), strong, weak);
    s.all_actors = over(ties_a, dyads_b, all, a.directed(), strong, weak);
    std::vector<double> wa, wb;  // the kept ties' weights in A and in B
    for (const auto& [d, e] : ties_a)
        if (const auto it = ties_b.find(d); it != ties_b.end()) {
            wa.push_back(a.weight(e));
            wb.push_back(b.weight(it->second));
        }
    s.weight_pairs = wa.size();
    s.weight_pearson = pearson_r(wa, wb);
    return s;
}

std::vector<std::string> compared_actor_measures(const ScoredRelation& a, const ScoredRelation& b) {
    std::vector<std::string> out;
    const auto& input = a.input_attributes;
    for (const auto& col : a.network.actor_attributes().columns()) {
        if (col.kind != AttributeColumn::Kind::number || col.name == "community") continue;
        if (std::find(input.begin(), input.end(), col.name) != input.end()) continue;
        const auto& in_b = b.input_attributes;
        const auto* other = b.network.actor_attributes().find(col.name);
        if (other == nullptr || other->kind != AttributeColumn::Kind::number ||
            std::find(in_b.begin(), in_b.end(), col.name) != in_b.end())
            continue;
        out.push_back(col.name);
    }
    return out;
}

ActorStability actor_stability(const ScoredRelation& a, const ScoredRelation& b,
                               const std::vector<KeptActor>& kept) {
    ActorStability s;
    const auto names = compared_actor_measures(a, b);
    std::vector<const AttributeColumn*> col_a, col_b;
    for (const auto& name : names) {
        col_a.push_back(a.network.actor_attributes().find(name));
        col_b.push_back(b.network.actor_attributes().find(name));
    }
    std::vector<std::vector<double>> va(names.size()), vb(names.size());
    for (const auto& k : kept)
        for (std::size_t m = 0; m < names.size(); ++m) {
            const double x = col_a[m]->numbers.at(k.a), y = col_b[m]->numbers.at(k.b);
            s.rows.push_back({k.id, k.label, names[m], x, y, y - x});
            va[m].push_back(x);
            vb[m].push_back(y);
        }
    for (std::size_t m = 0; m < names.size(); ++m) {
        const auto [x, y] = finite_pairs(va[m], vb[m]);
        double sum = 0;
        for (std::size_t i = 0; i < x.size(); ++i) sum += y[i] - x[i];
        s.measures.push_back(
            {names[m], x.size(), x.empty() ? kNan : sum / static_cast<double>(x.size()),
             pearson_finite(x, y), pearson_finite(average_ranks(x), average_ranks(y))});
    }
    return s;
}

}  // namespace clusterlens::scoring
