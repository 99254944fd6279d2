// Streaming line input for every text reader: plain or gzip-compressed files (zlib detects which),
// a UTF-8 byte-order mark removed, CRLF/CR line ends accepted, lines that are not UTF-8 decoded
// as Windows-1252 and converted to UTF-8 (with one warning per file), NUL bytes rejected as
// binary input. Also the small text helpers several readers share (separator counts, decimal
// commas).
#pragma once

#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

#include "graphs/error.hpp"

namespace clusterlens {

class LineReader {
public:
    /// Opens `path`; throws InputError (path: error: cannot open ...) if it cannot.
    explicit LineReader(std::string path);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    /// Reads the next line (without its line end) into `line`; false at end of file.
    bool next(std::string& line);
    /// 1-based number of the line last returned.
    std::uint32_t line_number() const noexcept { return line_no_; }
    const std::string& path() const noexcept { return path_; }
    /// Position helper for the line last returned.
    SourcePos pos(std::uint32_t column = 0) const { return SourcePos{path_, line_no_, column}; }
    /// True if any line was converted from Windows-1252.
    bool converted_windows1252() const noexcept { return cp1252_line_ != 0; }
    /// Warnings produced while reading (Windows-1252 conversion).
    std::vector<Warning> take_warnings();

private:
    bool fill();
    std::string path_;
    gzFile file_ = nullptr;
    std::vector<char> buffer_;
    std::size_t begin_ = 0, end_ = 0;
    bool eof_ = false;
    bool first_line_ = true;
    bool pending_cr_ = false;
    std::uint32_t line_no_ = 0;
    std::uint32_t cp1252_line_ = 0;
    std::vector<Warning> warnings_;
};

/// True if `text` is valid UTF-8.
bool is_valid_utf8(const std::string& text);
/// Converts Windows-1252 bytes to UTF-8, as the WHATWG Encoding Standard's windows-1252 decoder
/// does: 0x00-0x7F and 0xA0-0xFF are Latin-1 (the same code points), 0x80-0x9F are the
/// Windows signs (0x80 euro sign, 0x8A S with caron, 0x96 en dash, ...), and the five bytes
/// Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) become the C1 control characters of
/// the same value (U+0081 ...), as Windows' own conversion does, so no byte is lost. Latin-1 text
/// (ISO-8859-1) is the same except in 0x80-0x9F, where it holds control characters that text
/// files do not use, so Latin-1 files read correctly too.
std::string windows1252_to_utf8(const std::string& text);
/// Lower-cases ASCII letters.
std::string ascii_lower(std::string text);
/// Removes leading and trailing spaces and tabs.
std::string trim(const std::string& text);

/// Commas, semicolons and tabs of a line outside double quotes (a quote toggles quoting), the
/// count every separator guess starts from (CSV delimiter, edge-list separator).
struct SeparatorCounts {
    std::size_t comma = 0, semi = 0, tab = 0;
};
SeparatorCounts separators_outside_quotes(const std::string& line);

/// True for a number written with a decimal comma: optional sign, digits, one comma, digits
/// ("2,5", "-0,75"; not "2,", ",5", "2,5e3" or "1,000,5").
bool is_decimal_comma(const std::string& text);
/// The same number with a '.' decimal point ("2,5" -> "2.5"); `text` must pass
/// is_decimal_comma.
std::string decimal_comma_to_dot(const std::string& text);

}  // namespace clusterlens
