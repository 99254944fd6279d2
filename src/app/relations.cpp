#include "src/app/relations.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <initializer_list>

#include "graphs/error.hpp"

namespace clusterlens::app {

std::uint32_t relation_named(const Network& net, const std::string& name) {
    const auto& names = net.relations();
    const auto it = std::find(names.begin(), names.end(), name);
    if (it != names.end()) return static_cast<std::uint32_t>(it - names.begin());
    std::string list;
    for (const auto& r : names)
        list += (list.empty() ? "" : ", ") + (r.empty() ? std::string("(unnamed)") : r);
    throw UsageError("no relation named '" + name + "'; the network's relations are: " + list);
}

Network pick_relation(const Network& net, const std::string& relation) {
    std::uint32_t chosen = 0;
    if (!relation.empty()) {
        const auto& names = net.relations();
        const auto it = std::find(names.begin(), names.end(), relation);
        if (it == names.end())
            throw UsageError("no relation named '" + relation +
                             "'; relations: " + fmt::format("{}", fmt::join(names, ", ")));
        chosen = static_cast<std::uint32_t>(it - names.begin());
    } else if (net.relations().size() > 1) {
        throw UsageError("the network has several relations (" +
                         fmt::format("{}", fmt::join(net.relations(), ", ")) +
                         "); choose one with --relation");
    }
    return net.select_relation(chosen);
}

std::vector<std::uint32_t> relations_to_score(const Network& net, const std::string& relation) {
    std::vector<std::uint32_t> chosen;
    for (std::uint32_t r = 0; r < net.relations().size(); ++r)
        if (relation.empty() || net.relations()[r] == relation) chosen.push_back(r);
    if (chosen.empty()) {
        std::string names;
        for (const auto& r : net.relations())
            names += (names.empty() ? "" : ", ") + (r.empty() ? std::string("(unnamed)") : r);
        throw UsageError("no relation named '" + relation + "'; relations: " + names);
    }
    return chosen;
}

std::string relation_folder(const std::string& out_dir, const std::string& relation_name) {
    std::string name = relation_name.empty() ? "unnamed" : relation_name;
    for (auto& ch : name)
        if (ch == '/' || ch == '\\' || ch == ':') ch = '_';
    return (std::filesystem::path(out_dir) / name).string();
}

void require_locality(const Network& net, const std::string& input) {
    for (std::size_t i = 0; i < net.actor_count(); ++i)
        if (net.actor(i).locality != Locality::unspecified) return;
    throw InputError(
        {input},
        "no actor has a locality (local or global), so there is no local buzz, no pipeline and "
        "no lock-in to compare; map a locality column in a mapping file ([actors.locality] "
        "column = \"country\", local = [\"EE\"]) or give --local with such a mapping");
}

std::vector<std::vector<std::string>> networks_of(const std::vector<std::string>& inputs) {
    auto ends_with = [](const std::string& p, std::initializer_list<const char*> exts) {
        auto lower = p;
        for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        for (const char* ext : exts) {
            const std::string e(ext);
            if (lower.size() >= e.size() &&
                lower.compare(lower.size() - e.size(), e.size(), e) == 0)
                return true;
        }
        return false;
    };
    auto is_csv = [&](const std::string& p) {
        return ends_with(p, {".csv", ".csv.gz", ".tsv", ".tsv.gz"});
    };
    if (inputs.size() == 2 && is_csv(inputs[0]) && is_csv(inputs[1])) return {inputs};
    std::vector<std::vector<std::string>> out;
    for (const auto& in : inputs) {
        if (ends_with(in, {".clu", ".clu.gz"})) {
            if (out.empty() || !ends_with(out.back().front(), {".net", ".net.gz", ".paj"}))
                throw UsageError("partition " + in +
                                 " must follow the Pajek .net file it belongs to (compare "
                                 "A.net A.clu B.net B.clu)");
            out.back().push_back(in);
        } else {
            out.push_back({in});
        }
    }
    return out;
}

}  // namespace clusterlens::app
