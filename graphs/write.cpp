#include "graphs/write.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "graphs/atomic_file.hpp"
#include "graphs/text_input.hpp"
#include "graphs/write_columns.hpp"

namespace clusterlens {
namespace fs = std::filesystem;

namespace {

using writer::ActorColumns;
using writer::TieColumns;

/// Double-quotes a value for Pajek, DL, VNA and edge lists. These formats have no escape for a
/// quote or a line break inside a value, so such values are refused rather than altered.
std::string quoted(const std::string& text, const char* format) {
    if (text.find_first_of("\"\n\r") != std::string::npos)
        throw UsageError("the value '" + text +
                         "' contains a double quote or a line break, which " + format +
                         " cannot hold; write GraphML, GML, JSON or a CSV folder instead");
    return '"' + text + '"';
}

}  // namespace

std::string csv_field(const std::string& text) {
    const bool needs = text.find_first_of(",\"\n\r;") != std::string::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!needs) return text;
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string xml_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                // XML 1.0 forbids most control characters even escaped: replace them.
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
                    out += ' ';
                else
                    out += c;
        }
    }
    return out;
}

// ---- CSV pair ------------------------------------------------------------------------

void write_csv_nodes(const Network& net, std::ostream& out) {
    const ActorColumns cols(net);
    out << "Id,Label";
    if (cols.part) out << ",part";
    if (cols.type) out << ",type";
    if (cols.focal) out << ",focal";
    if (cols.locality) out << ",locality";
    if (cols.stage) out << ",stage";
    if (cols.group) out << ",group";
    for (const auto& [name, c] : cols.extra) out << ',' << csv_field(name);
    out << '\n';
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        const auto& a = net.actor(i);
        out << csv_field(a.id) << ',' << csv_field(a.label);
        if (cols.part) out << ',' << to_string(a.part);
        if (cols.type) out << ',' << a.type;
        if (cols.focal) out << ',' << (a.focal ? "true" : "false");
        if (cols.locality) out << ',' << to_string(a.locality);
        if (cols.stage) out << ',' << csv_field(a.stage);
        if (cols.group) out << ',' << csv_field(a.group);
        for (const auto& [name, c] : cols.extra) out << ',' << csv_field(c->as_text(i));
        out << '\n';
    }
}

void write_csv_edges(const Network& net, std::ostream& out) {
    const TieColumns cols(net);
    out << "Source,Target,Type,Weight";
    if (cols.relation) out << ",relation";
    for (const auto& [name, c] : cols.extra) out << ',' << csv_field(name);
    out << '\n';
    const char* type = net.directed() ? "Directed" : "Undirected";
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        out << csv_field(net.actor(net.source(e)).id) << ','
            << csv_field(net.actor(net.target(e)).id) << ',' << type << ','
            << format_number(net.weight(e));
        if (cols.relation) out << ',' << csv_field(net.relations()[net.relation(e)]);
        for (const auto& [name, c] : cols.extra) out << ',' << csv_field(c->as_text(e));
        out << '\n';
    }
}

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
            else if (c == '\n' || c == '\r')
                out += ' ';
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

// ---- JSON (NetworkX node-link) -----------------------------------------------------------

