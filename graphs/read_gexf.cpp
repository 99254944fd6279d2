// GEXF reader (Gephi's own format, versions 1.1draft, 1.2draft and 1.3) over libxml2's streaming
// reader, like the GraphML reader (graphs/xml_input.hpp holds what the two share).
#include "graphs/attributes.hpp"
#include "graphs/gexf_parser.hpp"

namespace clusterlens {
namespace gexf {

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
            case XML_READER_TYPE_ENTITY_REFERENCE: {
                // Only in text (libxml2 expands references in attribute values itself).
                const std::string text = entities_.at(r_, diag_);
                if (!stack_.empty() && ignore_depth_ == 0 &&
                    stack_.back() == Element::default_value)
                    text_ += text;
                positions_.other();
                break;
            }
            default:
                positions_.other();  // comments, processing instructions
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

}  // namespace gexf

using gexf::empty_hint;
using gexf::GexfParser;

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
RawNetwork read_gexf(const std::string& path) { return read_gexf(Source::file(path)); }

RawNetwork read_gexf(const Source& source) {
    const std::string& path = source.name;
    xml::Diagnostics diagnostics;
    diagnostics.path = path;
    xml::ErrorCapture capture(diagnostics);
    std::string memory;
    xml::ReaderPtr reader = xml::open_document(source, empty_hint, memory, diagnostics);
    GexfParser parser(path, reader.get(), diagnostics);
    return parser.run();
}

}  // namespace clusterlens
