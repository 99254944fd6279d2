#include "src/app/summary_reads.hpp"

#include <fmt/format.h>

#include <cmath>
#include <ostream>
#include <string>

#include "src/score/summary_json.hpp"

namespace clusterlens::app {

render::Headline headline_from_summary(const scoring::ClusterSummary& s) {
    render::Headline h;
    const auto& by_part = s.composition.by_part;
    for (const char* part : {"core", "assisting", "external", "unspecified"})
        if (const auto it = by_part.find(part); it != by_part.end())
            h.actors_by_part.emplace_back(part, it->second);
    h.ties = s.composition.ties;
    h.actors = s.composition.actors;
    const auto& by_locality = s.composition.by_locality;
    h.locality_known = by_locality.count("local") > 0 || by_locality.count("global") > 0;
    h.local_ei = std::isfinite(s.cluster_openness()) ? s.cluster_openness() : std::nan("");
    h.mean_tie_strength =
        std::isfinite(s.tie_strength.mean_weight) ? s.tie_strength.mean_weight : std::nan("");
    h.lock_in = !h.locality_known ? -1 : s.lock_in.lock_in ? 1 : 0;
    return h;
}

void apply_typology_thresholds(const scoring::ClusterSummary& s, render::RenderOptions& ro) {
    if (std::isfinite(s.typology.internal_threshold))
        ro.internal_threshold = s.typology.internal_threshold;
    if (std::isfinite(s.typology.external_threshold))
        ro.external_threshold = s.typology.external_threshold;
}

void print_score_summary(const scoring::ScoredRelation& r, std::ostream& out) {
    const auto& s = r.cluster;
    auto num = [](double v) {
        return std::isfinite(v) ? fmt::format("{:.4g}", v) : std::string("n/a");
    };
    auto percent = [](double v) {
        return std::isfinite(v) ? fmt::format("{:.1f}%", 100 * v) : std::string("n/a");
    };
    const auto& c = s.composition;
    const auto& ei = s.ei_locality;
    out << fmt::format("relation {}: {} actors, {} ties, density {}\n",
                       s.relation.empty() ? "(unnamed)" : s.relation, c.actors, c.ties,
                       num(s.density));
    out << fmt::format(
        "  cluster openness (E-I of the local group): {}; whole-network E-I {} (p upper {}, {} "
        "permutations)\n",
        num(s.cluster_openness()), num(ei.whole_binary), num(ei.p_binary), ei.permutations);
    if (s.ei_groups) {
        const auto& g = *s.ei_groups;
        out << fmt::format(
            "  E-I on {} ({} groups): {} (p upper {}, p lower {}, {} permutations); ei_groups "
            "in actors.csv\n",
            s.options.groups, g.group_binary.size(), num(g.whole_binary), num(g.p_binary),
            num(g.p_binary_lower), g.permutations);
    }
    if (s.communities) print_community_summary(*s.communities, out);
    out << fmt::format("  pipelines: {}, concentration (HHI) {}, reach through gatekeepers {}\n",
                       s.pipelines.count, num(s.pipelines.concentration_hhi),
                       num(s.pipelines.gatekeeper_reach_share));
    out << fmt::format(
        "  centralization: degree {}, betweenness {}, closeness {}; transitivity {}\n",
        num(s.centralization.degree), num(s.centralization.betweenness),
        num(s.centralization.closeness), num(s.transitivity));
    if (s.betweenness.sampled)
        out << fmt::format(
            "  betweenness estimated from {} of {} sources: standard error {} (median) to {} "
            "(max) of the value for the top {} actors; betweenness_se in actors.csv\n",
            s.betweenness.sources, c.actors, percent(s.betweenness.median_relative_se),
            percent(s.betweenness.max_relative_se), s.betweenness.top_actors);
    if (s.closeness.sampled)
        out << fmt::format(
            "  closeness estimated from {} pivots: standard error {} (median) to {} (max) of the "
            "value for the top {} actors, at most {} off for every actor (95%); closeness_se in "
            "actors.csv\n",
            s.closeness.pivots, percent(s.closeness.median_relative_se),
            percent(s.closeness.max_relative_se), s.closeness.top_actors, num(s.closeness.bound));
    std::string roles;
    for (const auto& [k, v] : s.typology.counts)
        roles += fmt::format("{}{} {}", roles.empty() ? "" : ", ", k, v);
    out << fmt::format("  firm roles ({} firms; thresholds internal {} external {}): {}\n",
                       s.typology.firms, num(s.typology.internal_threshold),
                       num(s.typology.external_threshold), roles.empty() ? "none" : roles);
    if (s.learning_capacity.fitted) {
        const auto& f = *s.learning_capacity.fitted;
        const auto& w = f.weights;
        out << fmt::format(
            "  learning capacity: weights estimated from {} (OLS on the four indicators, {} "
            "actors{}, R² {}): centrality {}, size {}, openness {}, tie strength {}\n",
            f.outcome, f.actors,
            f.dropped ? fmt::format(", {} without a value left out", f.dropped) : "", num(f.r2),
            num(w.centrality), num(w.size), num(w.openness), num(w.tie_strength));
        if (!f.negative.empty()) {
            std::string dims;
            for (const auto& d : f.negative) dims += (dims.empty() ? "" : ", ") + d;
            out << fmt::format(
                "    negative weight for {}: {} falls as it rises, against the hypothesis; the "
                "index is no longer within [0, 1]\n",
                dims, f.outcome);
        }
    }
    std::string fired;
    for (const auto& i : s.lock_in.indicators)
        if (i.fired) fired += (fired.empty() ? "" : ", ") + i.name;
    out << fmt::format("  lock-in: {} ({} of 4 indicators fired{}{})\n",
                       s.lock_in.lock_in ? "YES" : "no", s.lock_in.fired, fired.empty() ? "" : ": ",
                       fired);
}

void print_community_summary(const scoring::CommunitySummary& c, std::ostream& out) {
    auto num = [](double v) {
        return std::isfinite(v) ? fmt::format("{:.4g}", v) : std::string("n/a");
    };
    std::string sizes;
    for (std::size_t k = 0; k < c.sizes.size() && k < 8; ++k)
        sizes += fmt::format("{}{}", k ? ", " : "", c.sizes[k]);
    if (c.sizes.size() > 8) sizes += ", ...";
    std::string seeds = c.runs > 1 ? fmt::format("best of {} runs, seeds {}..{}, kept seed {}",
                                                 c.runs, c.seed, c.seed + c.runs - 1, c.best_seed)
                                   : fmt::format("1 run, seed {}", c.seed);
    out << fmt::format("  communities ({}, resolution {}, {}): {} of sizes {}; modularity {}\n",
                       c.method, num(c.resolution), seeds, c.count, sizes, num(c.modularity));
    std::string agree;
    for (const auto& a : c.agreement)
        agree += fmt::format("{}{} NMI {}", agree.empty() ? "" : ", ", a.partition, num(a.nmi));
    out << fmt::format("    stability between runs: NMI {}, adjusted Rand {}; agreement with {}\n",
                       num(c.mean_nmi), num(c.mean_ari), agree);
}

void append_lock_in_rows(const scoring::ClusterSummary& s, std::vector<MetricRow>& rows) {
    const double nan = std::nan("");
    for (const auto& ind : s.lock_in.indicators)
        rows.push_back({"lockin_" + ind.name, nan, nan, std::isfinite(ind.value) ? ind.value : nan,
                        "fires when " + ind.rule + (ind.fired ? " (fired)" : " (not fired)")});
    rows.push_back({"lockin_flag", nan, nan, s.lock_in.lock_in ? 1.0 : 0.0,
                    fmt::format("1 when at least {} indicators fire", s.lock_in_min_fired)});
}

nlohmann::ordered_json lock_in_section(const scoring::ClusterSummary& s) {
    return scoring::lock_in_json(s);
}

nlohmann::ordered_json typology_section(const scoring::ClusterSummary& s) {
    return scoring::typology_json(s);
}

}  // namespace clusterlens::app
