// What readers produce: tables of text cells with the position of every cell, before any
// interpretation. One assembly step (assemble.hpp) turns them into a Network, so the policies
// (weights, unknown actors, duplicates, loops, parallel ties, mapping) are the same for every
// format and every error can name file:line:col.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "graphs/error.hpp"

namespace clusterlens {

/// Canonical column names readers use for the parts of the model they know.
namespace col {
inline constexpr const char* id = "Id";
inline constexpr const char* label = "Label";
inline constexpr const char* source = "Source";
inline constexpr const char* target = "Target";
inline constexpr const char* weight = "Weight";
inline constexpr const char* type = "Type";  ///< tie direction: Directed | Undirected
inline constexpr const char* relation = "relation";
}  // namespace col

/// A table of text cells, each with the line of its row and its byte column. Storage is sparse:
/// a column holds the cells given, not one per row, so a file with many keys that each appear on
/// few rows costs memory per value present (a GraphML file with 5000 keys, one per node, took
/// 4.45 GB as a dense table). A cell never set reads as "" at column 0. Columns are found by
/// hash. The table's shape is held to the current input limits (limits.hpp): at most
/// attribute_keys columns and attribute_cells rows x columns, since assembly gives every row a
/// value for every column.
class RawTable {
public:
    std::string path;  ///< file the rows came from (positions may override per cell)

    std::size_t rows() const noexcept { return lines_.size(); }
    std::size_t column_count() const noexcept { return names_.size(); }
    const std::vector<std::string>& names() const noexcept { return names_; }
    /// Index of a column by exact name, or by case-insensitive name if no exact match (the
    /// first such column); -1 if none.
    int find(const std::string& name) const;
    /// Returns the index of `name`, adding an empty column if it does not exist. Throws
    /// InputError when a new column exceeds the attribute_keys or attribute_cells limit.
    std::size_t column(const std::string& name);
    /// Gives column `column` a new name (the caller keeps names unique).
    void rename(std::size_t column, std::string name);

    /// Starts a new row read at `line` (1-based); returns its index. Throws InputError when the
    /// row exceeds the attribute_cells limit.
    std::size_t add_row(std::uint32_t line);
    /// Sets a cell; an empty value at column 0 on a cell never set stores nothing.
    void set(std::size_t column, std::size_t row, std::string value, std::uint32_t col_pos = 0);

    const std::string& cell(std::size_t column, std::size_t row) const;
    /// The cell for writing; stores it (empty) if it was never set.
    std::string& cell(std::size_t column, std::size_t row);
    std::uint32_t line(std::size_t row) const { return lines_[row]; }
    std::uint32_t col_pos(std::size_t column, std::size_t row) const;
    SourcePos pos(std::size_t row, int column = -1) const;
    /// Kept so that readers can say how many rows they expect; the storage needs no
    /// reservation (and a count an input declares must not allocate before its rows are seen).
    void reserve(std::size_t rows);
    /// Cells stored over all columns (the memory the table takes grows with it).
    std::size_t cells_stored() const noexcept;

private:
    struct Cell {
        std::string text;
        std::uint32_t row;
        std::uint32_t col_pos;
    };
    // Cells of one column by increasing row. Columns grow one row at a time while a file is
    // read; deques do so without moving the cells already read (vectors of 800k strings
    // reallocated and copied took a third of the time of loading the whole CORDIS network).
    using Column = std::deque<Cell>;
    const Cell* find_cell(std::size_t column, std::size_t row) const;
    void index_names();

    std::vector<std::string> names_;
    std::unordered_map<std::string, std::size_t> exact_;  ///< name -> column
    std::unordered_map<std::string, std::size_t> lower_;  ///< lower-case name -> first column
    std::vector<Column> columns_;
    std::deque<std::uint32_t> lines_;
};

struct RawNetwork {
    std::string format;
    std::vector<std::string> sources;
    /// True when the actor table lists every actor (a tie to an actor not in it is an error
    /// unless the options allow creating it). False for edge-list-like inputs.
    bool actors_authoritative = false;
    RawTable actors;  ///< columns: Id, Label, then anything
    RawTable ties;    ///< columns: Source, Target, optional Weight, Type, relation, then anything
    /// The format's own notion of direction (Pajek *Arcs, GraphML edgedefault); nullopt: unknown.
    std::optional<bool> directed;
    std::vector<Warning> warnings;

    /// A network read from the one file `path` that lists its actors (GraphML, GEXF, GML): the
    /// format and source named, the actor table authoritative, both tables' messages naming
    /// `path`, and the id, source and target columns created.
    static RawNetwork for_file(const std::string& path, std::string format);
};

}  // namespace clusterlens
