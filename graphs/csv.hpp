// RFC 4180 CSV records with positions, streaming over LineReader. Quoted fields may hold the
// delimiter, doubled quotes and line breaks. The delimiter (comma, semicolon or tab) is detected
// from the header line, so European spreadsheet exports (";") load as they are.
// Written here rather than taken from a library because every cell needs its line and column
// for error messages, and input comes through the gzip/encoding-aware LineReader.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "graphs/raw.hpp"
#include "graphs/text_input.hpp"

namespace clusterlens {

struct CsvField {
    std::string text;
    std::uint32_t column = 0;  ///< 1-based column (byte) where the field starts
};

class CsvReader {
public:
    /// `delimiter` 0 means detect from the first record.
    explicit CsvReader(LineReader& lines, char delimiter = 0);
    /// Reads the next non-blank record; false at end of file. Throws InputError on an
    /// unterminated quote or text after a closing quote.
    bool next(std::vector<CsvField>& fields);
    /// Line where the record last returned starts.
    std::uint32_t record_line() const noexcept { return record_line_; }
    char delimiter() const noexcept { return delim_; }

private:
    LineReader& lines_;
    char delim_;
    std::uint32_t record_line_ = 0;
    std::string line_;
};

/// Reads a whole CSV file with a header row into a RawTable (all cells as text).
/// Throws InputError for an empty file, a header without columns, duplicate column names,
/// or a row whose field count differs from the header's.
RawTable read_csv_table(const std::string& path, std::vector<Warning>& warnings);

}  // namespace clusterlens
