#include "graphs/attributes.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <utility>

namespace clusterlens {

std::string format_number(double value) {
    if (std::isnan(value)) return "";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    return fmt::format("{}", value);
}

std::optional<double> parse_number(const std::string& text) {
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    while (begin < end && (*begin == ' ' || *begin == '\t')) ++begin;
    while (end > begin && (end[-1] == ' ' || end[-1] == '\t')) --end;
    if (begin == end) return std::nullopt;
    if (*begin == '+') ++begin;
    double value = 0;
    auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || ptr != end) return std::nullopt;
    return value;
}

std::string AttributeColumn::as_text(std::size_t i) const {
    return kind == Kind::number ? format_number(numbers[i]) : texts[i];
}

const AttributeColumn* AttributeTable::find(const std::string& name) const {
    for (const auto& c : columns_)
        if (c.name == name) return &c;
    return nullptr;
}

namespace {
AttributeColumn& slot(std::vector<AttributeColumn>& columns, const std::string& name) {
    for (auto& c : columns)
        if (c.name == name) return c;
    columns.push_back(AttributeColumn{});
    columns.back().name = name;
    return columns.back();
}
}  // namespace

void AttributeTable::set_numbers(const std::string& name, std::vector<double> values) {
    auto& c = slot(columns_, name);
    c.kind = AttributeColumn::Kind::number;
    c.texts.clear();
    c.numbers = std::move(values);
}

void AttributeTable::set_texts(const std::string& name, std::vector<std::string> values) {
    auto& c = slot(columns_, name);
    c.kind = AttributeColumn::Kind::text;
    c.numbers.clear();
    c.texts = std::move(values);
}

void AttributeTable::select_rows(const std::vector<std::size_t>& rows) {
    for (auto& c : columns_) {
        if (c.kind == AttributeColumn::Kind::number) {
            std::vector<double> out;
            out.reserve(rows.size());
            for (auto r : rows) out.push_back(c.numbers[r]);
            c.numbers = std::move(out);
        } else {
            std::vector<std::string> out;
            out.reserve(rows.size());
            for (auto r : rows) out.push_back(std::move(c.texts[r]));
            c.texts = std::move(out);
        }
    }
}

}  // namespace clusterlens
