// GEXF reader (Gephi's own format, versions 1.1draft, 1.2draft and 1.3) over libxml2's streaming
// reader, like the GraphML reader (graphs/xml_input.hpp holds what the two share).
#include <cmath>
#include <cstring>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "graphs/attributes.hpp"
#include "graphs/readers.hpp"
#include "graphs/text_input.hpp"
#include "graphs/xml_input.hpp"

namespace clusterlens {

namespace {

using xml::attribute;
using xml::chars;
using xml::trim_space;

constexpr const char* empty_hint =
    "a GEXF file needs a <gexf> root element with a <graph> holding <nodes> and <edges>";

/// How a declared attribute type constrains its values.
enum class ValueKind { text, integer, real, boolean };

ValueKind value_kind(const std::string& type) {
    const auto t = ascii_lower(type);
    if (t == "integer" || t == "int" || t == "long" || t == "short" || t == "byte" ||
        t == "biginteger")
        return ValueKind::integer;
    if (t == "float" || t == "double" || t == "bigdecimal") return ValueKind::real;
    if (t == "boolean" || t == "bool") return ValueKind::boolean;
    return ValueKind::text;  // string, liststring, anyURI, date, char, list types, unknown
}

/// An <attribute> of <attributes class="node|edge">.
struct Attr {
    std::string id;
    std::string title;  ///< the title, or the id when there is none
    std::string type;
    std::optional<std::string> default_value;
    std::string column;  ///< the RawTable column its values go to
};

/// The column an attribute's values go to: named by its title, except where that would take a
/// column the reader fills from the GEXF structure (these get an "_attr" suffix). "weight" and
/// "relation" of edges are handled by the caller.
std::string column_for(const std::string& title, bool node) {
    const auto lower = ascii_lower(title);
    if (node) {
        if (lower == "id" || lower == "label") return title + "_attr";
        return title;
    }
    if (lower == "source" || lower == "target" || lower == "id" || lower == "type" ||
        lower == "label" || lower == "kind")
        return title + "_attr";
    if (lower == "relation") return col::relation;
    return title;
}

/// Orders two time bounds (numbers, or ISO dates that sort as text); empty is -infinity.
bool earlier(const std::string& a, const std::string& b) {
    if (a.empty()) return !b.empty();
    if (b.empty()) return false;
    const auto x = parse_number(a), y = parse_number(b);
    if (x && y) return *x < *y;
    return a < b;
}

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
    attvalue,
    spells,
    spell,
    ignored
};

class GexfParser {
public:
    GexfParser(const std::string& path, xmlTextReaderPtr reader, xml::Diagnostics& diagnostics)
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
    void start_element();
    void end_element(Element kind);
    void start_graph();
    void declare_attribute();
    void start_row(bool node);
    void attvalue();
    void spell();
    void viz(const std::string& name);
    void finish_row();
    void time_bounds();
    /// `value` checked against the attribute's declared type (booleans as true/false).
    std::string typed(const Attr& a, const std::string& value, const char* where);
    std::optional<double> number_attribute(const char* element, const char* name);
    void set(const std::string& column, std::string value);
    bool row_is_node() const { return row_class_ == 0; }
    RawTable& table() { return row_class_ == 0 ? net_.actors : net_.ties; }

    std::string path_;
    xmlTextReaderPtr r_;
    xml::Diagnostics& diag_;
    RawNetwork net_;

    std::vector<Element> stack_;
    std::size_t ignore_depth_ = 0;  ///< stack size where ignored content began; 0: none
    xml::TagPositions positions_;
    std::uint32_t line_ = 0, column_ = 0;  ///< where the current element's tag starts

    bool seen_root_ = false, seen_graph_ = false;
    bool mutual_default_ = false;
    bool graph_dynamic_ = false;
    std::string timeformat_;

    // Declared attributes, [0] for nodes and [1] for edges.
    std::vector<Attr> attrs_[2];
    std::unordered_map<std::string, std::size_t> attr_index_[2];
    int attributes_class_ = -1;  ///< class of the <attributes> being read
    std::string text_;           ///< text of the <default> being read
    std::set<std::string> undeclared_;

