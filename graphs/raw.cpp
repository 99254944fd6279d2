#include "graphs/raw.hpp"

#include <algorithm>
#include <limits>

#include "graphs/limits.hpp"
#include "graphs/text_input.hpp"

namespace clusterlens {

namespace {
const std::string kEmpty;

/// The first cell of `cells` at or after `row`.
template <typename Cells>
auto at_or_after(Cells& cells, std::size_t row) {
    return std::lower_bound(cells.begin(), cells.end(), row,
                            [](const auto& c, std::size_t r) { return c.row < r; });
}
}  // namespace

int RawTable::find(const std::string& name) const {
    if (const auto it = exact_.find(name); it != exact_.end()) return static_cast<int>(it->second);
    if (const auto it = lower_.find(ascii_lower(name)); it != lower_.end())
        return static_cast<int>(it->second);
    return -1;
}

std::size_t RawTable::column(const std::string& name) {
    if (const auto it = exact_.find(name); it != exact_.end()) return it->second;
    const std::uint64_t n = names_.size() + 1;
    const SourcePos at{path, lines_.empty() ? 0 : lines_.back(), 0};
    check_limit(n, Limit::attribute_keys, at,
                "column '" + shown(name) + "' (key " + std::to_string(n) + " of this table)");
    check_limit(n * rows(), Limit::attribute_cells, at,
                "column '" + shown(name) + "' (" + std::to_string(rows()) + " rows x " +
                    std::to_string(n) + " columns = " + std::to_string(n * rows()) +
                    " cells of this table)");
    names_.push_back(name);
    columns_.emplace_back();
    exact_.emplace(name, names_.size() - 1);
    lower_.emplace(ascii_lower(name), names_.size() - 1);  // keeps the first of a lower name
    return names_.size() - 1;
}

void RawTable::index_names() {
    exact_.clear();
    lower_.clear();
    for (std::size_t i = 0; i < names_.size(); ++i) {
        exact_.emplace(names_[i], i);
        lower_.emplace(ascii_lower(names_[i]), i);
    }
}

void RawTable::rename(std::size_t column, std::string name) {
    names_[column] = std::move(name);
    index_names();
}

std::size_t RawTable::add_row(std::uint32_t line) {
    const std::uint64_t n = rows() + 1;
    if (n > std::numeric_limits<std::uint32_t>::max())
        throw InputError(SourcePos{path, line, 0},
                         "more than 4294967295 rows in one table; split the input");
    if (n * names_.size() > input_limits().attribute_cells)
        throw limit_error(SourcePos{path, line, 0},
                          "row " + std::to_string(n) + " (" + std::to_string(n) + " rows x " +
                              std::to_string(names_.size()) + " columns = " +
                              std::to_string(n * names_.size()) + " cells of this table)",
                          Limit::attribute_cells);
    lines_.push_back(line);
    return lines_.size() - 1;
}

const RawTable::Cell* RawTable::find_cell(std::size_t column, std::size_t row) const {
    const Column& cells = columns_[column];
    // A column given on every row so far holds row r at index r.
    if (row < cells.size() && cells[row].row == row) return &cells[row];
    const auto it = at_or_after(cells, row);
    return it != cells.end() && it->row == row ? &*it : nullptr;
}

void RawTable::set(std::size_t column, std::size_t row, std::string value, std::uint32_t col_pos) {
    Column& cells = columns_[column];
    const auto r = static_cast<std::uint32_t>(row);
    if (cells.empty() || cells.back().row < r) {
        if (value.empty() && col_pos == 0) return;
        cells.push_back(Cell{std::move(value), r, col_pos});
        return;
    }
    const auto it = at_or_after(cells, row);
    if (it != cells.end() && it->row == r) {
        it->text = std::move(value);
        it->col_pos = col_pos;
    } else if (!value.empty() || col_pos != 0) {
        cells.insert(it, Cell{std::move(value), r, col_pos});
    }
}

const std::string& RawTable::cell(std::size_t column, std::size_t row) const {
    const Cell* c = find_cell(column, row);
    return c != nullptr ? c->text : kEmpty;
}

std::string& RawTable::cell(std::size_t column, std::size_t row) {
    if (const Cell* c = find_cell(column, row)) return const_cast<Cell*>(c)->text;
    Column& cells = columns_[column];
    const auto r = static_cast<std::uint32_t>(row);
    return cells.insert(at_or_after(cells, row), Cell{std::string(), r, 0})->text;
}

std::uint32_t RawTable::col_pos(std::size_t column, std::size_t row) const {
    const Cell* c = find_cell(column, row);
    return c != nullptr ? c->col_pos : 0;
}

SourcePos RawTable::pos(std::size_t row, int column) const {
    SourcePos p{path, lines_[row], 0};
    if (column >= 0) p.column = col_pos(static_cast<std::size_t>(column), row);
    return p;
}

void RawTable::reserve(std::size_t) {}

std::size_t RawTable::cells_stored() const noexcept {
    std::size_t n = 0;
    for (const auto& c : columns_) n += c.size();
    return n;
}

RawNetwork RawNetwork::for_file(const std::string& path, std::string format) {
    RawNetwork net;
    net.format = std::move(format);
    net.sources = {path};
    net.actors_authoritative = true;
    net.actors.path = path;
    net.ties.path = path;
    net.actors.column(col::id);
    net.ties.column(col::source);
    net.ties.column(col::target);
    return net;
}

}  // namespace clusterlens
