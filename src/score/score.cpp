#include "src/score/score.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

#include "clusterlens/version.hpp"
#include "graphs/error.hpp"
#include "graphs/text_input.hpp"
#include "src/roles/learning_dimension.hpp"
#include "src/size/composition.hpp"

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

/// Group labels for brokerage from the actors' model fields or any attribute.
std::vector<std::string> group_labels(const Network& net, const std::string& by) {
    std::vector<std::string> g(net.actor_count());
    if (by == "locality") return locality_groups(net);
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        const Actor& a = net.actor(i);
        if (by == "part")
            g[i] = std::string(to_string(a.part));
        else if (by == "type")
            g[i] = a.type;
        else if (by == "group")
            g[i] = a.group;
        else if (by == "stage")
            g[i] = a.stage;
    }
    if (by == "part" || by == "type" || by == "group" || by == "stage") return g;
    const auto* col = net.actor_attributes().find(by);
    if (col == nullptr) {
        std::string names = "locality, part, type, group, stage";
        for (const auto& c : net.actor_attributes().columns()) names += ", " + c.name;
        throw UsageError("--groups '" + by +
                         "' is not an actor attribute; choose one of: " + names);
    }
    for (std::size_t i = 0; i < net.actor_count(); ++i) g[i] = col->as_text(i);
    return g;
}

std::vector<double> ratio(const std::vector<double>& a, const std::vector<double>& b) {
    std::vector<double> out(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) out[i] = b[i] > 0 ? a[i] / b[i] : std::nan("");
    return out;
}

}  // namespace

const std::vector<std::string>& actor_columns() {
    static const std::vector<std::string> c = {
        "id",          "label",        "part",       "type",
        "locality",    "degree",       "in_degree",  "out_degree",
        "strength",    "betweenness",  "closeness",  "eigenvector",
        "pagerank",    "coreness",     "constraint", "effective_size",
        "efficiency",  "hierarchy",    "ego_size",   "ego_density",
        "ext_ties",    "ext_strength", "ext_share",  "ei",
        "coordinator", "itinerant",    "gatekeeper", "representative",
        "liaison",     "brokerage_z",  "typology",   "learning_capacity"};
    return c;
}

const std::vector<std::string>& tie_columns() {
    static const std::vector<std::string> c = {
        "source",  "target",       "relation",           "weight", "strength_class",
        "overlap", "local_bridge", "learning_dimension", "linkage"};
    return c;
}

double gatekeeper_reach_share(const Network& net, const std::vector<std::string>& typology) {
    std::vector<char> reached(net.actor_count(), 0), via_gatekeeper(net.actor_count(), 0);
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        for (int side = 0; side < 2; ++side) {
            const auto l = side == 0 ? net.source(e) : net.target(e);
            const auto g = side == 0 ? net.target(e) : net.source(e);
            if (net.actor(l).locality != Locality::local ||
                net.actor(g).locality != Locality::global)
                continue;
            reached[g] = 1;
            if (typology[l] == "technological_gatekeeper") via_gatekeeper[g] = 1;
        }
    }
    std::size_t r = 0, v = 0;
    for (std::size_t i = 0; i < reached.size(); ++i) r += reached[i], v += via_gatekeeper[i];
    return r ? static_cast<double>(v) / static_cast<double>(r) : std::nan("");
}

