// Streaming line input for every text reader: plain or gzip-compressed files (zlib detects which),
// a UTF-8 byte-order mark removed, CRLF/CR line ends accepted, Latin-1 lines converted to UTF-8
// (with one warning per file), NUL bytes rejected as binary input.
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
    /// True if any line was converted from Latin-1.
    bool converted_latin1() const noexcept { return latin1_line_ != 0; }
    /// Warnings produced while reading (Latin-1 conversion).
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
    std::uint32_t latin1_line_ = 0;
    std::vector<Warning> warnings_;
};

/// True if `text` is valid UTF-8.
bool is_valid_utf8(const std::string& text);
/// Converts ISO-8859-1 bytes to UTF-8.
std::string latin1_to_utf8(const std::string& text);
/// Lower-cases ASCII letters.
std::string ascii_lower(std::string text);
/// Removes leading and trailing spaces and tabs.
std::string trim(const std::string& text);

}  // namespace clusterlens
