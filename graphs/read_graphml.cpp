// GraphML reader over libxml2's streaming xmlTextReader: memory stays flat for large files, and
// libxml2 (built with zlib) reads .graphml.gz transparently.
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

constexpr const char* graphml_ns = "http://graphml.graphdrawing.org/xmlns";

using xml::attribute;
using xml::chars;
using xml::trim_space;

constexpr const char* empty_hint =
    "a GraphML file needs a <graphml> root element with a <graph> holding <node> and <edge> "
    "elements";

/// What a <key> declares.
struct Key {
    std::string id;
    std::string domain;  ///< node, edge, graph, all (others: hyperedge, port, endpoint)
    std::string name;    ///< attr.name, or the id when there is none
    std::optional<std::string> default_value;
    bool for_nodes() const { return domain == "node" || domain == "all"; }
    bool for_edges() const { return domain == "edge" || domain == "all"; }
};

/// Column a key's values go to. Weight and label become the canonical columns; an attribute
/// that would overwrite a column the reader fills itself is renamed with an "_attr" suffix.
std::string column_name(const std::string& name, bool node) {
    const auto lower = ascii_lower(name);
    if (node) {
        if (lower == "label") return col::label;
        if (name == col::id) return name + "_attr";
        return name;
    }
    if (lower == "weight") return col::weight;
    // "type" would be taken for the tie direction column (Type) by a case-insensitive lookup.
    if (name == col::source || name == col::target || name == col::id || lower == "type")
        return name + "_attr";
    return name;
}

enum class Element { graphml, key, default_value, graph, node, edge, data, ignored };

class GraphmlParser {
public:
    GraphmlParser(const std::string& path, xmlTextReaderPtr reader, xml::Diagnostics& diagnostics)
        : path_(path), r_(reader), diag_(diagnostics) {
        net_.format = "graphml";
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
    [[noreturn]] void fail(std::uint32_t line, std::uint32_t column, const std::string& message) {
        throw InputError(SourcePos{path_, line, column}, message);
    }
    [[noreturn]] void fail_xml();
    void start_element();
    void end_element(Element kind);
    void start_row(bool node, std::uint32_t line, std::uint32_t column);
    void finish_row();
    void set_data(const std::string& key_id, std::string value);
    /// Reads a yEd node geometry (top-left corner and size) met inside a node's <data>.
    void geometry(const std::string& name);

    std::string path_;
    xmlTextReaderPtr r_;
    xml::Diagnostics& diag_;
    RawNetwork net_;

    std::vector<Element> stack_;
    std::size_t ignore_depth_ = 0;  ///< stack size where ignored content began; 0: none

    std::vector<Key> keys_;
    /// Key ids to keys: one id may be declared once per domain (for="graph" and for="node").
    std::unordered_map<std::string, std::vector<std::size_t>> key_index_;
    std::set<std::string> undeclared_keys_;
    bool seen_graph_ = false;
    bool seen_root_ = false;
    std::optional<bool> edge_default_;

    // The row being read (<node> or <edge>), and which keys it gave data for.
    bool in_row_ = false;
    bool row_is_node_ = false;
    std::size_t row_ = 0;
    std::vector<char> row_has_key_;
    // The row's yEd geometry centre (x, and y as yEd has it: pointing down), when one was read.
    bool row_has_geometry_ = false;
    double geometry_x_ = 0, geometry_y_ = 0;
    bool in_node_data_ = false;
    bool warned_ports_ = false;

    // The <data> or <default> being read.
    std::string text_;
    bool text_has_elements_ = false;
    std::string data_key_;
    std::uint32_t data_line_ = 0, data_column_ = 0;

    xml::TagPositions positions_;  ///< where the current element's tag starts: line_, column_
    std::uint32_t line_ = 0, column_ = 0;
};

[[noreturn]] void GraphmlParser::fail_xml() {
    xml::fail_malformed(path_, diag_, xml::FormatWords{"GraphML", "</graphml>"});
}

RawNetwork GraphmlParser::run() {
    for (;;) {
        const int status = xmlTextReaderRead(r_);
        if (status == 0) break;
        if (status < 0) fail_xml();
        const int type = xmlTextReaderNodeType(r_);
        switch (type) {
            case XML_READER_TYPE_ELEMENT: {
                const bool empty = xmlTextReaderIsEmptyElement(r_) == 1;
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
                    (stack_.back() == Element::data || stack_.back() == Element::default_value))
                    text_ += text;
                positions_.text(r_, text);
                break;
            }
            default:
                positions_.other();  // comments, processing instructions, entities
                break;
        }
    }
    if (diag_.has_error) fail_xml();
    if (!seen_root_)
        fail(0, 0, "no <graphml> element found; this does not look like a GraphML file");
    if (!seen_graph_)
        fail(0, 0,
             "the file has no <graph> element; GraphML keeps nodes and edges inside "
             "<graph edgedefault=\"undirected\"> ... </graph>");
    net_.directed = edge_default_;
    for (auto& [pos, message] : diag_.warnings)
        net_.warnings.push_back(Warning{std::move(pos), std::move(message)});
    return std::move(net_);
}

