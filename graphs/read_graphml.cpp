// GraphML reader over libxml2's streaming xmlTextReader: memory stays flat for large files, and
// libxml2 (built with zlib) reads .graphml.gz transparently.
#include "graphs/attributes.hpp"
#include "graphs/graphml_parser.hpp"

namespace clusterlens {
namespace graphml {

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
            case XML_READER_TYPE_ENTITY_REFERENCE: {
                // Only in text (libxml2 expands references in attribute values itself).
                const std::string text = entities_.at(r_, diag_);
                if (!stack_.empty() && ignore_depth_ == 0 &&
                    (stack_.back() == Element::data || stack_.back() == Element::default_value))
                    text_ += text;
                positions_.other();
                break;
            }
            default:
                positions_.other();  // comments, processing instructions
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

}  // namespace graphml

namespace {
using graphml::empty_hint;
using graphml::GraphmlParser;

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
RawNetwork read_graphml(const std::string& path) { return read_graphml(Source::file(path)); }

RawNetwork read_graphml(const Source& source) {
    const std::string& path = source.name;
    xml::Diagnostics diagnostics;
    diagnostics.path = path;
    xml::ErrorCapture capture(diagnostics);
    std::string memory;
    xml::ReaderPtr reader = xml::open_document(source, empty_hint, memory, diagnostics);
    GraphmlParser parser(path, reader.get(), diagnostics);
    RawNetwork raw = parser.run();
    label_from_name(raw.actors);
    return raw;
}

}  // namespace clusterlens