/// The stated error of sampled betweenness for summary.json: over the ten actors with the
/// highest estimate (those a reader looks at), the median and largest SE / estimate.
Json sampled_betweenness_error(const CentralityScores& c) {
    std::vector<std::size_t> order(c.betweenness.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    const std::size_t top = std::min<std::size_t>(10, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                      [&](std::size_t a, std::size_t b) {
                          return c.betweenness[a] != c.betweenness[b]
                                     ? c.betweenness[a] > c.betweenness[b]
                                     : a < b;
                      });
    std::vector<double> rel;
    for (std::size_t k = 0; k < top; ++k) {
        const auto i = order[k];
        if (c.betweenness[i] > 0 && std::isfinite(c.betweenness_se[i]))
            rel.push_back(c.betweenness_se[i] / c.betweenness[i]);
    }
    std::sort(rel.begin(), rel.end());
    const double nan = std::nan("");
    const double median = rel.empty() ? nan
                          : rel.size() % 2 == 1
                              ? rel[rel.size() / 2]
                              : (rel[rel.size() / 2 - 1] + rel[rel.size() / 2]) / 2;
    return Json{{"top_actors", top},
                {"median_relative_se", number(median)},
                {"max_relative_se", number(rel.empty() ? nan : rel.back())},
                {"note",
                 "betweenness_se per actor in actors.csv; estimate +/- 2 SE is roughly a 95% "
                 "interval once K is in the hundreds; with few sources it misses more often"}};
}

ScoredRelation score_relation(const Network& relation, const ScoreOptions& o) {
    using Clock = std::chrono::steady_clock;
    ScoredRelation out{relation, Json::object(), {}, {}, {}};
    auto started = Clock::now();
    std::string current;
    auto step = [&](const char* name) {
        const auto now = Clock::now();
        if (!current.empty())
            out.timings.emplace_back(current, std::chrono::duration<double>(now - started).count());
        started = now;
        current = name;
        if (o.progress && *name != '\0') o.progress(name);
    };
    Network& net = out.network;
    auto& A = net.actor_attributes();
    auto& T = net.tie_attributes();
    const std::size_t n = net.actor_count();
    // The input's actor attributes go after the scores (actors.csv: ready for a regression). Set
    // aside now, so that a score never overwrites an attribute of the same name.
    const std::vector<AttributeColumn> input_columns = A.columns();
    A.clear();

    step("centrality");
    const auto c = centrality(relation, o.centrality);
    const auto cz = freeman_centralization(relation, c);
    const double trans = transitivity(relation);
    step("structural holes");
    const auto b = burt_structural_holes(relation, o.burt);
    step("openness and E-I");
    const auto op = openness(relation);
    const auto ei = ei_index(relation, locality_groups(relation), o.ei);
    step("brokerage");
    const auto groups = group_labels(relation, o.groups);
    const auto br = gould_fernandez_brokerage(relation, groups, o.brokerage);
    step("tie strength and roles");
    const auto ts = tie_strength(relation, o.ties);
    const auto ld = learning_dimensions(relation);
    const auto ty = firm_typology(relation, o.typology);
    const auto li = lock_in(relation, o.lock_in);
    step("core-periphery");
    const auto cp = borgatti_everett_core_periphery(relation);
    step("");
    // Learning capacity indicators: reach, contacts, openness, mean tie strength.
    const auto mean_w = ratio(c.strength, c.degree);
    const auto lc =
        learning_capacity(LearningCapacityIndicators{c.closeness, b.ego_size, op.ext_share, mean_w},
                          o.learning_capacity);

    // ---- per-actor attributes (named as in actors.csv) ------------------------------------
    const std::vector<std::pair<const char*, const std::vector<double>*>> actor_numbers = {
        {"degree", &c.degree},
        {"in_degree", &c.in_degree},
        {"out_degree", &c.out_degree},
        {"strength", &c.strength},
        {"betweenness", &c.betweenness},
        {"closeness", &c.closeness},
        {"eigenvector", &c.eigenvector},
        {"pagerank", &c.pagerank},
        {"coreness", &c.coreness},
        {"constraint", &b.constraint},
        {"effective_size", &b.effective_size},
        {"efficiency", &b.efficiency},
        {"hierarchy", &b.hierarchy},
        {"ego_size", &b.ego_size},
        {"ego_density", &b.ego_density},
        {"ext_ties", &op.ext_ties},
        {"ext_strength", &op.ext_strength},
        {"ext_share", &op.ext_share},
        {"ei", &op.ei},
        {"coordinator", &br.coordinator},
        {"itinerant", &br.itinerant},
        {"gatekeeper", &br.gatekeeper},
        {"representative", &br.representative},
        {"liaison", &br.liaison},
        {"brokerage_z", &br.z.total},
        {"learning_capacity", &lc.value}};
    for (const auto& [name, values] : actor_numbers) {
        if (values->size() != n) throw BackendError(std::string("score: wrong length for ") + name);
        A.set_numbers(name, *values);
    }
    A.set_texts("typology", ty.typology);
    A.set_numbers("ei_valued", op.ei_valued);
    A.set_numbers("brokerage_total", br.total);
    A.set_numbers("internal_connectivity", ty.internal_connectivity);
    A.set_numbers("external_openness", ty.external_openness);
    A.set_numbers("cp_coreness", cp.coreness);
    if (!c.betweenness_se.empty()) A.set_numbers("betweenness_se", c.betweenness_se);
    auto taken = [&](const std::string& name) {
        const auto l = ascii_lower(name);
        for (const auto& col : A.columns())
            if (ascii_lower(col.name) == l) return true;
        for (const auto& col : actor_columns())
            if (col == l) return true;
        return l == "focal" || l == "stage" || l == "group" || l == "betweenness_se";
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

    // ---- per-tie attributes ---------------------------------------------------------------
    T.set_texts("strength_class", ts.strength_class);
    T.set_numbers("overlap", ts.overlap);
    T.set_numbers("local_bridge", ts.local_bridge);
    T.set_texts("learning_dimension", ld.learning_dimension);
    T.set_texts("linkage", ld.linkage);

    // ---- network level --------------------------------------------------------------------
    const auto comp = composition(relation);
    Json& s = out.summary;
    s["clusterlens_version"] = kVersion;
    s["relation"] = relation.relations().front();
    s["actors"] = comp.actors;
    s["ties"] = comp.ties;
    s["directed"] = comp.directed;
    s["actors_by_part"] = comp.by_part;
    s["actors_by_type"] = comp.by_type;
    s["actors_by_locality"] = comp.by_locality;
    s["density"] = number(comp.density_by_relation.begin()->second);
    s["components"] = comp.components;
    s["largest_component_share"] = number(comp.largest_component_share);
    s["isolates"] = comp.isolates;
    s["centralization"] = {{"degree", number(cz.degree)},
                           {"betweenness", number(cz.betweenness)},
                           {"closeness", number(cz.closeness)}};
    s["transitivity"] = number(trans);
    s["betweenness"] = {
        {"method", c.betweenness_se.empty()
                       ? "exact (Brandes 2001)"
                       : "estimated from sampled sources (Brandes & Pich 2007)"},
        {"sources", c.betweenness_se.empty() ? n : o.centrality.betweenness_samples}};
    if (!c.betweenness_se.empty()) s["betweenness"]["error"] = sampled_betweenness_error(c);
    s["ei_locality"] = {
        {"whole_binary", number(ei.whole_binary)},
        {"whole_valued", number(ei.whole_valued)},
        {"group_binary", numbers_by(ei.group_binary)},
        {"group_valued", numbers_by(ei.group_valued)},
        {"cluster_openness",
         number(ei.group_binary.count("local") ? ei.group_binary.at("local") : std::nan(""))},
        {"p_upper_binary", number(ei.p_binary)},
        {"p_lower_binary", number(ei.p_binary_lower)},
        {"p_upper_valued", number(ei.p_valued)},
        {"p_lower_valued", number(ei.p_valued_lower)},
        {"permutation_mean_binary", number(ei.perm_mean_binary)},
        {"permutations", ei.permutations},
        {"seed", ei.seed}};
    const auto& conc = li.indicators[2];
    s["pipelines"] = {
        {"count", li.pipelines},
        {"per_local_actor", number(li.indicators[1].value)},
        {"concentration_hhi", number(conc.value)},
        {"gatekeeper_reach_share", number(gatekeeper_reach_share(relation, ty.typology))}};
    s["tie_strength"] = {
        {"mean_weight", number(ts.mean_weight)},
        {"strong_threshold", number(ts.threshold_used)},
        {"strong_rule", ts.threshold_is_median ? "weight > median weight" : "weight >= threshold"},
        {"strong_share", number(ts.strong_share)},
        {"mean_overlap", number(ts.mean_overlap)},
        {"local_bridges", ts.local_bridges}};
    s["core_periphery"] = {
        {"model", "Borgatti & Everett (2000) continuous, minres fit, binary ties"},
        {"fit", number(cp.fit)},
        {"coreness_concentration_hhi", number(cp.concentration)},
        {"sweeps", cp.sweeps},
        {"converged", cp.converged}};
    Json dims = Json::object();
    for (const auto& [k, v] : ld.dimension_counts)
        dims[k] = {
            {"ties", v},
            {"share", comp.ties ? static_cast<double>(v) / static_cast<double>(comp.ties) : 0.0}};
    s["learning_dimensions"] = dims;
    s["linkage"] = ld.linkage_counts;
    s["brokerage"] = {
        {"groups", o.groups},
        {"undirected_pairs",
         o.brokerage.undirected_pairs == UndirectedPairs::once ? "once" : "ordered_as_sna"},
        {"density", number(br.density)},
        {"group_sizes", br.group_sizes},
        {"raw", role_values(br.global.raw)},
        {"expected", role_values(br.global.expected)},
        {"z", role_values(br.global.z)}};
    s["typology"] = {
        {"firms", ty.firms},
        {"counts", ty.counts},
        {"internal_threshold", number(ty.internal_threshold)},
        {"external_threshold", number(ty.external_threshold)},
        {"thresholds",
         ty.thresholds_are_means ? "mean over the cluster's firms (default)" : "given"},
        {"morrison_condition_applied", ty.morrison_applied}};
    std::map<std::string, std::pair<double, std::size_t>> by_part;
    for (std::size_t i = 0; i < n; ++i) {
        auto& [sum, count] = by_part[std::string(to_string(net.actor(i).part))];
        sum += lc.value[i], ++count;
    }
    Json lc_part = Json::object();
    for (const auto& [part, v] : by_part)
        lc_part[part.empty() ? "unspecified" : part] =
            number(v.first / static_cast<double>(v.second));
    const auto& w = o.learning_capacity;
    s["learning_capacity"] = {
        {"mean_by_part", lc_part},
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
         "seed 004 states that centrality, size, openness and tie strength raise learning "
         "capacity but not by how much: equal weights by default"}};
    Json ind = Json::array();
    for (const auto& i : li.indicators)
        ind.push_back(
            {{"name", i.name}, {"value", number(i.value)}, {"rule", i.rule}, {"fired", i.fired}});
    s["lock_in"] = {{"flag", li.lock_in},
                    {"fired", li.fired},
                    {"min_fired", o.lock_in.min_fired},
                    {"indicators", ind}};
    s["options"] = {
        {"weighted_paths", o.centrality.weighted_paths},
        {"betweenness_samples", o.centrality.betweenness_samples},
        {"constraint_model", o.burt.ego_model ? "ego network" : "whole network (igraph)"},
        {"groups", o.groups},
        {"permutations", o.ei.permutations},
        {"seed", o.ei.seed}};
    out.warnings = c.warnings;
    s["warnings"] = out.warnings;
    return out;
}

}  // namespace clusterlens::scoring

