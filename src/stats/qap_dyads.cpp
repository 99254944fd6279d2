#include "src/stats/qap_dyads.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <optional>

#include "graphs/error.hpp"

namespace clusterlens::scoring {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

/// An actor's value of a field or attribute column as text, "" when missing; nullopt when
/// `name` is neither a field nor a column.
std::optional<std::vector<std::string>> attribute_texts(const Network& net,
                                                        const std::string& name) {
    std::vector<std::string> out;
    const auto& actors = net.actors();
    auto each = [&](auto value) {
        for (const auto& a : actors) out.emplace_back(value(a));
        return out;
    };
    if (name == "type") return each([](const Actor& a) { return a.type; });
    if (name == "part") return each([](const Actor& a) { return std::string(to_string(a.part)); });
    if (name == "locality")
        return each([](const Actor& a) { return std::string(to_string(a.locality)); });
    if (name == "stage") return each([](const Actor& a) { return a.stage; });
    if (name == "group") return each([](const Actor& a) { return a.group; });
    if (name == "focal")
        return each([](const Actor& a) { return std::string(a.focal ? "true" : "false"); });
    const auto* c = net.actor_attributes().find(name);
    if (c == nullptr) return std::nullopt;
    for (std::size_t i = 0; i < actors.size(); ++i) out.push_back(c->as_text(i));
    return out;
}

std::string attributes_there_are(const Network& net) {
    std::string out = "type, part, locality, stage, group, focal";
    for (const auto& c : net.actor_attributes().columns()) out += ", " + c.name;
    return out;
}

/// Per actor of `net`: the covariate's values, missing marked. same/both_local: text keys
/// ("" = missing); diff: numbers (NaN = missing).
struct CovariateValues {
    std::vector<std::string> text;
    std::vector<double> number;
};

CovariateValues values_of(const Network& net, const DyadicCovariate& c) {
    auto texts = attribute_texts(net, c.attribute);
    if (!texts)
        throw UsageError("--covariates " + c.name + ": no actor attribute '" + c.attribute +
                         "'; the actors have " + attributes_there_are(net));
    CovariateValues v;
    if (c.kind != CovariateKind::diff) {
        v.text = std::move(*texts);
        return v;
    }
    for (std::size_t i = 0; i < texts->size(); ++i) {
        const auto& t = (*texts)[i];
        if (t.empty()) {
            v.number.push_back(kNan);
            continue;
        }
        const auto x = parse_number(t);
        if (!x || !std::isfinite(*x))
            throw UsageError("--covariates " + c.name + " needs a numeric attribute; '" +
                             c.attribute + "' is '" + t + "' for actor " + net.actor(i).id +
                             " (use same:" + c.attribute + " for a category)");
        v.number.push_back(*x);
    }
    return v;
}

bool missing(const CovariateValues& v, std::size_t i) {
    return v.text.empty() ? std::isnan(v.number[i]) : v.text[i].empty();
}

double dyad_value(const DyadicCovariate& c, const CovariateValues& v, std::size_t i,
                  std::size_t j) {
    switch (c.kind) {
        case CovariateKind::diff:
            return std::fabs(v.number[i] - v.number[j]);
        case CovariateKind::both_local:
            return v.text[i] == "local" && v.text[j] == "local" ? 1.0 : 0.0;
        case CovariateKind::same:
            break;
    }
    return v.text[i] == v.text[j] ? 1.0 : 0.0;
}

/// The tie-value vector of relation r over the actors used: pos[i] = actor i's position
/// among them (or npos).
std::vector<double> relation_values(const Network& net, std::uint32_t r,
                                    const std::vector<std::size_t>& pos, std::size_t m,
                                    bool binary) {
    std::vector<double> v(dyad_count(m, net.directed()), 0.0);
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        if (net.relation(e) != r) continue;
        const auto s = pos[net.source(e)], t = pos[net.target(e)];
        if (s == std::string::npos || t == std::string::npos || s == t) continue;
        auto& cell = v[dyad_index(s, t, m, net.directed())];
        cell = binary ? 1.0 : cell + net.weight(e);
    }
    return v;
}

