// Writing GraphML (keys for every attribute, one <graph> with edgedefault).
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

// ---- GraphML -------------------------------------------------------------------------

namespace {
const char* graphml_type(const AttributeColumn& c) { return writer::value_type(c); }
}  // namespace

void write_graphml(const Network& net, std::ostream& out) {
    const ActorColumns ac(net);
    const TieColumns tc(net);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    auto key = [&](const std::string& id, const char* for_, const std::string& name,
                   const char* type) {
        out << "  <key id=\"" << id << "\" for=\"" << for_ << "\" attr.name=\"" << xml_escape(name)
            << "\" attr.type=\"" << type << "\"/>\n";
    };
    key("label", "node", "label", "string");
    if (ac.part) key("part", "node", "part", "string");
    if (ac.type) key("type", "node", "type", "string");
    if (ac.focal) key("focal", "node", "focal", "boolean");
    if (ac.locality) key("locality", "node", "locality", "string");
    if (ac.stage) key("stage", "node", "stage", "string");
    if (ac.group) key("group", "node", "group", "string");
    // Positions: the actor attributes x and y are written as double keys with id and name "x"
    // and "y". Gephi's GraphML importer takes a node key whose id, else attr.name, is "x" / "y"
    // as the node's position (ImporterGraphML.java in gephi/gephi, commit 017f801f: the
    // constructor's addNodePropertyAssociation(NodeProperties.X, "x") and readAttribute(), which
    // looks the key's id up first, then its attr.name, for keys with for="node"). Both carry y
    // pointing up, as Gephi draws it and as clusterlens keeps it (readers.hpp).
    std::vector<std::string> node_key(ac.extra.size());
    for (std::size_t k = 0; k < ac.extra.size(); ++k) {
        const auto& [name, c] = ac.extra[k];
        const bool position =
            (name == "x" || name == "y") && c->kind == AttributeColumn::Kind::number;
        node_key[k] = position ? name : "v" + std::to_string(k);
        key(node_key[k], "node", name, position ? "double" : graphml_type(*c));
    }
    key("weight", "edge", "weight", "double");
    if (tc.relation) key("relation", "edge", "relation", "string");
    for (std::size_t k = 0; k < tc.extra.size(); ++k)
        key("e" + std::to_string(k), "edge", tc.extra[k].first, graphml_type(*tc.extra[k].second));
    out << "  <graph id=\"G\" edgedefault=\"" << (net.directed() ? "directed" : "undirected")
        << "\">\n";
    auto data = [&](const std::string& k, const std::string& v) {
        out << "      <data key=\"" << k << "\">" << xml_escape(v) << "</data>\n";
    };
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        const auto& a = net.actor(i);
        out << "    <node id=\"" << xml_escape(a.id) << "\">\n";
        data("label", a.label);
        if (ac.part && a.part != Part::unspecified) data("part", std::string(to_string(a.part)));
        if (ac.type && !a.type.empty()) data("type", a.type);
        if (ac.focal) data("focal", a.focal ? "true" : "false");
        if (ac.locality && a.locality != Locality::unspecified)
            data("locality", std::string(to_string(a.locality)));
        if (ac.stage && !a.stage.empty()) data("stage", a.stage);
        if (ac.group && !a.group.empty()) data("group", a.group);
        for (std::size_t k = 0; k < ac.extra.size(); ++k) {
            const auto v = ac.extra[k].second->as_text(i);
            if (!v.empty()) data(node_key[k], v);
        }
        out << "    </node>\n";
    }
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        out << "    <edge source=\"" << xml_escape(net.actor(net.source(e)).id) << "\" target=\""
            << xml_escape(net.actor(net.target(e)).id) << "\">\n";
        data("weight", format_number(net.weight(e)));
        if (tc.relation) data("relation", net.relations()[net.relation(e)]);
        for (std::size_t k = 0; k < tc.extra.size(); ++k) {
            const auto v = tc.extra[k].second->as_text(e);
            if (!v.empty()) data("e" + std::to_string(k), v);
        }
        out << "    </edge>\n";
    }
    out << "  </graph>\n</graphml>\n";
}

}  // namespace clusterlens
