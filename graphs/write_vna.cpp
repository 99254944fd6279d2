// Writing NetDraw VNA and plain edge lists.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "graphs/readers.hpp"
#include "graphs/text_input.hpp"
#include "graphs/write.hpp"
#include "graphs/write_columns.hpp"

namespace clusterlens {
namespace fs = std::filesystem;
using writer::ActorColumns;
using writer::quoted;
using writer::TieColumns;

// ---- VNA and edge list -------------------------------------------------------------------

void write_vna(const Network& net, std::ostream& out) {
    const ActorColumns ac(net);
    const TieColumns tc(net);
    auto v = [](const std::string& s) { return quoted(s, "VNA"); };
    out << "*node data\nID label";
    if (ac.part) out << " part";
    if (ac.type) out << " type";
    if (ac.focal) out << " focal";
    if (ac.locality) out << " locality";
    if (ac.stage) out << " stage";
    if (ac.group) out << " group";
    for (const auto& [name, c] : ac.extra) out << ' ' << v(name);
    out << '\n';
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        const auto& a = net.actor(i);
        out << v(a.id) << ' ' << v(a.label);
        if (ac.part) out << ' ' << v(std::string(to_string(a.part)));
        if (ac.type) out << ' ' << v(a.type);
        if (ac.focal) out << ' ' << (a.focal ? "true" : "false");
        if (ac.locality) out << ' ' << v(std::string(to_string(a.locality)));
        if (ac.stage) out << ' ' << v(a.stage);
        if (ac.group) out << ' ' << v(a.group);
        for (const auto& [name, c] : ac.extra) out << ' ' << v(c->as_text(i));
        out << '\n';
    }
    out << "*tie data\nfrom to strength";
    if (tc.relation) out << " relation";
    for (const auto& [name, c] : tc.extra) out << ' ' << v(name);
    out << '\n';
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        for (int pass = 0; pass < (net.directed() ? 1 : 2); ++pass) {
            const auto s = pass == 0 ? net.source(e) : net.target(e);
            const auto t = pass == 0 ? net.target(e) : net.source(e);
            out << v(net.actor(s).id) << ' ' << v(net.actor(t).id) << ' '
                << format_number(net.weight(e));
            if (tc.relation) out << ' ' << v(net.relations()[net.relation(e)]);
            for (const auto& [name, c] : tc.extra) out << ' ' << v(c->as_text(e));
            out << '\n';
        }
    }
}

void write_edge_list(const Network& net, std::ostream& out) {
    if (net.relations().size() > 1)
        throw UsageError("a plain edge list holds one relation and this network has " +
                         std::to_string(net.relations().size()) +
                         "; write GraphML, GML, JSON, Pajek, DL, VNA or a CSV folder instead");
    // Ids are quoted only when they must be (spaces, separators, a leading '#' or '%'; quoted()
    // refuses a line break), so
    // NetworkX's read_edgelist and igraph's NCOL reader take the file as it is.
    auto id = [](const std::string& text) {
        const bool plain = !text.empty() &&
                           text.find_first_of(" \t,;\"\n\r") == std::string::npos &&
                           text[0] != '#' && text[0] != '%';
        return plain ? text : quoted(text, "an edge list");
    };
    out << "# clusterlens edge list: source target weight ("
        << (net.directed() ? "directed" : "undirected") << ")\n";
    // A first tie between actors called like a header pair ("from to") would be read as the
    // header: a header line above it keeps it a tie for any reader that follows the rule.
    if (net.tie_count() > 0 &&
        is_edge_list_header_pair(net.actor(net.source(0)).id, net.actor(net.target(0)).id))
        out << "source target weight\n";
    for (std::size_t e = 0; e < net.tie_count(); ++e)
        out << id(net.actor(net.source(e)).id) << ' ' << id(net.actor(net.target(e)).id) << ' '
            << format_number(net.weight(e)) << '\n';
}

}  // namespace clusterlens
