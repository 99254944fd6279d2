// Workbook reader (.xlsx, .ods through liborcus 0.17). The workbooks under
// tests/data/workbooks are written by make_workbooks.py there (by hand-written XML, checked
// with an independent zipfile + ElementTree read-back when they are made); every expected cell
// below is read off that script's tables (TOY_NODES, TOY_EDGES, DATES, ...) by eye, and the
// CORDIS workbooks are compared with the CSV files they were made from.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "graphs/load.hpp"
#include "graphs/read_workbook.hpp"
#include "reader_test_helpers.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using testing::cell;
using testing::column;
using testing::data;
using testing::error_of;
using V = std::vector<std::string>;

std::string book(const std::string& name) { return data("workbooks/" + name); }

TEST(ReadWorkbook, XlsxNodesAndEdgesSheetsWithEveryCellKind) {
    const auto path = book("toy.xlsx");
    const RawNetwork net = read_workbook(path, {});
    EXPECT_EQ(net.format, "xlsx");
    EXPECT_EQ(net.sources, V{path});
    EXPECT_TRUE(net.actors_authoritative);
    ASSERT_EQ(net.warnings.size(), 1u);  // the 'notes' sheet is not read, and we say so
    EXPECT_EQ(net.warnings[0].format(),
              path +
                  ": warning: read sheet 'edges' as the tie table and 'nodes' as the actor "
                  "table; ignored sheets 'notes' (name the sheets with "
                  "--nodes-sheet/--edges-sheet)");

    // Header row 1 of sheet 'nodes'; column J has no name and only a styled empty cell, and
    // the styled empty row 8 is not a record.
    EXPECT_EQ(net.actors.path, path + "[nodes]");
    EXPECT_EQ(net.actors.names(),
              (V{"Id", "Label", "part", "type", "locality", "focal", "founded", "score", "size"}));
    ASSERT_EQ(net.actors.rows(), 5u);
    EXPECT_EQ(column(net.actors, "Id"), (V{"f1", "f2", "u", "g1", "g2"}));
    EXPECT_EQ(column(net.actors, "focal"), (V{"true", "false", "false", "false", "false"}));
    // Serial 44256 with built-in format 14 and 44256.5 with "yyyy-mm-dd hh:mm": Python's
    // datetime(1899, 12, 30) + timedelta(days=44256) is 2021-03-01.
    EXPECT_EQ(column(net.actors, "founded"), (V{"2021-03-01", "2021-03-01T12:00:00", "", "", ""}));
    // Formulas I2*2 and I3*2: their cached results 5 and 0.2.
    EXPECT_EQ(column(net.actors, "score"), (V{"5", "0.2", "", "", ""}));
    // Numbers: shortest text that reads back to the same double; integers without ".0".
    EXPECT_EQ(column(net.actors, "size"), (V{"2.5", "0.1", "1e-07", "12345678901234568", "-3"}));
    // Rows and columns are the sheet's: u is in row 4, its 'size' in column I (9).
    EXPECT_EQ(net.actors.line(2), 4u);
    EXPECT_EQ(net.actors.pos(2, net.actors.find("size")).column, 9u);
    EXPECT_EQ(net.actors.pos(2, net.actors.find("score")).column, 8u);  // empty cells too

    EXPECT_EQ(net.ties.path, path + "[edges]");
    EXPECT_EQ(net.ties.names(), (V{"Source", "Target", "Weight", "kind"}));
    EXPECT_EQ(column(net.ties, "Source"), (V{"f1", "f1", "f2", "u"}));
    EXPECT_EQ(column(net.ties, "Target"), (V{"f2", "u", "g1", "g2"}));
    EXPECT_EQ(column(net.ties, "Weight"), (V{"2", "1", "3", "1"}));  // D5: formula 0.5+0.5
    EXPECT_EQ(column(net.ties, "kind"), (V{"strong", "weak", "strong", "weak"}));  // D2: text
}

