// Adjacency matrices from spreadsheets: the actors' labels in the first row and the first
// column, in the same order, and tie values in the cells (the usual route from Excel into UCINET;
// Gephi's spreadsheet importer reads the same layout). The reader works on a grid of text cells
// with positions, so a CSV file and, later, a workbook sheet share it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "graphs/raw.hpp"
#include "graphs/source.hpp"

namespace clusterlens {

struct GridCell {
    std::string text;
    std::uint32_t line = 0, column = 0;  ///< 1-based; 0 = unknown
};

struct CellGrid {
    std::string path;
    std::vector<std::vector<GridCell>> rows;  ///< rows as read, blank lines left out
    /// Cells may write numbers with a decimal comma ("2,5"): true for ';'- or tab-separated
    /// text, where a ',' cannot separate cells.
    bool comma_decimals = false;
};

/// Every record of a CSV file (delimiter detected as for tables, see csv.hpp) as a grid, with
/// LineReader's warnings (encoding) appended to `warnings`.
CellGrid read_csv_grid(const std::string& path, std::vector<Warning>& warnings);
CellGrid read_csv_grid(const Source& source, std::vector<Warning>& warnings);

/// A cheap first look at a CSV file (its first two records): false when it cannot be an
/// adjacency matrix, i.e. when the second record's first cell is not the header's second cell.
/// Lets an edge table skip the full check.
bool csv_may_be_matrix(const std::string& path);
bool csv_may_be_matrix(const Source& source);

/// True when the grid is unmistakably an adjacency matrix (the conditions are strict so an edge
/// or actor table is never taken for one):
/// - the first row holds n >= 2 labels after its first cell (the corner, empty or any word),
///   non-empty and distinct after trimming spaces; cells after them are empty;
/// - exactly n further rows that are not entirely empty, the i-th starting with the i-th label
///   (after trimming), with nothing but empty cells after its n values;
/// - every value cell is empty or a finite number (with a decimal comma when comma_decimals).
bool looks_like_adjacency_matrix(const CellGrid& grid);

/// Reads an adjacency matrix (layout above; n >= 1 here). Actors are the labels, in order (ids
/// and labels alike; the actor list is authoritative). A cell that is empty or 0 is no tie; a
/// positive number is a tie of that weight from the row's actor to the column's actor; a cell on
/// the diagonal is a self-loop (assembly drops it and says so). A symmetric matrix (every cell
/// equal to its mirror) is read as undirected with one tie per pair (the upper triangle);
/// otherwise as directed, with a warning naming the first asymmetric pair. A ',' decimal point is
/// read as '.' when comma_decimals (warning at the first). InputError at the cell for: a header
/// with no labels, an empty or repeated label, a row count different from the label count, a
/// row label differing from its column label, a value in a cell beyond the matrix, a cell that
/// is not a number, a negative, infinite or NaN value (signed networks are not read from a
/// matrix).
RawNetwork read_adjacency_matrix(const CellGrid& grid, std::vector<Warning>& warnings);

}  // namespace clusterlens