void write_json(const Network& net, std::ostream& out) {
    using nlohmann::ordered_json;
    const ActorColumns ac(net);
    const TieColumns tc(net);
    ordered_json doc;
    doc["directed"] = net.directed();
    // Several relations can tie the same pair: then the graph is a multigraph for NetworkX.
    doc["multigraph"] = net.relations().size() > 1;
    ordered_json graph = ordered_json::object();
    for (const auto& [k, v] : net.metadata()) graph[k] = v;
    doc["graph"] = graph;
    ordered_json nodes = ordered_json::array();
    auto value = [](const AttributeColumn& c, std::size_t i) -> ordered_json {
        if (c.kind == AttributeColumn::Kind::number) {
            const double v = c.numbers[i];
            if (!std::isfinite(v)) return nullptr;
            return v;
        }
        return c.texts[i];
    };
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        const auto& a = net.actor(i);
        ordered_json n;
        n["id"] = a.id;
        n["label"] = a.label;
        if (ac.part) n["part"] = std::string(to_string(a.part));
        if (ac.type) n["type"] = a.type;
        if (ac.focal) n["focal"] = a.focal;
        if (ac.locality) n["locality"] = std::string(to_string(a.locality));
        if (ac.stage) n["stage"] = a.stage;
        if (ac.group) n["group"] = a.group;
        for (const auto& [name, c] : ac.extra) n[name] = value(*c, i);
        nodes.push_back(std::move(n));
    }
    ordered_json links = ordered_json::array();
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        ordered_json l;
        l["source"] = net.actor(net.source(e)).id;
        l["target"] = net.actor(net.target(e)).id;
        l["weight"] = net.weight(e);
        if (tc.relation) l["relation"] = net.relations()[net.relation(e)];
        for (const auto& [name, c] : tc.extra) l[name] = value(*c, e);
        links.push_back(std::move(l));
    }
    doc["nodes"] = std::move(nodes);
    doc["links"] = std::move(links);
    out << doc.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

// ---- Pajek -----------------------------------------------------------------------------

namespace {

/// True when actor i's id is its Pajek vertex number i + 1 (as read_pajek and read_dl without
/// labels give them): then the vertex numbers are the ids and no id lines are needed.
bool positional_ids(const Network& net) {
    for (std::size_t i = 0; i < net.actor_count(); ++i)
        if (net.actor(i).id != std::to_string(i + 1)) return false;
    return true;
}

/// The "%clusterlens id" lines (before *Vertices) and the vertex lines: label, then the position.
void write_pajek_vertices(const Network& net, std::ostream& out) {
    // Pajek has one name per vertex: the label, which Pajek, igraph and NetworkX show. The id,
    // when it is not the vertex number, goes on a comment line that Pajek, igraph and NetworkX
    // skip and read_pajek turns back into the actor's id.
    if (!positional_ids(net)) {
        out << "% actor ids (the vertex lines carry the labels); clusterlens reads them back\n";
        for (std::size_t i = 0; i < net.actor_count(); ++i)
            out << "%clusterlens id " << (i + 1) << ' ' << quoted(net.actor(i).id, "Pajek") << '\n';
    }
    // Positions (numeric actor attributes x and y, y pointing up) go back on the vertex lines in
    // Pajek's convention, y pointing down: "1 \"label\" x 1-y" (read_pajek reverses it), with 15
    // significant digits so that 1 - y does not show its last-bit rounding (0.19999999999999996).
    const auto* px = net.actor_attributes().find("x");
    const auto* py = net.actor_attributes().find("y");
    const bool positions = px != nullptr && py != nullptr &&
                           px->kind == AttributeColumn::Kind::number &&
                           py->kind == AttributeColumn::Kind::number;
    out << "*Vertices " << net.actor_count() << '\n';
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        const auto& a = net.actor(i);
        out << (i + 1) << ' ' << quoted(a.label.empty() ? a.id : a.label, "Pajek");
        if (positions && std::isfinite(px->numbers[i]) && std::isfinite(py->numbers[i]))
            out << ' ' << fmt::format("{:.15g} {:.15g}", px->numbers[i], 1.0 - py->numbers[i]);
        out << '\n';
    }
}

void write_pajek_ties(const Network& net, std::uint32_t r, std::ostream& out) {
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        if (net.relation(e) != r) continue;
        out << (net.source(e) + 1) << ' ' << (net.target(e) + 1) << ' '
            << format_number(net.weight(e)) << '\n';
    }
}

