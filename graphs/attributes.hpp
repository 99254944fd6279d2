// Named, typed attribute columns for actors or ties. Scores computed later are stored here too
// (scores flow as data), so render and users can refer to any of them by name.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace clusterlens {

/// One attribute column: either numbers (NaN = missing) or text ("" = missing).
struct AttributeColumn {
    enum class Kind { number, text };
    std::string name;
    Kind kind = Kind::text;
    std::vector<double> numbers;     ///< used when kind == number
    std::vector<std::string> texts;  ///< used when kind == text

    std::size_t size() const { return kind == Kind::number ? numbers.size() : texts.size(); }
    /// The value as text: numbers in shortest round-trip form, NaN as "".
    std::string as_text(std::size_t i) const;
};

/// An ordered set of attribute columns, each as long as the number of rows (actors or ties).
class AttributeTable {
public:
    const std::vector<AttributeColumn>& columns() const noexcept { return columns_; }
    const AttributeColumn* find(const std::string& name) const;
    /// Adds or replaces a numeric column. The size must equal the row count of the table.
    void set_numbers(const std::string& name, std::vector<double> values);
    /// Adds or replaces a text column.
    void set_texts(const std::string& name, std::vector<std::string> values);
    /// Keeps only the given rows, in the given order (used when ties are merged or dropped).
    void select_rows(const std::vector<std::size_t>& rows);
    void clear() { columns_.clear(); }

private:
    std::vector<AttributeColumn> columns_;
};

/// Formats a double in the shortest form that reads back to the same value ("1", "0.5", "1e-07").
std::string format_number(double value);
/// Parses a whole string as a finite or non-finite double; nullopt if it is not a number.
std::optional<double> parse_number(const std::string& text);

}  // namespace clusterlens