TEST(ReadWorkbook, OdsSheetsFoundByActorAndTieNames) {
    const auto path = book("toy.ods");
    const RawNetwork net = read_workbook(path, {});
    EXPECT_EQ(net.format, "ods");
    EXPECT_TRUE(net.warnings.empty());
    EXPECT_EQ(net.actors.path, path + "[Actors]");
    EXPECT_EQ(net.ties.path, path + "[Ties]");
    EXPECT_EQ(net.actors.names(),
              (V{"Id", "Label", "part", "type", "locality", "founded", "score", "size"}));
    EXPECT_EQ(column(net.actors, "founded"), (V{"2021-03-01", "2021-03-01T12:00:00", "", "", ""}));
    EXPECT_EQ(column(net.actors, "score"), (V{"5", "0.2", "", "", ""}));
    EXPECT_EQ(column(net.actors, "size"), (V{"2.5", "0.1", "1e-07", "12345678901234568", "-3"}));
    EXPECT_EQ(column(net.ties, "Weight"), (V{"2", "1", "3", "1"}));
    EXPECT_EQ(net.ties.line(3), 5u);
    // LibreOffice-style padding (1024 columns, 1048000 repeated empty rows) adds nothing.
    EXPECT_EQ(net.ties.rows(), 4u);
}

TEST(ReadWorkbook, SheetsNamedByOptions) {
    WorkbookOptions o;
    o.nodes_sheet = "SHEET1";  // case-insensitive when no sheet has the exact name
    o.edges_sheet = "Sheet2";
    const RawNetwork net = read_workbook(book("bad_sheets.xlsx"), o);
    EXPECT_EQ(net.actors.rows(), 5u);
    EXPECT_EQ(column(net.ties, "Target"), (V{"f2", "u", "g1", "g2"}));
}

TEST(ReadWorkbook, SheetNotFoundListsTheSheets) {
    WorkbookOptions o;
    o.edges_sheet = "links";
    EXPECT_EQ(error_of([&] { read_workbook(book("toy.xlsx"), o); }),
              book("toy.xlsx") +
                  ": error: no sheet named 'links' (--edges-sheet); the workbook has sheets "
                  "'nodes', 'edges', 'notes'");
    EXPECT_EQ(error_of([] { read_workbook(book("bad_sheets.xlsx"), {}); }),
              book("bad_sheets.xlsx") +
                  ": error: no sheet whose name contains 'edge' or 'tie'; the workbook has "
                  "sheets 'Sheet1', 'Sheet2'; name the tie sheet 'edges' (and the actor sheet "
                  "'nodes'), or give --edges-sheet NAME");
}

TEST(ReadWorkbook, SingleSheetIsAnEdgeTable) {
    const RawNetwork net = read_workbook(book("edges_only.xlsx"), {});
    EXPECT_FALSE(net.actors_authoritative);
    EXPECT_EQ(net.actors.rows(), 0u);
    EXPECT_EQ(column(net.ties, "Source"), (V{"f1", "f1", "f2", "u"}));
}

TEST(ReadWorkbook, PairOfSingleSheetWorkbooks) {
    const RawNetwork net = read_workbook_pair(book("pair_nodes.xlsx"), book("pair_edges.xlsx"), {});
    EXPECT_EQ(net.sources, (V{book("pair_nodes.xlsx"), book("pair_edges.xlsx")}));
    EXPECT_TRUE(net.actors_authoritative);
    EXPECT_EQ(net.actors.path, book("pair_nodes.xlsx") + "[Sheet1]");
    EXPECT_EQ(column(net.actors, "Id"), (V{"f1", "f2", "u", "g1", "g2"}));
    EXPECT_EQ(column(net.ties, "Weight"), (V{"2", "1", "3", "1"}));

    // Through the loader, in either order (the names say which is which).
    LoadOptions lo;
    const auto files = resolve_inputs({book("pair_edges.xlsx"), book("pair_nodes.xlsx")}, lo);
    EXPECT_EQ(files.format, InputFormat::xlsx);
    EXPECT_EQ(files.nodes, book("pair_nodes.xlsx"));
    EXPECT_EQ(files.main, book("pair_edges.xlsx"));
    const auto loaded = load_network({book("pair_edges.xlsx"), book("pair_nodes.xlsx")}, lo);
    EXPECT_EQ(loaded.actor_count(), 5u);
    EXPECT_EQ(loaded.tie_count(), 4u);
}

