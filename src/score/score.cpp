#include "src/score/score.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>

#include "clusterlens/version.hpp"
#include "graphs/actor_values.hpp"
#include "graphs/error.hpp"
#include "graphs/text_input.hpp"
#include "src/roles/learning_dimension.hpp"
#include "src/score/summary_json.hpp"
#include "src/size/composition.hpp"

namespace clusterlens::scoring {
namespace {

/// Group labels for brokerage: a model field (locality, part, type, group, stage) or any
/// attribute (graphs/actor_values.hpp).
std::vector<std::string> group_labels(const Network& net, const std::string& by) {
    return texts_of(net, by, "--groups");
}

/// The numeric actor attribute --lc-weights fitted:COLUMN names (empty or unparsable → NaN).
std::vector<double> outcome_values(const Network& net, const std::string& column) {
    auto values = numbers_of(net, column, "--lc-weights fitted:");
    if (!values)
        throw UsageError("--lc-weights fitted:" + column + ": '" + column +
                         "' is not numeric; name a numeric actor attribute of the input");
    return *values;
}

std::vector<double> ratio(const std::vector<double>& a, const std::vector<double>& b) {
    std::vector<double> out(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) out[i] = b[i] > 0 ? a[i] / b[i] : std::nan("");
    return out;
}

/// What the measures return for one relation: the source of every score column.
struct MeasureResults {
    CentralityScores c;
    BurtScores b;
    OpennessScores op;
    BrokerageScores br;
    TypologyScores ty;
    LearningCapacityScores lc;
    std::optional<FittedLearningWeights> lc_fit;
    CorePeripheryResult cp;
    DiscreteCorePeriphery cp_discrete;
    TieStrengthScores ts;
    LearningDimensionScores ld;
};

using R = MeasureResults;
using Numbers = const std::vector<double>& (*)(const R&);
using Texts = const std::vector<std::string>& (*)(const R&);

/// One score column: its name (in actors.csv / ties.csv and as a network.graphml attribute)
/// and the measure output it holds. Each column is named here and nowhere else.
struct ScoreColumn {
    const char* name;
    bool in_csv;  ///< a column of actors.csv / ties.csv (else only a network.graphml attribute)
    Numbers numbers;
    Texts texts;
};

/// actors.csv after id, label, part, type, locality, in this order; then attributes kept only in
/// network.graphml (render and compare read them).
const std::vector<ScoreColumn>& actor_score_columns() {
    static const std::vector<ScoreColumn> t = {
        {"degree", true, [](const R& r) -> const auto& {return r.c.degree;
}
, nullptr
}  // namespace
, {"in_degree", true, [](const R& r) -> const auto& {return r.c.in_degree;
}  // namespace clusterlens::scoring
, nullptr
}
, {"out_degree", true, [](const R& r) -> const auto& {return r.c.out_degree;
}
, nullptr
}
, {"strength", true, [](const R& r) -> const auto& {return r.c.strength;
}
, nullptr
}
, {"betweenness", true, [](const R& r) -> const auto& {return r.c.betweenness;
}
, nullptr
}
, {"closeness", true, [](const R& r) -> const auto& {return r.c.closeness;
}
, nullptr
}
, {"eigenvector", true, [](const R& r) -> const auto& {return r.c.eigenvector;
}
, nullptr
}
, {"pagerank", true, [](const R& r) -> const auto& {return r.c.pagerank;
}
, nullptr
}
, {"coreness", true, [](const R& r) -> const auto& {return r.c.coreness;
}
, nullptr
}
, {"constraint", true, [](const R& r) -> const auto& {return r.b.constraint;
}
, nullptr
}
, {"effective_size", true, [](const R& r) -> const auto& {return r.b.effective_size;
}
, nullptr
}
, {"efficiency", true, [](const R& r) -> const auto& {return r.b.efficiency;
}
, nullptr
}
, {"hierarchy", true, [](const R& r) -> const auto& {return r.b.hierarchy;
}
, nullptr
}
, {"ego_size", true, [](const R& r) -> const auto& {return r.b.ego_size;
}
, nullptr
}
, {"ego_density", true, [](const R& r) -> const auto& {return r.b.ego_density;
}
, nullptr
}
, {"ext_ties", true, [](const R& r) -> const auto& {return r.op.ext_ties;
}
, nullptr
}
, {"ext_strength", true, [](const R& r) -> const auto& {return r.op.ext_strength;
}
, nullptr
}
, {"ext_share", true, [](const R& r) -> const auto& {return r.op.ext_share;
}
, nullptr
}
, {"ei", true, [](const R& r) -> const auto& {return r.op.ei;
}
, nullptr
}
, {"coordinator", true, [](const R& r) -> const auto& {return r.br.coordinator;
}
, nullptr
}
, {"itinerant", true, [](const R& r) -> const auto& {return r.br.itinerant;
}
, nullptr
}
, {"gatekeeper", true, [](const R& r) -> const auto& {return r.br.gatekeeper;
}
, nullptr
}
, {"representative", true, [](const R& r) -> const auto& {return r.br.representative;
}
, nullptr
}
, {"liaison", true, [](const R& r) -> const auto& {return r.br.liaison;
}
, nullptr
}
, {"brokerage_z", true, [](const R& r) -> const auto& {return r.br.z.total;
}
, nullptr
}
, {"typology", true, nullptr, [](const R& r) -> const auto& {return r.ty.typology;
}
}
, {"learning_capacity", true, [](const R& r) -> const auto& {return r.lc.value;
}
, nullptr
}
, {"ei_valued", false, [](const R& r) -> const auto& {return r.op.ei_valued;
}
, nullptr
}
, {"brokerage_total", false, [](const R& r) -> const auto& {return r.br.total;
}
, nullptr
}
, {"internal_connectivity", false, [](const R& r) -> const auto& {return r.ty.internal_connectivity;
}
, nullptr
}
, {"external_openness", false, [](const R& r) -> const auto& {return r.ty.external_openness;
}
, nullptr
}
, {
    "cp_coreness", false, [](const R& r) -> const auto& { return r.cp.coreness; }
    , nullptr
}
}
;
return t;
}

/// ties.csv after source, target, relation, weight.
const std::vector<ScoreColumn>& tie_score_columns() {
    static const std::vector<ScoreColumn> t = {
        {"strength_class", true, nullptr, [](const R& r) -> const auto& {return r.ts.strength_class;
}
}
, {"overlap", true, [](const R& r) -> const auto& {return r.ts.overlap;
}
, nullptr
}
, {"local_bridge", true, [](const R& r) -> const auto& {return r.ts.local_bridge;
}
, nullptr
}
, {"learning_dimension", true, nullptr,
   [](const R& r) -> const auto& {return r.ld.learning_dimension;
}
}
, {
    "linkage", true, nullptr, [](const R& r) -> const auto& { return r.ld.linkage; }
}
}
;
return t;
}

/// Sets every column of `table` on `attrs` (a column's length is checked: a broken invariant).
void set_columns(const std::vector<ScoreColumn>& table, const R& r, std::size_t size,
                 AttributeTable& attrs) {
    for (const auto& col : table) {
        const std::size_t got = col.numbers ? col.numbers(r).size() : col.texts(r).size();
        if (got != size) throw BackendError(std::string("score: wrong length for ") + col.name);
        if (col.numbers)
            attrs.set_numbers(col.name, col.numbers(r));
        else
            attrs.set_texts(col.name, col.texts(r));
    }
}

std::vector<std::string> csv_columns(std::vector<std::string> head,
                                     const std::vector<ScoreColumn>& table) {
    for (const auto& col : table)
        if (col.in_csv) head.emplace_back(col.name);
    return head;
}

/// The stated error of a sampled score over the ten actors with the highest estimate: the
/// median and largest se / estimate (BetweennessSummary, ClosenessSummary).
template <class Summary>
void sampled_error(const std::vector<double>& value, const std::vector<double>& se, Summary& s) {
    std::vector<std::size_t> order(value.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    const std::size_t top = std::min<std::size_t>(10, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                      [&](std::size_t a, std::size_t b) {
                          return value[a] != value[b] ? value[a] > value[b] : a < b;
                      });
    std::vector<double> rel;
    for (std::size_t k = 0; k < top; ++k) {
        const auto i = order[k];
        if (value[i] > 0 && std::isfinite(se[i])) rel.push_back(se[i] / value[i]);
    }
    std::sort(rel.begin(), rel.end());
    s.top_actors = top;
    if (rel.empty()) return;
    s.median_relative_se = rel.size() % 2 == 1
                               ? rel[rel.size() / 2]
                               : (rel[rel.size() / 2 - 1] + rel[rel.size() / 2]) / 2;
    s.max_relative_se = rel.back();
}

/// Sampling mode (--betweenness-samples or --closeness-samples): the E-I permutation test
/// follows it. A permutation costs about n + 2m steps (the shuffle and the arcs of the relabelled
/// actors), so the test runs at most max(1000, budget / (n + 2m)) permutations (budget 2·10⁹,
/// ScoreOptions::permutation_budget; a million-actor, ten-million-tie network: 1,000 instead
/// of 10,000, tests/bench/RESULTS.md) and says so with the Monte Carlo error of its p-values,
/// at most 0.5 / sqrt(permutations). Without sampling the test runs every permutation asked
/// for.
constexpr std::size_t kMinPermutations = 1000;

EiOptions ei_options(const Network& net, const ScoreOptions& o, std::vector<std::string>& notes) {
    EiOptions ei = o.ei;
    const auto& c = o.centrality;
    const std::size_t n = net.actor_count();
    const bool sampling = (c.betweenness_samples > 0 && c.betweenness_samples < n) ||
                          (c.closeness_samples > 0 && c.closeness_samples < n);
    if (!sampling || ei.permutations <= kMinPermutations) return ei;
    const double per = static_cast<double>(n) + 2.0 * static_cast<double>(net.tie_count());
    const auto fit = std::max(kMinPermutations,
                              static_cast<std::size_t>(o.permutation_budget / std::max(per, 1.0)));
    if (fit >= ei.permutations) return ei;
    char error[32], budget[32];
    std::snprintf(error, sizeof error, "%.3f", 0.5 / std::sqrt(static_cast<double>(fit)));
    std::snprintf(budget, sizeof budget, "%.0e", o.permutation_budget);
    notes.push_back("E-I permutation test: " + std::to_string(fit) + " of the " +
                    std::to_string(ei.permutations) +
                    " permutations asked for, since sampling was asked for (about " +
                    std::to_string(static_cast<std::size_t>(per)) +
                    " steps per permutation, budget " + budget +
                    "); p-values carry a Monte Carlo standard "
                    "error of at most 0.5/sqrt(" +
                    std::to_string(fit) + ") = " + error);
    ei.permutations = fit;
    return ei;
}

/// The network-level results (ClusterSummary) from the measures' own result structs.
ClusterSummary summarise(const Network& relation, const R& r, const ScoreOptions& o,
                         const Centralization& cz, double trans, const EiResult& ei,
                         const LockInDiagnosis& li) {
    ClusterSummary s;
    const std::size_t n = relation.actor_count();
    s.clusterlens_version = kVersion;
    s.relation = relation.relations().front();
    s.composition = composition(relation);
    s.density = s.composition.density_by_relation.begin()->second;
    s.centralization = cz;
    s.transitivity = trans;
    s.betweenness.sampled = !r.c.betweenness_se.empty();
    s.betweenness.sources = s.betweenness.sampled ? o.centrality.betweenness_samples : n;
    if (s.betweenness.sampled) sampled_error(r.c.betweenness, r.c.betweenness_se, s.betweenness);
    s.closeness.sampled = !r.c.closeness_se.empty();
    if (s.closeness.sampled) {
        s.closeness.pivots = o.centrality.closeness_samples;
        s.closeness.seed = o.centrality.seed;
        s.closeness.bound = r.c.closeness_bound;
        sampled_error(r.c.closeness, r.c.closeness_se, s.closeness);
    }
    s.ei_locality = ei;
    s.pipelines = {li.pipelines, li.pipelines_per_local_actor, li.pipeline_concentration,
                   gatekeeper_reach_share(relation, r.ty.typology)};
    s.tie_strength = {r.ts.mean_weight,  r.ts.threshold_used, r.ts.threshold_is_median,
                      r.ts.strong_share, r.ts.mean_overlap,   r.ts.local_bridges};
    s.core_periphery = {r.cp.fit,
                        r.cp.concentration,
                        r.cp.sweeps,
                        r.cp.converged,
                        r.cp_discrete.fit,
                        r.cp_discrete.core_density,
                        r.cp_discrete.periphery_density,
                        r.cp_discrete.core_size,
                        r.cp_discrete.converged};
    s.learning_dimensions = r.ld.dimension_counts;
    s.linkage = r.ld.linkage_counts;
    s.brokerage = {o.groups,        o.brokerage.undirected_pairs, r.br.density, r.br.group_sizes,
                   r.br.global.raw, r.br.global.expected,         r.br.global.z};
    s.typology = {r.ty.firms,
                  r.ty.counts,
                  r.ty.internal_threshold,
                  r.ty.external_threshold,
                  r.ty.thresholds_are_means,
                  r.ty.morrison_applied};
    std::map<std::string, std::pair<double, std::size_t>> by_part;
    for (std::size_t i = 0; i < n; ++i) {
        auto& [sum, count] = by_part[std::string(to_string(relation.actor(i).part))];
        sum += r.lc.value[i], ++count;
    }
    for (const auto& [part, v] : by_part)
        s.learning_capacity.mean_by_part[part.empty() ? "unspecified" : part] =
            v.first / static_cast<double>(v.second);
    s.learning_capacity.weights = r.lc_fit ? r.lc_fit->weights : o.learning_capacity;
    s.learning_capacity.fitted = r.lc_fit;
    s.lock_in = li;
    s.lock_in_min_fired = o.lock_in.min_fired;
    s.options = {o.centrality.weighted_paths,
                 o.centrality.betweenness_samples,
                 o.burt.ego_model,
                 o.groups,
                 o.ei.permutations,
                 o.ei.seed};
    s.warnings = r.c.warnings;
    return s;
}

}  // namespace

const std::vector<std::string>& actor_columns() {
    static const auto c =
        csv_columns({"id", "label", "part", "type", "locality"}, actor_score_columns());
    return c;
}

const std::vector<std::string>& tie_columns() {
    static const auto c =
        csv_columns({"source", "target", "relation", "weight"}, tie_score_columns());
    return c;
}

ScoredRelation score_relation(const Network& relation, const ScoreOptions& o) {
    using Clock = std::chrono::steady_clock;
    ScoredRelation out{relation, {}, {}, {}, {}, {}};
    auto started = Clock::now();
    std::string current;
    auto step = [&](const char* name) {
        const auto now = Clock::now();
        if (!current.empty())
            out.timings.emplace_back(current, std::chrono::duration<double>(now - started).count());
        started = now;
        current = name;
        if (o.progress) o.progress(name);
    };
    Network& net = out.network;
    auto& A = net.actor_attributes();
    const std::size_t n = net.actor_count();
    // The input's actor attributes go after the scores (actors.csv: ready for a regression). Set
    // aside now, so that a score never overwrites an attribute of the same name.
    const std::vector<AttributeColumn> input_columns = A.columns();
    A.clear();

    // Checked before the measures run (minutes on a big network), used after.
    const std::vector<double> lc_outcome =
        o.learning_capacity.fitted_outcome.empty()
            ? std::vector<double>{}
            : outcome_values(relation, o.learning_capacity.fitted_outcome);

    R r;
    step("centrality");
    {
        CentralityOptions co = o.centrality;
        co.progress = o.share;
        r.c = centrality(relation, co);
    }
    const auto cz = freeman_centralization(relation, r.c);
    const double trans = transitivity(relation);
    step("structural holes");
    r.b = burt_structural_holes(relation, o.burt);
    step("openness and E-I");
    r.op = openness(relation);
    std::vector<std::string> notes;  // stages that follow the sampling option
    const EiOptions eo = ei_options(relation, o, notes);
    const auto ei =
        ei_index(relation, locality_groups(relation), eo, o.share, o.centrality.threads);
    std::optional<CommunityResult> found;
    if (o.communities) {
        step("communities");
        found = detect_communities(relation, *o.communities);
    }
    std::vector<std::string> labels;
    if (found && o.groups == "community")  // the partition just found, 1 = the largest
        for (const int c : found->membership) labels.push_back(std::to_string(c + 1));
    else
        labels = group_labels(relation, o.groups);
    // E-I on the --groups partition too when it is not locality (issue 13: any partition,
    // three or more groups): whole, per group and per actor, with the same permutation test.
    std::optional<EiResult> ei_groups;
    ActorEi actor_groups;
    if (o.groups != "locality") {
        step("E-I on the --groups partition");
        ei_groups = ei_index(relation, labels, eo, o.share, o.centrality.threads);
        actor_groups = actor_ei(relation, labels);
    }
    step("brokerage");
    r.br = gould_fernandez_brokerage(relation, labels, o.brokerage);
    step("tie strength and roles");
    r.ts = tie_strength(relation, o.ties);
    r.ld = learning_dimensions(relation);
    r.ty = firm_typology(relation, o.typology);
    const auto li = lock_in(relation, o.lock_in);
    step("core-periphery");
    r.cp = borgatti_everett_core_periphery(relation);
    r.cp_discrete = discrete_core_periphery(relation, {});
    step("");
    // Learning capacity indicators: reach, contacts, openness, mean tie strength.
    r.lc = learning_capacity(LearningCapacityIndicators{r.c.closeness, r.b.ego_size, r.op.ext_share,
                                                        ratio(r.c.strength, r.c.degree)},
                             o.learning_capacity);
    if (!o.learning_capacity.fitted_outcome.empty()) {
        r.lc_fit =
            fit_learning_capacity_weights(r.lc, lc_outcome, o.learning_capacity.fitted_outcome);
        apply_learning_capacity_weights(r.lc, r.lc_fit->weights);
    }

    set_columns(actor_score_columns(), r, n, A);
    if (!r.c.betweenness_se.empty()) A.set_numbers("betweenness_se", r.c.betweenness_se);
    if (!r.c.closeness_se.empty()) A.set_numbers("closeness_se", r.c.closeness_se);
    if (ei_groups) {
        A.set_numbers("ei_groups", actor_groups.binary);
        A.set_numbers("ei_groups_valued", actor_groups.valued);
    }
    if (found) {
        std::vector<double> community(n);
        for (std::size_t i = 0; i < n; ++i) community[i] = found->membership[i] + 1;
        A.set_numbers("community", community);
        if (found->runs > 1) A.set_numbers("community_stability", found->co_assignment);
    }
    auto taken = [&](const std::string& name) {
        const auto l = ascii_lower(name);
        for (const auto& col : A.columns())
            if (ascii_lower(col.name) == l) return true;
        for (const auto& col : actor_columns())
            if (col == l) return true;
        return l == "focal" || l == "stage" || l == "group" || l == "betweenness_se" ||
               l == "closeness_se" || l == "ei_groups" || l == "ei_groups_valued" ||
               // Only when communities were found here: a `community` the input brings (a
               // partition of the user's own, an earlier run's) passes through under its name,
               // so render --color-by community and --community-graph draw it.
               (found && (l == "community" || l == "community_stability"));
    };
    for (const auto& col : input_columns) {
        std::string name = col.name;
        while (taken(name)) name = "attr_" + name;
        if (col.kind == AttributeColumn::Kind::number)
            A.set_numbers(name, col.numbers);
        else
            A.set_texts(name, col.texts);
        out.input_attributes.push_back(name);
    }
    set_columns(tie_score_columns(), r, net.tie_count(), net.tie_attributes());

    out.cluster = summarise(relation, r, o, cz, trans, ei, li);
    out.cluster.ei_groups = ei_groups;
    if (found) {
        out.cluster.communities = community_summary(relation, *found, *o.communities);
        out.communities = community_profiles(relation, *found, *o.communities, r.c.betweenness,
                                             r.ld.learning_dimension);
    }
    out.cluster.warnings.insert(out.cluster.warnings.end(), notes.begin(), notes.end());
    out.warnings = out.cluster.warnings;
    return out;
}

}  // namespace clusterlens::scoring