void GraphmlParser::start_element() {
    std::tie(line_, column_) = positions_.element_start(r_);

    const std::string name = chars(xmlTextReaderConstLocalName(r_));
    if (in_node_data_ && (name == "Geometry" || name == "RectD")) geometry(name);
    if (ignore_depth_ > 0) {
        stack_.push_back(Element::ignored);
        return;
    }
    const xmlChar* ns_uri = xmlTextReaderConstNamespaceUri(r_);
    const bool foreign = ns_uri != nullptr && std::strcmp(chars(ns_uri), graphml_ns) != 0;
    const Element parent = stack_.empty() ? Element::ignored : stack_.back();

    auto ignore = [&] {
        stack_.push_back(Element::ignored);
        ignore_depth_ = stack_.size();
    };

    if (stack_.empty()) {
        if (name != "graphml")
            fail(line_, column_,
                 "the root element is <" + name +
                     ">, not <graphml>; this does not look like a GraphML file");
        seen_root_ = true;
        stack_.push_back(Element::graphml);
        return;
    }
    if (parent == Element::data || parent == Element::default_value) {
        // XML inside <data> (yEd graphics, for instance): the value is not plain text.
        text_has_elements_ = true;
        ignore();
        return;
    }
    if (foreign || name == "desc") {
        ignore();
        return;
    }
    if (name == "hyperedge")
        fail(line_, column_,
             "hyperedges are not supported; replace each <hyperedge> by <edge> elements "
             "between pairs of its nodes");
    if (name == "port") {
        // yEd and yFiles write ports for where edges attach to a node's shape; igraph and
        // NetworkX ignore them too. Edges connect the nodes themselves.
        if (!warned_ports_)
            net_.warnings.push_back(
                Warning{SourcePos{path_, line_, column_},
                        "<port> elements are ignored (first here): edges connect the nodes "
                        "themselves"});
        warned_ports_ = true;
        ignore();
        return;
    }
    if (name == "locator")
        fail(line_, column_,
             "<locator> (a graph or node stored in another file) is not supported; copy that "
             "content into this file");
    if (name == "graph") {
        if (parent == Element::node || parent == Element::edge)
            fail(line_, column_, "nested graphs are not supported; flatten the graph");
        if (parent != Element::graphml) {
            ignore();
            return;
        }
        if (seen_graph_)
            fail(line_, column_,
                 "the file holds more than one <graph>; keep one graph per file (split the "
                 "file, or merge the graphs)");
        seen_graph_ = true;
        if (auto d = attribute(r_, "edgedefault")) {
            if (*d == "directed")
                edge_default_ = true;
            else if (*d == "undirected")
                edge_default_ = false;
            else
                fail(line_, column_,
                     "edgedefault=\"" + *d +
                         "\" is not valid; write edgedefault=\"directed\" or "
                         "edgedefault=\"undirected\"");
        }
        stack_.push_back(Element::graph);
        return;
    }
    if (name == "key" && parent == Element::graphml) {
        Key key;
        auto id = attribute(r_, "id");
        if (!id || id->empty())
            fail(line_, column_,
                 "<key> has no id attribute; give it one (<key id=\"d0\" for=\"node\" "
                 "attr.name=\"...\">)");
        key.id = *id;
        key.domain = attribute(r_, "for").value_or("all");
        auto attr_name = attribute(r_, "attr.name");
        key.name = attr_name && !attr_name->empty() ? *attr_name : key.id;
        auto& same_id = key_index_[key.id];
        for (const auto k : same_id) {
            const auto& other = keys_[k].domain;
            if (other == key.domain || other == "all" || key.domain == "all")
                fail(line_, column_,
                     "key id \"" + key.id + "\" is declared twice for " +
                         (key.domain == "all" ? other : key.domain) +
                         " data; give each <key> of a domain its own id");
        }
        same_id.push_back(keys_.size());
        keys_.push_back(std::move(key));
        stack_.push_back(Element::key);
        return;
    }
    if (name == "default" && parent == Element::key) {
        text_.clear();
        text_has_elements_ = false;
        stack_.push_back(Element::default_value);
        return;
    }
    if ((name == "node" || name == "edge") && parent == Element::graph) {
        start_row(name == "node", line_, column_);
        stack_.push_back(name == "node" ? Element::node : Element::edge);
        return;
    }
    if ((name == "node" || name == "edge") && (parent == Element::node || parent == Element::edge))
        fail(line_, column_, "nested graphs are not supported; flatten the graph");
    if (name == "data" && (parent == Element::node || parent == Element::edge)) {
        auto key = attribute(r_, "key");
        if (!key || key->empty())
            fail(line_, column_,
                 "<data> has no key attribute; write <data key=\"...\"> naming a declared <key>");
        data_key_ = *key;
        in_node_data_ = parent == Element::node;
        data_line_ = line_;
        data_column_ = column_;
        text_.clear();
        text_has_elements_ = false;
        stack_.push_back(Element::data);
        return;
    }
    // <data> of the graph or the file, and anything GraphML does not define here.
    ignore();
}