TEST(ReadWorkbook, Dates) {
    const RawNetwork net = read_workbook(book("dates.xlsx"), {});
    // Expected from Python: datetime(1899, 12, 30) + timedelta(days=serial); Excel shows serial
    // 59 as 1900-02-28 (its calendar has a 29 February 1900, so days before it are one later).
    EXPECT_EQ(column(net.ties, "value"),
              (V{"2021-03-01", "2021-03-01T18:00:00", "12:00:00", "1.5", "7", "1900-02-28"}));
    // 1904 system (workbookPr date1904): serial 0 is 1904-01-01.
    EXPECT_EQ(column(read_workbook(book("dates1904.xlsx"), {}).ties, "value"), V{"1904-01-01"});
}

TEST(ReadWorkbook, TableShapeErrors) {
    EXPECT_EQ(error_of([] { read_workbook(book("bad_header_gap.xlsx"), {}); }),
              book("bad_header_gap.xlsx") +
                  "[edges]:1:2: error: empty column name in the header row (cell B1); give "
                  "every column a name");
    EXPECT_EQ(error_of([] { read_workbook(book("bad_duplicate.xlsx"), {}); }),
              book("bad_duplicate.xlsx") +
                  "[edges]:1:3: error: column 'source' appears twice in the header row; rename "
                  "or remove one of them");
    EXPECT_EQ(error_of([] { read_workbook(book("bad_outside.xlsx"), {}); }),
              book("bad_outside.xlsx") +
                  "[edges]:3:4: error: cell D3 holds 'x' but its column has no name in the "
                  "header row (row 1); name the column or clear the cell");
}

const char* const kFormulaHint =
    " holds a formula whose saved result cannot be read (an error such as #N/A, a true/false "
    "result, a text result in .ods, or a file saved without computed values); replace the "
    "formula by its value (copy, then paste special: values only) or open and save the "
    "workbook in a spreadsheet program";

TEST(ReadWorkbook, FormulaWithoutReadableResultIsAnError) {
    // No saved value at all: liborcus would read 0, so the whole workbook is refused.
    EXPECT_EQ(error_of([] { read_workbook(book("bad_formula.xlsx"), {}); }),
              book("bad_formula.xlsx") +
                  ": error: xl/worksheets/sheet1.xml (cell C2) holds a formula saved without its "
                  "computed value, which liborcus 0.17 would read as 0 (files written by "
                  "programs that do not calculate, such as openpyxl); open the workbook in Excel "
                  "or LibreOffice and save it again, or export the sheets as CSV");
    EXPECT_EQ(error_of([] { read_workbook(book("bad_formula_bool.xlsx"), {}); }),
              book("bad_formula_bool.xlsx") + "[edges]:2:3: error: cell C2" + kFormulaHint);
    EXPECT_EQ(error_of([] { read_workbook(book("bad_text_formula.ods"), {}); }),
              book("bad_text_formula.ods") + "[edges]:2:3: error: cell C2" + kFormulaHint);
}

TEST(ReadWorkbook, OdsCellsLiborcusDropsAreErrors) {
    const std::string tail =
        " was not delivered by liborcus 0.17, which reads only number, text and date cells "
        "from .ods files (not true/false, percentage, currency or time cells, and only the "
        "last paragraph of a multi-line cell); format the cell as text or number, or save the "
        "workbook as .xlsx or CSV";
    // The boolean in C2 is the last cell of the sheet: its place is known as "after B2".
    EXPECT_EQ(error_of([] { read_workbook(book("bad_boolean.ods"), {}); }),
              book("bad_boolean.ods") + "[edges]:2:2: error: after cell B2, a cell showing " +
                  "'TRUE'" + tail);
    EXPECT_EQ(error_of([] { read_workbook(book("bad_two_lines.ods"), {}); }),
              book("bad_two_lines.ods") +
                  "[edges]:2:3: error: at or just before cell C2, a cell showing 'one'" + tail);
}