    // The <node> or <edge> being read.
    bool in_row_ = false;
    int row_class_ = 0;
    std::size_t row_ = 0;
    std::uint32_t row_line_ = 0;
    bool row_mutual_ = false;
    bool row_has_kind_ = false;
    bool row_has_weight_ = false;  ///< the edge has weight="..."
    bool row_timed_ = false;       ///< the row has time bounds or spells
    std::vector<char> row_has_attr_;
    std::vector<std::string> row_attr_start_;  ///< start of the value kept, per attribute
    std::vector<std::pair<std::string, std::string>> row_spells_;
    std::optional<double> viz_x_, viz_y_, viz_z_;

    // What the warnings report.
    std::size_t timed_nodes_ = 0, timed_edges_ = 0;
    std::optional<SourcePos> first_timed_;
    std::size_t dynamic_values_ = 0;
    std::optional<SourcePos> first_dynamic_value_;
    std::size_t mutual_edges_ = 0;
    std::optional<SourcePos> first_mutual_;
    bool warned_relation_kind_ = false;
};

RawNetwork GexfParser::run() {
    for (;;) {
        const int status = xmlTextReaderRead(r_);
        if (status == 0) break;
        if (status < 0) xml::fail_malformed(path_, diag_, xml::FormatWords{"GEXF", "</gexf>"});
        switch (xmlTextReaderNodeType(r_)) {
            case XML_READER_TYPE_ELEMENT: {
                const bool empty = xmlTextReaderIsEmptyElement(r_) == 1;
                std::tie(line_, column_) = positions_.element_start(r_);
                start_element();
                if (empty) {
                    const Element kind = stack_.back();
                    stack_.pop_back();
                    end_element(kind);
                }
                break;
            }
            case XML_READER_TYPE_END_ELEMENT: {
                positions_.other();
                if (stack_.empty()) break;  // libxml2 checks nesting; defensive only
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
                if (!stack_.empty() && ignore_depth_ == 0 &&
                    stack_.back() == Element::default_value)
                    text_ += text;
                positions_.text(r_, text);
                break;
            }
            default:
                positions_.other();  // comments, processing instructions, entities
                break;
        }
    }
    if (diag_.has_error) xml::fail_malformed(path_, diag_, xml::FormatWords{"GEXF", "</gexf>"});
    line_ = column_ = 0;
    if (!seen_root_) fail("no <gexf> element found; this does not look like a GEXF file");
    if (!seen_graph_)
        fail(
            "the file has no <graph> element; GEXF keeps nodes and edges inside "
            "<graph defaultedgetype=\"undirected\"> <nodes> ... </nodes> <edges> ... </edges> "
            "</graph>");
    for (auto& [pos, message] : diag_.warnings)
        net_.warnings.push_back(Warning{std::move(pos), std::move(message)});
    if (graph_dynamic_ || timed_nodes_ + timed_edges_ > 0) {
        std::string what = graph_dynamic_ ? "mode=\"dynamic\"" : "";
        if (timed_nodes_ + timed_edges_ > 0)
            what += std::string(what.empty() ? "" : "; ") + "time bounds on " +
                    std::to_string(timed_nodes_) + " nodes and " + std::to_string(timed_edges_) +
                    " edges";
        net_.warnings.push_back(Warning{
            first_timed_.value_or(SourcePos{path_, 0, 0}),
            "the file is dynamic (" + what +
                "): read as one static network of every node and edge that exists at any time, "
                "with their time bounds as actor and tie columns start and end (several spells: "
                "the first start and the last end, all of them in column spells); to compare "
                "waves, export one GEXF per time slice (Gephi's timeline) and run clusterlens "
                "compare A.gexf B.gexf"});
    }
    if (dynamic_values_ > 0)
        net_.warnings.push_back(
            Warning{first_dynamic_value_.value_or(SourcePos{path_, 0, 0}),
                    std::to_string(dynamic_values_) +
                        (dynamic_values_ == 1 ? " attribute has" : " attributes have") +
                        " several values over time (first here): the one with the latest start was "
                        "kept"});
    if (mutual_edges_ > 0)
        net_.warnings.push_back(Warning{
            first_mutual_.value_or(SourcePos{path_, 0, 0}),
            std::to_string(mutual_edges_) +
                (mutual_edges_ == 1 ? " mutual edge" : " mutual edges") +
                " (first here) read as two arcs each, one in each direction, as NetworkX reads "
                "them"});
    return std::move(net_);
}

void GexfParser::start_element() {
    const std::string name = chars(xmlTextReaderConstLocalName(r_));
    if (ignore_depth_ > 0) {
        stack_.push_back(Element::ignored);
        return;
    }
    const Element parent = stack_.empty() ? Element::ignored : stack_.back();
    auto push = [&](Element e) { stack_.push_back(e); };
    auto ignore = [&] {
        stack_.push_back(Element::ignored);
        ignore_depth_ = stack_.size();
    };

    if (stack_.empty()) {
        if (name != "gexf")
            fail("the root element is <" + name +
                 ">, not <gexf>; this does not look like a GEXF file");
        seen_root_ = true;
        // Versions differ in their namespace (http://www.gexf.net/1.1draft, /1.2draft, with or
        // without www., http://gexf.net/1.3); elements are read by their local names, as Gephi
        // does, so every spelling reads alike.
        const xmlChar* ns = xmlTextReaderConstNamespaceUri(r_);
        const std::string uri = ns != nullptr ? chars(ns) : "";
        if (uri.find("gexf.net/") == std::string::npos)
            net_.warnings.push_back(
                Warning{SourcePos{path_, line_, column_},
                        (uri.empty() ? std::string("the <gexf> element has no namespace")
                                     : "the namespace \"" + uri + "\" is not a GEXF namespace") +
                            "; read as GEXF by its element names (GEXF 1.2 declares "
                            "xmlns=\"http://gexf.net/1.2draft\")"});
        push(Element::gexf);
        return;
    }
    switch (parent) {
        case Element::gexf:
            if (name == "graph") return start_graph();
            break;  // <meta> and the like
        case Element::graph:
            if (name == "attributes") {
                const auto cls = ascii_lower(attribute(r_, "class").value_or(""));
                if (cls != "node" && cls != "edge")
                    fail("<attributes> needs class=\"node\" or class=\"edge\", got class=\"" +
                         attribute(r_, "class").value_or("") +
                         "\"; say whether the attributes describe nodes or edges");
                attributes_class_ = cls == "node" ? 0 : 1;
                if (ascii_lower(attribute(r_, "mode").value_or("")) == "dynamic")
                    graph_dynamic_ = true;
                return push(Element::attributes);
            }
            if (name == "nodes") return push(Element::nodes);
            if (name == "edges") return push(Element::edges);
            break;
        case Element::attributes:
            if (name == "attribute") {
                declare_attribute();
                return push(Element::attribute);
            }
            break;
        case Element::attribute:
            if (name == "default") {
                text_.clear();
                return push(Element::default_value);
            }
            break;  // <options>
        case Element::nodes:
            if (name == "node") {
                start_row(true);
                return push(Element::node);
            }
            break;
        case Element::edges:
            if (name == "edge") {
                start_row(false);
                return push(Element::edge);
            }
            break;
        case Element::node:
        case Element::edge:
            if (name == "attvalues") return push(Element::attvalues);
            if (name == "spells" || name == "slices") return push(Element::spells);
            if (parent == Element::node && (name == "nodes" || name == "node"))
                fail(
                    "hierarchical GEXF (nodes inside a node) is not supported: clusterlens "
                    "reads a flat network; move the inner <node> elements into the graph's "
                    "<nodes> and record the group as a node attribute instead (an attribute "
                    "titled group is read as the actors' group)");
            if (parent == Element::node && name == "parents")
                fail(
                    "<parents> (hierarchical GEXF) is not supported: clusterlens reads a flat "
                    "network; record the parent as a node attribute instead (an attribute "
                    "titled group is read as the actors' group)");
            if (name == "color" || name == "position" || name == "size" || name == "shape" ||
                name == "thickness") {
                viz(name);
                break;
            }
            break;
        case Element::attvalues:
            if (name == "attvalue") {
                attvalue();
                return push(Element::attvalue);
            }
            break;
        case Element::spells:
            if (name == "spell" || name == "slice") {
                spell();
                return push(Element::spell);
            }
            break;
        default:
            break;
    }
    ignore();  // anything GEXF does not define here (meta, options, other namespaces)
}

void GexfParser::end_element(Element kind) {
    if (ignore_depth_ > 0) {
        if (stack_.size() + 1 == ignore_depth_) ignore_depth_ = 0;
        return;
    }
    switch (kind) {
        case Element::default_value:
            if (attributes_class_ >= 0 && !attrs_[attributes_class_].empty()) {
                Attr& a = attrs_[attributes_class_].back();
                a.default_value = typed(a, trim_space(text_), "default value");
            }
            break;
        case Element::node:
        case Element::edge:
            finish_row();
            break;
        default:
            break;
    }
}

void GexfParser::start_graph() {
    if (seen_graph_)
        fail(
            "the file holds more than one <graph>; keep one graph per file (split the file, "
            "or merge the graphs)");
    seen_graph_ = true;
    // GEXF's default edge type is undirected (the schema's default, and NetworkX's reading).
    const auto d = attribute(r_, "defaultedgetype");
    const auto type = ascii_lower(trim_space(d.value_or("undirected")));
    if (type == "directed" || type == "mutual")
        net_.directed = true;
    else if (type == "undirected")
        net_.directed = false;
    else
        fail("defaultedgetype=\"" + *d +
             "\" is not valid; write defaultedgetype=\"directed\", \"undirected\" or "
             "\"mutual\"");
    mutual_default_ = type == "mutual";
    graph_dynamic_ = ascii_lower(attribute(r_, "mode").value_or("")) == "dynamic";
    timeformat_ = attribute(r_, "timeformat").value_or("");
    stack_.push_back(Element::graph);
}

void GexfParser::declare_attribute() {
    const int cls = attributes_class_;
    Attr a;
    const auto id = attribute(r_, "id");
    if (!id || id->empty())
        fail(
            "<attribute> has no id attribute; give it one (<attribute id=\"0\" title=\"...\" "
            "type=\"string\"/>)");
    a.id = *id;
    const auto title = attribute(r_, "title");
    a.title = title && !title->empty() ? *title : a.id;
    a.type = attribute(r_, "type").value_or("string");
    if (attr_index_[cls].count(a.id) != 0)
        fail("attribute id \"" + a.id + "\" is declared twice for " +
             (cls == 0 ? "nodes" : "edges") + "; give each <attribute> its own id");
    a.column = column_for(a.title, cls == 0);
    attr_index_[cls].emplace(a.id, attrs_[cls].size());
    attrs_[cls].push_back(std::move(a));
}

std::string GexfParser::typed(const Attr& a, const std::string& value, const char* where) {
    if (value.empty()) return value;
    const auto kind = value_kind(a.type);
    auto refuse = [&](const char* expected) {
        fail("attribute \"" + a.title + "\" is declared type=\"" + a.type + "\" but its " + where +
             " is \"" + value + "\", which is not " + expected + "; fix the value, or declare " +
             "the attribute type=\"string\"");
    };
    if (kind == ValueKind::integer) {
        const auto v = parse_number(value);
        if (!v || !std::isfinite(*v) || std::trunc(*v) != *v) refuse("a whole number");
    } else if (kind == ValueKind::real) {
        if (!parse_number(value)) refuse("a number");
    } else if (kind == ValueKind::boolean) {
        const auto b = ascii_lower(value);
        if (b == "true" || b == "1") return "true";
        if (b == "false" || b == "0") return "false";
        refuse("true or false");
    }
    return value;
}

void GexfParser::start_row(bool node) {
    in_row_ = true;
    row_class_ = node ? 0 : 1;
    row_line_ = line_;
    row_has_attr_.assign(attrs_[row_class_].size(), 0);
    row_attr_start_.assign(attrs_[row_class_].size(), std::string());
    row_spells_.clear();
    row_mutual_ = false;
    row_has_kind_ = false;
    row_has_weight_ = false;
    row_timed_ = false;
    viz_x_ = viz_y_ = viz_z_ = std::nullopt;
    RawTable& t = table();
    row_ = t.add_row(line_);
    if (node) {
        const auto id = attribute(r_, "id");
        if (!id || id->empty())
            fail("<node> has no id attribute; give every node a unique id (<node id=\"n0\">)");
        t.set(t.column(col::id), row_, *id, column_);
        if (const auto label = attribute(r_, "label"))
            t.set(t.column(col::label), row_, *label, column_);
        if (attribute(r_, "pid"))
            fail(
                "node attribute pid (a parent node: hierarchical GEXF) is not supported: "
                "clusterlens reads a flat network; record the parent as a node attribute "
                "instead (an attribute titled group is read as the actors' group)");
        time_bounds();
        return;
    }
    const auto source = attribute(r_, "source");
    const auto target = attribute(r_, "target");
    if (!source || !target)
        fail(std::string("<edge> has no ") + (!source ? "source" : "target") +
             " attribute; write <edge id=\"0\" source=\"n0\" target=\"n1\">");
    t.set(t.column(col::source), row_, *source, column_);
    t.set(t.column(col::target), row_, *target, column_);
    if (const auto id = attribute(r_, "id")) t.set(t.column(col::id), row_, *id, column_);
    if (const auto label = attribute(r_, "label")) t.set(t.column("label"), row_, *label, column_);
    if (const auto weight = attribute(r_, "weight")) {
        t.set(t.column(col::weight), row_, trim_space(*weight), column_);
        row_has_weight_ = true;
    }
    // kind: Gephi's edge type (several kinds of tie on one node set), read as the relation.
    if (const auto kind = attribute(r_, "kind")) {
        if (!trim_space(*kind).empty()) {
            t.set(t.column(col::relation), row_, trim_space(*kind), column_);
            row_has_kind_ = true;
        }
    }
    const auto type = attribute(r_, "type");
    const auto dir = ascii_lower(trim_space(type.value_or("")));
    if (dir == "directed")
        t.set(t.column(col::type), row_, "Directed", column_);
    else if (dir == "undirected")
        t.set(t.column(col::type), row_, "Undirected", column_);
    else if (dir == "mutual" || (dir.empty() && mutual_default_))
        row_mutual_ = true;
    else if (!dir.empty())
        fail("edge type=\"" + *type +
             "\" is not valid; write type=\"directed\", \"undirected\" or \"mutual\" (or leave "
             "it out to use the graph's defaultedgetype)");
    time_bounds();
}

/// start/end (and startopen/endopen, timestamp) on a node or edge: kept as columns.
void GexfParser::time_bounds() {
    bool timed = false;
    RawTable& t = table();
    for (const auto& [attr, col] :
         {std::pair{"start", "start"}, std::pair{"startopen", "start"}, std::pair{"end", "end"},
          std::pair{"endopen", "end"}, std::pair{"timestamp", "timestamp"},
          std::pair{"timestamps", "timestamps"}, std::pair{"intervals", "intervals"}}) {
        if (const auto v = attribute(r_, attr)) {
            t.set(t.column(col), row_, trim_space(*v), column_);
            timed = true;
        }
    }
    if (timed) {
        row_timed_ = true;
        if (!first_timed_) first_timed_ = SourcePos{path_, line_, column_};
    }
}

void GexfParser::spell() {
    if (!in_row_) return;
    auto start = attribute(r_, "start");
    if (!start) start = attribute(r_, "startopen");
    auto end = attribute(r_, "end");
    if (!end) end = attribute(r_, "endopen");
    if (const auto ts = attribute(r_, "timestamp")) start = end = ts;
    row_spells_.emplace_back(trim_space(start.value_or("")), trim_space(end.value_or("")));
    if (!first_timed_) first_timed_ = SourcePos{path_, line_, column_};
}

void GexfParser::attvalue() {
    if (!in_row_) return;
    auto key = attribute(r_, "for");
    if (!key) key = attribute(r_, "id");  // GEXF 1.0
    if (!key || key->empty())
        fail(
            "<attvalue> has no for attribute; write <attvalue for=\"...\" value=\"...\"/> "
            "naming a declared <attribute id>");
    const std::string value = attribute(r_, "value").value_or("");
    const auto it = attr_index_[row_class_].find(*key);
    if (it == attr_index_[row_class_].end()) {
        if (undeclared_.insert(*key).second)
            net_.warnings.push_back(
                Warning{SourcePos{path_, line_, column_},
                        "<attvalue for=\"" + *key + "\"> refers to no <attribute> declared for " +
                            (row_is_node() ? "nodes" : "edges") +
                            "; its values are kept in a column named \"" + *key +
                            "\" (declare <attribute id=\"" + *key +
                            "\" title=\"...\" type=\"...\"/> to name and type it)"});
        set(*key, value);
        return;
    }
    const std::size_t k = it->second;
    const Attr& a = attrs_[row_class_][k];
    std::string v = typed(a, value, row_is_node() ? "value for this node" : "value for this edge");
    // Dynamic attributes give one value per interval: keep the one that starts last.
    auto start = attribute(r_, "start");
    if (!start) start = attribute(r_, "timestamp");
    const std::string from = trim_space(start.value_or(""));
    if (row_has_attr_[k]) {
        if (row_has_attr_[k] == 1) {
            ++dynamic_values_;
            if (!first_dynamic_value_) first_dynamic_value_ = SourcePos{path_, line_, column_};
        }
        row_has_attr_[k] = 2;
        if (earlier(from, row_attr_start_[k])) return;
    } else {
        row_has_attr_[k] = 1;
    }
    row_attr_start_[k] = from;

    RawTable& t = table();
    std::string column = a.column;
    if (!row_is_node() && ascii_lower(a.title) == "weight")
        // Gephi 0.7 wrote the weight as an attribute; the weight="..." of the edge wins.
        column = row_has_weight_ ? a.title + "_attr" : std::string(col::weight);
    if (column == col::relation && row_has_kind_) {
        const auto& kind = t.cell(t.column(col::relation), row_);
        if (kind != trim_space(v) && !warned_relation_kind_) {
            warned_relation_kind_ = true;
            net_.warnings.push_back(Warning{
                SourcePos{path_, line_, column_},
                "the edge's kind=\"" + kind + "\" and its attribute \"" + a.title + "\" (\"" + v +
                    "\") name different relations (first here); the kind was used"});
        }
        return;
    }
    set(column, column == col::relation || column == col::weight ? trim_space(v) : v);
}

void GexfParser::set(const std::string& column, std::string value) {
    RawTable& t = table();
    t.set(t.column(column), row_, std::move(value), line_ == row_line_ ? column_ : 0);
}

std::optional<double> GexfParser::number_attribute(const char* element, const char* name) {
    const auto text = attribute(r_, name);
    if (!text) return std::nullopt;
    const auto v = parse_number(trim_space(*text));
    if (!v || !std::isfinite(*v))
        fail(std::string("<viz:") + element + "> has " + name + "=\"" + *text +
             "\", which is not a number; fix the value, or remove the element");
    return v;
}

void GexfParser::viz(const std::string& name) {
    if (!in_row_) return;
    if (name == "position" && row_is_node()) {
        viz_x_ = number_attribute("position", "x");
        viz_y_ = number_attribute("position", "y");
        viz_z_ = number_attribute("position", "z");
    } else if (name == "size" && row_is_node()) {
        if (const auto v = number_attribute("size", "value")) set("viz_size", format_number(*v));
    } else if (name == "thickness" && !row_is_node()) {
        if (const auto v = number_attribute("thickness", "value"))
            set("viz_thickness", format_number(*v));
    } else if (name == "shape") {
        auto shape = attribute(r_, "value");
        if (shape && trim_space(*shape) == "image") shape = attribute(r_, "uri");
        if (shape) set("viz_shape", trim_space(*shape));
    } else if (name == "color") {
        static const char* digits = "0123456789abcdef";
        std::string hex;
        if (const auto h = attribute(r_, "hex")) {
            auto s = ascii_lower(trim_space(*h));
            if (!s.empty() && s[0] == '#') s.erase(0, 1);
            if (s.size() == 3) s = {s[0], s[0], s[1], s[1], s[2], s[2]};
            if (s.size() != 6 || s.find_first_not_of(digits) != std::string::npos)
                fail("<viz:color> has hex=\"" + *h +
                     "\", which is not a colour; write hex=\"#rrggbb\" (e.g. #ff0000)");
            hex = "#" + s;
        } else {
            hex = "#";
            for (const char* c : {"r", "g", "b"}) {
                const auto v = number_attribute("color", c);
                if (!v || *v < 0 || *v > 255 || std::trunc(*v) != *v)
                    fail(std::string("<viz:color> needs ") + c +
                         " as a whole number from 0 to 255" +
                         (v ? ", got " + format_number(*v) : std::string(", which is missing")) +
                         "; write <viz:color r=\"255\" g=\"0\" b=\"0\"/> or hex=\"#ff0000\"");
                const int n = static_cast<int>(*v);
                hex += digits[n / 16];
                hex += digits[n % 16];
            }
        }
        set("viz_color", hex);
        if (const auto a = number_attribute("color", "a")) {
            if (*a < 0 || *a > 1)
                fail("<viz:color> has a=\"" + format_number(*a) +
                     "\"; the opacity a goes from 0 (transparent) to 1 (opaque)");
            set("viz_alpha", format_number(*a));
        }
    }
}

void GexfParser::finish_row() {
    if (!in_row_) return;
    in_row_ = false;
    RawTable& t = table();
    const auto& attrs = attrs_[row_class_];
    for (std::size_t k = 0; k < attrs.size() && k < row_has_attr_.size(); ++k) {
        const Attr& a = attrs[k];
        if (row_has_attr_[k] || !a.default_value || a.default_value->empty()) continue;
        std::string column = a.column;
        if (!row_is_node() && ascii_lower(a.title) == "weight")
            column = row_has_weight_ ? a.title + "_attr" : std::string(col::weight);
        if (column == col::relation && row_has_kind_) continue;
        t.set(t.column(column), row_, *a.default_value, 0);
    }
    if (!row_spells_.empty()) {
        // One static network: the row spans from its first start to its last end.
        std::string first = row_spells_.front().first, last = row_spells_.front().second;
        std::string all;
        for (const auto& [s, e] : row_spells_) {
            if (earlier(s, first)) first = s;
            if (e.empty() || (!last.empty() && earlier(last, e))) last = e;
            all += std::string(all.empty() ? "" : "; ") + "[" + s + ", " + e + "]";
        }
        t.set(t.column("start"), row_, first, 0);
        t.set(t.column("end"), row_, last, 0);
        if (row_spells_.size() > 1) t.set(t.column("spells"), row_, all, 0);
        row_timed_ = true;
    }
    if (row_timed_) ++(row_is_node() ? timed_nodes_ : timed_edges_);
    if (row_is_node() && (viz_x_ || viz_y_ || viz_z_)) {
        // GEXF positions are Gephi's own coordinates, y pointing up: stored as they are.
        if (viz_x_) t.set(t.column("x"), row_, format_number(*viz_x_), 0);
        if (viz_y_) t.set(t.column("y"), row_, format_number(*viz_y_), 0);
        if (viz_z_) t.set(t.column("z"), row_, format_number(*viz_z_), 0);
    }
    if (!row_is_node() && row_mutual_) {
        // A mutual edge is a reciprocated pair of arcs.
        ++mutual_edges_;
        if (!first_mutual_) first_mutual_ = SourcePos{path_, row_line_, t.col_pos(0, row_)};
        t.set(t.column(col::type), row_, "Directed", t.col_pos(0, row_));
        const std::size_t copy = t.add_row(row_line_);
        for (std::size_t c = 0; c < t.column_count(); ++c)
            t.set(c, copy, t.cell(c, row_), t.col_pos(c, row_));
        const auto s = t.column(col::source), g = t.column(col::target);
        std::swap(t.cell(s, copy), t.cell(g, copy));
    }
}

}  // namespace

