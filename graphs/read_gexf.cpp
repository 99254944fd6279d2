// GEXF reader (Gephi's own format, versions 1.1, 1.2draft and 1.3) over libxml2's streaming
// reader, like the GraphML reader. Elements are matched by local name, so every namespace
// spelling (http://www.gexf.net/1.2draft, http://gexf.net/1.3, with or without www.) reads alike.
#include <libxml/xmlreader.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "graphs/attributes.hpp"
#include "graphs/readers.hpp"
#include "graphs/text_input.hpp"
#include "graphs/xml_input.hpp"

namespace clusterlens {
namespace {
using namespace xml;

/// A declared <attribute> of class node or edge.
struct GexfAttribute {
    std::string column;  ///< the column its values go to (title, else id; renamed on clashes)
    std::optional<std::string> default_value;
};

enum class Element {
    gexf,
    graph,
    attributes,
    attribute,
    default_value,
    nodes,
    node,
    edges,
    edge,
    attvalues,
    spells,
    ignored
};

class GexfParser {
public:
    GexfParser(const std::string& path, xmlTextReaderPtr reader, XmlDiagnostics& diagnostics)
        : path_(path), r_(reader), diag_(diagnostics) {
        net_.format = "gexf";
        net_.sources = {path};
        net_.actors_authoritative = true;
        net_.actors.path = path;
        net_.ties.path = path;
        net_.actors.column(col::id);
        net_.ties.column(col::source);
        net_.ties.column(col::target);
    }
    RawNetwork run();

private:
    [[noreturn]] void fail(const std::string& message) {
        throw InputError(SourcePos{path_, line_, column_}, message);
    }
    [[noreturn]] void fail_xml();
    void position();
    void start_element();
    void end_element(Element kind);
    void start_row(bool node);
    void finish_row();
    void set_cell(const std::string& column, std::string value);
    void note_time(const char* what);
    std::string node_column(const std::string& name);
    std::string edge_column(const std::string& name);

    std::string path_;
    xmlTextReaderPtr r_;
    XmlDiagnostics& diag_;
    RawNetwork net_;
    std::vector<Element> stack_;
    bool seen_graph_ = false;
    std::optional<bool> directed_;  ///< the graph's defaultedgetype
    bool any_edge_type_ = false;

    // <attributes class="node|edge">: declared attributes by id.
    bool attributes_for_nodes_ = true;
    std::map<std::string, GexfAttribute> node_attrs_, edge_attrs_;
    std::map<std::string, GexfAttribute>* current_attrs_ = nullptr;
    std::string current_attr_id_;
    std::string text_;
    std::set<std::string> taken_node_, taken_edge_;

    // The row being read.
    bool in_row_ = false, row_is_node_ = false;
    std::size_t row_ = 0;
    std::uint32_t row_line_ = 0, row_column_ = 0;
    std::set<std::string> row_given_;  ///< attribute ids the row gave a value for
    std::vector<std::string> row_spells_;
    std::set<std::string> undeclared_;

    // Dynamic content met (for the one warning): "spells", "start/end", "timestamps".
    std::set<std::string> time_seen_;
    SourcePos first_time_;
    bool dynamic_mode_ = false;