TEST(ReadWorkbook, OdsCellCommentsAreNotDroppedCells) {
    // C2 holds "checked" with the comment "asked by phone & mail" (make_workbooks.py): the
    // comment's paragraph reaches liborcus' string table but is no cell.
    const RawNetwork net = read_workbook(book("comment.ods"), {});
    EXPECT_EQ(column(net.ties, "note"), V{"checked"});
}

// Found with a workbook openpyxl wrote: a shared string without text read as the text of the
// shared string before it (liborcus 0.17 keeps the last <t> text across <si> entries and calls
// back only for non-empty text; graphs/workbook_strings.cpp). Each note is what the cell
// holds, by make_workbooks.py's EMPTY_STRINGS, where the comment gives the old reading.
TEST(ReadWorkbook, EmptySharedStringIsEmpty) {
    const auto path = book("empty_strings.xlsx");
    const RawNetwork net = read_workbook(path, {});
    EXPECT_TRUE(net.warnings.empty());
    EXPECT_EQ(column(net.ties, "source"), (V{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}));
    EXPECT_EQ(column(net.ties, "note"),
              (V{"x",     // plain text
                 "",      // <si><t xml:space="preserve"></t></si>, was "c"
                 "y",     // the entry after an empty one keeps its own text
                 "",      // rich text whose runs are empty, was "ee"
                 "pq",    // runs "p", "", "q", was "ppq"
                 " ",     // only a space (xml:space="preserve"): kept
                 "東京",  // text with a phonetic run (furigana), was its reading "トウキョウ"
                 "",      // <si><t/></si>, was "i"
                 "z",     //
                 ""}));   // <si></si>, was "k"
}

// .ods empty text cells (<text:p/>) read as empty, and the cells after them as their own text.
TEST(ReadWorkbook, OdsEmptyTextCellIsEmpty) {
    const RawNetwork net = read_workbook(book("empty_strings.ods"), {});
    EXPECT_TRUE(net.warnings.empty());
    EXPECT_EQ(column(net.ties, "source"), (V{"a", "b", "c", "d", "e", "g", "h", "i", "j"}));
    EXPECT_EQ(column(net.ties, "note"), (V{"x", "", "y", "", "pq", "東京", "", "z", ""}));
}

// The workbook's relationship names its shared strings from the package root
// ("/xl/sharedStrings.xml"), which liborcus 0.17 does not follow ("cell A1 refers to text
// that is missing"): read by us, cell C2 is the empty string and C3 "x".
TEST(ReadWorkbook, SharedStringsPartNamedFromThePackageRoot) {
    const RawNetwork net = read_workbook(book("strings_root_target.xlsx"), {});
    EXPECT_EQ(column(net.ties, "source"), (V{"a", "b"}));
    EXPECT_EQ(column(net.ties, "note"), (V{"", "x"}));
}

// Shared strings we cannot read, or not as the ones liborcus read, are never guessed at.
TEST(ReadWorkbook, SharedStringsThatCannotBeMatchedAreErrors) {
    const std::string damaged =
        "; the file is damaged or incomplete (truncated download or copy?): open it in a "
        "spreadsheet program and save it again as .xlsx or .ods";
    // Two shared-string parts (xl/sharedStrings.xml with Source, Target, a, b; a second with
    // q): liborcus reads both, 4 + 1 entries.
    EXPECT_EQ(error_of([] { read_workbook(book("bad_two_string_parts.xlsx"), {}); }),
              book("bad_two_string_parts.xlsx") +
                  ": error: the workbook's shared strings were read as 4 entries from "
                  "'xl/sharedStrings.xml' but liborcus read 5; the cells' text cannot be "
                  "matched to them safely" +
                  damaged);
    // "caf" then the Latin-1 byte E9 then "</t>" (3C 2F 74): liborcus passed the byte on.
    // Every XML part is checked to be UTF-8 before liborcus reads it (where libxml2 put it
    // too: line 2, column 253, bytes E9 3C 2F 74).
    EXPECT_EQ(error_of([] { read_workbook(book("bad_strings_utf8.xlsx"), {}); }),
              book("bad_strings_utf8.xlsx") +
                  ": error: the workbook is damaged: its part xl/sharedStrings.xml is not UTF-8 "
                  "at line 2, column 253 (bytes E9 3C 2F 74), which its XML must be; open and "
                  "save it again in the spreadsheet program, or export the sheets as CSV");
}

