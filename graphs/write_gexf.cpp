// GEXF writer: GEXF 1.2draft, the version Gephi (0.8 and later) and NetworkX (read_gexf's
// default) both open.
//
// What goes where, so that clusterlens, Gephi and NetworkX read the file back alike:
//   actor id, label            <node id label>
//   part, type, focal, ...     typed <attvalue>s (string; focal boolean) titled as the model
//   actor attributes           typed <attvalue>s: long for whole numbers, double, string
//   x, y [, z] (numbers)       <viz:position x y [z]/> (Gephi's coordinates, y up: readers.hpp)
//   viz_size, viz_color        <viz:size value/>, <viz:color r g b [a]/> (viz_alpha: a)
//   weight                     <edge weight>
//   relation                   <edge kind> (Gephi's edge type: parallel edges of different
//                              kinds stay apart) and an edge <attvalue> titled relation,
//                              because NetworkX's read_gexf ignores kind
//   tie attribute Id           <edge id> when its values are unique, else ids 0, 1, ...
//   tie attributes             typed <attvalue>s; viz_color, viz_thickness into viz elements
// Missing values (NaN, "") are left out. No dates or versions are written: the bytes depend on
// the network only.
#include <fmt/format.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "graphs/raw.hpp"
#include "graphs/write.hpp"
#include "graphs/write_columns.hpp"

namespace clusterlens {

namespace {

using writer::ActorColumns;
using writer::TieColumns;
using Column = std::pair<std::string, const AttributeColumn*>;  // output name, column

bool is_hex_colour(const std::string& s) {
    if (s.size() != 7 || s[0] != '#') return false;
    return s.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
}

/// Finds the extra column with output name `name` if it holds numbers (or text when `text`).
const AttributeColumn* take(std::vector<Column>& extra, const std::string& name, bool text) {
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (it->first != name) continue;
        const auto* c = it->second;
        if ((c->kind == AttributeColumn::Kind::text) != text) return nullptr;
        if (text)
            for (const auto& v : c->texts)
                if (!v.empty() && !is_hex_colour(v)) return nullptr;
        extra.erase(it);
        return c;
    }
    return nullptr;
}

/// A value in the text its declared type wants: whole numbers without exponent for "long".
std::string value_text(const AttributeColumn& c, std::size_t row, const char* type) {
    if (c.kind == AttributeColumn::Kind::text) return c.texts[row];
    const double v = c.numbers[row];
    if (std::isnan(v)) return {};
    if (std::string(type) == "long") return fmt::format("{:.0f}", v == 0 ? 0.0 : v);
    return format_number(v);
}

void colour(std::ostream& out, const std::string& hex, const AttributeColumn* alpha,
            std::size_t row, const char* indent) {
    const auto byte = [&](std::size_t at) { return std::stoi(hex.substr(at, 2), nullptr, 16); };
    out << indent << "<viz:color r=\"" << byte(1) << "\" g=\"" << byte(3) << "\" b=\"" << byte(5)
        << '"';
    if (alpha != nullptr && !std::isnan(alpha->numbers[row]))
        out << " a=\"" << format_number(alpha->numbers[row]) << '"';
    out << "/>\n";
}

}  // namespace

