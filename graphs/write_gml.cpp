// Writing GML.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "graphs/text_input.hpp"
#include "graphs/write.hpp"
#include "graphs/write_columns.hpp"

namespace clusterlens {
namespace fs = std::filesystem;
using writer::ActorColumns;
using writer::quoted;
using writer::TieColumns;

// ---- GML -----------------------------------------------------------------------------

namespace {
std::string gml_string(const std::string& s) {
    // ASCII only (GML is defined on 7-bit text; NetworkX refuses anything else): quotes,
    // ampersands and every non-ASCII character are written as character references.
    std::string out = "\"";
    const auto* b = reinterpret_cast<const unsigned char*>(s.data());
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = b[i];
        if (c < 0x80) {
            if (c == '"')
                out += "&quot;";
            else if (c == '&')
                out += "&amp;";
            else if (c == '\n' || c == '\r' || c == '\t')
                out += "&#" + std::to_string(c) + ";";  // a raw one would not survive a reader
            else
                out += static_cast<char>(c);
            ++i;
            continue;
        }
        // One UTF-8 sequence (the readers guarantee valid UTF-8).
        const std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        std::uint32_t cp = c & (len == 2 ? 0x1Fu : len == 3 ? 0x0Fu : 0x07u);
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
            cp = (cp << 6) | (b[i + k] & 0x3Fu);
        out += "&#" + std::to_string(cp) + ";";
        i += len;
    }
    return out + '"';
}
std::string gml_key(const std::string& name) {
    // GML keys are letters, digits and '_', starting with a letter (as NetworkX's GML reader and
    // writer take them: valid_keys in networkx/readwrite/gml.py); other characters are dropped.
    std::string k;
    for (const char c : name)
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') k += c;
    if (k.empty() || !std::isalpha(static_cast<unsigned char>(k[0]))) k = "a" + k;
    return k;
}
}  // namespace

void write_gml(const Network& net, std::ostream& out) {
    const ActorColumns ac(net);
    const TieColumns tc(net);
    out << "Creator \"clusterlens\"\ngraph\n[\n  directed " << (net.directed() ? 1 : 0) << '\n';
    if (net.relations().size() > 1) out << "  multigraph 1\n";
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        const auto& a = net.actor(i);
        out << "  node\n  [\n    id " << i << "\n    name " << gml_string(a.id) << "\n    label "
            << gml_string(a.label) << '\n';
        if (a.part != Part::unspecified)
            out << "    part " << gml_string(std::string(to_string(a.part))) << '\n';
        if (!a.type.empty()) out << "    type " << gml_string(a.type) << '\n';
        if (ac.focal) out << "    focal " << (a.focal ? 1 : 0) << '\n';
        if (a.locality != Locality::unspecified)
            out << "    locality " << gml_string(std::string(to_string(a.locality))) << '\n';
        if (!a.stage.empty()) out << "    stage " << gml_string(a.stage) << '\n';
        if (!a.group.empty()) out << "    group " << gml_string(a.group) << '\n';
        for (const auto& [name, c] : ac.extra) {
            if (c->kind == AttributeColumn::Kind::number) {
                if (!std::isnan(c->numbers[i]))
                    out << "    " << gml_key(name) << ' ' << format_number(c->numbers[i]) << '\n';
            } else if (!c->texts[i].empty()) {
                out << "    " << gml_key(name) << ' ' << gml_string(c->texts[i]) << '\n';
            }
        }
        out << "  ]\n";
    }
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        out << "  edge\n  [\n    source " << net.source(e) << "\n    target " << net.target(e)
            << "\n    weight " << format_number(net.weight(e)) << '\n';
        if (tc.relation)
            out << "    relation " << gml_string(net.relations()[net.relation(e)]) << '\n';
        for (const auto& [name, c] : tc.extra) {
            if (c->kind == AttributeColumn::Kind::number) {
                if (!std::isnan(c->numbers[e]))
                    out << "    " << gml_key(name) << ' ' << format_number(c->numbers[e]) << '\n';
            } else if (!c->texts[e].empty()) {
                out << "    " << gml_key(name) << ' ' << gml_string(c->texts[e]) << '\n';
            }
        }
        out << "  ]\n";
    }
    out << "]\n";
}

}  // namespace clusterlens