/// The classes of a partition: classes[k] is the value class k stands for.
std::vector<std::string> partition_classes(const Network& net, const std::string& field) {
    if (field == "part") return {"", "core", "assisting", "external"};
    if (field == "locality") return {"", "local", "global"};
    if (field == "focal") return {"false", "true"};
    std::vector<std::string> classes = {""};
    // type: the known types in a fixed order (the same code in every export); stage, group and
    // types clusterlens does not know: their values in sorted order after them.
    if (field == "type")
        for (const auto& t : known_actor_types()) classes.push_back(t);
    std::set<std::string> values;
    for (const auto& a : net.actors()) {
        const auto& v = field == "type" ? a.type : field == "stage" ? a.stage : a.group;
        if (!v.empty() && std::find(classes.begin(), classes.end(), v) == classes.end())
            values.insert(v);
    }
    classes.insert(classes.end(), values.begin(), values.end());
    return classes;
}

std::string field_value(const Actor& a, const std::string& field) {
    if (field == "part") return a.part == Part::unspecified ? "" : std::string(to_string(a.part));
    if (field == "locality")
        return a.locality == Locality::unspecified ? "" : std::string(to_string(a.locality));
    if (field == "focal") return a.focal ? "true" : "false";
    if (field == "type") return a.type;
    if (field == "stage") return a.stage;
    return a.group;
}

bool has_field(const Network& net, const std::string& field) {
    const ActorColumns c(net);
    return field == "part"       ? c.part
           : field == "type"     ? c.type
           : field == "focal"    ? c.focal
           : field == "locality" ? c.locality
           : field == "stage"    ? c.stage
                                 : c.group;
}

/// "out.net" + "part" -> "out.part.clu" (read_pajek names the column after what follows the
/// network's stem, so it comes back as "part").
std::string sibling(const std::string& net_path, const std::string& name, const char* ext) {
    fs::path p(net_path);
    return (p.parent_path() / (p.stem().string() + "." + name + ext)).string();
}

/// File-name form of a relation name: ASCII letters, digits, '-' and '_' kept, others '_'.
std::string file_name_part(const std::string& name) {
    std::string out;
    for (const char c : name)
        out += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
    return out;
}

/// One file per relation when there are several: "out.advice.net", named after the relation
/// (made unique with "_2", "_3" when two names look alike in a file name).
std::vector<std::string> pajek_relation_files(const Network& net, const std::string& path) {
    std::vector<std::string> files;
    if (net.relations().size() < 2) return files;
    std::set<std::string> taken;
    for (std::uint32_t r = 0; r < net.relations().size(); ++r) {
        std::string base = file_name_part(net.relations()[r]);
        if (base.empty()) base = "r" + std::to_string(r + 1);
        std::string name = base;
        for (int k = 2; !taken.insert(ascii_lower(name)).second; ++k)
            name = base + "_" + std::to_string(k);
        files.push_back(sibling(path, name, ".net"));
    }
    return files;
}

/// Actor attributes that are Pajek partitions: numeric, a whole number for every actor (as a
/// .clu read in gives them), named so that the file name gives the name back, not x or y (the
/// positions, on the vertex lines) and not a model field.
std::vector<const AttributeColumn*> integer_attributes(const Network& net) {
    std::vector<const AttributeColumn*> out;
    const auto& fields = pajek_partition_fields();
    for (const auto& c : net.actor_attributes().columns()) {
        if (c.kind != AttributeColumn::Kind::number || c.name.empty() ||
            file_name_part(c.name) != c.name || c.name == "x" || c.name == "y" ||
            std::find(fields.begin(), fields.end(), ascii_lower(c.name)) != fields.end() ||
            ascii_lower(c.name) == "id" || ascii_lower(c.name) == "label")
            continue;
        const bool whole = std::all_of(c.numbers.begin(), c.numbers.end(), [](double v) {
            return std::isfinite(v) && std::trunc(v) == v &&
                   std::fabs(v) < 2147483648.0;  // Pajek: int
        });
        if (whole && !c.numbers.empty()) out.push_back(&c);
    }
    return out;
}

}  // namespace

const std::vector<std::string>& pajek_partition_fields() {
    static const std::vector<std::string> f = {"part",  "type",  "locality",
                                               "focal", "stage", "group"};
    return f;
}