/// Leaves out the candidates (actors of `net`, in order) with a missing covariate value, and
/// fills the covariate columns of `set` over the rest. Returns pos (npos for those left out).
std::vector<std::size_t> apply_covariates(const Network& net, std::vector<std::size_t> candidates,
                                          const DyadicBuild& build, DyadicSet& set) {
    std::vector<CovariateValues> values;
    for (const auto& c : build.covariates) values.push_back(values_of(net, c));
    std::vector<std::size_t> used;
    for (const auto i : candidates) {
        std::size_t k = 0;
        while (k < values.size() && !missing(values[k], i)) ++k;
        if (k == values.size()) {
            used.push_back(i);
        } else {
            set.dropped_actors.push_back(net.actor(i).id);
            set.dropped_because.push_back(build.covariates[k].name);
        }
    }
    const bool directed = net.directed();
    set.dyads_dropped = dyad_count(candidates.size(), directed) - dyad_count(used.size(), directed);
    const std::size_t m = used.size();
    if (m < 2)
        throw UsageError("qap: " + std::to_string(m) + " actor(s) left after leaving out " +
                         std::to_string(set.dropped_actors.size()) +
                         " with a missing covariate value: no dyad to test");
    std::vector<std::size_t> pos(net.actor_count(), std::string::npos);
    for (std::size_t k = 0; k < m; ++k) pos[used[k]] = k;
    for (const auto i : used) set.actor_ids.push_back(net.actor(i).id);
    set.data.actors = m;
    set.data.directed = directed;
    for (std::size_t k = 0; k < values.size(); ++k) {
        std::vector<double> col(dyad_count(m, directed));
        for (std::size_t a = 0; a < m; ++a)
            for (std::size_t b = 0; b < m; ++b)
                if (a != b && (directed || b < a))
                    col[dyad_index(a, b, m, directed)] =
                        dyad_value(build.covariates[k], values[k], used[a], used[b]);
        set.data.predictors.names.push_back(build.covariates[k].name);
        set.data.predictors.columns.push_back(std::move(col));
    }
    return pos;
}

/// A network's matching labels and whether they identify its actors (two_networks.cpp's rule).
struct Labels {
    std::vector<std::string> key;
    std::string problem;  ///< "" when usable
};

Labels labels_of(const Network& net, bool positional) {
    Labels l;
    std::map<std::string, std::size_t> seen;
    std::string duplicate, unlabelled;
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        l.key.push_back(matching_label(net, i));
        if (++seen[l.key.back()] == 2 && duplicate.empty()) duplicate = l.key.back();
        if (positional && l.key.back() == net.actor(i).id && unlabelled.empty())
            unlabelled = net.actor(i).id;
    }
    if (!duplicate.empty()) l.problem = "duplicate label '" + duplicate + "'";
    if (!unlabelled.empty())
        l.problem += (l.problem.empty() ? "" : "; ") + std::string("actor ") + unlabelled +
                     " without a label";
    return l;
}

}  // namespace

DyadicCovariate parse_covariate(const std::string& text) {
    if (text == "same_locality") return {text, CovariateKind::same, "locality"};
    if (text == "same_type") return {text, CovariateKind::same, "type"};
    if (text == "same_part") return {text, CovariateKind::same, "part"};
    if (text == "both_local") return {text, CovariateKind::both_local, "locality"};
    for (const auto& [prefix, kind] : {std::pair{std::string("same:"), CovariateKind::same},
                                       std::pair{std::string("diff:"), CovariateKind::diff}})
        if (text.size() > prefix.size() && text.compare(0, prefix.size(), prefix) == 0)
            return {text, kind, text.substr(prefix.size())};
    throw UsageError("--covariates: unknown covariate '" + text +
                     "'; the covariates are same_locality, same_type, same_part, both_local, "
                     "same:ATTR and diff:ATTR (ATTR an actor attribute)");
}

std::string relation_variable(const Network& net, std::uint32_t relation) {
    const auto& name = net.relations().at(relation);
    return name.empty() ? std::string("ties") : name;
}

DyadicSet relation_dyads(const Network& net, const std::vector<std::uint32_t>& relations,
                         const DyadicBuild& build) {
    if (relations.empty()) throw UsageError("qap: no relation to test");
    for (std::size_t k = 0; k < relations.size(); ++k)
        for (std::size_t l = 0; l < k; ++l)
            if (relations[k] == relations[l])
                throw UsageError("--relations: '" + relation_variable(net, relations[k]) +
                                 "' is listed twice");
    DyadicSet set;
    set.actors_given = net.actor_count();
    std::vector<std::size_t> all(net.actor_count());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    const auto pos = apply_covariates(net, all, build, set);
    const std::size_t m = set.data.actors;
    set.data.outcome = relation_variable(net, relations[0]);
    set.data.y = relation_values(net, relations[0], pos, m, build.binary);
    Design rel;
    for (std::size_t k = 1; k < relations.size(); ++k) {
        rel.names.push_back(relation_variable(net, relations[k]));
        rel.columns.push_back(relation_values(net, relations[k], pos, m, build.binary));
    }
    // Relations first, then the covariates.
    rel.names.insert(rel.names.end(), set.data.predictors.names.begin(),
                     set.data.predictors.names.end());
    for (auto& c : set.data.predictors.columns) rel.columns.push_back(std::move(c));
    set.data.predictors = std::move(rel);
    return set;
}

