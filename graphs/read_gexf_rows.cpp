// GEXF rows: a node's or edge's attributes and typed <attvalue>s, spells, viz colour, size and
// position (see read_gexf() in read_gexf.cpp).
#include "graphs/attributes.hpp"
#include "graphs/gexf_parser.hpp"

namespace clusterlens::gexf {

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

}  // namespace clusterlens::gexf