/// Reads a GEXF file (plain or gzip-compressed) into a RawNetwork.
///
/// Versions: GEXF 1.1draft, 1.2draft and 1.3 under any namespace spelling
/// (http://www.gexf.net/1.2draft, http://gexf.net/1.2draft, http://gexf.net/1.3, ...): elements
/// and attributes are read by their local names, as Gephi's importer does; a <gexf> root in a
/// namespace that is no gexf.net one is read too, with a warning.
///
/// Structure: one <graph>; defaultedgetype directed | undirected | mutual sets
/// RawNetwork::directed (absent: undirected, the schema's default); an edge's type="directed" |
/// "undirected" goes to the tie column Type; a mutual edge (or every edge of a mutual graph)
/// becomes two rows, one per direction (NetworkX's reading), with one warning. Nodes: id -> Id,
/// label -> Label. Edges: source, target, weight -> Weight, id -> tie column Id, label -> tie
/// column label, kind -> relation (Gephi's edge type: edges of different kinds are different
/// relations; edges with the same ends and kind are parallel ties, which assembly sums).
///
/// Attributes: <attributes class="node|edge"> declares <attribute id title type> with an
/// optional <default>; <attvalue for="id" value="..."/> (GEXF 1.0's id="..." too) fills the
/// column named by the title (the id when there is none). Values are checked against the type
/// (integer/long/short/byte: whole numbers; float/double: numbers; boolean: true/false/1/0,
/// kept as true/false; others stay text) and a row without a value gets the default. An
/// undeclared attvalue is kept under its for="..." name, with a warning. An edge attribute
/// titled weight (Gephi 0.7) is the weight unless the edge has weight="..."; one titled
/// relation is the relation unless the edge has a kind (a disagreement is warned about once).
/// Titles that would take a column the reader fills (node id/label; edge source, target, id,
/// type, label, kind) get an "_attr" suffix.
///
/// viz: <viz:color r g b [a]/> or hex="#rrggbb" -> column viz_color as #rrggbb (and viz_alpha);
/// <viz:size value/> -> viz_size; <viz:position x y [z]/> -> x, y [, z] unchanged (Gephi's
/// coordinates, y pointing up: readers.hpp); edges' <viz:thickness value/> -> viz_thickness and
/// <viz:color> -> viz_color; <viz:shape> -> viz_shape. Malformed values are errors.
///
/// Time: a dynamic file (mode="dynamic", start/end or timestamp on nodes and edges, <spells>,
/// values per interval) is read as ONE static network of every node and edge that exists at
/// any time, with one warning saying so: start/end (startopen/endopen, timestamp, timestamps,
/// intervals) are kept as columns of those names; several spells give start = the first start,
/// end = the last end and a column spells listing them all; an attribute with several values
/// over time keeps the one with the latest start. Waves are compared as separate files
/// (`compare A.gexf B.gexf`), one per time slice exported from Gephi.
///
/// Refused (InputError): hierarchical GEXF (nodes inside a node, pid, <parents>), which Gephi
/// 0.9 and later do not read either; more than one <graph>; a node without id, an edge without
/// source or target; an invalid defaultedgetype or edge type; <attributes> without class node
/// or edge; an attribute id declared twice for one class. Edges to undeclared nodes are kept
/// (assembly reports the unknown actor at the edge's line:col). Malformed XML is reported at
/// libxml2's line:col; libxml2 never prints. Ignored: <meta>, <options>, anything else.
/// Row positions: the line and column where the element's tag starts.
RawNetwork read_gexf(const std::string& path) {
    xml::check_readable_and_not_empty(path, empty_hint);
    xml::Diagnostics diagnostics;
    diagnostics.path = path;
    xml::ErrorCapture capture(diagnostics);
    xml::ReaderPtr reader = xml::open_reader(path, diagnostics);
    GexfParser parser(path, reader.get(), diagnostics);
    return parser.run();
}

}  // namespace clusterlens
