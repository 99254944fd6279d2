// The GEXF parser class (internal to graphs/): the graph and attribute declarations are read in
// read_gexf.cpp, the node and edge rows (typed values, spells, viz) in read_gexf_rows.cpp. See
// read_gexf() in read_gexf.cpp for what is read.
#pragma once

#include <cmath>
#include <cstring>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "graphs/readers.hpp"
#include "graphs/text_input.hpp"
#include "graphs/xml_input.hpp"

namespace clusterlens::gexf {

using xml::attribute;
using xml::chars;
using xml::trim_space;

constexpr const char* empty_hint =
    "a GEXF file needs a <gexf> root element with a <graph> holding <nodes> and <edges>";

/// How a declared attribute type constrains its values.
enum class ValueKind { text, integer, real, boolean };

inline ValueKind value_kind(const std::string& type) {
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
inline std::string column_for(const std::string& title, bool node) {
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
inline bool earlier(const std::string& a, const std::string& b) {
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
        : path_(path), r_(reader), diag_(diagnostics), net_(RawNetwork::for_file(path, "gexf")) {}

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
    xml::EntityText entities_;
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

}  // namespace clusterlens::gexf