    // Element positions (see position()).
    bool prev_was_text_ = false;
    std::uint32_t text_line_ = 0, text_next_column_ = 0;
    std::uint32_t line_ = 0, column_ = 0;
};

[[noreturn]] void GexfParser::fail_xml() {
    line_ = diag_.line;
    column_ = diag_.column;
    if (!diag_.has_error)
        fail("malformed XML (" +
             (diag_.message.empty() ? "libxml2 gave no details" : diag_.message) +
             "); check the XML syntax, or whether a .gz file is damaged");
    fail("malformed XML: " + diag_.message +
         "; check the XML syntax near this position (every tag closed and properly nested, "
         "attribute values quoted, '&' written as &amp;)");
}

/// The line and column where the current element's tag starts: libxml2 gives element nodes
/// only the line where the tag ends, but the whitespace just before an element ends at its '<'.
void GexfParser::position() {
    const long element_line = xmlGetLineNo(xmlTextReaderCurrentNode(r_));
    if (prev_was_text_ && text_line_ > 0) {
        line_ = text_line_;
        column_ = text_next_column_;
    } else {
        line_ =
            element_line > 0 && element_line < 65535 ? static_cast<std::uint32_t>(element_line) : 0;
        column_ = 0;
    }
}

RawNetwork GexfParser::run() {
    for (;;) {
        const int status = xmlTextReaderRead(r_);
        if (status == 0) break;
        if (status < 0) fail_xml();
        switch (xmlTextReaderNodeType(r_)) {
            case XML_READER_TYPE_ELEMENT: {
                const bool empty = xmlTextReaderIsEmptyElement(r_) == 1;
                position();
                prev_was_text_ = false;
                start_element();
                if (empty) {
                    const Element kind = stack_.back();
                    stack_.pop_back();
                    end_element(kind);
                }
                break;
            }
            case XML_READER_TYPE_END_ELEMENT: {
                prev_was_text_ = false;
                if (stack_.empty()) break;
                const Element kind = stack_.back();
                stack_.pop_back();
                end_element(kind);
                break;
            }
            case XML_READER_TYPE_TEXT:
            case XML_READER_TYPE_CDATA:
            case XML_READER_TYPE_WHITESPACE:
            case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
                const xmlChar* value = xmlTextReaderConstValue(r_);
                const std::string text = value != nullptr ? chars(value) : "";
                if (!stack_.empty() && stack_.back() == Element::default_value) text_ += text;
                const long line = xmlGetLineNo(xmlTextReaderCurrentNode(r_));
                prev_was_text_ = true;
                text_line_ = line > 0 && line < 0xFFFFFFFFL ? static_cast<std::uint32_t>(line) : 0;
                const auto nl = text.rfind('\n');
                text_next_column_ =
                    nl == std::string::npos ? 0 : static_cast<std::uint32_t>(text.size() - nl);
                break;
            }
            default:
                prev_was_text_ = false;
                break;
        }
    }
    if (diag_.has_error) fail_xml();
    line_ = column_ = 0;
    if (!seen_graph_)
        fail("the file has no <graph> element; GEXF keeps <nodes> and <edges> inside <graph>");
    // GEXF's default edge type is undirected (the schema's defaultedgetype default).
    net_.directed = directed_.value_or(false);
    if (!time_seen_.empty() || dynamic_mode_) {
        std::string what;
        for (const auto& t : time_seen_) what += (what.empty() ? "" : ", ") + t;
        net_.warnings.push_back(Warning{
            first_time_.line ? first_time_ : SourcePos{path_, 0, 0},
            "a dynamic GEXF (" + (what.empty() ? std::string("mode=\"dynamic\"") : what) +
                "): read as one network of every node and edge that exists at any time; the "
                "times are kept as columns (start, end; several spells in 'spells'); to compare "
                "waves, write one file per wave (in Gephi: timeline filter, then export) and run "
                "clusterlens compare A B"});
    }
    for (auto& [pos, message] : diag_.warnings)
        net_.warnings.push_back(Warning{std::move(pos), std::move(message)});
    return std::move(net_);
}

std::string GexfParser::node_column(const std::string& name) {
    // A declared attribute must not land in a column the reader fills from XML attributes.
    std::string c = name;
    const auto lower = ascii_lower(c);
    if (lower == "id" || lower == "label" || lower == "x" || lower == "y" ||
        lower.rfind("viz_", 0) == 0 || lower == "start" || lower == "end" || lower == "spells")
        c += "_attr";
    while (taken_node_.count(ascii_lower(c))) c += "_attr";
    taken_node_.insert(ascii_lower(c));
    return c;
}

std::string GexfParser::edge_column(const std::string& name) {
    std::string c = name;
    const auto lower = ascii_lower(c);
    // "type" would be read as the tie direction; weight and kind come from XML attributes. An
    // attribute named relation stays the relation (clusterlens writes relations both as kind
    // and as that attribute, for NetworkX, which ignores kind).
    if (lower == "id" || lower == "source" || lower == "target" || lower == "type" ||
        lower == "weight" || lower == "label" || lower == "kind" || lower == "start" ||
        lower == "end" || lower == "spells" || lower.rfind("viz_", 0) == 0)
        c += "_attr";
    while (taken_edge_.count(ascii_lower(c))) c += "_attr";
    taken_edge_.insert(ascii_lower(c));
    return c;
}

void GexfParser::note_time(const char* what) {
    if (time_seen_.empty()) first_time_ = SourcePos{path_, line_, column_};
    time_seen_.insert(what);
}

void GexfParser::set_cell(const std::string& column, std::string value) {
    RawTable& t = row_is_node_ ? net_.actors : net_.ties;
    t.set(t.column(column), row_, std::move(value), column_);
}

void GexfParser::start_row(bool node) {
    in_row_ = true;
    row_is_node_ = node;
    row_line_ = line_;
    row_column_ = column_;
    row_given_.clear();
    row_spells_.clear();
    RawTable& t = node ? net_.actors : net_.ties;
    row_ = t.add_row(line_);
    auto start = attribute(r_, "start"), end = attribute(r_, "end");
    if (!start) start = attribute(r_, "startopen");
    if (!end) end = attribute(r_, "endopen");
    if (start || end) note_time("start/end");
    if (start) set_cell("start", *start);
    if (end) set_cell("end", *end);
    if (auto ts = attribute(r_, "timestamps"); ts) {
        note_time("timestamps");
        set_cell("timestamps", *ts);
    }
    if (auto ts = attribute(r_, "timestamp"); ts) {
        note_time("timestamps");
        set_cell("timestamps", *ts);
    }
    if (node) {
        const auto id = attribute(r_, "id");
        if (!id || id->empty()) fail("<node> has no id; give every node an id (<node id=\"n1\">)");
        t.set(t.column(col::id), row_, *id, column_);
        if (auto label = attribute(r_, "label"); label)
            t.set(t.column(col::label), row_, *label, column_);
        if (attribute(r_, "pid"))
            fail(
                "hierarchical GEXF (a node with pid, inside another node) is not supported; "
                "export the flat graph from Gephi, or remove the parent nodes and pid");
        return;
    }
    const auto source = attribute(r_, "source"), target = attribute(r_, "target");
    if (!source || source->empty())
        fail("<edge> has no source; give every edge source=\"...\" and target=\"...\"");
    if (!target || target->empty())
        fail("<edge> has no target; give every edge source=\"...\" and target=\"...\"");
    t.set(t.column(col::source), row_, *source, column_);
    t.set(t.column(col::target), row_, *target, column_);
    if (auto w = attribute(r_, "weight"); w) t.set(t.column(col::weight), row_, *w, column_);
    if (auto kind = attribute(r_, "kind"); kind)
        t.set(t.column(col::relation), row_, *kind, column_);
    if (auto label = attribute(r_, "label"); label) set_cell("label", *label);
    if (auto type = attribute(r_, "type"); type) {
        const auto v = ascii_lower(*type);
        if (v != "directed" && v != "undirected" && v != "mutual")
            fail("edge type=\"" + *type +
                 "\" is not a GEXF edge type; write directed, undirected or mutual");
        t.set(t.column(col::type), row_, v == "directed" ? "Directed" : "Undirected", column_);
        any_edge_type_ = true;
    }
}

void GexfParser::finish_row() {
    auto& attrs = row_is_node_ ? node_attrs_ : edge_attrs_;
    for (const auto& [id, a] : attrs)
        if (a.default_value && !row_given_.count(id)) {
            RawTable& t = row_is_node_ ? net_.actors : net_.ties;
            t.set(t.column(a.column), row_, *a.default_value, 0);
        }
    if (!row_spells_.empty()) {
        std::string joined;
        for (const auto& s : row_spells_) joined += (joined.empty() ? "" : ";") + s;
        set_cell("spells", joined);
    }
    in_row_ = false;
}

void GexfParser::start_element() {
    const std::string name = chars(xmlTextReaderConstLocalName(r_));
    const Element parent = stack_.empty() ? Element::ignored : stack_.back();
    auto push = [&](Element e) { stack_.push_back(e); };
    if (stack_.empty()) {
        if (name != "gexf")
            fail("the root element is <" + name + ">, not <gexf>; this does not look like GEXF");
        push(Element::gexf);
        return;
    }
    if (parent == Element::ignored) return push(Element::ignored);
    switch (parent) {
        case Element::gexf:
            if (name == "graph") {
                if (seen_graph_)
                    fail(
                        "a second <graph>: clusterlens reads one network per file; split the "
                        "file");
                seen_graph_ = true;
                if (auto t = attribute(r_, "defaultedgetype"); t) {
                    const auto v = ascii_lower(*t);
                    if (v != "directed" && v != "undirected" && v != "mutual")
                        fail("defaultedgetype=\"" + *t +
                             "\" is not a GEXF edge type; write directed, undirected or mutual");
                    directed_ = v == "directed";
                }
                if (auto mode = attribute(r_, "mode"); mode && ascii_lower(*mode) == "dynamic")
                    dynamic_mode_ = true;
                return push(Element::graph);
            }
            return push(Element::ignored);  // <meta>
        case Element::graph:
            if (name == "attributes") {
                const auto cls = ascii_lower(attribute(r_, "class").value_or("node"));
                if (cls != "node" && cls != "edge")
                    fail("<attributes class=\"" + cls + "\">: the class is node or edge");
                current_attrs_ = cls == "node" ? &node_attrs_ : &edge_attrs_;
                attributes_for_nodes_ = cls == "node";
                if (auto mode = attribute(r_, "mode"); mode && ascii_lower(*mode) == "dynamic")
                    note_time("dynamic attributes");
                return push(Element::attributes);
            }
            if (name == "nodes") return push(Element::nodes);
            if (name == "edges") return push(Element::edges);
            return push(Element::ignored);
        case Element::attributes:
            if (name == "attribute") {
                const auto id = attribute(r_, "id");
                if (!id || id->empty())
                    fail(
                        "<attribute> has no id; give it one (<attribute id=\"0\" title=\"...\" "
                        "type=\"string\"/>)");
                if (current_attrs_->count(*id))
                    fail("attribute id \"" + *id + "\" is declared twice for " +
                         (attributes_for_nodes_ ? "nodes" : "edges") +
                         "; give each <attribute> its own id");
                const auto title = attribute(r_, "title").value_or(*id);
                GexfAttribute a;
                a.column = attributes_for_nodes_ ? node_column(title.empty() ? *id : title)
                                                 : edge_column(title.empty() ? *id : title);
                current_attrs_->emplace(*id, std::move(a));
                current_attr_id_ = *id;
                return push(Element::attribute);
            }
            return push(Element::ignored);
        case Element::attribute:
            if (name == "default") {
                text_.clear();
                return push(Element::default_value);
            }
            return push(Element::ignored);  // <options>
        case Element::nodes:
            if (name == "node") {
                start_row(true);
                return push(Element::node);
            }
            return push(Element::ignored);
        case Element::edges:
            if (name == "edge") {
                start_row(false);
                return push(Element::edge);
            }
            return push(Element::ignored);
        case Element::node:
        case Element::edge: {
            const bool node = parent == Element::node;
            if (name == "attvalues") return push(Element::attvalues);
            if (name == "spells") return push(Element::spells);
            if (node && (name == "nodes" || name == "parents"))
                fail("hierarchical GEXF (<" + name +
                     "> inside a node) is not supported; export the flat graph from Gephi");
            if (name == "color") {
                const auto r = attribute(r_, "r"), g = attribute(r_, "g"), b = attribute(r_, "b");
                std::string hex = attribute(r_, "hex").value_or("");
                if (r && g && b) {
                    auto byte = [&](const std::string& v, const char* what) {
                        const auto n = parse_number(v);
                        if (!n || *n < 0 || *n > 255 || *n != static_cast<int>(*n))
                            fail(std::string("viz:color ") + what + "=\"" + v +
                                 "\" is not a whole number from 0 to 255");
                        return static_cast<int>(*n);
                    };
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(*r, "r"), byte(*g, "g"),
                                  byte(*b, "b"));
                    hex = buf;
                }
                if (!hex.empty()) set_cell("viz_color", hex);
                if (auto a = attribute(r_, "a"); a) set_cell("viz_alpha", *a);
                return push(Element::ignored);
            }
            if (name == "size" && node) {
                if (auto v = attribute(r_, "value"); v) set_cell("viz_size", *v);
                return push(Element::ignored);
            }
            if (name == "thickness" && !node) {
                if (auto v = attribute(r_, "value"); v) set_cell("viz_thickness", *v);
                return push(Element::ignored);
            }
            if (name == "position" && node) {
                // Gephi's GEXF positions have y pointing up, as clusterlens keeps them.
                for (const char* axis : {"x", "y"}) {
                    const auto v = attribute(r_, axis);
                    if (!v) continue;
                    const auto n = parse_number(*v);
                    if (!n || !std::isfinite(*n))
                        fail(std::string("viz:position ") + axis + "=\"" + *v +
                             "\" is not a number");
                    set_cell(axis, *v);
                }
                return push(Element::ignored);
            }
            return push(Element::ignored);  // viz:shape and the rest
        }
        case Element::attvalues:
            if (name == "attvalue") {
                auto id = attribute(r_, "for");
                if (!id) id = attribute(r_, "id");  // GEXF 1.1
                if (!id)
                    fail(
                        "<attvalue> names no attribute; write <attvalue for=\"ID\" "
                        "value=\"...\"/>");
                const auto value = attribute(r_, "value").value_or("");
                if (attribute(r_, "start") || attribute(r_, "end") || attribute(r_, "timestamp"))
                    note_time("dynamic attributes");
                auto& attrs = row_is_node_ ? node_attrs_ : edge_attrs_;
                auto it = attrs.find(*id);
                std::string column;
                if (it == attrs.end()) {
                    column = row_is_node_ ? node_column(*id) : edge_column(*id);
                    attrs.emplace(*id, GexfAttribute{column, std::nullopt});
                    if (undeclared_.insert(*id).second)
                        net_.warnings.push_back(Warning{
                            SourcePos{path_, line_, column_},
                            "<attvalue for=\"" + *id +
                                "\"> refers to no declared <attribute>; its values are kept in "
                                "a column named \"" +
                                column + "\""});
                } else {
                    column = it->second.column;
                }
                // A dynamic attribute has several values over time: the first is kept.
                if (row_given_.insert(*id).second) set_cell(column, value);
            }
            return push(Element::ignored);
        case Element::spells:
            if (name == "spell") {
                note_time("spells");
                auto s = attribute(r_, "start");
                if (!s) s = attribute(r_, "startopen");
                auto e = attribute(r_, "end");
                if (!e) e = attribute(r_, "endopen");
                row_spells_.push_back(s.value_or("") + ".." + e.value_or(""));
            }
            return push(Element::ignored);
        default:
            return push(Element::ignored);
    }
}

