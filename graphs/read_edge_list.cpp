// Plain edge-list reader over LineReader (gzip, BOM, CRLF, Windows-1252 handled there).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graphs/attributes.hpp"
#include "graphs/readers.hpp"
#include "graphs/text_input.hpp"

namespace clusterlens {

namespace {

using Field = QuotedField;

std::string separator_name(char sep) {
    switch (sep) {
        case 0:
            return "whitespace";
        case '\t':
            return "a tab";
        default:
            return "'" + std::string(1, sep) + "'";
    }
}

/// Splits one data line into fields; ids in double quotes may hold the separator, spaces,
/// and doubled quotes ("" for one "). `sep` 0 is whitespace.
std::vector<Field> split_fields(const std::string& path, char sep, const std::string& line,
                                std::uint32_t line_no) {
    std::vector<Field> fields;
    const auto error = split_quoted_fields(line, sep, fields);
    if (!error) return fields;
    if (error->kind == FieldSplitError::Kind::unclosed_quote)
        throw InputError(SourcePos{path, line_no, error->column},
                         "quoted id is never closed; add the closing '\"' (write "
                         "a quote inside a quoted id as \"\")");
    throw InputError(SourcePos{path, line_no, error->column},
                     "unexpected text after a closing quote; quote the whole id "
                     "and separate fields with " +
                         separator_name(sep));
}

/// The header rule: the first data line names the columns when its first two fields form a
/// known pair (is_edge_list_header_pair), with an optional third field that is not a number. Any
/// other line is a tie, so a bad first tie ("a b strong") is reported as an error instead of being
/// skipped as a header, and a tie between actors called "from" and "to" with a weight
/// ("from to 2") is a tie: a weight column is never named by a number.
bool is_header(const std::vector<Field>& f) {
    if (f.size() != 2 && f.size() != 3) return false;
    if (f.size() == 3 && parse_number(f[2].text)) return false;
    return is_edge_list_header_pair(f[0].text, f[1].text);
}

/// The warning that says the first line was read as a header, and how to make it a tie.
Warning header_warning(const std::string& path, std::uint32_t line_no,
                       const std::vector<Field>& f) {
    std::string names;
    for (const auto& field : f) names += (names.empty() ? "" : " ") + field.text;
    return Warning{SourcePos{path, line_no, f[0].column},
                   "read the first line '" + names +
                       "' as a header naming the columns, not as a tie; if it is a tie between "
                       "actors called '" +
                       f[0].text + "' and '" + f[1].text +
                       "', put a header line 'source target weight' above it"};
}

/// The decimal-comma rule for a first data line that the separator count calls comma-separated:
/// the line is whitespace-separated with a decimal comma when its only comma outside quotes is
/// inside its third whitespace field, that field is a number with a decimal comma, the line has
/// exactly three whitespace fields and no ';' outside quotes ("Mueller Schaefer 2,5"). Splitting
/// at that comma would give two ids ("Mueller Schaefer 2", "5") and no weight, a reading nobody
/// writes on purpose; a genuine comma-separated line ("a,b,2", "a, b, 2,5") has other commas.
bool is_whitespace_with_decimal_comma(const std::string& line) {
    const auto counts = separators_outside_quotes(line);
    if (counts.comma != 1 || counts.semi != 0) return false;
    std::vector<Field> fields;
    // Not a clean whitespace split: leave the line to the comma reading.
    if (split_quoted_fields(line, 0, fields)) return false;
    return fields.size() == 3 && is_decimal_comma(fields[2].text);
}

bool is_comment_or_blank(const std::string& line) {
    const auto b = line.find_first_not_of(" \t");
    return b == std::string::npos || line[b] == '#' || line[b] == '%';
}

}  // namespace

bool is_edge_list_header_pair(const std::string& first, const std::string& second) {
    const auto a = ascii_lower(first), b = ascii_lower(second);
    return (a == "source" && b == "target") || (a == "from" && b == "to") ||
           (a == "src" && b == "dst") || (a == "sender" && b == "receiver") ||
           (a == "node1" && b == "node2") || (a == "ego" && b == "alter") ||
           (a == "actor1" && b == "actor2");
}

/// Reads a plain edge list: one tie per line, "source target [weight]".
///
/// Supported: fields separated by whitespace, ',', ';' or tab, chosen once from the first data
/// line (the most frequent of , ; tab outside quotes, else runs of spaces and tabs; but see the
/// decimal-comma rule below); ids in
/// double quotes, which may then hold spaces or the separator ("" is a quote); lines whose first
/// non-blank character is '#' or '%' are comments; blank lines are skipped; gzip, UTF-8 BOM,
/// CRLF and Windows-1252 (converted, with a warning) via LineReader.
///
/// Header rule (documented in README.md too): the first data line is a header, and is skipped,
/// when its first two fields form a known pair (source target, from to, src dst, sender
/// receiver, node1 node2, ego alter, actor1 actor2; any case) and a third field, if any, is not
/// a number, e.g. "source target weight" or "from,to,weight" ("from to 2" is a tie). A warning
/// names the line read as a header (so a tie between actors called "from" and "to" is never
/// lost in silence); write_edge_list puts a header line above such a first tie. Otherwise the
/// first line is a tie.
///
/// Decimal-comma rule (README.md too): a first data line such as "Mueller Schaefer 2,5", whose
/// only comma is inside its third whitespace field and that field is a number with a decimal
/// comma (is_whitespace_with_decimal_comma), makes the file whitespace-separated, not
/// comma-separated. In a whitespace-separated file a weight written "2,5" (sign, digits, one
/// comma, digits) is stored as "2.5"; one warning at the first such weight names the reading
/// ("read 2,5 as 2.5 (decimal comma): ..."), with the count. Other separators keep the weight as
/// written (with ';' a "0,5" is left to assembly).
///
/// Not supported: comments after data on the same line, more than three fields (attributes
/// belong in a CSV pair). Odd cases: fewer than two fields or more than three are InputErrors
/// at the line (the extra field's column, or the end of the line); an empty source or target
/// field is an InputError; an empty weight field ("a,b,") counts as no weight. The weight is
/// copied as written (assembly checks it). A file with no line at all, or only blank lines, is
/// an InputError ("the file is empty"); a file of comments only gives no ties. Actors come from the
/// ties (actors_authoritative is false), and direction is not known from the file (directed is
/// nullopt).
RawNetwork read_edge_list(const std::string& path) { return read_edge_list(Source::file(path)); }

RawNetwork read_edge_list(const Source& input) {
    const std::string& path = input.name;
    LineReader lines(input);
    RawNetwork net;
    net.format = "edgelist";
    net.sources = {path};
    net.actors_authoritative = false;
    net.actors.path = path;
    net.ties.path = path;
    net.actors.column(col::id);
    const std::size_t source = net.ties.column(col::source);
    const std::size_t target = net.ties.column(col::target);
    std::size_t weight = 0;
    bool has_weight_column = false;

    std::string line;
    bool any_line = false, first = true;
    char sep = 0;
    std::size_t decimal_commas = 0;
    SourcePos first_decimal;
    std::string first_decimal_text;
    std::optional<Warning> header;
    while (lines.next(line)) {
        if (line.find_first_not_of(" \t") != std::string::npos) any_line = true;
        if (is_comment_or_blank(line)) continue;
        const std::uint32_t line_no = lines.line_number();
        if (first) {
            sep = most_frequent_separator(line);
            if (sep == ',' && is_whitespace_with_decimal_comma(line)) sep = 0;
        }
        auto fields = split_fields(path, sep, line, line_no);
        if (first) {
            first = false;
            if (is_header(fields)) {
                header = header_warning(path, line_no, fields);
                continue;
            }
        }
        const std::string expected =
            "expected 'source target [weight]' separated by " + separator_name(sep) + "; ";
        if (fields.size() > 3)
            throw InputError(
                SourcePos{path, line_no, fields[3].column},
                "line has " + std::to_string(fields.size()) + " fields; " + expected +
                    (fields[3].text.rfind('#', 0) == 0 || fields[3].text.rfind('%', 0) == 0
                         ? std::string("comments must stand on their own line; ")
                         : std::string()) +
                    "put ids that contain " +
                    (sep == 0 ? std::string("spaces") : separator_name(sep)) +
                    " in double quotes, or remove the extra fields");
        if (fields.size() < 2)
            throw InputError(SourcePos{path, line_no, static_cast<std::uint32_t>(line.size() + 1)},
                             "line has only one field; " + expected + "add the target id");
        for (std::size_t k = 0; k < 2; ++k)
            if (fields[k].text.empty())
                throw InputError(SourcePos{path, line_no, fields[k].column},
                                 std::string(k == 0 ? "source" : "target") + " id is empty; " +
                                     expected + "fill in the id or remove the line");
        const auto row = net.ties.add_row(line_no);
        net.ties.set(source, row, std::move(fields[0].text), fields[0].column);
        net.ties.set(target, row, std::move(fields[1].text), fields[1].column);
        // Whitespace-separated: a comma in the weight can only be a decimal comma.
        if (sep == 0 && fields.size() == 3 && is_decimal_comma(fields[2].text)) {
            std::string dot = decimal_comma_to_dot(fields[2].text);
            if (decimal_commas++ == 0) {
                first_decimal = SourcePos{path, line_no, fields[2].column};
                first_decimal_text = "read " + fields[2].text + " as " + dot;
            }
            fields[2].text = std::move(dot);
        }
        if (fields.size() == 3 && !fields[2].text.empty()) {
            if (!has_weight_column) {
                weight = net.ties.column(col::weight);
                has_weight_column = true;
            }
            net.ties.set(weight, row, std::move(fields[2].text), fields[2].column);
        }
    }
    if (!any_line)
        throw InputError(SourcePos{path, 0, 0},
                         "the file is empty; an edge list has one 'source target [weight]' line "
                         "per tie");
    net.warnings = lines.take_warnings();
    if (header) net.warnings.push_back(std::move(*header));
    if (decimal_commas > 0)
        net.warnings.push_back(Warning{
            first_decimal,
            first_decimal_text +
                " (decimal comma): the fields are separated by whitespace, so a "
                "comma in a weight is a decimal comma (" +
                std::to_string(decimal_commas) + (decimal_commas == 1 ? " weight" : " weights") +
                " read so, first here); if ',' separates source and target instead, put ids "
                "that contain spaces in double quotes"});
    return net;
}

}  // namespace clusterlens