void GraphmlParser::end_element(Element kind) {
    if (ignore_depth_ > 0) {
        if (stack_.size() + 1 == ignore_depth_) ignore_depth_ = 0;
        return;
    }
    switch (kind) {
        case Element::default_value:
            if (!text_has_elements_ && !keys_.empty())
                keys_.back().default_value = trim_space(text_);
            break;
        case Element::data:
            in_node_data_ = false;
            if (!text_has_elements_) set_data(data_key_, trim_space(text_));
            break;
        case Element::node:
        case Element::edge:
            finish_row();
            break;
        default:
            break;
    }
}

void GraphmlParser::start_row(bool node, std::uint32_t line, std::uint32_t column) {
    in_row_ = true;
    row_is_node_ = node;
    row_has_key_.assign(keys_.size(), 0);
    row_has_geometry_ = false;
    RawTable& table = node ? net_.actors : net_.ties;
    row_ = table.add_row(line);
    if (node) {
        auto id = attribute(r_, "id");
        if (!id)
            fail(line, column,
                 "<node> has no id attribute; give every node a unique id (<node id=\"n0\">)");
        table.set(table.column(col::id), row_, std::move(*id), column);
        return;
    }
    auto source = attribute(r_, "source");
    auto target = attribute(r_, "target");
    if (!source || !target)
        fail(line, column,
             std::string("<edge> has no ") + (!source ? "source" : "target") +
                 " attribute; write <edge source=\"n0\" target=\"n1\">");
    table.set(table.column(col::source), row_, std::move(*source), column);
    table.set(table.column(col::target), row_, std::move(*target), column);
    if (auto id = attribute(r_, "id"))
        table.set(table.column(col::id), row_, std::move(*id), column);
    if (auto directed = attribute(r_, "directed")) {
        const auto d = trim_space(*directed);
        bool is_directed = false;
        if (d == "true" || d == "1")
            is_directed = true;
        else if (d == "false" || d == "0")
            is_directed = false;
        else
            fail(line, column,
                 "directed=\"" + *directed +
                     "\" is not valid; write directed=\"true\" or directed=\"false\" (or leave it "
                     "out to use the graph's edgedefault)");
        table.set(table.column(col::type), row_, is_directed ? "Directed" : "Undirected", column);
    }
}