TEST(ReadWorkbook, BrokenFilesGiveClearErrors) {
    const std::string damaged =
        "; the file is damaged or incomplete (truncated download or copy?): open it in a "
        "spreadsheet program and save it again as .xlsx or .ods";
    EXPECT_EQ(error_of([] { read_workbook(book("bad_truncated.xlsx"), {}); }),
              book("bad_truncated.xlsx") + ": error: cannot read the zip archive" + damaged);
    EXPECT_EQ(error_of([] { read_workbook(book("bad_ole2.xlsx"), {}); }),
              book("bad_ole2.xlsx") +
                  ": error: this is an OLE2 compound file, not an .xlsx/.ods (zip) workbook: a "
                  "password-protected (encrypted) workbook or an Excel 97-2003 .xls; remove the "
                  "password or save it as .xlsx or .ods (or export the sheets as CSV)");
    EXPECT_EQ(error_of([] { read_workbook(book("bad_inline.xlsx"), {}); }),
              book("bad_inline.xlsx") +
                  ": error: xl/worksheets/sheet1.xml (cell A1) holds inline-string cells, which "
                  "liborcus 0.17 cannot read; open the workbook in Excel or LibreOffice and "
                  "save it again (they store text as shared strings), or export the sheets as "
                  "CSV");
    // An empty inline string is refused like any other, not read as some other text.
    EXPECT_EQ(error_of([] { read_workbook(book("bad_inline_empty.xlsx"), {}); }),
              book("bad_inline_empty.xlsx") +
                  ": error: xl/worksheets/sheet1.xml (cell C2) holds inline-string cells, which "
                  "liborcus 0.17 cannot read; open the workbook in Excel or LibreOffice and "
                  "save it again (they store text as shared strings), or export the sheets as "
                  "CSV");
    // A CSV file given as a workbook.
    EXPECT_EQ(error_of([] { read_workbook(data("render/toy/nodes.csv"), {}); }),
              data("render/toy/nodes.csv") +
                  ": error: not an .xlsx or .ods workbook (not a zip archive); if it is a CSV or "
                  "another text format, give it that extension or use --format");
}

/// The same network from the CSV pair and from a workbook: actors with their ids, labels,
/// types, localities and attributes; ties with their ends, weights and relations.
void expect_same_network(const Network& a, const Network& b) {
    ASSERT_EQ(a.actor_count(), b.actor_count());
    ASSERT_EQ(a.tie_count(), b.tie_count());
    EXPECT_EQ(a.directed(), b.directed());
    for (std::size_t i = 0; i < a.actor_count(); ++i) {
        EXPECT_EQ(a.actor(i).id, b.actor(i).id);
        EXPECT_EQ(a.actor(i).label, b.actor(i).label);
        EXPECT_EQ(a.actor(i).type, b.actor(i).type);
        EXPECT_EQ(a.actor(i).locality, b.actor(i).locality);
    }
    for (std::size_t t = 0; t < a.tie_count(); ++t) {
        EXPECT_EQ(a.source(t), b.source(t));
        EXPECT_EQ(a.target(t), b.target(t));
        EXPECT_EQ(a.weight(t), b.weight(t));
        EXPECT_EQ(a.relation(t), b.relation(t));
    }
    EXPECT_EQ(a.relations(), b.relations());
    const auto& ca = a.actor_attributes().columns();
    const auto& cb = b.actor_attributes().columns();
    ASSERT_EQ(ca.size(), cb.size());
    for (std::size_t c = 0; c < ca.size(); ++c) {
        EXPECT_EQ(ca[c].name, cb[c].name);
        EXPECT_EQ(ca[c].kind, cb[c].kind) << ca[c].name;
        for (std::size_t i = 0; i < ca[c].size(); ++i)
            EXPECT_EQ(ca[c].as_text(i), cb[c].as_text(i)) << ca[c].name;
    }
}

