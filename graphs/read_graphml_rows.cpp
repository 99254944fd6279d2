// GraphML rows: a node's or edge's <data> by key, yEd geometry as positions (see read_graphml()
// in read_graphml.cpp).
#include "graphs/attributes.hpp"
#include "graphs/graphml_parser.hpp"

namespace clusterlens::graphml {

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

}  // namespace clusterlens::graphml
