// Workbooks through liborcus 0.17 (see read_workbook.hpp for what is read and refused).
//
// Why our own import interfaces rather than orcus' document model: the model would tokenize
// every formula with ixion and keep styles, fonts and borders for every cell; we need only
// each cell's value (for a formula, the cached result the spreadsheet program saved, not a
// recalculation) and its row and column. Our factory (Book, workbook_import.hpp) stores one record
// per cell and the shared strings, which keeps memory proportional to the cells' text and lets us
// see exactly which cells liborcus delivered. It also needs only liborcus itself, not the
// spreadsheet model library and ixion (whose Debian pkg-config file names a missing include
// folder). Of the styles we keep the number format of each cell format: a date in .xlsx is a
// number whose format shows a date.
//
// What liborcus 0.17 does not deliver, found by reading its source (src/liborcus/
// ods_content_xml_context.cpp, xlsx_sheet_context.cpp of tag 0.17.2), and how we make sure it
// is never read as an empty cell:
//   .ods  only float, string and date cells are passed on; boolean, percentage, currency and
//         time cells are dropped, and so is every paragraph of a cell but the last. Each cell's
//         displayed text still reaches the shared-string table, so a text that no cell took (and
//         that is not the display of a formula, nor a paragraph of a cell comment) marks a
//         dropped cell: an error near its place.
//         Formula results: numbers only (a text result is an error at the cell).
//   .xlsx inline strings (<c t="inlineStr">) are dropped: refused, found in the sheet XML;
//         cached formula results that are true/false or errors are dropped: an error at the cell.
//         The 1904 date system (workbookPr date1904) is not reported: read from workbook.xml.
//         Shared strings: an entry without text gets the text of the entry before it, and one
//         with a phonetic run the run's text (xlsx_context.cpp, xlsx_shared_strings_context),
//         so the table is read by us and liborcus' entries only counted (workbook_strings.cpp).
// liborcus reports problems by throwing its own exceptions (zip_error, xml_structure_error,
// malformed_xml_error, ...) and, in places, by writing to stderr; both are caught around the
#include "graphs/read_workbook.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "graphs/limits.hpp"
#include "graphs/read_matrix.hpp"
#include "graphs/text_input.hpp"
#include "graphs/workbook_import.hpp"