DyadicSet wave_dyads(const Network& a, std::uint32_t ra, const Network& b, std::uint32_t rb,
                     const DyadicBuild& build, const TwoNetworkOptions& match) {
    if (a.directed() != b.directed())
        throw UsageError(
            "qap: one network is directed and the other is not; compare like with like "
            "(set directed in the mapping)");
    DyadicSet set;
    // Matching keys, as compare_two decides them.
    const auto why_a = positional_ids(a), why_b = positional_ids(b);
    std::string why = why_a.empty() ? why_b : why_a;
    if (!why_a.empty() && !why_b.empty() && why_a != why_b) why += "; " + why_b;
    const auto la = labels_of(a, !why_a.empty()), lb = labels_of(b, !why_b.empty());
    bool by_label = false;
    if (match.match == ActorMatch::label) {
        for (const auto& [l, path] : {std::pair{&la, &match.path_a}, std::pair{&lb, &match.path_b}})
            if (!l->problem.empty())
                throw InputError(SourcePos{*path},
                                 "cannot match actors by label (--match label): " + l->problem +
                                     "; every actor needs a label unique within its network (or "
                                     "use --match id)");
        by_label = true;
        set.matching = "actors matched by label (--match label)";
    } else if (match.match == ActorMatch::id) {
        set.matching = "actors matched by id (--match id)" +
                       (why.empty() ? std::string() : ", although " + why);
    } else if (why.empty()) {
        set.matching = "actors matched by id";
    } else if (la.problem.empty() && lb.problem.empty()) {
        by_label = true;
        set.matching = "actors matched by label (" + why + ")";
    } else {
        set.matching = "actors matched by id, although " + why + ": labels not used, " +
                       (la.problem.empty() ? match.path_b + " has " + lb.problem
                                           : match.path_a + " has " + la.problem);
    }
    std::map<std::string, std::size_t> in_a;
    for (std::size_t i = 0; i < a.actor_count(); ++i)
        in_a.emplace(by_label ? la.key[i] : a.actor(i).id, i);
    // The candidates: B's actors also in A, in B's order; a_of[i] = A's index of B's actor i.
    std::vector<std::size_t> candidates, a_of(b.actor_count(), std::string::npos);
    for (std::size_t i = 0; i < b.actor_count(); ++i) {
        const auto it = in_a.find(by_label ? lb.key[i] : b.actor(i).id);
        if (it == in_a.end()) continue;
        candidates.push_back(i);
        a_of[i] = it->second;
    }
    set.only_in_b = b.actor_count() - candidates.size();
    set.only_in_a = a.actor_count() - candidates.size();
    set.actors_given = candidates.size();
    if (candidates.size() < 2)
        throw UsageError("qap: " + std::to_string(candidates.size()) +
                         " actor(s) in both networks (" + set.matching +
                         "): no dyad to test; check --match");
    const auto pos_b = apply_covariates(b, candidates, build, set);
    const std::size_t m = set.data.actors;
    std::vector<std::size_t> pos_a(a.actor_count(), std::string::npos);
    for (std::size_t i = 0; i < b.actor_count(); ++i)
        if (pos_b[i] != std::string::npos) pos_a[a_of[i]] = pos_b[i];
    auto named = [](const char* wave, const Network& net, std::uint32_t r) {
        const auto& name = net.relations().at(r);
        return std::string(wave) + (name.empty() ? "" : ":" + name);
    };
    set.data.outcome = named("B", b, rb);
    set.data.y = relation_values(b, rb, pos_b, m, build.binary);
    Design d;
    d.names.push_back(named("A", a, ra));
    d.columns.push_back(relation_values(a, ra, pos_a, m, build.binary));
    for (std::size_t k = 0; k < set.data.predictors.names.size(); ++k) {
        d.names.push_back(set.data.predictors.names[k]);
        d.columns.push_back(std::move(set.data.predictors.columns[k]));
    }
    set.data.predictors = std::move(d);
    return set;
}

}  // namespace clusterlens::scoring