void write_gexf(const Network& net, std::ostream& out) {
    const ActorColumns ac(net);
    const TieColumns tc(net);
    std::vector<Column> node_extra = ac.extra, edge_extra = tc.extra;

    // Columns that become viz elements instead of attributes.
    const AttributeColumn* x = take(node_extra, "x", false);
    const AttributeColumn* y = x != nullptr ? take(node_extra, "y", false) : nullptr;
    if (x != nullptr && y == nullptr) {  // no position without both coordinates
        node_extra = ac.extra;
        x = nullptr;
    }
    const AttributeColumn* z = y != nullptr ? take(node_extra, "z", false) : nullptr;
    const AttributeColumn* size = take(node_extra, "viz_size", false);
    const AttributeColumn* node_colour = take(node_extra, "viz_color", true);
    const AttributeColumn* node_alpha =
        node_colour != nullptr ? take(node_extra, "viz_alpha", false) : nullptr;
    const AttributeColumn* thickness = take(edge_extra, "viz_thickness", false);
    const AttributeColumn* edge_colour = take(edge_extra, "viz_color", true);
    const AttributeColumn* edge_alpha =
        edge_colour != nullptr ? take(edge_extra, "viz_alpha", false) : nullptr;

    // Edge ids: the tie attribute Id (as read from GEXF or GraphML) when its values are unique.
    const AttributeColumn* ids = net.tie_attributes().find(col::id);
    if (ids != nullptr) {
        std::set<std::string> seen;
        for (std::size_t e = 0; e < net.tie_count() && ids != nullptr; ++e) {
            const auto v = ids->as_text(e);
            if (v.empty() || !seen.insert(v).second) ids = nullptr;
        }
        if (ids != nullptr)
            for (auto it = edge_extra.begin(); it != edge_extra.end(); ++it)
                if (it->second == ids) {
                    edge_extra.erase(it);
                    break;
                }
    }

    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
           "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"http://www.gexf.net/1.2draft "
           "http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n"
           "  <meta>\n    <creator>clusterlens</creator>\n  </meta>\n";
    out << "  <graph mode=\"static\" defaultedgetype=\""
        << (net.directed() ? "directed" : "undirected") << "\">\n";

    auto declare = [&](const std::string& id, const std::string& title, const char* type) {
        out << "      <attribute id=\"" << id << "\" title=\"" << xml_escape(title) << "\" type=\""
            << type << "\"/>\n";
    };
    std::vector<const char*> node_type(node_extra.size()), edge_type(edge_extra.size());
    for (std::size_t k = 0; k < node_extra.size(); ++k)
        node_type[k] = writer::value_type(*node_extra[k].second);
    for (std::size_t k = 0; k < edge_extra.size(); ++k)
        edge_type[k] = writer::value_type(*edge_extra[k].second);

    out << "    <attributes class=\"node\" mode=\"static\">\n";
    if (ac.part) declare("part", "part", "string");
    if (ac.type) declare("type", "type", "string");
    if (ac.focal) declare("focal", "focal", "boolean");
    if (ac.locality) declare("locality", "locality", "string");
    if (ac.stage) declare("stage", "stage", "string");
    if (ac.group) declare("group", "group", "string");
    for (std::size_t k = 0; k < node_extra.size(); ++k)
        declare("a" + std::to_string(k), node_extra[k].first, node_type[k]);
    out << "    </attributes>\n";
    out << "    <attributes class=\"edge\" mode=\"static\">\n";
    if (tc.relation) declare("relation", "relation", "string");
    for (std::size_t k = 0; k < edge_extra.size(); ++k)
        declare("e" + std::to_string(k), edge_extra[k].first, edge_type[k]);
    out << "    </attributes>\n";

    std::string values;  // the <attvalue>s of one node or edge
    auto value = [&](const std::string& key, const std::string& v) {
        if (v.empty()) return;
        values += "          <attvalue for=\"" + key + "\" value=\"" + xml_escape(v) + "\"/>\n";
    };
    auto flush = [&]() {
        if (values.empty()) return;
        out << "        <attvalues>\n" << values << "        </attvalues>\n";
        values.clear();
    };

    out << "    <nodes>\n";
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        const auto& a = net.actor(i);
        out << "      <node id=\"" << xml_escape(a.id) << "\" label=\"" << xml_escape(a.label)
            << "\">\n";
        if (a.part != Part::unspecified) value("part", std::string(to_string(a.part)));
        value("type", a.type);
        if (ac.focal) value("focal", a.focal ? "true" : "false");
        if (a.locality != Locality::unspecified)
            value("locality", std::string(to_string(a.locality)));
        value("stage", a.stage);
        value("group", a.group);
        for (std::size_t k = 0; k < node_extra.size(); ++k)
            value("a" + std::to_string(k), value_text(*node_extra[k].second, i, node_type[k]));
        flush();
        if (size != nullptr && !std::isnan(size->numbers[i]))
            out << "        <viz:size value=\"" << format_number(size->numbers[i]) << "\"/>\n";
        if (x != nullptr && std::isfinite(x->numbers[i]) && std::isfinite(y->numbers[i])) {
            out << "        <viz:position x=\"" << format_number(x->numbers[i]) << "\" y=\""
                << format_number(y->numbers[i]) << '"';
            if (z != nullptr && std::isfinite(z->numbers[i]))
                out << " z=\"" << format_number(z->numbers[i]) << '"';
            out << "/>\n";
        }
        if (node_colour != nullptr && !node_colour->texts[i].empty())
            colour(out, node_colour->texts[i], node_alpha, i, "        ");
        out << "      </node>\n";
    }
    out << "    </nodes>\n    <edges>\n";
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        out << "      <edge id=\""
            << xml_escape(ids != nullptr ? ids->as_text(e) : std::to_string(e)) << "\" source=\""
            << xml_escape(net.actor(net.source(e)).id) << "\" target=\""
            << xml_escape(net.actor(net.target(e)).id) << "\" weight=\""
            << format_number(net.weight(e)) << '"';
        const auto& relation = net.relations()[net.relation(e)];
        if (tc.relation) out << " kind=\"" << xml_escape(relation) << '"';
        out << ">\n";
        if (tc.relation) value("relation", relation);
        for (std::size_t k = 0; k < edge_extra.size(); ++k)
            value("e" + std::to_string(k), value_text(*edge_extra[k].second, e, edge_type[k]));
        flush();
        if (thickness != nullptr && !std::isnan(thickness->numbers[e]))
            out << "        <viz:thickness value=\"" << format_number(thickness->numbers[e])
                << "\"/>\n";
        if (edge_colour != nullptr && !edge_colour->texts[e].empty())
            colour(out, edge_colour->texts[e], edge_alpha, e, "        ");
        out << "      </edge>\n";
    }
    out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace clusterlens