void GexfParser::end_element(Element kind) {
    if (kind == Element::default_value && current_attrs_ != nullptr) {
        auto it = current_attrs_->find(current_attr_id_);
        if (it != current_attrs_->end()) it->second.default_value = trim_xml_space(text_);
    }
    if ((kind == Element::node || kind == Element::edge) && in_row_) finish_row();
}

}  // namespace

/// Reads a GEXF file (plain or gzip-compressed) into a RawNetwork.
///
/// Nodes: id -> Id, label -> Label; declared attributes by title (their id when untitled) with
/// their <default>s; viz:color -> viz_color (#rrggbb; alpha in viz_alpha), viz:size -> viz_size,
/// viz:position -> x, y (y up, as Gephi has it). Edges: source, target, weight, kind -> relation
/// (parallel edges of one kind are parallel ties, which assembly sums; of different kinds, ties
/// of different relations), type (directed/undirected/mutual; mutual is undirected), label and
/// declared attributes; viz:thickness -> viz_thickness. The graph's defaultedgetype (default
/// undirected) is the direction. Dynamic content (mode="dynamic", start/end, spells,
/// timestamps, dynamic attribute values) is read as one static network with one warning: the
/// times are kept in columns start, end, spells (start..end;start..end), timestamps; of a
/// dynamic attribute's values the first is kept. Refused: hierarchical graphs (pid, nodes inside
/// a node, parents), a second <graph>, malformed XML (at libxml2's line:col).
RawNetwork read_gexf(const std::string& path) {
    check_readable_and_not_empty(path,
                                 "a GEXF file needs a <gexf> root element with a <graph> holding "
                                 "<nodes> and <edges>");
    xmlInitParser();
    XmlDiagnostics diagnostics;
    diagnostics.path = path;
    GlobalErrorCapture capture(diagnostics);
    ReaderPtr reader(
        xmlReaderForFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_BIG_LINES));
    if (!reader)
        throw InputError(
            SourcePos{path, 0, 0},
            "cannot open file for XML parsing" +
                (diagnostics.message.empty() ? std::string() : ": " + diagnostics.message) +
                "; check the path and that it is readable");
    xmlTextReaderSetStructuredErrorHandler(reader.get(), &XmlDiagnostics::on_structured,
                                           &diagnostics);
    GexfParser parser(path, reader.get(), diagnostics);
    return parser.run();
}

}  // namespace clusterlens
