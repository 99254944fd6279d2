#include "graphs/vocabulary.hpp"

#include <cctype>

namespace clusterlens {

const std::vector<std::string>& known_actor_types() {
    static const std::vector<std::string> types = {
        "firm",       "university", "research", "government",    "intermediary",
        "consultant", "customer",   "supplier", "subcontractor", "other"};
    return types;
}

bool is_firm_type(std::string_view type) {
    return type == "firm" || type == "customer" || type == "supplier" || type == "subcontractor";
}

bool is_institute_type(std::string_view type) {
    return type == "university" || type == "research" || type == "government" ||
           type == "intermediary" || type == "consultant";
}

std::string_view to_string(Part part) {
    switch (part) {
        case Part::core:
            return "core";
        case Part::assisting:
            return "assisting";
        case Part::external:
            return "external";
        case Part::unspecified:
            break;
    }
    return "";
}

std::string_view to_string(Locality locality) {
    switch (locality) {
        case Locality::local:
            return "local";
        case Locality::global:
            return "global";
        case Locality::unspecified:
            break;
    }
    return "";
}

namespace {
std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
}  // namespace

std::optional<Part> parse_part(std::string_view text) {
    const auto t = lower(text);
    if (t == "core") return Part::core;
    if (t == "assisting") return Part::assisting;
    if (t == "external") return Part::external;
    return std::nullopt;
}

std::optional<Locality> parse_locality(std::string_view text) {
    const auto t = lower(text);
    if (t == "local") return Locality::local;
    if (t == "global") return Locality::global;
    return std::nullopt;
}

Linkage linkage(Locality a, Locality b) {
    if (a == Locality::unspecified || b == Locality::unspecified) return Linkage::unknown;
    if (a == Locality::local && b == Locality::local) return Linkage::buzz;
    if (a == Locality::local || b == Locality::local) return Linkage::pipeline;
    return Linkage::extra_local;
}

std::string_view to_string(Linkage linkage) {
    switch (linkage) {
        case Linkage::buzz:
            return "buzz";
        case Linkage::pipeline:
            return "pipeline";
        case Linkage::extra_local:
            return "extra_local";
        case Linkage::unknown:
            break;
    }
    return "";
}

}  // namespace clusterlens