void GraphmlParser::set_data(const std::string& key_id, std::string value) {
    if (!in_row_) return;
    RawTable& table = row_is_node_ ? net_.actors : net_.ties;
    std::string name;
    // The key of this id declared for this row's domain (ids may repeat across domains).
    std::optional<std::size_t> found;
    if (const auto it = key_index_.find(key_id); it != key_index_.end()) {
        for (const auto k : it->second)
            if (row_is_node_ ? keys_[k].for_nodes() : keys_[k].for_edges()) found = k;
        if (!found) found = it->second.front();  // declared for another domain: keep its name
    }
    if (found) {
        const Key& key = keys_[*found];
        name = key.name;
        if (*found < row_has_key_.size()) row_has_key_[*found] = 1;
    } else {
        name = key_id;
        if (undeclared_keys_.insert(key_id).second)
            net_.warnings.push_back(
                Warning{SourcePos{path_, data_line_, data_column_},
                        "<data key=\"" + key_id +
                            "\"> refers to no declared <key>; its values are kept "
                            "in a column named \"" +
                            key_id + "\" (declare <key id=\"" + key_id +
                            "\" attr.name=\"...\"> to name it)"});
    }
    const std::uint32_t column = data_line_ == table.line(row_) ? data_column_ : 0;
    table.set(table.column(column_name(name, row_is_node_)), row_, std::move(value), column);
}

void GraphmlParser::geometry(const std::string& name) {
    if (row_has_geometry_) return;  // the first geometry of a node (group nodes have several)
    // yEd (<y:ShapeNode><y:Geometry x y width height/>) writes lower-case attributes, yFiles for
    // HTML / yEd Live (<y:RectD X Y Width Height/>) upper-case ones; both give the top-left
    // corner and the size, with y pointing down the screen.
    const bool upper = name == "RectD";
    const char* names[] = {upper ? "X" : "x", upper ? "Y" : "y", upper ? "Width" : "width",
                           upper ? "Height" : "height"};
    double v[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; ++i) {
        const auto text = attribute(r_, names[i]);
        if (!text) return;  // not a node geometry after all
        const auto number = parse_number(*text);
        if (!number || !std::isfinite(*number))
            fail(line_, column_,
                 "<" + name + "> has " + names[i] + "=\"" + *text +
                     "\", which is not a number; the node's position is read from it (fix the "
                     "value, or remove the element to read the node without a position)");
        v[i] = *number;
    }
    geometry_x_ = v[0] + v[2] / 2;
    geometry_y_ = v[1] + v[3] / 2;
    row_has_geometry_ = true;
}

void GraphmlParser::finish_row() {
    if (!in_row_) return;
    RawTable& table = row_is_node_ ? net_.actors : net_.ties;
    for (std::size_t k = 0; k < keys_.size() && k < row_has_key_.size(); ++k) {
        const Key& key = keys_[k];
        if (row_has_key_[k] || !key.default_value) continue;
        if (row_is_node_ ? !key.for_nodes() : !key.for_edges()) continue;
        table.set(table.column(column_name(key.name, row_is_node_)), row_, *key.default_value, 0);
    }
    if (row_is_node_ && row_has_geometry_) {
        // An explicit x or y attribute (Gephi's) wins over the yEd geometry.
        auto given = [&](const char* name) {
            for (std::size_t c = 0; c < table.column_count(); ++c)
                if (table.names()[c] == name && !table.cell(c, row_).empty()) return true;
            return false;
        };
        if (!given("x") && !given("y")) {
            table.set(table.column("x"), row_, format_number(geometry_x_), 0);
            table.set(table.column("y"), row_, format_number(0.0 - geometry_y_), 0);  // no "-0"
        }
    }
    in_row_ = false;
}

