// What readers produce: tables of text cells with the position of every cell, before any
// interpretation. One assembly step (assemble.hpp) turns them into a Network, so the policies
// (weights, unknown actors, duplicates, loops, parallel ties, mapping) are the same for every
// format and every error can name file:line:col.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
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

class RawTable {
public:
    std::string path;  ///< file the rows came from (positions may override per cell)

    std::size_t rows() const noexcept { return lines_.size(); }
    std::size_t column_count() const noexcept { return names_.size(); }
    const std::vector<std::string>& names() const noexcept { return names_; }
    /// Index of a column by exact name, or by case-insensitive name if no exact match; -1 if none.
    int find(const std::string& name) const;
    /// Returns the index of `name`, adding an empty column if it does not exist.
    std::size_t column(const std::string& name);
    /// Gives column `column` a new name (the caller keeps names unique).
    void rename(std::size_t column, std::string name) { names_[column] = std::move(name); }

    /// Starts a new row read at `line` (1-based); returns its index.
    std::size_t add_row(std::uint32_t line);
    void set(std::size_t column, std::size_t row, std::string value, std::uint32_t col_pos = 0);

    const std::string& cell(std::size_t column, std::size_t row) const {
        return cells_[column][row];
    }
    std::string& cell(std::size_t column, std::size_t row) { return cells_[column][row]; }
    std::uint32_t line(std::size_t row) const { return lines_[row]; }
    std::uint32_t col_pos(std::size_t column, std::size_t row) const {
        return colpos_[column][row];
    }
    SourcePos pos(std::size_t row, int column = -1) const;
    void reserve(std::size_t rows);

private:
    // Columns grow one row at a time while a file is read; deques do so without moving the
    // cells already read (vectors of 800k strings reallocated and copied took a third of the
    // time of loading the whole CORDIS network).
    std::vector<std::string> names_;
    std::vector<std::deque<std::string>> cells_;
    std::vector<std::deque<std::uint32_t>> colpos_;
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
