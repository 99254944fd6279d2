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

/// How a ',' inside a number is read in a ';'- or tab-separated file.
enum class DecimalComma {
    detect,  ///< as a decimal point where a column shows it (detect_decimal_commas)
    force,   ///< always as a decimal point (--decimal-comma)
};

struct CsvOptions {
    DecimalComma decimal_comma = DecimalComma::detect;
};

/// Reads a whole CSV file with a header row into a RawTable (all cells as text).
/// Excel's habits are undone here: cells holding only spaces or tabs are empty; empty header
/// cells at the end of the header row are dropped together with the cells under them (which must
/// be empty; one warning); rows whose cells are all empty are skipped (one warning with the
/// count); decimal commas are rewritten with '.' (apply_decimal_commas).
/// Throws InputError for an empty file, an empty column name before the last named column,
/// duplicate column names, a row whose field count differs from the header's, or a value under
/// an unnamed trailing column.
RawTable read_csv_table(const std::string& path, std::vector<Warning>& warnings,
                        const CsvOptions& options = {});
/// The same from a Source (a file or a buffer in memory).
RawTable read_csv_table(const Source& source, std::vector<Warning>& warnings,
                        const CsvOptions& options = {});

/// The decimal-comma rule for a table read with `delimiter` (README "Input policies"). Columns
/// named Id, Label, Source or Target (actor names) are never touched, nor is any cell of a
/// comma-separated file (there a ',' separates cells).
///
/// A column is a decimal-comma column when each of its non-empty cells is an integer ("252"),
/// a number with a decimal comma ("16,4", is_decimal_comma) or one with '.' thousands groups
/// before the decimal comma ("1.234,5"), and at least one cell has a comma. With
/// DecimalComma::detect (delimiter ';' or tab) such columns are rewritten ("16,4" -> "16.4",
/// "1.234,5" -> "1234.5") unless some cell of the table's other columns is a number with a
/// '.' decimal point ("2.5"): then the file mixes the two conventions, nothing is rewritten and
/// a warning says so (weights like "2,5" are then errors in assembly, never misread). One
/// warning names the reading and the first cell rewritten ("read 16,4 as 16.4 (decimal
/// comma)"); another the first thousands group removed.
/// With DecimalComma::force the same columns are rewritten without the first warning, and a
/// number with a '.' (as "2.5" or "1.234", which in a decimal-comma file may be 1234) in any
/// column that is not text is an InputError at its cell; a comma-separated file is an
/// InputError (the option cannot apply).
void apply_decimal_commas(RawTable& table, char delimiter, DecimalComma mode,
                          std::vector<Warning>& warnings);

}  // namespace clusterlens