/// python-igraph and NetworkX-from-igraph files give nodes positional ids (n0, n1, ...) and keep
/// the real name in a node key named "name". A node without a label gets its name as Label, so
/// figures and outputs show the name; the id stays as written, because edges refer to nodes by
/// it (and so do the output tables), and the "name" column is kept too.
void label_from_name(RawTable& actors) {
    const int c_name = actors.find("name");
    if (c_name < 0 || actors.names()[static_cast<std::size_t>(c_name)] != "name") return;
    const auto cn = static_cast<std::size_t>(c_name);
    const auto cl = actors.column(col::label);
    for (std::size_t r = 0; r < actors.rows(); ++r)
        if (actors.cell(cl, r).empty() && !actors.cell(cn, r).empty())
            actors.set(cl, r, actors.cell(cn, r), actors.col_pos(cn, r));
}

}  // namespace

/// Reads a GraphML file (plain or gzip-compressed) into a RawNetwork.
///
/// Supported: <key id for attr.name> with an optional <default> (attr.type is not used: values
/// stay text, typed later by assembly like every other format's); one top-level
/// <graph> with edgedefault (sets RawNetwork::directed; absent: unknown); <node id> and
/// <edge source target [id] [directed]> with <data key> children. Node data become actor columns
/// and edge data tie columns, named by the key's attr.name (else its id). An edge key named
/// weight (any case) becomes "Weight", a node key named label (any case, as Gephi writes it)
/// "Label"; values are copied verbatim except for surrounding whitespace. Edge ids go to the tie
/// column "Id"; an edge's directed="true|false" goes to "Type" (Directed/Undirected), so an
/// undirected graph may hold directed ties and the reverse.
///
/// Positions: node keys named x and y (Gephi's GraphML export; Gephi's y axis points up) are
/// kept as they are, like every other key. A yEd node geometry inside a node's <data> --
/// <y:Geometry x y width height/> (yEd, in <y:ShapeNode> and the other node realizers) or
/// <y:RectD X Y Width Height/> (yFiles for HTML, yEd Live) -- gives x = x + width/2 and
/// y = -(y + height/2): the centre, with yEd's downward y turned up (readers.hpp). The first
/// geometry of a node counts; a node with an x or y value keeps it and its geometry is unused.
///
/// Not supported (InputError naming the element): nested graphs, hyperedges, locators,
/// more than one <graph>. Ignored: <desc>, graph- and file-level <data>, <port> elements (one
/// warning) and sourceport/targetport attributes, elements of other namespaces, and the rest of
/// <data> whose content is XML (yEd graphics).
///
/// Odd cases: a row lacking a <data> for a key with a <default> gets the default; <data> with an
/// undeclared key is kept under the key's name, with a warning; a key id declared twice, a node
/// without id, an edge without source or target are errors; edges to undeclared nodes are kept
/// (assembly reports unknown actors). Attributes that would overwrite a column the reader fills
/// (node "Id", edge "Source"/"Target"/"Id", edge "type" in any case) get an "_attr" suffix.
/// Malformed XML is reported at libxml2's line:col with its message; libxml2 never prints.
/// Row positions: the line (and, after a line break, column) where the element's tag starts.
///
/// Names: a node key named `name` (python-igraph writes the vertex names there and gives the
/// nodes positional ids n0, n1, ...) becomes the actor's Label when the node has no label; the
/// node id stays the actor id (edges refer to it) and the name stays in column "name".
RawNetwork read_graphml(const std::string& path) {
    xml::check_readable_and_not_empty(path, empty_hint);
    xml::Diagnostics diagnostics;
    diagnostics.path = path;
    xml::ErrorCapture capture(diagnostics);
    xml::ReaderPtr reader = xml::open_reader(path, diagnostics);
    GraphmlParser parser(path, reader.get(), diagnostics);
    RawNetwork raw = parser.run();
    label_from_name(raw.actors);
    return raw;
}

}  // namespace clusterlens
