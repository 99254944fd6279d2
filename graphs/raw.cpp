#include "graphs/raw.hpp"

#include "graphs/text_input.hpp"

namespace clusterlens {

int RawTable::find(const std::string& name) const {
    for (std::size_t i = 0; i < names_.size(); ++i)
        if (names_[i] == name) return static_cast<int>(i);
    const auto lname = ascii_lower(name);
    for (std::size_t i = 0; i < names_.size(); ++i)
        if (ascii_lower(names_[i]) == lname) return static_cast<int>(i);
    return -1;
}

std::size_t RawTable::column(const std::string& name) {
    for (std::size_t i = 0; i < names_.size(); ++i)
        if (names_[i] == name) return i;
    names_.push_back(name);
    cells_.emplace_back(lines_.size());
    colpos_.emplace_back(lines_.size(), 0);
    return names_.size() - 1;
}

std::size_t RawTable::add_row(std::uint32_t line) {
    lines_.push_back(line);
    for (auto& c : cells_) c.emplace_back();
    for (auto& c : colpos_) c.push_back(0);
    return lines_.size() - 1;
}

void RawTable::set(std::size_t column, std::size_t row, std::string value, std::uint32_t col_pos) {
    cells_[column][row] = std::move(value);
    colpos_[column][row] = col_pos;
}

SourcePos RawTable::pos(std::size_t row, int column) const {
    SourcePos p{path, lines_[row], 0};
    if (column >= 0) p.column = colpos_[static_cast<std::size_t>(column)][row];
    return p;
}

void RawTable::reserve(std::size_t) {
    // Deques need no reservation; kept so that readers can say how many rows they expect.
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
