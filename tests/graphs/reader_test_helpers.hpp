// Helpers shared by the reader tests: cells of a RawTable by column name, the message of the
// InputError a call throws, and small input files written to GoogleTest's temporary folder.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "graphs/load.hpp"
#include "graphs/raw.hpp"

namespace clusterlens::testing {

/// The cell of column `name` in `row`, or "<no column NAME>" when the column is missing.
inline std::string cell(const RawTable& t, const std::string& name, std::size_t row) {
    const int c = t.find(name);
    if (c < 0) return "<no column " + name + ">";
    return t.cell(static_cast<std::size_t>(c), row);
}

/// Every cell of column `name`, top to bottom.
inline std::vector<std::string> column(const RawTable& t, const std::string& name) {
    std::vector<std::string> out;
    for (std::size_t r = 0; r < t.rows(); ++r) out.push_back(cell(t, name, r));
    return out;
}

/// The what() of the InputError `f` throws, or "<no InputError>".
template <typename F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "<no InputError>";
}

/// Writes `text` to a file in the test temp directory and returns its path.
inline std::string temp_file(const std::string& name, const std::string& text) {
    const std::string path = ::testing::TempDir() + "clusterlens_reader_" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

/// The message of the first error loading `inputs` gives (assembly collects InputErrors; a
/// UsageError comes back prefixed "usage: "), or "<no error>".
inline std::string load_error(const std::vector<std::string>& inputs, const LoadOptions& o = {}) {
    try {
        load_network(inputs, o);
    } catch (const InputErrors& e) {
        return e.errors().front().what();
    } catch (const InputError& e) {
        return e.what();
    } catch (const UsageError& e) {
        return std::string("usage: ") + e.what();
    }
    return "<no error>";
}

}  // namespace clusterlens::testing
