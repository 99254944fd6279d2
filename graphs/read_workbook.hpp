// Spreadsheet workbooks (.xlsx, .ods) read with liborcus 0.17: a nodes sheet and an edges sheet
// in one workbook, or one sheet per workbook (a nodes/edges pair, like two CSV files).
//
// A sheet becomes a RawTable exactly as a CSV table does: the first non-empty row is the header
// (column names, trimmed), each later non-empty row a record. An empty column name between
// named columns is an error, and so is a repeated name (case-insensitive); columns without a
// name and without any value before or after the table are ignored; a value in a column without
// a name is an error. Empty rows are skipped.
//
// Positions. The table's path is `book.xlsx[sheet]`, a cell's line is its row number and its
// column the column number (A = 1), so messages read `book.xlsx[edges]:5:3: error: ...` for
// cell C5, in the house form path:line:col.
//
// Cell values as text:
//   number    shortest text that reads back to the same double ("3", "0.1", "1e-07")
//   boolean   "true" / "false"
//   text      as stored
//   date      ISO 8601: "2021-03-04", "2021-03-04T10:30:00", "10:30:00" for a time alone
//             (.ods date cells; .xlsx numbers whose number format shows a date or time)
//   formula   its cached result (the value the spreadsheet program saved with the file), by the
//             rules above; a formula without a cached result liborcus can read is an error
// Refused with a message: encrypted (password-protected) workbooks, old binary .xls, truncated
// or corrupt files; .ods cells liborcus 0.17 does not deliver (true/false, percentage,
// currency and time cells, formulas with text results) and .xlsx inline-string cells, so they
// are never read as empty; .xlsx shared strings that are not well-formed XML (not UTF-8, for
// instance) or not the entries liborcus found, so that no cell shows another cell's text.
#pragma once

#include <string>

#include "graphs/raw.hpp"
#include "graphs/source.hpp"

namespace clusterlens {

/// Which sheets hold the actor and tie tables. Empty names: found by name ('edge' or 'tie' for
/// ties, 'node' or 'actor' for actors, case-insensitive), or the only sheet of the workbook.
struct WorkbookOptions {
    std::string nodes_sheet;  ///< sheet with the actor table ("" = find by name)
    std::string edges_sheet;  ///< sheet with the tie table ("" = find by name)
};

/// One workbook holding the tie table and, optionally, the actor table (a workbook with a
/// single sheet is a tie table; actors come from the ties). Format from the extension (.ods is
/// OpenDocument, anything else is read as .xlsx).
RawNetwork read_workbook(const std::string& path, const WorkbookOptions& options);
/// The same from a Source: a file, or the workbook's bytes in memory (liborcus reads both).
RawNetwork read_workbook(const Source& source, const WorkbookOptions& options);

/// Two workbooks, one table each (`nodes_path` may be empty): the actor table from the first,
/// the tie table from the second. A workbook with several sheets uses the sheet named in the
/// options, or the one whose name says what it is.
RawNetwork read_workbook_pair(const std::string& nodes_path, const std::string& edges_path,
                              const WorkbookOptions& options);

}  // namespace clusterlens
