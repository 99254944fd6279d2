#include "src/score/summary_json.hpp"

#include <cmath>

namespace clusterlens::scoring {
namespace {
using Json = nlohmann::ordered_json;

Json number(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

Json numbers_by(const std::map<std::string, double>& m) {
    Json j = Json::object();
    for (const auto& [k, v] : m) j[k] = number(v);
    return j;
}

Json role_values(const BrokerageRoleValues& v) {
    return Json{{"coordinator", number(v.coordinator)},
                {"itinerant", number(v.itinerant)},
                {"representative", number(v.representative)},
                {"gatekeeper", number(v.gatekeeper)},
                {"liaison", number(v.liaison)},
                {"total", number(v.total)}};
}

const char* method_reference(const std::string& method) {
    if (method == "leiden") return "Leiden, modularity objective (Traag, Waltman & van Eck 2019)";
    if (method == "louvain") return "Louvain / multilevel (Blondel et al. 2008)";
    if (method == "infomap") return "Infomap, 10 trials (Rosvall & Bergstrom 2008)";
    if (method == "walktrap")
        return "walktrap, 4 steps, cut at the highest modularity (Pons & Latapy 2005)";
    if (method == "label_propagation") return "label propagation (Raghavan et al. 2007)";
    return "";
}

}  // namespace

Json communities_json(const CommunitySummary& c) {
    Json agreement = Json::object();
    for (const auto& a : c.agreement)
        agreement[a.partition] = {{"actors", a.actors},
                                  {"nmi", number(a.nmi)},
                                  {"adjusted_rand", number(a.adjusted_rand)}};
    return Json{{"method", c.method},
                {"algorithm", method_reference(c.method)},
                {"resolution", c.resolution},
                {"weighted", c.weighted},
                {"seed", c.seed},
                {"runs", c.runs},
                {"best_seed", c.best_seed},
                {"count", c.count},
                {"sizes", c.sizes},
                {"modularity", number(c.modularity)},
                {"modularity_definition",
                 "Newman's Q with resolution gamma, ties as undirected edges (arc weights summed)"},
                {"stability",
                 {{"mean_nmi", number(c.mean_nmi)},
                  {"mean_adjusted_rand", number(c.mean_ari)},
                  {"note", c.runs > 1 ? "between the partitions of all pairs of runs; "
                                        "community_stability per actor (score: actors.csv; "
                                        "communities: members.csv)"
                                      : "one run: use --runs R (R >= 2) to measure stability"}}},
                {"agreement", agreement},
                {"files",
                 "communities.csv (one row per community); each actor's community in "
                 "actors.csv (score) or members.csv (communities)"}};
}

namespace {

Json betweenness_json(const BetweennessSummary& b) {
    Json j = {{"method", b.sampled ? "estimated from sampled sources (Brandes & Pich 2007)"
                                   : "exact (Brandes 2001)"},
              {"sources", b.sources}};
    if (b.sampled)
        j["error"] = {
            {"top_actors", b.top_actors},
            {"median_relative_se", number(b.median_relative_se)},
            {"max_relative_se", number(b.max_relative_se)},
            {"note",
             "betweenness_se per actor in actors.csv; estimate +/- 2 SE is roughly a 95% "
             "interval once K is in the hundreds; with few sources it misses more often"}};
    return j;
}

Json closeness_json(const ClosenessSummary& c) {
    return {{"method",
             "estimated from random pivots (Eppstein & Wang 2004, harmonic terms; arcs reversed "
             "in a digraph)"},
            {"pivots", c.pivots},
            {"seed", c.seed},
            {"error",
             {{"bound_all_actors", number(c.bound)},
              {"confidence", 0.95},
              {"bound_rule",
               "b * n/(n-1) * sqrt(ln(2n/0.05) / (2K)), b = 1 (binary paths) or "
               "the largest weight (weighted paths); Hoeffding 1963 and a union "
               "bound over the n actors"},
              {"top_actors", c.top_actors},
              {"median_relative_se", number(c.median_relative_se)},
              {"max_relative_se", number(c.max_relative_se)},
              {"note",
               "closeness_se per actor in actors.csv is the typical error; the bound "
               "is a guarantee and much larger"}}}};
}

Json ei_json(const EiResult& ei, const Json& extra) {
    Json j = {{"whole_binary", number(ei.whole_binary)},
              {"whole_valued", number(ei.whole_valued)},
              {"group_binary", numbers_by(ei.group_binary)},
              {"group_valued", numbers_by(ei.group_valued)}};
    for (const auto& [k, v] : extra.items()) j[k] = v;
    Json tail = {{"p_upper_binary", number(ei.p_binary)},
                 {"p_lower_binary", number(ei.p_binary_lower)},
                 {"p_upper_valued", number(ei.p_valued)},
                 {"p_lower_valued", number(ei.p_valued_lower)},
                 {"permutation_mean_binary", number(ei.perm_mean_binary)},
                 {"permutations", ei.permutations},
                 {"seed", ei.seed}};
    for (const auto& [k, v] : tail.items()) j[k] = v;
    return j;
}

Json learning_capacity_json(const LearningCapacitySummary& lc) {
    const auto& w = lc.weights;
    Json j = {{"mean_by_part", numbers_by(lc.mean_by_part)},
              {"weights",
               {{"centrality", w.centrality},
                {"size", w.size},
                {"openness", w.openness},
                {"tie_strength", w.tie_strength}}},
              {"indicators",
               {{"centrality", "harmonic closeness / max"},
                {"size", "ego_size / max"},
                {"openness", "ext_share"},
                {"tie_strength", "mean tie weight / max"}}},
              {"rationale",
               "Wang (2013) states that centrality, size, openness and tie strength raise learning "
               "capacity but not by how much: equal weights by default"}};
    if (!lc.fitted) return j;
    const auto& f = *lc.fitted;
    const auto four = [](const std::array<double, 4>& v) {
        return Json{{"centrality", number(v[0])},
                    {"size", number(v[1])},
                    {"openness", number(v[2])},
                    {"tie_strength", number(v[3])}};
    };
    j["rationale"] =
        "weights estimated, not assumed: the standardised OLS coefficients of " + f.outcome +
        " on the four indicators, scaled so that their absolute values sum to 1 (seed 002's "
        "linear form calibrated on the data); clusterlens explain tests them with permutations";
    j["estimated"] = {{"outcome", f.outcome},
                      {"actors", f.actors},
                      {"dropped_without_outcome", f.dropped},
                      {"r2", number(f.r2)},
                      {"adj_r2", number(f.adj_r2)},
                      {"coefficients", four(f.coef)},
                      {"standardised_coefficients", four(f.beta)},
                      {"negative_weights", f.negative}};
    return j;
}

}  // namespace

Json typology_json(const ClusterSummary& s) {
    const auto& ty = s.typology;
    return {{"firms", ty.firms},
            {"counts", ty.counts},
            {"internal_threshold", number(ty.internal_threshold)},
            {"external_threshold", number(ty.external_threshold)},
            {"thresholds",
             ty.thresholds_are_means ? "mean over the cluster's firms (default)" : "given"},
            {"morrison_condition_applied", ty.morrison_applied}};
}

Json lock_in_json(const ClusterSummary& s) {
    Json ind = Json::array();
    for (const auto& i : s.lock_in.indicators)
        ind.push_back(
            {{"name", i.name}, {"value", number(i.value)}, {"rule", i.rule}, {"fired", i.fired}});
    return {{"flag", s.lock_in.lock_in},
            {"fired", s.lock_in.fired},
            {"min_fired", s.lock_in_min_fired},
            {"indicators", ind}};
}

Json summary_json(const ClusterSummary& s) {
    Json j = Json::object();
    const auto& comp = s.composition;
    j["clusterlens_version"] = s.clusterlens_version;
    j["relation"] = s.relation;
    j["actors"] = comp.actors;
    j["ties"] = comp.ties;
    j["directed"] = comp.directed;
    j["actors_by_part"] = comp.by_part;
    j["actors_by_type"] = comp.by_type;
    j["actors_by_locality"] = comp.by_locality;
    j["density"] = number(s.density);
    j["components"] = comp.components;
    j["largest_component_share"] = number(comp.largest_component_share);
    j["isolates"] = comp.isolates;
    j["centralization"] = {{"degree", number(s.centralization.degree)},
                           {"betweenness", number(s.centralization.betweenness)},
                           {"closeness", number(s.centralization.closeness)}};
    j["transitivity"] = number(s.transitivity);
    j["betweenness"] = betweenness_json(s.betweenness);
    if (s.closeness.sampled) j["closeness"] = closeness_json(s.closeness);
    j["ei_locality"] = ei_json(s.ei_locality, {{"cluster_openness", number(s.cluster_openness())}});
    if (s.ei_groups)
        j["ei_groups"] = ei_json(*s.ei_groups, {{"groups", s.options.groups},
                                                {"actor_columns", "ei_groups, ei_groups_valued"}});
    if (s.communities) j["communities"] = communities_json(*s.communities);
    j["pipelines"] = {{"count", s.pipelines.count},
                      {"per_local_actor", number(s.pipelines.per_local_actor)},
                      {"concentration_hhi", number(s.pipelines.concentration_hhi)},
                      {"gatekeeper_reach_share", number(s.pipelines.gatekeeper_reach_share)}};
    const auto& ts = s.tie_strength;
    j["tie_strength"] = {
        {"mean_weight", number(ts.mean_weight)},
        {"strong_threshold", number(ts.strong_threshold)},
        {"strong_rule", ts.threshold_is_median ? "weight > median weight" : "weight >= threshold"},
        {"strong_share", number(ts.strong_share)},
        {"mean_overlap", number(ts.mean_overlap)},
        {"local_bridges", ts.local_bridges}};
    const auto& cp = s.core_periphery;
    j["core_periphery"] = {
        {"model",
         "Borgatti & Everett (2000) continuous, least-squares (minres) fit, binary ties; fit is "
         "the correlation that fit attains, not the largest attainable"},
        {"fit", number(cp.fit)},
        {"coreness_concentration_hhi", number(cp.concentration_hhi)},
        {"sweeps", cp.sweeps},
        {"converged", cp.converged},
        {"discrete",
         {{"model",
           "Borgatti & Everett (2000) discrete, correlation with the ideal pattern, "
           "core-periphery pairs excluded, binary ties"},
          {"fit", number(cp.discrete_fit)},
          {"core_size", cp.discrete_core_size},
          {"core_density", number(cp.discrete_core_density)},
          {"periphery_density", number(cp.discrete_periphery_density)},
          {"converged", cp.discrete_converged}}}};
    Json dims = Json::object();
    for (const auto& [k, v] : s.learning_dimensions)
        dims[k] = {
            {"ties", v},
            {"share", comp.ties ? static_cast<double>(v) / static_cast<double>(comp.ties) : 0.0}};
    j["learning_dimensions"] = dims;
    j["linkage"] = s.linkage;
    const auto& br = s.brokerage;
    j["brokerage"] = {{"groups", br.groups},
                      {"undirected_pairs",
                       br.undirected_pairs == UndirectedPairs::once ? "once" : "ordered_as_sna"},
                      {"density", number(br.density)},
                      {"group_sizes", br.group_sizes},
                      {"raw", role_values(br.raw)},
                      {"expected", role_values(br.expected)},
                      {"z", role_values(br.z)}};
    j["typology"] = typology_json(s);
    j["learning_capacity"] = learning_capacity_json(s.learning_capacity);
    j["lock_in"] = lock_in_json(s);
    const auto& o = s.options;
    j["options"] = {{"weighted_paths", o.weighted_paths},
                    {"betweenness_samples", o.betweenness_samples},
                    {"constraint_model", o.ego_model ? "ego network" : "whole network (igraph)"},
                    {"groups", o.groups},
                    {"permutations", o.permutations},
                    {"seed", o.seed}};
    j["warnings"] = s.warnings;
    return j;
}

double ClusterSummary::cluster_openness() const {
    const auto it = ei_locality.group_binary.find("local");
    return it == ei_locality.group_binary.end() ? kUndefined : it->second;
}

std::size_t TypologySummary::count(const std::string& role) const {
    const auto it = counts.find(role);
    return it == counts.end() ? 0 : it->second;
}

}  // namespace clusterlens::scoring