namespace clusterlens {
using namespace workbook;
namespace {

// ---- sheets to tables -------------------------------------------------------------------------

std::string sheet_path(const std::string& path, const Sheet& s) {
    return path + "[" + s.name() + "]";
}

/// The text of every cell of `s` (empty cells left out), in row-major order.
struct Cell {
    ss::row_t row;
    ss::col_t col;
    std::string text;
};

std::vector<Cell> sheet_cells(const std::string& path, Book& book, Sheet& s) {
    const auto where = sheet_path(path, s);
    // .ods texts no cell took: cells liborcus dropped, unless they were a formula's display.
    if (book.ods) {
        std::set<Pos> formulas(s.formulas.begin(), s.formulas.end());
        for (const auto& d : book.dropped) {
            if (d.sheet != s.index() || book.strings[d.index].empty()) continue;
            const auto comment = book.annotations.find(squeeze(book.strings[d.index]));
            if (comment != book.annotations.end()) {  // a cell comment's paragraph
                book.annotations.erase(comment);
                continue;
            }
            auto it = d.prev ? formulas.upper_bound(*d.prev) : formulas.begin();
            if (it != formulas.end() && (!d.next || *it <= *d.next)) {
                formulas.erase(it);
                continue;
            }
            const auto at = d.next ? d.next : d.prev;
            const auto shown = book.strings[d.index];
            throw InputError(
                SourcePos{where, at ? static_cast<std::uint32_t>(at->first + 1) : 0,
                          at ? static_cast<std::uint32_t>(at->second + 1) : 0},
                std::string(at ? (d.next ? "at or just before cell " + a1(at->first, at->second)
                                         : "after cell " + a1(at->first, at->second))
                               : "in this sheet") +
                    ", a cell showing '" + shown +
                    "' was not delivered by liborcus 0.17, which reads only number, text and "
                    "date cells from .ods files (not true/false, percentage, currency or time "
                    "cells, and only the last paragraph of a multi-line cell); format the "
                    "cell as text or number, or save the workbook as .xlsx or CSV");
        }
    }

    std::stable_sort(s.recs.begin(), s.recs.end(), [](const Rec& a, const Rec& b) {
        return std::tie(a.row, a.col, a.seq) < std::tie(b.row, b.col, b.seq);
    });
    std::sort(s.formats.begin(), s.formats.end(), [](const FormatRec& a, const FormatRec& b) {
        return std::tie(a.row, a.col) < std::tie(b.row, b.col);
    });
    // .xlsx number formats that show dates, by cell format (xf) index.
    std::map<std::size_t, bool> date_xf;
    auto is_date_cell = [&](ss::row_t row, ss::col_t col) {
        const auto it = std::lower_bound(s.formats.begin(), s.formats.end(), Pos{row, col},
                                         [](const FormatRec& f, const Pos& p) {
                                             return Pos{f.row, f.col} < p;
                                         });
        if (it == s.formats.end() || it->row != row || it->col != col) return false;
        auto [d, fresh] = date_xf.emplace(it->xf, false);
        if (fresh) {
            const auto id = book.styles.number_format_of(it->xf);
            d->second = is_date_format(id, book.styles.code_of(id));
        }
        return d->second;
    };

    std::vector<Cell> out;
    for (std::size_t i = 0; i < s.recs.size(); ++i) {
        const auto& r = s.recs[i];
        if (i + 1 < s.recs.size() && s.recs[i + 1].row == r.row && s.recs[i + 1].col == r.col)
            continue;  // a later value for this cell follows
        std::string text;
        switch (r.kind) {
            case Kind::number:
            case Kind::formula_number:
                if (!book.ods && is_date_cell(r.row, r.col))
                    text = serial_to_iso(r.num, book.settings.origin, book.settings.excel_1900);
                else
                    text = number_text(r.num);
                break;
            case Kind::shared_string:
                if (r.index >= book.strings.size())
                    throw InputError(SourcePos{where, static_cast<std::uint32_t>(r.row + 1),
                                               static_cast<std::uint32_t>(r.col + 1)},
                                     "cell " + a1(r.row, r.col) +
                                         " refers to text that is missing from the "
                                         "workbook's shared strings" +
                                         kDamaged);
                text = book.strings[r.index];
                break;
            case Kind::text:
                text = book.texts[r.index];
                break;
            case Kind::boolean:
                text = r.num != 0 ? "true" : "false";
                break;
            case Kind::formula_none:
                throw InputError(
                    SourcePos{where, static_cast<std::uint32_t>(r.row + 1),
                              static_cast<std::uint32_t>(r.col + 1)},
                    "cell " + a1(r.row, r.col) +
                        " holds a formula whose saved result cannot be read (an error such "
                        "as #N/A, a true/false result, a text result in .ods, or a file saved "
                        "without computed values); replace the formula by its value (copy, "
                        "then paste special: values only) or open and save the workbook in a "
                        "spreadsheet program");
        }
        if (!text.empty()) out.push_back(Cell{r.row, r.col, std::move(text)});
    }
    return out;
}

/// A sheet as a table, by the rules of a CSV table (read_workbook.hpp).
/// The sheet as a grid of rows from its first to its last row with a value, every row as wide
/// as the widest (empty cells as empty text), for the adjacency-matrix reader.
CellGrid sheet_grid(const std::string& path, const Sheet& s, const std::vector<Cell>& cells) {
    CellGrid grid;
    grid.path = sheet_path(path, s);
    if (cells.empty()) return grid;
    ss::col_t first_col = cells.front().col, last_col = cells.front().col;
    for (const auto& c : cells) {
        first_col = std::min(first_col, c.col);
        last_col = std::max(last_col, c.col);
    }
    // Every row as wide as the widest: held to the cell and actor limits before allocating.
    std::uint64_t rows = 0;
    for (std::size_t k = 0; k < cells.size(); ++k)
        rows += k == 0 || cells[k].row != cells[k - 1].row;
    const std::uint64_t width = static_cast<std::uint64_t>(last_col - first_col) + 1;
    check_limit(rows, Limit::actors, SourcePos{grid.path, 0, 0},
                "the matrix's " + std::to_string(rows) + " rows");
    check_limit(
        rows * width, Limit::attribute_cells, SourcePos{grid.path, 0, 0},
        "the matrix's " + std::to_string(rows) + " rows x " + std::to_string(width) + " columns");
    ss::row_t row = cells.front().row;
    std::size_t i = 0;
    while (i < cells.size()) {
        row = cells[i].row;
        std::vector<GridCell> out;
        for (ss::col_t c = first_col; c <= last_col; ++c)
            out.push_back(GridCell{"", static_cast<std::uint32_t>(row + 1),
                                   static_cast<std::uint32_t>(c + 1)});
        for (; i < cells.size() && cells[i].row == row; ++i)
            out[static_cast<std::size_t>(cells[i].col - first_col)].text = cells[i].text;
        grid.rows.push_back(std::move(out));
    }
    return grid;
}

RawTable sheet_table(const std::string& path, const Sheet& s, const std::vector<Cell>& cells) {
    RawTable table;
    table.path = sheet_path(path, s);
    auto pos = [&](ss::row_t row, ss::col_t col) {
        return SourcePos{table.path, static_cast<std::uint32_t>(row + 1),
                         static_cast<std::uint32_t>(col + 1)};
    };
    if (cells.empty())
        throw InputError(SourcePos{table.path, 0, 0},
                         "the sheet is empty; a table needs a header row (column names) and a "
                         "row per record");
    // Header: the first row with a value.
    const auto header_row = cells.front().row;
    std::size_t i = 0;
    std::map<ss::col_t, std::string> names;
    for (; i < cells.size() && cells[i].row == header_row; ++i) {
        auto name = trim(cells[i].text);
        if (!name.empty()) names.emplace(cells[i].col, std::move(name));
    }
    if (names.empty())  // only blanks in the header row
        throw InputError(pos(header_row, cells.front().col),
                         "the header row holds only spaces; give every column a name");
    const auto first = names.begin()->first, last = names.rbegin()->first;
    std::set<std::string> seen;
    std::vector<std::size_t> index;  // table column of sheet column first + k
    for (auto c = first; c <= last; ++c) {
        const auto it = names.find(c);
        if (it == names.end())
            throw InputError(pos(header_row, c), "empty column name in the header row (cell " +
                                                     a1(header_row, c) +
                                                     "); give every column a name");
        if (!seen.insert(ascii_lower(it->second)).second)
            throw InputError(pos(header_row, c), "column '" + it->second +
                                                     "' appears twice in the header row; "
                                                     "rename or remove one of them");
        index.push_back(table.column(it->second));
    }
    ss::row_t row = header_row;
    std::size_t raw_row = 0;
    for (; i < cells.size(); ++i) {
        const auto& c = cells[i];
        if (c.col < first || c.col > last)
            throw InputError(pos(c.row, c.col),
                             "cell " + a1(c.row, c.col) + " holds '" + c.text +
                                 "' but its column has no name in the header row (row " +
                                 std::to_string(header_row + 1) +
                                 "); name the column or clear the cell");
        if (c.row != row) {
            row = c.row;
            raw_row = table.add_row(static_cast<std::uint32_t>(row + 1));
            for (std::size_t k = 0; k < index.size(); ++k)  // empty cells keep their column too
                table.set(index[k], raw_row, std::string(),
                          static_cast<std::uint32_t>(first + static_cast<ss::col_t>(k) + 1));
        }
        table.set(index[static_cast<std::size_t>(c.col - first)], raw_row, c.text,
                  static_cast<std::uint32_t>(c.col + 1));
    }
    return table;
}

bool has_cells(const Sheet& s) { return !s.recs.empty(); }

std::string list_sheets(const Book& book) {
    std::string out;
    for (const auto& s : book.sheets) out += (out.empty() ? "'" : ", '") + s->name() + "'";
    return out.empty() ? "(none)" : out;
}

bool names_edges(const std::string& name) {
    const auto n = ascii_lower(name);
    return n.find("edge") != std::string::npos || n.find("tie") != std::string::npos;
}
bool names_nodes(const std::string& name) {
    const auto n = ascii_lower(name);
    return !names_edges(name) &&
           (n.find("node") != std::string::npos || n.find("actor") != std::string::npos);
}

/// The sheet called `name` (exactly, else ignoring case); InputError listing the sheets if none.
Sheet& sheet_named(const std::string& path, Book& book, const std::string& name,
                   const char* option) {
    for (auto& s : book.sheets)
        if (s->name() == name) return *s;
    for (auto& s : book.sheets)
        if (ascii_lower(s->name()) == ascii_lower(name)) return *s;
    throw InputError(SourcePos{path, 0, 0}, "no sheet named '" + name + "' (" + option +
                                                "); the workbook has sheets " + list_sheets(book));
}

/// The sheets of `book` whose names say `edges` (true) or nodes (false), with cells.
std::vector<Sheet*> sheets_by_name(Book& book, bool edges) {
    std::vector<Sheet*> out;
    for (auto& s : book.sheets)
        if (has_cells(*s) && (edges ? names_edges(s->name()) : names_nodes(s->name())))
            out.push_back(s.get());
    return out;
}

std::vector<Sheet*> sheets_with_cells(Book& book) {
    std::vector<Sheet*> out;
    for (auto& s : book.sheets)
        if (has_cells(*s)) out.push_back(s.get());
    return out;
}

void warn_ignored(const std::string& path, const Book& book, const Sheet* edges, const Sheet* nodes,
                  std::vector<Warning>& warnings) {
    std::string ignored;
    for (const auto& s : book.sheets)
        if (s.get() != edges && s.get() != nodes && has_cells(*s))
            ignored += (ignored.empty() ? "'" : ", '") + s->name() + "'";
    if (ignored.empty()) return;
    std::string read;
    if (edges) read = "'" + edges->name() + "' as the tie table";
    if (nodes) read += (read.empty() ? "'" : " and '") + nodes->name() + "' as the actor table";
    warnings.push_back(
        Warning{SourcePos{path, 0, 0}, "read sheet " + read + "; ignored sheets " + ignored +
                                           " (name the sheets with --nodes-sheet/--edges-sheet)"});
}

/// The one table sheet of a workbook given as one file of a pair.
Sheet& single_table(const std::string& path, Book& book, const std::string& named, bool edges,
                    std::vector<Warning>& warnings) {
    const char* option = edges ? "--edges-sheet" : "--nodes-sheet";
    Sheet* chosen = nullptr;
    if (!named.empty()) {
        chosen = &sheet_named(path, book, named, option);
    } else {
        auto all = sheets_with_cells(book);
        if (all.size() == 1) {
            chosen = all.front();
        } else {
            auto by_name = sheets_by_name(book, edges);
            if (by_name.size() != 1)
                throw InputError(
                    SourcePos{path, 0, 0},
                    std::string("cannot tell which sheet holds the ") + (edges ? "tie" : "actor") +
                        " table: " +
                        (all.empty() ? std::string("every sheet is empty")
                                     : std::to_string(all.size()) + " sheets with data (" +
                                           list_sheets(book) + ")") +
                        "; give the sheet with " + option + " NAME or name it '" +
                        (edges ? "edges" : "nodes") + "'");
            chosen = by_name.front();
        }
    }
    warn_ignored(path, book, edges ? chosen : nullptr, edges ? nullptr : chosen, warnings);
    return *chosen;
}

}  // namespace

/// The sheet's cells read once (reading them consumes the .ods cell comments they match).
RawTable sheet_table(const std::string& path, Book& book, Sheet& s) {
    return sheet_table(path, s, sheet_cells(path, book, s));
}

RawNetwork read_workbook(const std::string& path, const WorkbookOptions& options) {
    return read_workbook(Source::file(path), options);
}

RawNetwork read_workbook(const Source& source, const WorkbookOptions& options) {
    const std::string& path = source.name;
    RawNetwork raw;
    auto book = load_book(source, raw.warnings);
    raw.format = book->ods ? "ods" : "xlsx";
    raw.sources.push_back(path);

    Sheet* edges = nullptr;
    Sheet* nodes = nullptr;
    const auto all = sheets_with_cells(*book);
    if (!options.edges_sheet.empty()) {
        edges = &sheet_named(path, *book, options.edges_sheet, "--edges-sheet");
    } else if (all.size() == 1 && !names_nodes(all.front()->name())) {
        edges = all.front();  // one sheet: an edge table, actors from the ties
    } else {
        const auto by_name = sheets_by_name(*book, true);
        if (by_name.size() != 1)
            throw InputError(
                SourcePos{path, 0, 0},
                (all.empty()       ? std::string("every sheet is empty")
                 : by_name.empty() ? "no sheet whose name contains 'edge' or 'tie'"
                                   : std::to_string(by_name.size()) +
                                         " sheets whose names contain 'edge' or 'tie'") +
                    "; the workbook has sheets " + list_sheets(*book) +
                    "; name the tie sheet 'edges' (and the actor sheet 'nodes'), or give "
                    "--edges-sheet NAME");
        edges = by_name.front();
    }
    if (!options.nodes_sheet.empty()) {
        nodes = &sheet_named(path, *book, options.nodes_sheet, "--nodes-sheet");
    } else {
        auto by_name = sheets_by_name(*book, false);
        by_name.erase(std::remove(by_name.begin(), by_name.end(), edges), by_name.end());
        if (by_name.size() > 1)
            throw InputError(SourcePos{path, 0, 0},
                             std::to_string(by_name.size()) +
                                 " sheets whose names contain 'node' or 'actor'; the workbook "
                                 "has sheets " +
                                 list_sheets(*book) + "; give --nodes-sheet NAME");
        if (!by_name.empty()) nodes = by_name.front();
    }
    if (nodes == edges)
        throw InputError(SourcePos{path, 0, 0}, "sheet '" + edges->name() +
                                                    "' cannot be both the actor and the tie "
                                                    "table; name two different sheets");
    warn_ignored(path, *book, edges, nodes, raw.warnings);
    if (!nodes) {
        // One tie sheet alone may be an adjacency matrix (labels in the first row and column),
        // the usual route from Excel into UCINET: read as the CSV matrix reader reads one.
        const auto cells = sheet_cells(path, *book, *edges);
        const auto grid = sheet_grid(path, *edges, cells);
        if (!looks_like_adjacency_matrix(grid)) {
            raw.ties = sheet_table(path, *edges, cells);
            return raw;
        }
        {
            std::vector<Warning> w;
            auto matrix = read_adjacency_matrix(grid, w);
            matrix.format = raw.format;
            matrix.sources = raw.sources;
            matrix.warnings = std::move(raw.warnings);
            matrix.warnings.push_back(Warning{
                SourcePos{grid.path, 1, 1},
                "read as an adjacency matrix: the first row and the first column hold the same " +
                    std::to_string(matrix.actors.rows()) +
                    " labels in the same order, and the other cells are empty or numbers"});
            for (auto& x : w) matrix.warnings.push_back(std::move(x));
            return matrix;
        }
    }
    if (nodes) {
        raw.actors = sheet_table(path, *book, *nodes);
        raw.actors_authoritative = true;
    }
    raw.ties = sheet_table(path, *book, *edges);
    return raw;
}

RawNetwork read_workbook_pair(const std::string& nodes_path, const std::string& edges_path,
                              const WorkbookOptions& options) {
    RawNetwork raw;
    if (!nodes_path.empty()) {
        auto book = load_book(Source::file(nodes_path), raw.warnings);
        raw.format = book->ods ? "ods" : "xlsx";
        auto& sheet = single_table(nodes_path, *book, options.nodes_sheet, false, raw.warnings);
        raw.actors = sheet_table(nodes_path, *book, sheet);
        raw.actors_authoritative = true;
        raw.sources.push_back(nodes_path);
    }
    auto book = load_book(Source::file(edges_path), raw.warnings);
    if (raw.format.empty()) raw.format = book->ods ? "ods" : "xlsx";
    auto& sheet = single_table(edges_path, *book, options.edges_sheet, true, raw.warnings);
    raw.ties = sheet_table(edges_path, *book, sheet);
    raw.sources.push_back(edges_path);
    return raw;
}

}  // namespace clusterlens
