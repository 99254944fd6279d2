#include "src/app/summary_reads.hpp"

#include <fmt/format.h>

#include <cmath>
#include <ostream>
#include <string>

namespace clusterlens::app {

render::Headline headline_from_summary(const nlohmann::ordered_json& s) {
    render::Headline h;
    for (const char* part : {"core", "assisting", "external", "unspecified"})
        if (s["actors_by_part"].contains(part))
            h.actors_by_part.emplace_back(part, s["actors_by_part"][part].get<std::size_t>());
    h.ties = s["ties"].get<std::size_t>();
    h.actors = s["actors"].get<std::size_t>();
    h.locality_known =
        s["actors_by_locality"].contains("local") || s["actors_by_locality"].contains("global");
    const auto& ei = s["ei_locality"]["cluster_openness"];
    h.local_ei = ei.is_null() ? std::nan("") : ei.get<double>();
    const auto& mw = s["tie_strength"]["mean_weight"];
    h.mean_tie_strength = mw.is_null() ? std::nan("") : mw.get<double>();
    h.lock_in = !h.locality_known ? -1 : s["lock_in"]["flag"].get<bool>() ? 1 : 0;
    return h;
}

void apply_typology_thresholds(const nlohmann::ordered_json& summary, render::RenderOptions& ro) {
    const auto& ty = summary["typology"];
    if (!ty["internal_threshold"].is_null())
        ro.internal_threshold = ty["internal_threshold"].get<double>();
    if (!ty["external_threshold"].is_null())
        ro.external_threshold = ty["external_threshold"].get<double>();
}

void print_score_summary(const scoring::ScoredRelation& r, std::ostream& out) {
    const auto& s = r.summary;
    auto num = [](const nlohmann::ordered_json& v) {
        return v.is_null() ? std::string("n/a") : fmt::format("{:.4g}", v.get<double>());
    };
    auto percent = [](const nlohmann::ordered_json& v) {
        return v.is_null() ? std::string("n/a") : fmt::format("{:.1f}%", 100 * v.get<double>());
    };
    out << fmt::format(
        "relation {}: {} actors, {} ties, density {}\n",
        s["relation"].get<std::string>().empty() ? "(unnamed)" : s["relation"].get<std::string>(),
        s["actors"].get<std::size_t>(), s["ties"].get<std::size_t>(), num(s["density"]));
    out << fmt::format(
        "  cluster openness (E-I of the local group): {}; whole-network E-I {} (p upper {}, {} "
        "permutations)\n",
        num(s["ei_locality"]["cluster_openness"]), num(s["ei_locality"]["whole_binary"]),
        num(s["ei_locality"]["p_upper_binary"]),
        s["ei_locality"]["permutations"].get<std::size_t>());
    out << fmt::format("  pipelines: {}, concentration (HHI) {}, reach through gatekeepers {}\n",
                       s["pipelines"]["count"].get<std::size_t>(),
                       num(s["pipelines"]["concentration_hhi"]),
                       num(s["pipelines"]["gatekeeper_reach_share"]));
    out << fmt::format(
        "  centralization: degree {}, betweenness {}, closeness {}; transitivity {}\n",
        num(s["centralization"]["degree"]), num(s["centralization"]["betweenness"]),
        num(s["centralization"]["closeness"]), num(s["transitivity"]));
    if (s["betweenness"].contains("error")) {
        const auto& e = s["betweenness"]["error"];
        out << fmt::format(
            "  betweenness estimated from {} of {} sources: standard error {} (median) to {} "
            "(max) of the value for the top {} actors; betweenness_se in actors.csv\n",
            s["betweenness"]["sources"].get<std::size_t>(), s["actors"].get<std::size_t>(),
            percent(e["median_relative_se"]), percent(e["max_relative_se"]),
            e["top_actors"].get<std::size_t>());
    }
    std::string roles;
    for (const auto& [k, v] : s["typology"]["counts"].items())
        roles += fmt::format("{}{} {}", roles.empty() ? "" : ", ", k, v.get<std::size_t>());
    out << fmt::format("  firm roles ({} firms; thresholds internal {} external {}): {}\n",
                       s["typology"]["firms"].get<std::size_t>(),
                       num(s["typology"]["internal_threshold"]),
                       num(s["typology"]["external_threshold"]), roles.empty() ? "none" : roles);
    std::string fired;
    for (const auto& i : s["lock_in"]["indicators"])
        if (i["fired"].get<bool>())
            fired += (fired.empty() ? "" : ", ") + i["name"].get<std::string>();
    out << fmt::format("  lock-in: {} ({} of 4 indicators fired{}{})\n",
                       s["lock_in"]["flag"].get<bool>() ? "YES" : "no",
                       s["lock_in"]["fired"].get<std::size_t>(), fired.empty() ? "" : ": ", fired);
}

void append_lock_in_rows(const nlohmann::ordered_json& summary, std::vector<MetricRow>& rows) {
    const double nan = std::nan("");
    const auto& lock = summary["lock_in"];
    for (const auto& ind : lock["indicators"])
        rows.push_back({"lockin_" + ind["name"].get<std::string>(), nan, nan,
                        ind["value"].is_null() ? nan : ind["value"].get<double>(),
                        "fires when " + ind["rule"].get<std::string>() +
                            (ind["fired"].get<bool>() ? " (fired)" : " (not fired)")});
    rows.push_back(
        {"lockin_flag", nan, nan, lock["flag"].get<bool>() ? 1.0 : 0.0,
         fmt::format("1 when at least {} indicators fire", lock["min_fired"].get<std::size_t>())});
}

bool lock_in_flag(const nlohmann::ordered_json& summary) {
    return summary["lock_in"]["flag"].get<bool>();
}

const nlohmann::ordered_json& lock_in_section(const nlohmann::ordered_json& summary) {
    return summary["lock_in"];
}

const nlohmann::ordered_json& typology_section(const nlohmann::ordered_json& summary) {
    return summary["typology"];
}

}  // namespace clusterlens::app
