#include "src/stats/regression_data.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "graphs/actor_values.hpp"
#include "graphs/error.hpp"

namespace clusterlens::scoring {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

const std::vector<std::string>& model_fields() {
    static const std::vector<std::string> f = {"part",  "type",  "locality",
                                               "group", "stage", "focal"};
    return f;
}

std::string join(const std::vector<std::string>& names, const char* last = " and ") {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? last : ", ";
        out += names[i];
    }
    return out;
}

std::string list(const std::vector<std::string>& names) { return join(names, ", "); }

std::string choices(const Network& net) {
    return "numeric columns: " + list(numeric_actor_columns(net)) +
           "; categorical columns (as dummies): " + list(categorical_actor_columns(net));
}

bool is_model_field(const std::string& name) {
    const auto& f = model_fields();
    return std::find(f.begin(), f.end(), name) != f.end();
}

/// The column `name` over every actor; `what` names it in messages ("--outcome", "predictor").
RegressionVariable variable(const Network& net, const std::string& name, const std::string& what) {
    RegressionVariable v;
    v.name = name;
    if (name == "id" || name == "label")
        throw UsageError(what + " '" + name + "' identifies actors and cannot be regressed; " +
                         choices(net));
    if (!is_model_field(name) && net.actor_attributes().find(name) == nullptr)
        throw UsageError(what + " '" + name + "' is not an actor column; " + choices(net));
    if (name == "focal") {
        v.categorical = true;
        for (const auto& a : net.actors()) v.levels.emplace_back(a.focal ? "true" : "false");
        return v;
    }
    if (auto numbers = numbers_of(net, name, what)) {
        v.numbers = std::move(*numbers);
        for (auto& x : v.numbers)
            if (!std::isfinite(x)) x = kNan;
        return v;
    }
    v.categorical = true;
    v.levels = texts_of(net, name, what);
    return v;
}

bool missing(const RegressionVariable& v, std::size_t i) {
    return v.categorical ? v.levels[i].empty() : std::isnan(v.numbers[i]);
}

}  // namespace

const std::vector<std::string>& learning_dimension_predictors() {
    static const std::vector<std::string> p = {"closeness", "ego_size", "ext_share",
                                               "mean_tie_strength"};
    return p;
}

void add_mean_tie_strength(Network& scored) {
    auto& attrs = scored.actor_attributes();
    const auto* s = attrs.find("strength");
    const auto* k = attrs.find("degree");
    if (s == nullptr || k == nullptr || s->kind != AttributeColumn::Kind::number ||
        k->kind != AttributeColumn::Kind::number)
        throw BackendError("explain: the scored network has no strength or degree");
    std::vector<double> mean(scored.actor_count(), kNan);
    for (std::size_t i = 0; i < mean.size(); ++i)
        if (k->numbers[i] > 0) mean[i] = s->numbers[i] / k->numbers[i];  // s_i / k_i
    attrs.set_numbers("mean_tie_strength", std::move(mean));
}

std::vector<std::string> numeric_actor_columns(const Network& net) {
    std::vector<std::string> out;
    for (const auto& c : net.actor_attributes().columns())
        if (numbers_of(net, c.name, "column")) out.push_back(c.name);
    return out;
}

std::vector<std::string> categorical_actor_columns(const Network& net) {
    std::vector<std::string> out = model_fields();
    for (const auto& c : net.actor_attributes().columns())
        if (!numbers_of(net, c.name, "column")) out.push_back(c.name);
    return out;
}