void write_pajek(const Network& net, std::ostream& out) {
    // Several relations: Pajek's own form, one block per relation headed ":k \"name\"". igraph
    // refuses that header and NetworkX reads the next block's header as a tie between vertices
    // "*Arcs" and ":2", so write_network also writes one file per relation (README "Output").
    const bool several = net.relations().size() > 1;
    if (several)
        out << "% " << net.relations().size()
            << " relations, one *Arcs/*Edges block each (Pajek reads them; igraph and NetworkX "
               "do not: read the files with one relation each)\n";
    write_pajek_vertices(net, out);
    for (std::uint32_t r = 0; r < net.relations().size(); ++r) {
        out << (net.directed() ? "*Arcs" : "*Edges");
        if (several) out << " :" << (r + 1) << ' ' << quoted(net.relations()[r], "Pajek");
        out << '\n';
        write_pajek_ties(net, r, out);
    }
}

void write_pajek_relation(const Network& net, std::uint32_t relation, std::ostream& out) {
    out << "% relation " << quoted(net.relations().at(relation), "Pajek") << '\n';
    write_pajek_vertices(net, out);
    out << (net.directed() ? "*Arcs" : "*Edges") << '\n';
    write_pajek_ties(net, relation, out);
}

void write_pajek_partition(const Network& net, const std::string& field, std::ostream& out) {
    const auto classes = partition_classes(net, field);
    // The coding goes on comment lines, as Pajek's own partitions carry theirs (StudentGov.clu:
    // "% Formal position: 1 - advisor, ..."); read_pajek reads the "%clusterlens class" lines
    // and gives the actor the value instead of the number.
    out << "% " << field << " of each actor, one class per vertex in the order of the .net file\n";
    for (std::size_t k = 0; k < classes.size(); ++k)
        out << "%clusterlens class " << k << ' ' << quoted(classes[k], "a Pajek partition") << '\n';
    out << "*Vertices " << net.actor_count() << '\n';
    for (const auto& a : net.actors()) {
        const auto v = field_value(a, field);
        const auto it = std::find(classes.begin(), classes.end(), v);
        out << (it - classes.begin()) << '\n';
    }
}

// ---- UCINET DL ---------------------------------------------------------------------------

namespace {
/// The names a DL file gives the actors: the labels (what UCINET and NetDraw show), or the ids
/// when two labels are the same ignoring case (UCINET ignores case, so they would be one actor).
std::vector<std::string> dl_names(const Network& net) {
    for (const bool labels : {true, false}) {
        std::vector<std::string> names;
        std::set<std::string> seen;
        for (const auto& a : net.actors()) {
            names.push_back(labels && !a.label.empty() ? a.label : a.id);
            if (!seen.insert(ascii_lower(names.back())).second) break;
        }
        if (names.size() == net.actor_count() && seen.size() == names.size()) return names;
    }
    throw UsageError(
        "two actor ids differ only in upper and lower case, which UCINET takes as one actor; "
        "write GraphML, GML, JSON, VNA or a CSV folder instead");
}
}  // namespace

