#include "src/app/relations.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <set>
#include <string_view>

#include "graphs/atomic_file.hpp"
#include "graphs/error.hpp"
#include "graphs/write.hpp"

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

namespace {

/// The length in bytes of the well-formed UTF-8 sequence at text[i] and its code point, or 0
/// when the bytes there are not one (stray continuation, overlong, surrogate, past U+10FFFF).
std::size_t utf8_at(const std::string& text, std::size_t i, char32_t& cp) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char lead = b(0);
    std::size_t len = 0;
    if (lead >= 0xC2 && lead <= 0xDF)
        len = 2;
    else if (lead >= 0xE0 && lead <= 0xEF)
        len = 3;
    else if (lead >= 0xF0 && lead <= 0xF4)
        len = 4;
    if (len == 0 || i + len > text.size()) return 0;
    cp = lead & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) {
        if ((b(k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(k) & 0x3F);
    }
    const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0;
    return len;
}

/// C1 controls and the invisible characters that change how a name reads (zero-width,
/// bidirectional embeddings, overrides and isolates, the byte-order mark).
bool invisible(char32_t cp) {
    return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

std::string lower_ascii(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

/// CON, PRN, AUX, NUL, COM1-9, LPT1-9, with or without an extension, in any case.
bool windows_reserved(const std::string& name) {
    const auto base = lower_ascii(name.substr(0, name.find('.')));
    if (base == "con" || base == "prn" || base == "aux" || base == "nul") return true;
    return base.size() == 4 && (base.compare(0, 3, "com") == 0 || base.compare(0, 3, "lpt") == 0) &&
           base[3] >= '1' && base[3] <= '9';
}

constexpr std::size_t kMaxFolderBytes = 100;

}  // namespace

std::string safe_folder_name(const std::string& relation_name) {
    if (relation_name.empty()) return "unnamed";
    std::string name;
    for (std::size_t i = 0; i < relation_name.size() && name.size() < kMaxFolderBytes;) {
        const auto ch = static_cast<unsigned char>(relation_name[i]);
        if (ch < 0x80) {
            const bool bad = ch < 0x20 || ch == 0x7F ||
                             std::string_view("/\\:*?\"<>|").find(static_cast<char>(ch)) !=
                                 std::string_view::npos;
            name += bad ? '_' : static_cast<char>(ch);
            ++i;
            continue;
        }
        char32_t cp = 0;
        const auto len = utf8_at(relation_name, i, cp);
        if (len == 0 || invisible(cp)) {
            name += '_';
            i += len == 0 ? 1 : len;
        } else {
            if (name.size() + len > kMaxFolderBytes) break;
            name.append(relation_name, i, len);
            i += len;
        }
    }
    if (name.front() == '.') name.front() = '_';
    if (name.back() == '.' || name.back() == ' ') name.back() = '_';
    if (windows_reserved(name)) name.insert(std::min(name.find('.'), name.size()), "_");
    return name;
}

std::vector<std::string> relation_folders(const std::vector<std::string>& relations) {
    std::vector<std::string> folders(relations.size());
    std::set<std::string> taken = {lower_ascii(kRelationFoldersFile)};
    // First the relations whose names are folder names already, then the rest, in order.
    for (std::size_t r = 0; r < relations.size(); ++r) {
        const auto safe = safe_folder_name(relations[r]);
        if (safe == relations[r] && taken.insert(lower_ascii(safe)).second) folders[r] = safe;
    }
    for (std::size_t r = 0; r < relations.size(); ++r) {
        if (!folders[r].empty()) continue;
        const auto base = safe_folder_name(relations[r]);
        auto folder = base;
        for (std::size_t k = 2; !taken.insert(lower_ascii(folder)).second; ++k)
            folder = base + "_" + std::to_string(k);
        folders[r] = folder;
    }
    return folders;
}

std::string write_relation_folders(const std::string& out_dir,
                                   const std::vector<std::string>& relations,
                                   const std::vector<std::string>& folders,
                                   const std::vector<std::string>& inputs) {
    const auto path = (std::filesystem::path(out_dir) / kRelationFoldersFile).string();
    OutputSet out(inputs);
    auto& f = out.add(path);
    f << "relation,folder\n";
    for (std::size_t r = 0; r < relations.size(); ++r)
        f << csv_field(relations[r]) << ',' << csv_field(folders[r]) << '\n';
    out.commit_all();
    return path;
}

std::string quoted_relation(const std::string& relation_name) {
    std::string out = "\"";
    for (const char c : relation_name) {
        const auto ch = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (ch < 0x20 || ch == 0x7F) {
            out += fmt::format("\\x{:02x}", ch);
        } else {
            out += c;
        }
    }
    return out + "\"";
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
