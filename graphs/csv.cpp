#include "graphs/csv.hpp"

#include <set>

namespace clusterlens {

CsvReader::CsvReader(LineReader& lines, char delimiter) : lines_(lines), delim_(delimiter) {}

namespace {
/// The delimiter of a header line: the most frequent of tab, ';' and ',' outside quotes (ties
/// go to ',', then ';').
char detect_delimiter(const std::string& line) {
    const char separator = most_frequent_separator(line);
    return separator == 0 ? ',' : separator;
}
}  // namespace

bool CsvReader::next(std::vector<CsvField>& fields) {
    fields.clear();
    do {
        if (!lines_.next(line_)) return false;
    } while (line_.find_first_not_of(" \t") == std::string::npos);  // skip blank lines
    record_line_ = lines_.line_number();
    if (delim_ == 0) delim_ = detect_delimiter(line_);

    std::size_t i = 0;
    for (;;) {
        CsvField field;
        field.column = static_cast<std::uint32_t>(i + 1);
        if (i < line_.size() && line_[i] == '"') {
            const std::uint32_t open_line = lines_.line_number();
            const auto open_col = static_cast<std::uint32_t>(i + 1);
            ++i;
            for (;;) {
                if (i >= line_.size()) {
                    // The quoted field continues on the next line.
                    std::string more;
                    if (!lines_.next(more))
                        throw InputError(
                            SourcePos{lines_.path(), open_line, open_col},
                            "quoted field is never closed; add the closing '\"' (a quote inside "
                            "a quoted field is written as '\"\"')");
                    field.text += '\n';
                    line_ = std::move(more);
                    i = 0;
                    continue;
                }
                if (line_[i] == '"') {
                    if (i + 1 < line_.size() && line_[i + 1] == '"') {
                        field.text += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field.text += line_[i++];
            }
            if (i < line_.size() && line_[i] != delim_) {
                throw InputError(lines_.pos(static_cast<std::uint32_t>(i + 1)),
                                 std::string("unexpected text after a closing quote; quote the "
                                             "whole field and double any quote inside it"));
            }
        } else {
            const std::size_t end = line_.find(delim_, i);
            const std::size_t stop = end == std::string::npos ? line_.size() : end;
            field.text.assign(line_, i, stop - i);
            i = stop;
        }
        fields.push_back(std::move(field));
        if (i >= line_.size()) break;
        ++i;                      // skip the delimiter
        if (i == line_.size()) {  // a trailing delimiter ends with an empty field
            fields.push_back(CsvField{"", static_cast<std::uint32_t>(i + 1)});
            break;
        }
    }
    return true;
}

namespace {

std::string delimiter_name(char delim) {
    return delim == '\t' ? std::string("a tab") : "'" + std::string(1, delim) + "'";
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// "1.234,5": optional sign, 1-3 digits, one or more groups of '.' and three digits, a decimal
/// comma and digits (German and French-Swiss Excel with a thousands format).
bool is_grouped_decimal_comma(const std::string& t) {
    std::size_t i = !t.empty() && (t[0] == '-' || t[0] == '+') ? 1 : 0;
    const std::size_t b = i;
    while (i < t.size() && is_digit(t[i])) ++i;
    if (i == b || i - b > 3) return false;
    std::size_t groups = 0;
    while (i + 3 < t.size() && t[i] == '.' && is_digit(t[i + 1]) && is_digit(t[i + 2]) &&
           is_digit(t[i + 3])) {
        i += 4;
        ++groups;
    }
    if (groups == 0 || i >= t.size() || t[i] != ',') return false;
    ++i;
    const std::size_t d = i;
    while (i < t.size() && is_digit(t[i])) ++i;
    return i > d && i == t.size();
}

bool is_integer(const std::string& t) {
    std::size_t i = !t.empty() && (t[0] == '-' || t[0] == '+') ? 1 : 0;
    const std::size_t b = i;
    while (i < t.size() && is_digit(t[i])) ++i;
    return i > b && i == t.size();
}

/// "2.5", "-0.75", "1.234": a number with a '.' between digits (no exponent, no comma).
bool is_decimal_point(const std::string& t) {
    const auto dot = t.find('.');
    if (dot == std::string::npos || t.find(',') != std::string::npos) return false;
    std::string rest = t;
    rest.erase(dot, 1);
    return dot > 0 && is_digit(t[dot - 1]) && dot + 1 < t.size() && is_digit(t[dot + 1]) &&
           is_integer(rest);
}

/// Columns holding actor names, never numbers.
bool is_name_column(const std::string& name) {
    const auto n = ascii_lower(name);
    return n == "id" || n == "label" || n == "source" || n == "target";
}

}  // namespace

void apply_decimal_commas(RawTable& table, char delimiter, DecimalComma mode,
                          std::vector<Warning>& warnings) {
    const bool force = mode == DecimalComma::force;
    if (delimiter == ',') {
        if (force)
            throw InputError(SourcePos{table.path, 1, 1},
                             "--decimal-comma, but this file is separated by ',', so a ',' "
                             "cannot be a decimal point; drop the option for this file, or "
                             "export it with ';' as the separator");
        return;
    }
    struct Column {
        std::size_t index;
        bool commas = false;     // some cell has a decimal comma
        bool numeric = true;     // every non-empty cell is number-like
        int first_dot_row = -1;  // first cell with a '.' decimal point
    };
    std::vector<Column> columns;
    int dot_column = -1, dot_row = -1;  // first '.' decimal point outside decimal-comma columns
    for (std::size_t c = 0; c < table.column_count(); ++c) {
        if (is_name_column(table.names()[c])) continue;
        Column col{c};
        for (std::size_t r = 0; r < table.rows() && col.numeric; ++r) {
            const auto& t = table.cell(c, r);
            if (t.empty() || is_integer(t)) continue;
            if (is_decimal_comma(t) || is_grouped_decimal_comma(t))
                col.commas = true;
            else if (is_decimal_point(t)) {
                if (col.first_dot_row < 0) col.first_dot_row = static_cast<int>(r);
            } else
                col.numeric = false;
        }
        if (!col.numeric) continue;
        if (force && col.first_dot_row >= 0) {
            const auto r = static_cast<std::size_t>(col.first_dot_row);
            throw InputError(table.pos(r, static_cast<int>(c)),
                             "'" + table.cell(c, r) +
                                 "' has a '.', but --decimal-comma reads ',' as the decimal "
                                 "point (and '.' may group thousands); write it with a ',' "
                                 "(or without the '.'), or drop --decimal-comma");
        }
        if (col.first_dot_row >= 0 && dot_row < 0) {
            dot_column = static_cast<int>(c);
            dot_row = col.first_dot_row;
        }
        if (col.commas && col.first_dot_row < 0) columns.push_back(col);
    }
    if (columns.empty()) return;
    if (dot_row >= 0 && !force) {
        const auto& first = columns.front();
        std::size_t r0 = 0;
        while (!is_decimal_comma(table.cell(first.index, r0)) &&
               !is_grouped_decimal_comma(table.cell(first.index, r0)))
            ++r0;
        const auto dc = static_cast<std::size_t>(dot_column);
        const auto dr = static_cast<std::size_t>(dot_row);
        warnings.push_back(Warning{
            table.pos(r0, static_cast<int>(first.index)),
            "column '" + table.names()[first.index] + "' writes numbers with a decimal comma ('" +
                table.cell(first.index, r0) + "', first here), but column '" + table.names()[dc] +
                "' has a '.' decimal point ('" + table.cell(dc, dr) + "' at line " +
                std::to_string(table.line(dr)) +
                "): the file mixes both, so the commas were left as written; pass "
                "--decimal-comma to read ',' as the decimal point, or export with one "
                "convention"});
        return;
    }
    std::size_t rewritten = 0, grouped = 0;
    SourcePos first_pos, first_grouped_pos;
    std::string first_text, first_grouped_text;
    std::string names;
    for (const auto& col : columns) {
        names += (names.empty() ? "'" : ", '") + table.names()[col.index] + "'";
        for (std::size_t r = 0; r < table.rows(); ++r) {
            auto& t = table.cell(col.index, r);
            std::string dot;
            if (is_decimal_comma(t)) {
                dot = decimal_comma_to_dot(t);
            } else if (is_grouped_decimal_comma(t)) {
                for (const char ch : t)
                    if (ch != '.') dot += ch == ',' ? '.' : ch;
                if (grouped++ == 0) {
                    first_grouped_pos = table.pos(r, static_cast<int>(col.index));
                    first_grouped_text = "read " + t + " as " + dot;
                }
            } else {
                continue;
            }
            if (rewritten++ == 0) {
                first_pos = table.pos(r, static_cast<int>(col.index));
                first_text = "read " + t + " as " + dot;
            }
            t = std::move(dot);
        }
    }
    if (!force)
        warnings.push_back(Warning{
            first_pos, first_text + " (decimal comma): the file is separated by " +
                           delimiter_name(delimiter) + " and column" +
                           (columns.size() == 1 ? " " : "s ") + names +
                           (columns.size() == 1 ? " holds" : " hold") +
                           " numbers written with ',' as the decimal point (" +
                           std::to_string(rewritten) + (rewritten == 1 ? " cell" : " cells") +
                           " read so, first here); pass --decimal-comma to say so and "
                           "silence this"});
    if (grouped > 0)
        warnings.push_back(Warning{
            first_grouped_pos, first_grouped_text +
                                   " ('.' groups thousands before the decimal comma; " +
                                   std::to_string(grouped) + (grouped == 1 ? " cell" : " cells") +
                                   " read so, first here)"});
}

RawTable read_csv_table(const std::string& path, std::vector<Warning>& warnings,
                        const CsvOptions& options) {
    return read_csv_table(Source::file(path), warnings, options);
}

RawTable read_csv_table(const Source& source, std::vector<Warning>& warnings,
                        const CsvOptions& options) {
    const std::string& path = source.name;
    LineReader lines(source);
    CsvReader csv(lines);
    RawTable table;
    table.path = path;
    std::vector<CsvField> fields;
    if (!csv.next(fields))
        throw InputError(SourcePos{path, 0, 0},
                         "the file is empty; a CSV table needs a header row and data rows");
    // Excel writes an empty header cell for every column right of the table that was ever
    // used ("Id;Label;type;;"): those at the end are dropped, one in the middle is an error.
    std::size_t named = fields.size();
    while (named > 0 && trim(fields[named - 1].text).empty()) --named;
    const std::uint32_t header_line = csv.record_line();
    const std::uint32_t first_unnamed =
        named < fields.size() ? fields[named].column : std::uint32_t{0};
    std::set<std::string> seen;
    std::vector<std::size_t> index;
    for (std::size_t k = 0; k < named; ++k) {
        const auto& f = fields[k];
        auto name = trim(f.text);
        if (name.empty())
            throw InputError(SourcePos{path, header_line, f.column},
                             "empty column name in the header row; give every column a name");
        if (!seen.insert(ascii_lower(name)).second)
            throw InputError(SourcePos{path, header_line, f.column},
                             "column '" + name +
                                 "' appears twice in the header row; "
                                 "rename or remove one of them");
        index.push_back(table.column(name));
    }
    if (named == 0)
        throw InputError(SourcePos{path, header_line, 1},
                         "empty column name in the header row; give every column a name");
    const std::size_t width = fields.size();
    std::size_t empty_rows = 0;
    std::uint32_t first_empty_row = 0;
    while (csv.next(fields)) {
        if (fields.size() != width) {
            const auto col = fields.size() > width ? fields[width].column : fields.back().column;
            throw InputError(
                SourcePos{path, csv.record_line(), col},
                "row has " + std::to_string(fields.size()) + " fields but the header has " +
                    std::to_string(width) + " columns; quote fields that contain " +
                    delimiter_name(csv.delimiter()) + " and check for missing or extra delimiters");
        }
        bool all_empty = true;
        for (auto& f : fields) {
            if (f.text.find_first_not_of(" \t") == std::string::npos)
                f.text.clear();  // a cell of spaces is an empty cell
            else
                all_empty = false;
        }
        if (all_empty) {  // Excel writes ";;;;" for rows that were formatted but left empty
            if (empty_rows++ == 0) first_empty_row = csv.record_line();
            continue;
        }
        for (std::size_t c = named; c < width; ++c)
            if (!fields[c].text.empty())
                throw InputError(SourcePos{path, csv.record_line(), fields[c].column},
                                 "value '" + fields[c].text + "' in column " +
                                     std::to_string(c + 1) +
                                     ", which has no name in the header row; name the column "
                                     "or clear the cell");
        const auto row = table.add_row(csv.record_line());
        for (std::size_t c = 0; c < named; ++c)
            table.set(index[c], row, std::move(fields[c].text), fields[c].column);
    }
    for (auto& w : lines.take_warnings()) warnings.push_back(std::move(w));
    if (named < width)
        warnings.push_back(Warning{
            SourcePos{path, header_line, first_unnamed},
            std::to_string(width - named) + (width - named == 1 ? " column" : " columns") +
                " without a name at the end of the header row ignored (they hold no values; "
                "Excel writes them for cells right of the table)"});
    if (empty_rows > 0)
        warnings.push_back(Warning{SourcePos{path, first_empty_row, 0},
                                   std::to_string(empty_rows) +
                                       (empty_rows == 1 ? " empty row" : " empty rows") +
                                       " skipped (first here; every cell is empty)"});
    apply_decimal_commas(table, csv.delimiter(), options.decimal_comma, warnings);
    return table;
}

}  // namespace clusterlens
