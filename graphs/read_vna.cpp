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

struct Field {
    std::string text;
    std::uint32_t col = 0;  ///< 1-based byte column (of the opening quote when quoted)
};

/// Splits a VNA line at spaces and tabs. A value in double quotes may hold spaces; a doubled
/// quote inside it stands for one quote.
std::vector<Field> split(const std::string& line, const LineReader& in) {
    std::vector<Field> out;
    std::size_t i = 0;
    const std::size_t n = line.size();
    while (i < n) {
        if (line[i] == ' ' || line[i] == '\t') {
            ++i;
            continue;
        }
        Field f;
        f.col = static_cast<std::uint32_t>(i + 1);
        if (line[i] == '"') {
            ++i;
            for (;;) {
                if (i >= n)
                    throw InputError(in.pos(f.col),
                                     "the quoted value is never closed; add the closing '\"' on "
                                     "the same line (a quote inside a value is written '\"\"')");
                if (line[i] == '"') {
                    if (i + 1 < n && line[i + 1] == '"') {
                        f.text += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                f.text += line[i++];
            }
            if (i < n && line[i] != ' ' && line[i] != '\t')
                throw InputError(in.pos(static_cast<std::uint32_t>(i + 1)),
                                 "unexpected text after a closing quote; separate values with "
                                 "spaces and quote the whole value");
        } else {
            std::size_t e = i;
            while (e < n && line[e] != ' ' && line[e] != '\t') ++e;
            f.text.assign(line, i, e - i);
            i = e;
        }
        out.push_back(std::move(f));
    }
    return out;
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
    explicit VnaParser(const std::string& path) : in_(path) {
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
    if (fields.size() != prop_width_) {
        const auto c = fields.size() > prop_width_ ? fields[prop_width_].col : fields.back().col;
        throw InputError(in_.pos(c), "row has " + std::to_string(fields.size()) +
                                         " values but the header of " + section_text_ + " has " +
                                         std::to_string(prop_width_) +
                                         " columns; quote values that contain spaces and check "
                                         "for missing or extra values");
    }
    if (prop_x_ < 0) return;
    const auto& fx = fields[static_cast<std::size_t>(prop_x_)];
    const auto& fy = fields[static_cast<std::size_t>(prop_y_)];
    if (fx.text.empty() && fy.text.empty()) return;  // no position for this actor
    for (const Field* f : {&fx, &fy}) {
        const auto v = parse_number(f->text);
        if (!v || !std::isfinite(*v))
            throw InputError(in_.pos(f->col),
                             std::string("the ") + (f == &fx ? "x" : "y") + " position '" +
                                 f->text + "' in " + section_text_ +
                                 " is not a number; NetDraw writes positions such as 120.5 "
                                 "(leave both x and y empty for an actor without a position)");
    }
    Position p;
    p.id = fields[0].text;
    p.line = in_.line_number();
    p.id_col = fields[0].col;
    p.x = fx.text;
    p.x_col = fx.col;
    p.y = format_number(0.0 - *parse_number(fy.text));  // NetDraw: y down; 0 - y: no "-0"
    p.y_col = fy.col;
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
        throw InputError(in_.pos(fields[0].col),
                         "the *tie data header needs at least two columns (e.g. 'from to "
                         "strength'); the first two name the tie's ends");
    std::vector<std::string> names;   // final names, for clash checks
    std::vector<std::string> lowers;  // their lower-case forms
    index_.clear();
    for (std::size_t c = 0; c < fields.size(); ++c) {
        const std::string& raw = fields[c].text;
        if (raw.empty())
            throw InputError(in_.pos(fields[c].col), "empty column name in the header row of " +
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
                    in_.pos(fields[c].col),
                    "column '" + raw + "' clashes with column " + std::to_string(k + 1) + " ('" +
                        fields[k].text + "', read as '" + names[k] + "') in the header row of " +
                        section_text_ + "; rename one of them" +
                        (lname == "weight" ? " (strength and weight both mean the tie's weight)"
                                           : ""));
        names.push_back(name);
        lowers.push_back(lname);
        index_.push_back(table.column(name));
    }
    need_header_ = false;
}

void VnaParser::data_row(std::vector<Field>& fields) {
    RawTable& table = section_ == Section::node_data ? net_.actors : net_.ties;
    const std::size_t width = index_.size();
    if (fields.size() != width) {
        const auto c = fields.size() > width ? fields[width].col : fields.back().col;
        throw InputError(in_.pos(c), "row has " + std::to_string(fields.size()) +
                                         " values but the header of " + section_text_ + " has " +
                                         std::to_string(width) +
                                         " columns; quote values that contain spaces and check "
                                         "for missing or extra values");
    }
    const auto row = table.add_row(in_.line_number());
    for (std::size_t c = 0; c < width; ++c)
        table.set(index_[c], row, std::move(fields[c].text), fields[c].col);
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
        auto fields = split(line, in_);
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
    add_positions();
    if (net_.ties.column_count() == 0) {
        net_.ties.column(col::source);
        net_.ties.column(col::target);
    }
    if (net_.actors_authoritative && net_.actors.column_count() == 0) net_.actors.column(col::id);
    net_.warnings = in_.take_warnings();
    return std::move(net_);
}

}  // namespace

/// Reads a NetDraw VNA file (optionally gzip-compressed).
///
/// Supported: section lines `*node data`, `*tie data`, `*node properties` and `*tie properties`
/// (case-insensitive, spaces between the words free). A data section starts with a header row of
/// column names, then one row per actor or tie; values are separated by spaces or tabs, and a
/// value in double quotes may hold spaces ('""' inside it is one quote).
/// - `*node data`: the first column is the actor id ("Id"); the other columns are kept under their
///   own names. Its presence makes actors_authoritative true.
/// - `*tie data`: the first two columns are "Source" and "Target"; a column named strength or
///   weight (any case) becomes "Weight"; other columns are kept under their own names.
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
/// empty or clashing column name (e.g. both strength and weight), a row whose value count
/// differs from its header's, an unclosed quote. Cells are not interpreted here (assembly checks
/// ids and weights).
RawNetwork read_vna(const std::string& path) {
    VnaParser parser(path);
    return parser.run();
}

}  // namespace clusterlens
