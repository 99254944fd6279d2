// NetDraw VNA reader. See read_vna() below for what is supported.
#include <cmath>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "graphs/attributes.hpp"
#include "graphs/readers.hpp"
#include "graphs/text_input.hpp"

namespace clusterlens {

namespace {

using Field = QuotedField;

/// True if `line` has a comma outside double quotes: the section's header then separates its
/// values with commas (NetDraw writes `"ID", "grp"` as well as `ID grp`).
bool has_comma(const std::string& line) {
    bool quoted = false;
    for (const char c : line) {
        if (c == '"') quoted = !quoted;
        if (!quoted && c == ',') return true;
    }
    return false;
}

/// Splits a VNA line at spaces and tabs, or at commas when `comma` (blanks around a value are
/// then dropped, a value may hold spaces, and an empty value between two commas is ""). A value
/// in double quotes may hold spaces (and commas); a doubled quote inside it stands for one quote.
std::vector<Field> split(const std::string& line, const LineReader& in, bool comma) {
    std::vector<Field> out;
    const auto error = split_quoted_fields(line, comma ? ',' : 0, out);
    if (!error) return out;
    if (error->kind == FieldSplitError::Kind::unclosed_quote)
        throw InputError(in.pos(error->column),
                         "the quoted value is never closed; add the closing '\"' on "
                         "the same line (a quote inside a value is written '\"\"')");
    const char* separate = comma ? "separate values with commas, as the header row does, and "
                                   "quote the whole value"
                                 : "separate values with spaces and quote the whole value";
    throw InputError(in.pos(error->column),
                     std::string("unexpected text after a closing quote; ") + separate);
}

enum class Section { none, node_data, node_properties, tie_data, skipped };

/// Normalises a section line: lower case, runs of spaces/tabs as one space ("*Node  Data" ->
/// "*node data").
std::string section_key(const std::string& line) {
    std::string out;
    bool space = false;
    for (const char c : trim(line)) {
        if (c == ' ' || c == '\t') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return ascii_lower(out);
}

class VnaParser {
public:
    explicit VnaParser(const Source& source) : in_(source) {
        const std::string& path = source.name;
        net_.format = "vna";
        net_.sources.push_back(path);
        net_.actors.path = path;
        net_.ties.path = path;
        net_.directed = true;
    }
    RawNetwork run();

private:
    void header_row(const std::vector<Field>& fields);
    void data_row(std::vector<Field>& fields);
    /// A *tie data row in NetDraw's form: one tie per relation column whose value is not 0.
    void relation_row(const std::vector<Field>& fields);
    /// The reading of a *tie data section with a strength or weight column plus other columns
    /// whose values are all numbers: say which reading was taken (NetDraw's would differ).
    void warn_numeric_attributes();
    /// Width check shared by every data row.
    void check_width(const std::vector<Field>& fields, std::size_t width) const;
    void properties_header(const std::vector<Field>& fields);
    void properties_row(const std::vector<Field>& fields);
    /// Puts the positions of *node properties into the actor columns x and y.
    void add_positions();

    /// One actor's position from *node properties: x, and -y (NetDraw's y points down).
    struct Position {
        std::string id, x, y;
        std::uint32_t line = 0, id_col = 0, x_col = 0, y_col = 0;
    };

    LineReader in_;
    RawNetwork net_;
    Section section_ = Section::none;
    std::string section_text_;  ///< as written, for messages
    bool need_header_ = false;
    std::vector<std::size_t> index_;  ///< column in the target table of each field
    bool comma_ = false;              ///< the current section's header separates with commas
    /// Current *tie data section in NetDraw's relation form: every column after from and to is
    /// a relation (names in relation_names_), its values tie strengths, 0 for no tie.
    bool relations_ = false;
    std::vector<std::string> relation_names_;
    std::size_t c_source_ = 0, c_target_ = 0, c_weight_ = 0, c_relation_ = 0;
    /// Tie ends of relation-form rows in order of appearance: actors even when all values are 0.
    struct End {
        std::string id;
        std::uint32_t line = 0, col = 0;
    };
    std::vector<End> ends_;
    /// Attribute columns of strength-form *tie data sections (first section's header position).
    struct Extra {
        std::size_t column;
        std::string name, section;
        SourcePos header;
    };
    std::vector<Extra> extras_;
    /// Field index of x and y in the current *node properties header; -1: no such column.
    int prop_x_ = -1, prop_y_ = -1;
    std::size_t prop_width_ = 0;
    std::vector<Position> positions_;
};

void VnaParser::properties_header(const std::vector<Field>& fields) {
    prop_x_ = prop_y_ = -1;
    prop_width_ = fields.size();
    for (std::size_t c = 1; c < fields.size(); ++c) {
        const auto lower = ascii_lower(fields[c].text);
        if (lower == "x" && prop_x_ < 0) prop_x_ = static_cast<int>(c);
        if (lower == "y" && prop_y_ < 0) prop_y_ = static_cast<int>(c);
    }
    if (prop_x_ < 0 || prop_y_ < 0) prop_x_ = prop_y_ = -1;  // positions need both columns
    need_header_ = false;
}

void VnaParser::properties_row(const std::vector<Field>& fields) {
    check_width(fields, prop_width_);
    if (prop_x_ < 0) return;
    const auto& fx = fields[static_cast<std::size_t>(prop_x_)];
    const auto& fy = fields[static_cast<std::size_t>(prop_y_)];
    if (fx.text.empty() && fy.text.empty()) return;  // no position for this actor
    for (const Field* f : {&fx, &fy}) {
        const auto v = parse_number(f->text);
        if (!v || !std::isfinite(*v))
            throw InputError(in_.pos(f->column),
                             std::string("the ") + (f == &fx ? "x" : "y") + " position '" +
                                 f->text + "' in " + section_text_ +
                                 " is not a number; NetDraw writes positions such as 120.5 "
                                 "(leave both x and y empty for an actor without a position)");
    }
    Position p;
    p.id = fields[0].text;
    p.line = in_.line_number();
    p.id_col = fields[0].column;
    p.x = fx.text;
    p.x_col = fx.column;
    p.y = format_number(0.0 - *parse_number(fy.text));  // NetDraw: y down; 0 - y: no "-0"
    p.y_col = fy.column;
    positions_.push_back(std::move(p));
}

void VnaParser::add_positions() {
    if (positions_.empty()) return;
    RawTable& actors = net_.actors;
    const auto id = actors.column(col::id);
    // A *node data column named x or y is the user's own data, not a position: keep it aside.
    for (const char* name : {"x", "y"}) {
        for (std::size_t c = 0; c < actors.column_count(); ++c)
            if (actors.names()[c] == name) actors.rename(c, std::string(name) + "_attr");
    }
    const auto x = actors.column("x");
    const auto y = actors.column("y");
    std::unordered_map<std::string, std::size_t> row_of;
    for (std::size_t r = 0; r < actors.rows(); ++r) row_of.emplace(actors.cell(id, r), r);
    for (auto& p : positions_) {
        auto it = row_of.find(p.id);
        if (it == row_of.end()) {
            // An actor only *node properties lists (a file without *node data, for instance):
            // NetDraw draws it, so it is an actor.
            const auto r = actors.add_row(p.line);
            actors.set(id, r, p.id, p.id_col);
            it = row_of.emplace(p.id, r).first;
        }
        actors.set(x, it->second, std::move(p.x), p.x_col);
        actors.set(y, it->second, std::move(p.y), p.y_col);
    }
}

void VnaParser::header_row(const std::vector<Field>& fields) {
    RawTable& table = section_ == Section::node_data ? net_.actors : net_.ties;
    const bool nodes = section_ == Section::node_data;
    if (!nodes && fields.size() < 2)
        throw InputError(in_.pos(fields[0].column),
                         "the *tie data header needs at least two columns (e.g. 'from to "
                         "strength'); the first two name the tie's ends");
    // The form of a *tie data section: NetDraw's (every column after from and to is a relation)
    // unless a column is named strength, weight or relation (clusterlens' own VNA, and the form
    // read before relations were: strength is the weight, relation names the relation, the
    // other columns are tie attributes).
    relations_ = false;
    bool relation_column = false;
    if (!nodes) {
        relations_ = fields.size() > 2;
        for (std::size_t c = 2; c < fields.size(); ++c) {
            const auto lower = ascii_lower(fields[c].text);
            if (lower == "strength" || lower == "weight" || lower == "relation") relations_ = false;
            if (lower == "relation") relation_column = true;
        }
    }
    std::vector<std::string> names;   // final names, for clash checks
    std::vector<std::string> lowers;  // their lower-case forms
    index_.clear();
    relation_names_.clear();
    for (std::size_t c = 0; c < fields.size(); ++c) {
        const std::string& raw = fields[c].text;
        if (raw.empty())
            throw InputError(in_.pos(fields[c].column), "empty column name in the header row of " +
                                                            section_text_ +
                                                            "; give every column a name");
        std::string name = raw;
        const std::string lower = ascii_lower(raw);
        if (nodes && c == 0)
            name = col::id;
        else if (!nodes && c == 0)
            name = col::source;
        else if (!nodes && c == 1)
            name = col::target;
        else if (!nodes && (lower == "strength" || lower == "weight"))
            name = col::weight;
        const std::string lname = ascii_lower(name);
        for (std::size_t k = 0; k < names.size(); ++k)
            if (lowers[k] == lname)
                throw InputError(
                    in_.pos(fields[c].column),
                    "column '" + raw + "' clashes with column " + std::to_string(k + 1) + " ('" +
                        fields[k].text + "', read as '" + names[k] + "') in the header row of " +
                        section_text_ + "; rename one of them" +
                        (lname == "weight" ? " (strength and weight both mean the tie's weight)"
                                           : ""));
        names.push_back(name);
        lowers.push_back(lname);
        if (relations_ && c >= 2) {
            relation_names_.push_back(raw);
            continue;
        }
        index_.push_back(table.column(name));
        // With a relation column the file is clusterlens' own form: nothing to warn about.
        if (!nodes && c >= 2 && name != col::weight && !relation_column) {
            bool known = false;
            for (const auto& e : extras_) known = known || e.column == index_.back();
            if (!known)
                extras_.push_back(
                    Extra{index_.back(), raw, section_text_, in_.pos(fields[c].column)});
        }
    }
    if (relations_) {
        c_source_ = net_.ties.column(col::source);
        c_target_ = net_.ties.column(col::target);
        c_weight_ = net_.ties.column(col::weight);
        c_relation_ = net_.ties.column(col::relation);
    }
    need_header_ = false;
}

void VnaParser::check_width(const std::vector<Field>& fields, std::size_t width) const {
    if (fields.size() == width) return;
    const auto c = fields.size() > width ? fields[width].column : fields.back().column;
    throw InputError(in_.pos(c), "row has " + std::to_string(fields.size()) +
                                     " values but the header of " + section_text_ + " has " +
                                     std::to_string(width) + " columns; " +
                                     (comma_ ? "separate values with commas as the header row does"
                                             : "quote values that contain spaces") +
                                     " and check for missing or extra values");
}

void VnaParser::data_row(std::vector<Field>& fields) {
    if (relations_) {
        relation_row(fields);
        return;
    }
    RawTable& table = section_ == Section::node_data ? net_.actors : net_.ties;
    const std::size_t width = index_.size();
    check_width(fields, width);
    const auto row = table.add_row(in_.line_number());
    for (std::size_t c = 0; c < width; ++c)
        table.set(index_[c], row, std::move(fields[c].text), fields[c].column);
}

void VnaParser::relation_row(const std::vector<Field>& fields) {
    check_width(fields, 2 + relation_names_.size());
    for (std::size_t k = 0; k < 2; ++k)
        ends_.push_back(End{fields[k].text, in_.line_number(), fields[k].column});
    for (std::size_t r = 0; r < relation_names_.size(); ++r) {
        const Field& f = fields[2 + r];
        const std::string what = "value '" + f.text + "' of relation '" + relation_names_[r] + "'";
        const char* hint =
            "; every *tie data column after from and to is a relation (as NetDraw reads it) and "
            "holds tie strengths: 0 for no tie, a positive number such as 1 or 2.5 for a tie";
        if (trim(f.text).empty())
            throw InputError(in_.pos(f.column), "empty value of relation '" + relation_names_[r] +
                                                    "'; write 0 for no tie or a tie strength such "
                                                    "as 1 or 2.5");
        const auto v = parse_number(f.text);
        if (!v) throw InputError(in_.pos(f.column), what + " is not a number" + hint);
        if (!std::isfinite(*v)) throw InputError(in_.pos(f.column), what + " is not finite" + hint);
        if (*v == 0) continue;  // NetDraw: no tie
        const auto row = net_.ties.add_row(in_.line_number());
        net_.ties.set(c_source_, row, fields[0].text, fields[0].column);
        net_.ties.set(c_target_, row, fields[1].text, fields[1].column);
        net_.ties.set(c_weight_, row, f.text, f.column);
        net_.ties.set(c_relation_, row, relation_names_[r], f.column);
    }
}

void VnaParser::warn_numeric_attributes() {
    const RawTable& t = net_.ties;
    for (const auto& e : extras_) {
        bool any = false, numeric = true;
        for (std::size_t r = 0; r < t.rows() && numeric; ++r) {
            const auto& text = t.cell(e.column, r);
            if (trim(text).empty()) continue;
            const auto v = parse_number(text);
            numeric = v && std::isfinite(*v) && *v >= 0;
            any = true;
        }
        if (!any || !numeric) continue;
        net_.warnings.push_back(Warning{
            e.header, "column '" + e.name + "' of " + e.section +
                          " read as a tie attribute, since the header has a strength or weight "
                          "column (clusterlens' own VNA form: one weight per tie); "
                          "NetDraw would read each column after from and to as a relation of "
                          "its own: to get that reading, rename the strength or weight column "
                          "to the relation's name"});
    }
}

RawNetwork VnaParser::run() {
    std::string line;
    bool any_text = false;
    while (in_.next(line)) {
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos) continue;
        any_text = true;
        if (line[first] == '*') {
            const std::string key = section_key(line);
            section_text_ = trim(line);
            if (key == "*node data")
                section_ = Section::node_data;
            else if (key == "*tie data")
                section_ = Section::tie_data;
            else if (key == "*node properties")
                section_ = Section::node_properties;
            else if (key == "*tie properties")
                section_ = Section::skipped;
            else
                throw InputError(in_.pos(static_cast<std::uint32_t>(first + 1)),
                                 "unknown section '" + section_text_ +
                                     "'; a VNA file has '*node data', '*node properties' and "
                                     "'*tie data' sections");
            if (section_ == Section::node_data) net_.actors_authoritative = true;
            need_header_ = section_ != Section::skipped;
            continue;
        }
        if (section_ == Section::skipped) continue;  // drawing properties: not needed
        if (section_ == Section::none)
            throw InputError(in_.pos(static_cast<std::uint32_t>(first + 1)),
                             "expected a section line such as '*node data' or '*tie data' "
                             "before the data");
        if (need_header_) comma_ = has_comma(line);
        auto fields = split(line, in_, comma_);
        if (section_ == Section::node_properties) {
            if (need_header_)
                properties_header(fields);
            else
                properties_row(fields);
            continue;
        }
        if (need_header_)
            header_row(fields);
        else
            data_row(fields);
    }
    if (!any_text)
        throw InputError(SourcePos{in_.path(), 0, 0},
                         "the file is empty; a VNA file has a '*tie data' section (and "
                         "optionally '*node data') with a header row and one row per tie");
    // Ends of NetDraw-form rows are actors even when every value of the row is 0 (NetDraw
    // draws them), unless *node data lists the actors.
    if (!net_.actors_authoritative && !ends_.empty()) {
        const auto id = net_.actors.column(col::id);
        std::unordered_map<std::string, std::size_t> seen;
        for (std::size_t r = 0; r < net_.actors.rows(); ++r)
            seen.emplace(net_.actors.cell(id, r), r);
        for (auto& e : ends_) {
            if (!seen.emplace(e.id, net_.actors.rows()).second) continue;
            const auto r = net_.actors.add_row(e.line);
            net_.actors.set(id, r, std::move(e.id), e.col);
        }
    }
    add_positions();
    warn_numeric_attributes();
    if (net_.ties.column_count() == 0) {
        net_.ties.column(col::source);
        net_.ties.column(col::target);
    }
    if (net_.actors_authoritative && net_.actors.column_count() == 0) net_.actors.column(col::id);
    auto warnings = in_.take_warnings();
    warnings.insert(warnings.end(), std::make_move_iterator(net_.warnings.begin()),
                    std::make_move_iterator(net_.warnings.end()));
    net_.warnings = std::move(warnings);
    return std::move(net_);
}

}  // namespace

/// Reads a NetDraw VNA file (optionally gzip-compressed).
///
/// Supported: section lines `*node data`, `*tie data`, `*node properties` and `*tie properties`
/// (case-insensitive, spaces between the words free). A data section starts with a header row of
/// column names, then one row per actor or tie; values are separated by spaces or tabs, or by
/// commas when the section's header row has a comma outside quotes (`"ID", "grp"`: NetDraw writes
/// both; blanks around a value are then dropped and ",," is an empty value). A value in double
/// quotes may hold spaces and commas ('""' inside it is one quote).
/// - `*node data`: the first column is the actor id ("Id"); the other columns are kept under their
///   own names. Its presence makes actors_authoritative true.
/// - `*tie data`: the first two columns are "Source" and "Target". The other columns are read in
///   one of two forms, chosen per section from its header row:
///   - NetDraw's (UCINET exports several relations so): no column is named strength, weight or
///     relation. Every column after from and to is a relation named as written, and its values
///     are tie strengths: a row `a b 1 5` under `from to advice friendship` gives the ties a->b
///     in advice (Weight 1) and a->b in friendship (Weight 5), each a raw tie row with
///     "relation" set; a value of 0 is no tie. So `from to advice` is one relation "advice".
///     A value that is empty, not a number or not finite is an InputError at its line:col; a
///     negative one is a tie whose sign assembly's --negative policy handles. The ends of every row
///     are actors even when all its values are 0 (added to the actor table when there is no *node
///     data).
///   - clusterlens' own (its VNA writer's `from to strength [relation] [attributes]`, and how
///     every VNA file was read before relations were): a column named strength or weight (any
///     case) becomes "Weight" (one relation, unnamed unless a relation column names it; 0 is
///     left to assembly, which refuses it), "relation" names the relation, other columns are
///     tie attributes. When such an attribute column holds only numbers >= 0 and the header has
///     no relation column, NetDraw would have read it as a relation: a warning at the column's
///     header cell names the reading taken.
/// - `*node properties`: NetDraw's drawing of each actor (first column the id; x, y, color,
///   shape, size, ...). Columns named x and y (any case) become the actor columns "x" (as
///   written) and "y" = -y as written: NetDraw's positions are screen pixels with y pointing
///   down, clusterlens keeps y pointing up (readers.hpp). Other property columns are ignored.
///   An actor listed only here becomes an actor too. When positions are given, a *node data
///   column named x or y is renamed x_attr / y_attr. A non-numeric x or y is an InputError;
///   an actor with both empty has no position.
/// - `*tie properties` (colours, sizes) are skipped.
/// A file may have only `*tie data` (actors then come from the ties). Sections may repeat; a
/// repeated section brings its own header row and its columns are merged by name.
/// directed = true: NetDraw's ties are directed (symmetric data list both directions).
///
/// Not supported: comments (VNA has none: a '#' line is data), values spanning lines.
/// Odd cases (InputError at line:col): data before any section line, an unknown section, an
/// empty or clashing column name (e.g. both strength and weight, or two relations differing only
/// in case), a row whose value count differs from its header's, an unclosed quote, a bad
/// relation value (above). Other cells are not interpreted here (assembly checks ids and
/// weights).
RawNetwork read_vna(const Source& source) {
    VnaParser parser(source);
    return parser.run();
}

RawNetwork read_vna(const std::string& path) { return read_vna(Source::file(path)); }

}  // namespace clusterlens
