// GEXF writer: GEXF 1.2draft, the version both Gephi and NetworkX (read_gexf, 2.8 and 3.x) open.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "graphs/attributes.hpp"
#include "graphs/write.hpp"
#include "graphs/write_columns.hpp"

namespace clusterlens {
using namespace write_detail;

namespace {
/// GEXF attribute types for a column: integer columns as long, other numbers as double.
const char* gexf_type(const AttributeColumn& c) {
    const std::string t = graphml_type(c);
    return t == "long" ? "long" : t == "double" ? "double" : "string";
}

/// "#rrggbb" -> r, g, b; false for anything else.
bool parse_hex_colour(const std::string& text, int rgb[3]) {
    if (text.size() != 7 || text[0] != '#') return false;
    for (int k = 0; k < 3; ++k) {
        int v = 0;
        for (int d = 0; d < 2; ++d) {
            const char ch = text[1 + 2 * k + d];
            const int digit = ch >= '0' && ch <= '9'   ? ch - '0'
                              : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                              : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
                                                       : -1;
            if (digit < 0) return false;
            v = v * 16 + digit;
        }
        rgb[k] = v;
    }
    return true;
}
}  // namespace

/// Nodes: id, label, the model columns and every attribute as typed <attribute>s (focal as
/// boolean); numeric actor columns x and y as <viz:position> (y up, as Gephi draws it), and the
/// columns a GEXF file gave (viz_color as #rrggbb, viz_alpha, viz_size) as viz elements again.
/// Edges: source, target, weight, the relation both as kind (Gephi's edge type) and as the
/// attribute "relation" (NetworkX ignores kind), and every tie attribute; viz_thickness as
/// <viz:thickness>. The graph's defaultedgetype is the network's direction.
void write_gexf(const Network& net, std::ostream& out) {
    const ActorColumns ac(net);
    const TieColumns tc(net);
    auto find_actor_column = [&](const char* name, bool numeric) -> const AttributeColumn* {
        for (const auto& [n, c] : ac.extra)
            if (n == name && (!numeric || c->kind == AttributeColumn::Kind::number)) return c;
        return nullptr;
    };
    const AttributeColumn* x = find_actor_column("x", true);
    const AttributeColumn* y = find_actor_column("y", true);
    if (!x || !y) x = y = nullptr;
    const AttributeColumn* colour = find_actor_column("viz_color", false);
    const AttributeColumn* alpha = find_actor_column("viz_alpha", true);
    const AttributeColumn* size = find_actor_column("viz_size", true);
    const AttributeColumn* thickness = nullptr;
    for (const auto& [n, c] : tc.extra)
        if (n == "viz_thickness" && c->kind == AttributeColumn::Kind::number) thickness = c;
    auto is_viz = [&](const AttributeColumn* c) {
        return c == x || c == y || c == colour || c == alpha || c == size || c == thickness;
    };

    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
           "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n"
           "  <meta>\n    <creator>clusterlens</creator>\n  </meta>\n"
        << "  <graph defaultedgetype=\"" << (net.directed() ? "directed" : "undirected")
        << "\" mode=\"static\">\n";

    // Node attributes: ids n0.. for the model columns, a0.. for the others.
    struct Declared {
        std::string id;
        const AttributeColumn* column;  // nullptr: a model column
    };
    std::vector<std::pair<std::string, std::string>> model;  // id, title
    if (ac.part) model.emplace_back("part", "part");
    if (ac.type) model.emplace_back("type", "type");
    if (ac.focal) model.emplace_back("focal", "focal");
    if (ac.locality) model.emplace_back("locality", "locality");
    if (ac.stage) model.emplace_back("stage", "stage");
    if (ac.group) model.emplace_back("group", "group");
    std::vector<Declared> node_attrs;
    for (std::size_t k = 0; k < ac.extra.size(); ++k)
        if (!is_viz(ac.extra[k].second)) node_attrs.push_back({"a" + std::to_string(k), nullptr});
    out << "    <attributes class=\"node\" mode=\"static\">\n";
    for (const auto& [id, title] : model)
        out << "      <attribute id=\"" << id << "\" title=\"" << title << "\" type=\""
            << (id == "focal" ? "boolean" : "string") << "\"/>\n";
    {
        std::size_t n = 0;
        for (std::size_t k = 0; k < ac.extra.size(); ++k) {
            const auto& [name, c] = ac.extra[k];
            if (is_viz(c)) continue;
            node_attrs[n++].column = c;
            out << "      <attribute id=\"a" << k << "\" title=\"" << xml_escape(name)
                << "\" type=\"" << gexf_type(*c) << "\"/>\n";
        }
    }
    out << "    </attributes>\n";
    out << "    <attributes class=\"edge\" mode=\"static\">\n";
    if (tc.relation)
        out << "      <attribute id=\"relation\" title=\"relation\" type=\"string\"/>\n";
    for (std::size_t k = 0; k < tc.extra.size(); ++k) {
        const auto& [name, c] = tc.extra[k];
        if (is_viz(c)) continue;
        out << "      <attribute id=\"e" << k << "\" title=\"" << xml_escape(name) << "\" type=\""
            << gexf_type(*c) << "\"/>\n";
    }
    out << "    </attributes>\n";

    auto attvalue = [&](const std::string& id, const std::string& value) {
        out << "          <attvalue for=\"" << id << "\" value=\"" << xml_escape(value) << "\"/>\n";
    };
    out << "    <nodes>\n";
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        const auto& a = net.actor(i);
        out << "      <node id=\"" << xml_escape(a.id) << "\" label=\"" << xml_escape(a.label)
            << "\">\n        <attvalues>\n";
        if (ac.part && a.part != Part::unspecified)
            attvalue("part", std::string(to_string(a.part)));
        if (ac.type && !a.type.empty()) attvalue("type", a.type);
        if (ac.focal) attvalue("focal", a.focal ? "true" : "false");
        if (ac.locality && a.locality != Locality::unspecified)
            attvalue("locality", std::string(to_string(a.locality)));
        if (ac.stage && !a.stage.empty()) attvalue("stage", a.stage);
        if (ac.group && !a.group.empty()) attvalue("group", a.group);
        for (const auto& d : node_attrs) {
            const auto v = d.column->as_text(i);
            if (!v.empty()) attvalue(d.id, v);
        }
        out << "        </attvalues>\n";
        int rgb[3];
        if (colour && parse_hex_colour(colour->as_text(i), rgb)) {
            out << "        <viz:color r=\"" << rgb[0] << "\" g=\"" << rgb[1] << "\" b=\"" << rgb[2]
                << '"';
            if (alpha && !std::isnan(alpha->numbers[i]))
                out << " a=\"" << format_number(alpha->numbers[i]) << '"';
            out << "/>\n";
        }
        if (size && !std::isnan(size->numbers[i]))
            out << "        <viz:size value=\"" << format_number(size->numbers[i]) << "\"/>\n";
        if (x && !std::isnan(x->numbers[i]) && !std::isnan(y->numbers[i]))
            out << "        <viz:position x=\"" << format_number(x->numbers[i]) << "\" y=\""
                << format_number(y->numbers[i]) << "\" z=\"0\"/>\n";
        out << "      </node>\n";
    }
    out << "    </nodes>\n    <edges>\n";
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        out << "      <edge id=\"" << e << "\" source=\"" << xml_escape(net.actor(net.source(e)).id)
            << "\" target=\"" << xml_escape(net.actor(net.target(e)).id) << "\" weight=\""
            << format_number(net.weight(e)) << '"';
        if (tc.relation) out << " kind=\"" << xml_escape(net.relations()[net.relation(e)]) << '"';
        out << ">\n        <attvalues>\n";
        if (tc.relation) attvalue("relation", net.relations()[net.relation(e)]);
        for (std::size_t k = 0; k < tc.extra.size(); ++k) {
            const auto* c = tc.extra[k].second;
            if (is_viz(c)) continue;
            const auto v = c->as_text(e);
            if (!v.empty()) attvalue("e" + std::to_string(k), v);
        }
        out << "        </attvalues>\n";
        if (thickness && !std::isnan(thickness->numbers[e]))
            out << "        <viz:thickness value=\"" << format_number(thickness->numbers[e])
                << "\"/>\n";
        out << "      </edge>\n";
    }
    out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace clusterlens