void write_dl(const Network& net, std::ostream& out) {
    const std::size_t n = net.actor_count();
    const std::size_t k = net.relations().size();
    const auto names = dl_names(net);
    auto label_list = [&](auto get) {
        for (std::size_t i = 0; i < n; ++i) out << (i ? ",\n" : "") << quoted(get(i), "UCINET DL");
        out << '\n';
    };
    if (k == 1) {
        out << "dl n=" << n << "\nformat = edgelist1\nlabels:\n";
        label_list([&](std::size_t i) { return names[i]; });
        out << "data:\n";
        for (std::size_t e = 0; e < net.tie_count(); ++e) {
            out << (net.source(e) + 1) << ' ' << (net.target(e) + 1) << ' '
                << format_number(net.weight(e)) << '\n';
            if (!net.directed())
                out << (net.target(e) + 1) << ' ' << (net.source(e) + 1) << ' '
                    << format_number(net.weight(e)) << '\n';
        }
        return;
    }
    if (n > 5000)
        throw UsageError(
            "DL export of several relations writes full matrices and is limited to "
            "5000 actors; export one relation or use GraphML");
    out << "dl n=" << n << " nm=" << k << "\nformat = fullmatrix\nlabels:\n";
    label_list([&](std::size_t i) { return names[i]; });
    out << "matrix labels:\n";
    for (std::size_t r = 0; r < k; ++r)
        out << (r ? ",\n" : "")
            << quoted(net.relations()[r].empty() ? "r" + std::to_string(r + 1) : net.relations()[r],
                      "UCINET DL");
    out << "\ndata:\n";
    std::vector<double> m(n * n);
    for (std::size_t r = 0; r < k; ++r) {
        std::fill(m.begin(), m.end(), 0.0);
        for (std::size_t e = 0; e < net.tie_count(); ++e) {
            if (net.relation(e) != r) continue;
            m[net.source(e) * n + net.target(e)] = net.weight(e);
            if (!net.directed()) m[net.target(e) * n + net.source(e)] = net.weight(e);
        }
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = 0; j < n; ++j)
                out << (j ? " " : "") << format_number(m[i * n + j]);
            out << '\n';
        }
    }
}

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
    // Ids are quoted only when they must be (spaces, separators, a leading '#' or '%'), so
    // NetworkX's read_edgelist and igraph's NCOL reader take the file as it is.
    auto id = [](const std::string& text) {
        const bool plain = !text.empty() && text.find_first_of(" \t,;\"") == std::string::npos &&
                           text[0] != '#' && text[0] != '%';
        return plain ? text : quoted(text, "an edge list");
    };
    out << "# clusterlens edge list: source target weight ("
        << (net.directed() ? "directed" : "undirected") << ")\n";
    for (std::size_t e = 0; e < net.tie_count(); ++e)
        out << id(net.actor(net.source(e)).id) << ' ' << id(net.actor(net.target(e)).id) << ' '
            << format_number(net.weight(e)) << '\n';
}

// ---- dispatch ------------------------------------------------------------------------------

OutputFormat output_format_for(const std::string& path) {
    if (!path.empty() && (path.back() == '/' || fs::is_directory(path)))
        return OutputFormat::csv_pair;
    const auto ext = ascii_lower(fs::path(path).extension().string());
    if (ext.empty()) return OutputFormat::csv_pair;
    if (ext == ".graphml") return OutputFormat::graphml;
    if (ext == ".gml") return OutputFormat::gml;
    if (ext == ".gexf") return OutputFormat::gexf;
    if (ext == ".json") return OutputFormat::json;
    if (ext == ".net" || ext == ".paj") return OutputFormat::pajek;
    if (ext == ".dl") return OutputFormat::dl;
    if (ext == ".vna") return OutputFormat::vna;
    if (ext == ".txt" || ext == ".edgelist") return OutputFormat::edgelist;
    if (ext == ".csv")
        throw UsageError(
            "for the Gephi CSV pair give a folder as output (it gets nodes.csv and "
            "edges.csv), e.g. -o out/network");
    throw UsageError("cannot tell the output format from '" + ext +
                     "'; use .graphml .gexf .gml .json .net .dl .vna .txt or a folder (CSV pair)");
}

std::vector<std::string> output_files_for(const std::string& path) {
    const auto format = output_format_for(path);
    if (format == OutputFormat::csv_pair)
        return {(fs::path(path) / "nodes.csv").string(), (fs::path(path) / "edges.csv").string()};
    std::vector<std::string> files = {path};
    if (format == OutputFormat::pajek)
        for (const auto& f : pajek_partition_fields()) files.push_back(sibling(path, f, ".clu"));
    return files;
}

