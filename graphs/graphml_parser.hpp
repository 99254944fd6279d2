// The GraphML parser class (internal to graphs/): the document and the keys are read in
// read_graphml.cpp, node and edge rows (data, yEd geometry) in read_graphml_rows.cpp. See
// read_graphml() in read_graphml.cpp for what is read.
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

namespace clusterlens::graphml {

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
inline std::string column_name(const std::string& name, bool node) {
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
        : path_(path),
          r_(reader),
          diag_(diagnostics),
          net_(RawNetwork::for_file(path, "graphml")) {}

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
    xml::EntityText entities_;     ///< entity references in text (xml_input.hpp)
    std::uint32_t line_ = 0, column_ = 0;
};

}  // namespace clusterlens::graphml
