// Reading the CSV outputs of a run by column name and row key, and comparing a cell with an
// expected value from outside the code that wrote it (a measure function called directly, a
// committed oracle, or a hand value). Used by the output wiring tests in tests/cli/.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "graphs/attributes.hpp"
#include "graphs/csv.hpp"
#include "test_paths.hpp"

namespace clusterlens::testing {

/// A CSV output: cells by column name and by row key (the value of one or two key columns).
class OutputTable {
public:
    OutputTable(const std::string& path, const std::vector<std::string>& key_columns)
        : path_(path) {
        std::vector<Warning> w;
        table_ = read_csv_table(path, w);
        for (std::size_t r = 0; r < table_.rows(); ++r) {
            std::string key;
            for (const auto& k : key_columns) {
                const int c = table_.find(k);
                EXPECT_GE(c, 0) << path << " has no key column " << k;
                if (c < 0) return;
                key += (key.empty() ? "" : "|") + table_.cell(static_cast<std::size_t>(c), r);
            }
            EXPECT_EQ(rows_.count(key), 0u) << path << ": key " << key << " twice";
            rows_[key] = r;
        }
    }
    const std::vector<std::string>& columns() const { return table_.names(); }
    std::size_t rows() const { return table_.rows(); }
    std::vector<std::string> keys() const {
        std::vector<std::string> k;
        for (const auto& [key, row] : rows_) k.push_back(key);
        return k;
    }
    bool has(const std::string& key) const { return rows_.count(key) != 0; }
    /// The cell of row `key` under the column named exactly `column`.
    std::string cell(const std::string& key, const std::string& column) const {
        const auto it = rows_.find(key);
        const auto names = table_.names();
        const auto c = std::find(names.begin(), names.end(), column);
        if (it == rows_.end() || c == names.end()) {
            ADD_FAILURE() << path_ << ": no cell (" << key << ", " << column << ")";
            return "<missing>";
        }
        return table_.cell(static_cast<std::size_t>(c - names.begin()), it->second);
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
    RawTable table_;
    std::map<std::string, std::size_t> rows_;
};

/// Relative closeness: |a - b| <= tol * max(1, |a|, |b|).
inline bool close(double a, double b, double tol) {
    return std::fabs(a - b) <= tol * std::max({1.0, std::fabs(a), std::fabs(b)});
}

/// A number cell against an expected value: NaN (undefined) is the empty cell.
inline void expect_number_cell(const std::string& cell, double expected, double tol,
                               const std::string& where) {
    if (std::isnan(expected)) {
        EXPECT_EQ(cell, "") << where << ": expected an empty cell (undefined)";
        return;
    }
    const auto v = parse_number(cell);
    ASSERT_TRUE(v.has_value()) << where << ": '" << cell << "' is not a number, expected "
                               << expected;
    EXPECT_TRUE(close(*v, expected, tol)) << where << ": " << cell << " vs expected " << expected;
}

/// A JSON value (number, null for undefined, or boolean) as a double; NaN for null.
inline double json_number(const nlohmann::json& j) {
    if (j.is_null()) return std::nan("");
    if (j.is_boolean()) return j.get<bool>() ? 1.0 : 0.0;
    return j.get<double>();
}

inline nlohmann::json read_json(const std::string& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

inline const nlohmann::json& oracle_file(const std::string& name) {
    static std::map<std::string, nlohmann::json> cache;
    auto it = cache.find(name);
    if (it == cache.end()) it = cache.emplace(name, read_json(data("oracle/" + name))).first;
    return it->second;
}

}  // namespace clusterlens::testing