std::vector<std::string> output_files_for(const std::string& path, const Network& net) {
    if (output_format_for(path) != OutputFormat::pajek) return output_files_for(path);
    std::vector<std::string> files = {path};
    for (const auto& f : pajek_partition_fields())
        if (has_field(net, f)) files.push_back(sibling(path, f, ".clu"));
    for (const auto* c : integer_attributes(net)) files.push_back(sibling(path, c->name, ".clu"));
    for (auto& f : pajek_relation_files(net, path)) files.push_back(std::move(f));
    return files;
}

namespace {
/// The .net, its partitions and, with several relations, one .net per relation: all written
/// and checked before any replaces an existing file. A partition this network has no values
/// for is removed if an earlier export left one (it would be read back with the wrong network).
std::vector<std::string> write_pajek_files(const Network& net, const std::string& path,
                                           const std::vector<std::string>& inputs) {
    const auto files = output_files_for(path, net);
    refuse_overwriting_inputs(output_files_for(path), inputs);
    refuse_overwriting_inputs(files, inputs);
    std::vector<std::unique_ptr<AtomicFile>> out;
    out.push_back(std::make_unique<AtomicFile>(path));
    write_pajek(net, out.back()->stream());
    std::vector<std::string> stale;
    for (const auto& f : pajek_partition_fields()) {
        if (!has_field(net, f)) {
            stale.push_back(sibling(path, f, ".clu"));
            continue;
        }
        out.push_back(std::make_unique<AtomicFile>(sibling(path, f, ".clu")));
        write_pajek_partition(net, f, out.back()->stream());
    }
    for (const auto* c : integer_attributes(net)) {
        out.push_back(std::make_unique<AtomicFile>(sibling(path, c->name, ".clu")));
        auto& clu = out.back()->stream();
        clu << "% " << c->name << " of each actor, one value per vertex in the order of the .net "
            << "file\n*Vertices " << net.actor_count() << '\n';
        for (const double v : c->numbers) clu << format_number(v) << '\n';
    }
    const auto relation_files = pajek_relation_files(net, path);
    for (std::uint32_t r = 0; r < relation_files.size(); ++r) {
        out.push_back(std::make_unique<AtomicFile>(relation_files[r]));
        write_pajek_relation(net, r, out.back()->stream());
    }
    for (auto& f : out) f->finish();
    for (auto& f : out) f->commit();
    for (const auto& f : stale) {
        std::error_code ec;
        if (fs::is_regular_file(f, ec)) fs::remove(f, ec);
    }
    return files;
}
}  // namespace

std::vector<std::string> write_network(const Network& net, const std::string& path,
                                       const std::vector<std::string>& inputs) {
    const auto format = output_format_for(path);
    if (format == OutputFormat::pajek) return write_pajek_files(net, path, inputs);
    const auto files = output_files_for(path);
    refuse_overwriting_inputs(files, inputs);
    if (format == OutputFormat::csv_pair) {
        create_output_folder(path);
        // Both files are written and checked before either replaces an existing one.
        AtomicFile nodes(files[0]);
        AtomicFile edges(files[1]);
        write_csv_nodes(net, nodes.stream());
        write_csv_edges(net, edges.stream());
        nodes.finish();
        edges.finish();
        nodes.commit();
        edges.commit();
        return files;
    }
    AtomicFile file(path);
    switch (format) {
        case OutputFormat::graphml:
            write_graphml(net, file.stream());
            break;
        case OutputFormat::gml:
            write_gml(net, file.stream());
            break;
        case OutputFormat::gexf:
            write_gexf(net, file.stream());
            break;
        case OutputFormat::json:
            write_json(net, file.stream());
            break;
        case OutputFormat::pajek:
            break;
        case OutputFormat::dl:
            write_dl(net, file.stream());
            break;
        case OutputFormat::vna:
            write_vna(net, file.stream());
            break;
        case OutputFormat::edgelist:
            write_edge_list(net, file.stream());
            break;
        case OutputFormat::csv_pair:
            break;
    }
    file.commit();
    return files;
}

}  // namespace clusterlens
