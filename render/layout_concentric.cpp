#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>
#include <vector>

#include "render/layouts.hpp"

namespace clusterlens::render {

void concentric_layout(View& v, bool ego) {
    if (!ego)
        for (auto& nd : v.nodes) {
            switch (nd.part) {
                case Part::core:
                    nd.ring = 0;
                    break;
                case Part::assisting:
                    nd.ring = 1;
                    break;
                case Part::external:
                    nd.ring = 2;
                    break;
                default:
                    nd.ring = nd.global || nd.actor == kNone ? 2 : 1;
            }
        }
    int rings = 0;
    for (const auto& nd : v.nodes) rings = std::max(rings, nd.ring + 1);
    std::vector<std::vector<std::size_t>> ring(static_cast<std::size_t>(rings));
    double biggest = 0;
    for (std::size_t i = 0; i < v.nodes.size(); ++i) {
        ring[static_cast<std::size_t>(v.nodes[i].ring)].push_back(i);
        biggest = std::max(biggest, node_points(v.nodes[i]));
    }
    // Radii: each ring clear of the one inside; a ring too short for its nodes side by side
    // becomes a band of `bands` concentric circles (node k of the ring on circle k mod bands).
    double mean_size = 0;
    for (const auto& nd : v.nodes) mean_size += node_points(nd);
    mean_size /= std::max<double>(1, static_cast<double>(v.nodes.size()));
    const double spacing = mean_size + 6;
    std::vector<double> radius(ring.size(), 0);
    std::vector<std::size_t> bands(ring.size(), 1);
    double previous = -1;
    for (std::size_t r = 0; r < ring.size(); ++r) {
        if (ring[r].empty()) continue;
        const double count = static_cast<double>(ring[r].size());
        double rad = previous < 0
                         ? (ring[r].size() == 1
                                ? 0.0
                                : std::max(3 * spacing, count * spacing / (2 * std::numbers::pi)))
                         : previous + std::max({4 * spacing, 2.5 * biggest, 0.3 * previous});
        if (previous >= 0) {
            bands[r] =
                static_cast<std::size_t>(std::ceil(count * spacing / (2 * std::numbers::pi * rad)));
            bands[r] = std::clamp<std::size_t>(bands[r], 1, 6);
            if (bands[r] == 6)  // still too tight: widen the ring instead
                rad = std::max(rad, count * spacing / (2 * std::numbers::pi * 6));
        }
        radius[r] = rad;
        previous = rad + static_cast<double>(bands[r] - 1) * 1.2 * biggest;
    }
    // Start in category then input order; then barycentric sweeps: each node moves toward the
    // weighted circular mean of its neighbours' angles, and each ring is re-spaced evenly in
    // that order (ties drawn shorter, crossings fewer).
    std::vector<double> angle(v.nodes.size(), 0);
    auto respace = [&](std::vector<std::size_t>& members, const std::vector<double>& target) {
        std::stable_sort(members.begin(), members.end(),
                         [&](std::size_t a, std::size_t b) { return target[a] < target[b]; });
        const double step = 2 * std::numbers::pi / static_cast<double>(members.size());
        const double start = target[members.front()];
        for (std::size_t k = 0; k < members.size(); ++k)
            angle[members[k]] = start + step * static_cast<double>(k);
    };
    for (auto& members : ring) {
        if (members.empty()) continue;
        std::stable_sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
            return v.nodes[a].category < v.nodes[b].category;
        });
        std::vector<double> target(v.nodes.size(), 0);
        for (std::size_t k = 0; k < members.size(); ++k)
            target[members[k]] = static_cast<double>(k);
        respace(members, target);
    }
    std::vector<std::vector<std::pair<std::size_t, double>>> adj(v.nodes.size());
    for (const auto& e : v.edges) {
        adj[e.a].emplace_back(e.b, e.weight);
        adj[e.b].emplace_back(e.a, e.weight);
    }
    for (int sweep = 0; sweep < 16; ++sweep) {
        std::vector<double> target = angle;
        for (std::size_t i = 0; i < v.nodes.size(); ++i) {
            double sx = 0, sy = 0;
            for (const auto& [j, w] : adj[i])
                sx += w * std::cos(angle[j]), sy += w * std::sin(angle[j]);
            if (sx != 0 || sy != 0) {
                double t = std::atan2(sy, sx);
                while (t < angle[i] - std::numbers::pi) t += 2 * std::numbers::pi;
                while (t > angle[i] + std::numbers::pi) t -= 2 * std::numbers::pi;
                target[i] = t;
            }
        }
        for (auto& members : ring)
            if (members.size() > 1) respace(members, target);
    }
    for (std::size_t r = 0; r < ring.size(); ++r) {
        auto members = ring[r];
        std::stable_sort(members.begin(), members.end(),
                         [&](std::size_t a, std::size_t b) { return angle[a] < angle[b]; });
        for (std::size_t k = 0; k < members.size(); ++k) {
            const auto i = members[k];
            const double rad = radius[r] + static_cast<double>(k % bands[r]) * 1.2 * biggest;
            v.nodes[i].x = rad * std::cos(angle[i]);
            v.nodes[i].y = rad * std::sin(angle[i]);
        }
    }
}

}  // namespace clusterlens::render
