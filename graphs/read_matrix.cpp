#include "graphs/read_matrix.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "graphs/attributes.hpp"
#include "graphs/csv.hpp"
#include "graphs/limits.hpp"
#include "graphs/text_input.hpp"

namespace clusterlens {

CellGrid read_csv_grid(const std::string& path, std::vector<Warning>& warnings) {
    return read_csv_grid(Source::file(path), warnings);
}

CellGrid read_csv_grid(const Source& source, std::vector<Warning>& warnings) {
    const std::string& path = source.name;
    LineReader lines(source);
    CsvReader csv(lines);
    CellGrid grid;
    grid.path = path;
    std::vector<CsvField> fields;
    std::uint64_t cells = 0;
    while (csv.next(fields)) {
        // The grid holds every cell, and an n x n matrix becomes n actors.
        cells += fields.size();
        check_limit(cells, Limit::attribute_cells, SourcePos{path, csv.record_line(), 0},
                    "the matrix's " + std::to_string(cells) + " cells up to this row");
        check_limit(grid.rows.size(), Limit::actors, SourcePos{path, csv.record_line(), 0},
                    "row " + std::to_string(grid.rows.size() + 1) + " of the matrix");
        std::vector<GridCell> row;
        row.reserve(fields.size());
        for (auto& f : fields)
            row.push_back(GridCell{std::move(f.text), csv.record_line(), f.column});
        grid.rows.push_back(std::move(row));
    }
    grid.comma_decimals = csv.delimiter() != ',';
    for (auto& w : lines.take_warnings()) warnings.push_back(std::move(w));
    return grid;
}

bool csv_may_be_matrix(const std::string& path) { return csv_may_be_matrix(Source::file(path)); }

bool csv_may_be_matrix(const Source& source) {
    LineReader lines(source);
    CsvReader csv(lines);
    std::vector<CsvField> header, first;
    if (!csv.next(header) || header.size() < 3) return false;
    // Excel may put an empty row under the header; the full check skips it too.
    do {
        if (!csv.next(first)) return false;
    } while (std::all_of(first.begin(), first.end(),
                         [](const CsvField& f) { return trim(f.text).empty(); }));
    return !trim(header[1].text).empty() && trim(first[0].text) == trim(header[1].text);
}

namespace {

struct Matrix {
    std::vector<const GridCell*> labels;             // header cells 1..n
    std::vector<const std::vector<GridCell>*> rows;  // the n data rows
    std::vector<std::vector<double>> values;         // 0 for empty cells
    const GridCell* first_comma = nullptr;           // first value written with a decimal comma
    std::optional<InputError> bad_value;             // first negative, infinite or NaN value
};

SourcePos pos_of(const CellGrid& g, const GridCell& c) {
    return SourcePos{g.path, c.line, c.column};
}

bool row_is_empty(const std::vector<GridCell>& row) {
    for (const auto& c : row)
        if (!trim(c.text).empty()) return false;
    return true;
}

/// Checks the layout and parses the values; returns the first problem of the layout (a value
/// that is not a number included), if any. A number that cannot be a tie value (negative,
/// infinite, NaN) leaves the layout a matrix and is kept in m.bad_value.
std::optional<InputError> parse(const CellGrid& g, Matrix& m) {
    const std::string hint =
        "; an adjacency matrix has the actors' labels in the first row (after an empty corner "
        "cell) and, in the same order, in the first column";
    if (g.rows.empty()) return InputError(SourcePos{g.path, 0, 0}, "the file is empty" + hint);
    const auto& header = g.rows[0];
    std::size_t n = header.size();
    while (n > 1 && trim(header[n - 1].text).empty()) --n;  // Excel's empty trailing cells
    if (n < 2)
        return InputError(pos_of(g, header[0]), "the first row holds no column labels" + hint);
    std::set<std::string> seen;
    for (std::size_t k = 1; k < n; ++k) {
        const auto label = trim(header[k].text);
        if (label.empty()) return InputError(pos_of(g, header[k]), "empty column label" + hint);
        if (!seen.insert(label).second)
            return InputError(pos_of(g, header[k]),
                              "column label '" + label +
                                  "' appears twice in the first row; matrix labels must be "
                                  "distinct");
        m.labels.push_back(&header[k]);
    }
    const std::size_t size = n - 1;
    for (std::size_t r = 1; r < g.rows.size(); ++r) {
        if (row_is_empty(g.rows[r])) continue;  // Excel's ";;;;" rows
        const auto& row = g.rows[r];
        if (m.rows.size() == size)
            return InputError(pos_of(g, row[0]),
                              "the matrix has " + std::to_string(size) +
                                  " column labels but more rows; give one row per column "
                                  "label, in the same order");
        const auto& label = *m.labels[m.rows.size()];
        if (trim(row[0].text) != trim(label.text))
            return InputError(pos_of(g, row[0]),
                              "row label '" + trim(row[0].text) + "' differs from column label '" +
                                  trim(label.text) + "' (line " + std::to_string(label.line) +
                                  ", column " + std::to_string(label.column) + ")" + hint);
        for (std::size_t k = size + 1; k < row.size(); ++k)
            if (!trim(row[k].text).empty())
                return InputError(pos_of(g, row[k]),
                                  "value '" + trim(row[k].text) +
                                      "' beyond the last column label; add its label to the "
                                      "first row or clear the cell");
        std::vector<double> values(size, 0.0);
        for (std::size_t k = 1; k <= size; ++k) {
            if (k >= row.size()) break;  // a short row: the missing cells are empty
            const auto text = trim(row[k].text);
            if (text.empty()) continue;
            auto v = parse_number(text);
            if (!v && g.comma_decimals && is_decimal_comma(text)) {
                v = parse_number(decimal_comma_to_dot(text));
                if (m.first_comma == nullptr) m.first_comma = &row[k];
            }
            const std::string where =
                " (row '" + trim(row[0].text) + "', column '" + trim(m.labels[k - 1]->text) + "')";
            if (!v)
                return InputError(pos_of(g, row[k]),
                                  "matrix value '" + text + "'" + where +
                                      " is not a number; a cell is empty or 0 for no tie, or "
                                      "the tie's strength");
            if ((!std::isfinite(*v) || *v < 0) && !m.bad_value)
                m.bad_value = InputError(
                    pos_of(g, row[k]), "matrix value '" + text + "'" + where +
                                           " must be 0 (no tie) or a positive tie strength; signed "
                                           "networks are not read from an adjacency matrix");
            values[k - 1] = *v;
        }
        m.rows.push_back(&row);
        m.values.push_back(std::move(values));
    }
    if (m.rows.size() != size)
        return InputError(SourcePos{g.path, g.rows.back().front().line, 0},
                          "the matrix has " + std::to_string(size) + " column labels but " +
                              std::to_string(m.rows.size()) +
                              " rows; give one row per column label, in the same order");
    return std::nullopt;
}

}  // namespace

bool looks_like_adjacency_matrix(const CellGrid& grid) {
    Matrix m;
    return !parse(grid, m) && m.labels.size() >= 2;
}

RawNetwork read_adjacency_matrix(const CellGrid& g, std::vector<Warning>& warnings) {
    Matrix m;
    if (auto error = parse(g, m)) throw *error;
    if (m.bad_value) throw *m.bad_value;
    const std::size_t n = m.labels.size();
    RawNetwork raw;
    raw.format = "matrix";
    raw.sources = {g.path};
    raw.actors_authoritative = true;
    raw.actors.path = g.path;
    raw.ties.path = g.path;
    const auto id = raw.actors.column(col::id);
    for (const auto* label : m.labels)
        raw.actors.set(id, raw.actors.add_row(label->line), trim(label->text), label->column);

    // Symmetric: every value equals its mirror.
    std::size_t ai = 0, aj = 0;
    bool symmetric = true;
    for (std::size_t i = 0; i < n && symmetric; ++i)
        for (std::size_t j = i + 1; j < n && symmetric; ++j)
            if (m.values[i][j] != m.values[j][i]) symmetric = false, ai = i, aj = j;

    const auto source = raw.ties.column(col::source);
    const auto target = raw.ties.column(col::target);
    const auto weight = raw.ties.column(col::weight);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& row = *m.rows[i];
        for (std::size_t j = symmetric ? i : 0; j < n; ++j) {
            const double v = m.values[i][j];
            if (v == 0) continue;
            const auto& cell = row[j + 1];
            const auto r = raw.ties.add_row(cell.line);
            raw.ties.set(source, r, trim(row[0].text), row[0].column);
            raw.ties.set(target, r, trim(m.labels[j]->text), cell.column);
            raw.ties.set(weight, r, format_number(v), cell.column);
        }
    }
    raw.directed = !symmetric;
    if (m.first_comma != nullptr) {
        const auto text = trim(m.first_comma->text);
        warnings.push_back(Warning{
            pos_of(g, *m.first_comma),
            "read " + text + " as " + decimal_comma_to_dot(text) +
                " (decimal comma): the file is not separated by ',', so a comma in a matrix "
                "value is a decimal comma"});
    }
    if (!symmetric) {
        const auto& row = *m.rows[ai];
        const auto& mirror = *m.rows[aj];
        const auto show = [](const std::vector<GridCell>& r, std::size_t k) {
            const auto t = k < r.size() ? trim(r[k].text) : std::string();
            return t.empty() ? std::string("empty") : t;
        };
        warnings.push_back(Warning{
            aj + 1 < row.size() ? pos_of(g, row[aj + 1]) : SourcePos{g.path, row[0].line, 0},
            "the matrix is not symmetric (row '" + trim(row[0].text) + "', column '" +
                trim(m.labels[aj]->text) + "' is " + show(row, aj + 1) + ", row '" +
                trim(mirror[0].text) + "', column '" + trim(m.labels[ai]->text) + "' is " +
                show(mirror, ai + 1) +
                "): read as directed, a tie from each row's actor to each column's actor"});
    }
    return raw;
}

}  // namespace clusterlens