TEST(ReadWorkbook, SameNetworkAsTheCsvItWasMadeFrom) {
    // examples/cordis_ee_climate: 400 organisations, 6850 co-participation ties (CSV line
    // counts minus the header); the workbooks hold the same tables as sheets nodes/edges.
    LoadOptions o;
    o.mapping = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
    const auto csv = load_network({testing::example("cordis_ee_climate/data/nodes.csv"),
                                   testing::example("cordis_ee_climate/data/edges.csv")},
                                  o);
    EXPECT_EQ(csv.actor_count(), 400u);
    for (const char* name : {"cordis_ee_climate.xlsx", "cordis_ee_climate.ods"}) {
        SCOPED_TRACE(name);
        const auto wb = load_network({book(name)}, o);
        EXPECT_EQ(wb.report().format, std::string(name).substr(18));
        expect_same_network(csv, wb);
    }
}

TEST(ReadWorkbook, LoaderFormatsAndOptions) {
    EXPECT_EQ(format_from_extension("a/b.XLSX"), InputFormat::xlsx);
    EXPECT_EQ(format_from_extension("b.ods"), InputFormat::ods);
    EXPECT_EQ(parse_input_format("xlsx"), InputFormat::xlsx);
    EXPECT_EQ(parse_input_format("ODS"), InputFormat::ods);
    LoadOptions o;
    o.workbook.edges_sheet = "edges";
    try {
        resolve_inputs({data("render/toy/edges.csv")}, o);
        ADD_FAILURE() << "no UsageError";
    } catch (const UsageError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "--nodes-sheet and --edges-sheet name sheets of an .xlsx or .ods workbook; "
                  "the input here is not one");
    }
    try {
        resolve_inputs({book("pair_nodes.xlsx"), data("render/toy/edges.csv")}, LoadOptions{});
        ADD_FAILURE() << "no UsageError";
    } catch (const UsageError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "a nodes/edges pair is two CSV tables or two workbooks (.xlsx, .ods), not one "
                  "of each; export the workbook's sheet as CSV or put both tables in workbooks");
    }
    // The mapping's [files] name the sheets of a single workbook.
    LoadOptions m;
    m.mapping.nodes_file = "Sheet1";
    m.mapping.edges_file = "Sheet2";
    const auto net = load_network({book("bad_sheets.xlsx")}, m);
    EXPECT_EQ(net.actor_count(), 5u);
    EXPECT_EQ(net.tie_count(), 4u);
}

// A sheet holding an adjacency matrix (Gephi's matrix.csv typed into a workbook, see
// make_workbooks.py): labels A..E in the first row and column. By hand: the non-zero
// off-diagonal cells are A->B 1, A->D 2, B->A 1, D->B 3.5 (C->C and D->D are self-loops); not
// symmetric (A->D has no D->A), so 5 actors and 4 directed ties, as from the CSV.
TEST(ReadWorkbook, SheetHoldingAnAdjacencyMatrix) {
    for (const char* name : {"matrix.xlsx", "matrix.ods"}) {
        const auto path = book(name);
        const auto net = load_network({path}, {});
        EXPECT_EQ(net.actor_count(), 5u) << name;
        ASSERT_EQ(net.tie_count(), 4u) << name;
        EXPECT_TRUE(net.directed()) << name;
        double total = 0;
        for (std::size_t e = 0; e < net.tie_count(); ++e) total += net.weight(e);
        EXPECT_DOUBLE_EQ(total, 7.5) << name;
        std::string warnings;
        for (const auto& w : net.report().warnings) warnings += w.format() + "\n";
        EXPECT_NE(warnings.find(path + "[advice]:1:1: warning: read as an adjacency matrix: the "
                                       "first row and the first column hold the same 5 labels"),
                  std::string::npos)
            << warnings;
    }
}

}  // namespace
}  // namespace clusterlens