RegressionData regression_data(const Network& net, const std::string& outcome,
                               const std::vector<std::string>& predictors,
                               const std::vector<std::string>& input_attributes) {
    RegressionData d;
    d.outcome = variable(net, outcome, "--outcome");
    if (d.outcome.categorical)
        throw UsageError("--outcome '" + outcome +
                         "' is categorical (text), not numeric; numeric columns: " +
                         list(numeric_actor_columns(net)));
    if (predictors.empty()) throw UsageError("explain needs at least one predictor");
    std::set<std::string> seen;
    for (const auto& name : predictors) {
        if (name == outcome)
            throw UsageError("'" + name + "' is the outcome; it cannot also be a predictor");
        if (!seen.insert(name).second)
            throw UsageError("predictor '" + name + "' is listed twice in --predictors");
        d.predictors.push_back(variable(net, name, "predictor"));
    }

    // Listwise deletion: the reason of each actor names every column it misses.
    const std::size_t n = net.actor_count();
    d.reasons.assign(n, "");
    const auto* degree = net.actor_attributes().find("degree");
    // Per reason: the count, and whether its actors are all isolates, all non-firms, and
    // whether every column it names is one the input brought.
    std::map<std::string, std::pair<std::size_t, std::array<bool, 3>>> groups;
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::string> lacking;
        if (missing(d.outcome, i)) lacking.push_back(d.outcome.name);
        for (const auto& p : d.predictors)
            if (missing(p, i)) lacking.push_back(p.name);
        if (lacking.empty()) {
            d.rows.push_back(i);
            continue;
        }
        d.reasons[i] = "missing " + join(lacking);
        const bool isolate = degree != nullptr && degree->kind == AttributeColumn::Kind::number &&
                             degree->numbers[i] == 0;
        const bool non_firm =
            lacking == std::vector<std::string>{"typology"} && net.actor(i).type != "firm";
        bool from_input = true;
        for (const auto& name : lacking)
            from_input = from_input && std::find(input_attributes.begin(), input_attributes.end(),
                                                 name) != input_attributes.end();
        auto [it, fresh] =
            groups.try_emplace(d.reasons[i], 0, std::array<bool, 3>{true, true, from_input});
        ++it->second.first;
        it->second.second[0] = it->second.second[0] && isolate;
        it->second.second[1] = it->second.second[1] && non_firm;
    }
    for (const auto& [reason, g] : groups) {
        std::string why = reason;
        if (g.second[0])
            why += " (isolates)";
        else if (g.second[1])
            why += " (not firms: typology is for firms)";
        else if (g.second[2])
            why += " (empty in the input)";
        d.dropped.push_back({why, g.first});
        d.dropped_total += g.first;
    }
    std::stable_sort(
        d.dropped.begin(), d.dropped.end(),
        [](const DroppedActors& a, const DroppedActors& b) { return a.count > b.count; });
    if (d.rows.empty()) {
        std::string what;
        for (const auto& x : d.dropped)
            what += (what.empty() ? "" : "; ") + std::to_string(x.count) + " " + x.reason;
        throw UsageError("no actor has the outcome and every predictor (" + what + ")");
    }

    for (const auto i : d.rows) d.y.push_back(d.outcome.numbers[i]);
    for (const auto& p : d.predictors) {
        if (!p.categorical) {
            d.design.names.push_back(p.name);
            auto& col = d.design.columns.emplace_back();
            for (const auto i : d.rows) col.push_back(p.numbers[i]);
            continue;
        }
        std::map<std::string, std::size_t> counts;  // sorted: ties go to the first
        for (const auto i : d.rows) ++counts[p.levels[i]];
        if (counts.size() < 2)
            throw UsageError("predictor '" + p.name + "' has one level ('" + counts.begin()->first +
                             "') among the " + std::to_string(d.rows.size()) +
                             " actors used: it is constant; drop it from --predictors");
        auto ref = counts.begin();
        for (auto it = counts.begin(); it != counts.end(); ++it)
            if (it->second > ref->second) ref = it;
        ReferenceLevel r{p.name, ref->first, ref->second, {}};
        for (const auto& [level, count] : counts) {
            if (level == ref->first) continue;
            r.others.push_back(level);
            d.design.names.push_back(p.name + "=" + level);
            auto& col = d.design.columns.emplace_back();
            for (const auto i : d.rows) col.push_back(p.levels[i] == level ? 1.0 : 0.0);
        }
        d.references.push_back(std::move(r));
    }
    return d;
}

}  // namespace clusterlens::scoring
