// What each column of actors.csv and ties.csv should hold, from the measure functions called
// directly on the loaded network (src/*/ headers), column by column, named here by hand, not
// taken from score.cpp's tables: a column wired to the wrong measure, or a measure's output
// stored under another name, shows up as a mismatch. Used by score_wiring_test.cpp.
#pragma once

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "graphs/network.hpp"
#include "src/roles/learning_dimension.hpp"
#include "src/score/score.hpp"

namespace clusterlens::testing {

/// One expected column: numbers (NaN = empty cell) or texts.
struct ExpectedColumn {
    bool text = false;
    std::vector<double> numbers;
    std::vector<std::string> texts;
};

using ExpectedColumns = std::map<std::string, ExpectedColumn>;

inline ExpectedColumn numbers(std::vector<double> v) { return {false, std::move(v), {}}; }
inline ExpectedColumn texts(std::vector<std::string> v) { return {true, {}, std::move(v)}; }

/// Brokerage groups as `score --groups` builds them: locality, or an actor attribute's text.
inline std::vector<std::string> brokerage_groups(const Network& net, const std::string& by) {
    if (by == "locality") return scoring::locality_groups(net);
    std::vector<std::string> g;
    const auto* col = net.actor_attributes().find(by);
    for (std::size_t i = 0; i < net.actor_count(); ++i)
        g.push_back(col ? col->as_text(i) : std::string());
    return g;
}

/// actors.csv's score columns from the measure functions (actor index order).
inline ExpectedColumns actor_columns_from_measures(const Network& net,
                                                   const scoring::ScoreOptions& o) {
    using namespace scoring;
    const std::size_t n = net.actor_count();
    const auto c = centrality(net, o.centrality);
    const auto b = burt_structural_holes(net, o.burt);
    const auto op = openness(net);
    const auto br = gould_fernandez_brokerage(net, brokerage_groups(net, o.groups), o.brokerage);
    const auto ty = firm_typology(net, o.typology);
    // learning_capacity.hpp: closeness, ego_size, ext_share and mean tie weight (strength /
    // degree, undefined for isolates).
    std::vector<double> mean_weight(n);
    for (std::size_t i = 0; i < n; ++i)
        mean_weight[i] = c.degree[i] > 0 ? c.strength[i] / c.degree[i] : std::nan("");
    const auto lc = learning_capacity({c.closeness, b.ego_size, op.ext_share, mean_weight},
                                      o.learning_capacity);
    std::vector<std::string> id, label, part, type, locality;
    for (const auto& a : net.actors()) {
        id.push_back(a.id);
        label.push_back(a.label);
        part.push_back(std::string(to_string(a.part)));
        type.push_back(a.type);
        locality.push_back(std::string(to_string(a.locality)));
    }
    ExpectedColumns out{{"id", texts(id)},
                        {"label", texts(label)},
                        {"part", texts(part)},
                        {"type", texts(type)},
                        {"locality", texts(locality)},
                        {"degree", numbers(c.degree)},
                        {"in_degree", numbers(c.in_degree)},
                        {"out_degree", numbers(c.out_degree)},
                        {"strength", numbers(c.strength)},
                        {"betweenness", numbers(c.betweenness)},
                        {"closeness", numbers(c.closeness)},
                        {"eigenvector", numbers(c.eigenvector)},
                        {"pagerank", numbers(c.pagerank)},
                        {"coreness", numbers(c.coreness)},
                        {"constraint", numbers(b.constraint)},
                        {"effective_size", numbers(b.effective_size)},
                        {"efficiency", numbers(b.efficiency)},
                        {"hierarchy", numbers(b.hierarchy)},
                        {"ego_size", numbers(b.ego_size)},
                        {"ego_density", numbers(b.ego_density)},
                        {"ext_ties", numbers(op.ext_ties)},
                        {"ext_strength", numbers(op.ext_strength)},
                        {"ext_share", numbers(op.ext_share)},
                        {"ei", numbers(op.ei)},
                        {"coordinator", numbers(br.coordinator)},
                        {"itinerant", numbers(br.itinerant)},
                        {"gatekeeper", numbers(br.gatekeeper)},
                        {"representative", numbers(br.representative)},
                        {"liaison", numbers(br.liaison)},
                        {"brokerage_z", numbers(br.z.total)},
                        {"typology", texts(ty.typology)},
                        {"learning_capacity", numbers(lc.value)}};
    if (o.groups != "locality") {  // E-I on the --groups partition (issue 13)
        const auto g = actor_ei(net, brokerage_groups(net, o.groups));
        out.emplace("ei_groups", numbers(g.binary));
        out.emplace("ei_groups_valued", numbers(g.valued));
    }
    return out;
}

/// ties.csv's columns from the measure functions (tie index order).
inline ExpectedColumns tie_columns_from_measures(const Network& net,
                                                 const scoring::ScoreOptions& o) {
    using namespace scoring;
    const auto ts = tie_strength(net, o.ties);
    const auto ld = learning_dimensions(net);
    std::vector<std::string> source, target, relation;
    std::vector<double> weight;
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        source.push_back(net.actor(net.source(e)).id);
        target.push_back(net.actor(net.target(e)).id);
        relation.push_back(net.relations()[net.relation(e)]);
        weight.push_back(net.weight(e));
    }
    return {{"source", texts(source)},
            {"target", texts(target)},
            {"relation", texts(relation)},
            {"weight", numbers(weight)},
            {"strength_class", texts(ts.strength_class)},
            {"overlap", numbers(ts.overlap)},
            {"local_bridge", numbers(ts.local_bridge)},
            {"learning_dimension", texts(ld.learning_dimension)},
            {"linkage", texts(ld.linkage)}};
}

}  // namespace clusterlens::testing