#include <filesystem>

#include "graphs/atomic_file.hpp"
#include "graphs/write.hpp"

namespace clusterlens::scoring {

std::vector<std::string> write_scored(const ScoredRelation& scored, const std::string& outdir,
                                      const std::vector<std::string>& inputs) {
    namespace fs = std::filesystem;
    const Network& net = scored.network;
    const std::vector<std::string> files = {(fs::path(outdir) / "actors.csv").string(),
                                            (fs::path(outdir) / "ties.csv").string(),
                                            (fs::path(outdir) / "summary.json").string(),
                                            (fs::path(outdir) / "network.graphml").string()};
    refuse_overwriting_inputs(files, inputs);
    create_output_folder(outdir);
    AtomicFile actors(files[0]), ties(files[1]), summary(files[2]), graphml(files[3]);

    // actors.csv: the model fields, then every score in the documented order.
    auto& a = actors.stream();
    auto acols = actor_columns();
    if (net.actor_attributes().find("betweenness_se") != nullptr)
        acols.push_back("betweenness_se");  // only with --betweenness-samples
    // Then the model fields actors.csv has no column for, when some actor has them, and the
    // input's own attributes (ScoredRelation::input_attributes).
    bool focal = false, stage = false, group = false;
    for (const auto& x : net.actors()) {
        focal |= x.focal;
        stage |= !x.stage.empty();
        group |= !x.group.empty();
    }
    for (std::size_t k = 0; k < acols.size(); ++k) a << (k ? "," : "") << acols[k];
    if (focal) a << ",focal";
    if (stage) a << ",stage";
    if (group) a << ",group";
    for (const auto& name : scored.input_attributes) a << ',' << csv_field(name);
    a << '\n';
    const auto& attrs = net.actor_attributes();
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        const Actor& x = net.actor(i);
        a << csv_field(x.id) << ',' << csv_field(x.label) << ',' << to_string(x.part) << ','
          << x.type << ',' << to_string(x.locality);
        for (std::size_t k = 5; k < acols.size(); ++k) {
            const auto* col = attrs.find(acols[k]);
            a << ',' << (col ? csv_field(col->as_text(i)) : std::string());
        }
        if (focal) a << ',' << (x.focal ? "true" : "false");
        if (stage) a << ',' << csv_field(x.stage);
        if (group) a << ',' << csv_field(x.group);
        for (const auto& name : scored.input_attributes)
            a << ',' << csv_field(attrs.find(name)->as_text(i));
        a << '\n';
    }
    // ties.csv
    auto& t = ties.stream();
    const auto& tcols = tie_columns();
    for (std::size_t k = 0; k < tcols.size(); ++k) t << (k ? "," : "") << tcols[k];
    t << '\n';
    const auto& tattrs = net.tie_attributes();
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        t << csv_field(net.actor(net.source(e)).id) << ',' << csv_field(net.actor(net.target(e)).id)
          << ',' << csv_field(net.relations()[net.relation(e)]) << ','
          << format_number(net.weight(e));
        for (std::size_t k = 4; k < tcols.size(); ++k) {
            const auto* col = tattrs.find(tcols[k]);
            t << ',' << (col ? csv_field(col->as_text(e)) : std::string());
        }
        t << '\n';
    }
    summary.stream() << scored.summary.dump(2, ' ', false,
                                            nlohmann::ordered_json::error_handler_t::replace)
                     << '\n';
    write_graphml(net, graphml.stream());
    for (auto* f : {&actors, &ties, &summary, &graphml}) f->finish();
    for (auto* f : {&actors, &ties, &summary, &graphml}) f->commit();
    return files;
}

}  // namespace clusterlens::scoring
