// Streaming line input for every text reader: plain or gzip-compressed files or in-memory buffers
// (zlib detects which),
// a UTF-8 byte-order mark removed, CRLF/CR line ends accepted, lines that are not UTF-8 decoded
// as Windows-1252 and converted to UTF-8 (with one warning per file), NUL bytes rejected as
// binary input. Also the small text helpers several readers share (separator counts, decimal
// commas).
#pragma once

#include <zlib.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graphs/error.hpp"
#include "graphs/source.hpp"

namespace clusterlens {

class LineReader {
public:
    /// Opens `path`; throws InputError (path: error: cannot open ...) if it cannot.
    explicit LineReader(std::string path);
    /// Reads `source`: its file, or its bytes (gzip-compressed ones decompressed as they are
    /// read), with the same messages; positions name `source.name`.
    explicit LineReader(const Source& source);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    /// Reads the next line (without its line end) into `line`; false at end of file. Throws
    /// InputError (limits.hpp) when the file, decompressed, is longer than the input_bytes
    /// limit or a line longer than the line_length limit.
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
    friend std::string read_all_bytes(const Source& source);
    void open();
    bool fill();
    /// Reads up to `capacity` bytes of the source into `out`: their count, 0 at the end.
    std::size_t read_bytes(char* out, std::size_t capacity);
    std::size_t read_file_bytes(char* out, std::size_t capacity);
    std::string path_;
    gzFile file_ = nullptr;
    class Memory;
    std::unique_ptr<Memory> memory_;  ///< an in-memory source (file_ is null then)
    std::vector<char> buffer_;
    std::size_t begin_ = 0, end_ = 0;
    bool eof_ = false;
    bool first_line_ = true;
    bool pending_cr_ = false;
    std::uint32_t line_no_ = 0;
    std::uint32_t cp1252_line_ = 0;
    std::uint64_t bytes_read_ = 0;  ///< after decompression
    std::uint64_t max_bytes_, max_line_;
    std::vector<Warning> warnings_;
};

/// The number of the line after `current` (1-based); throws InputError at `path` when it would
/// not fit a SourcePos line (2^32 - 1 lines), so that line numbers never wrap.
std::uint32_t next_line_number(std::uint32_t current, const std::string& path);

/// The bytes of `source` as one string: its file read whole, or its buffer; gzip-compressed
/// content decompressed (with LineReader's messages for a damaged or cut-off stream). For readers
/// that parse a whole document at once (XML from memory). Held to the input_bytes limit.
std::string read_all_bytes(const Source& source);

/// True if `text` is valid UTF-8.
bool is_valid_utf8(const std::string& text);
/// The offset of the first byte where `text` stops being valid UTF-8 (a stray or cut
/// sequence, an overlong form, a surrogate, a code point past U+10FFFF), or npos.
std::size_t first_invalid_utf8(std::string_view text);
/// Converts Windows-1252 bytes to UTF-8, as the WHATWG Encoding Standard's windows-1252 decoder
/// does: 0x00-0x7F and 0xA0-0xFF are Latin-1 (the same code points), 0x80-0x9F are the
/// Windows signs (0x80 euro sign, 0x8A S with caron, 0x96 en dash, ...), and the five bytes
/// Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) become the C1 control characters of
/// the same value (U+0081 ...), as Windows' own conversion does, so no byte is lost. Latin-1 text
/// (ISO-8859-1) is the same except in 0x80-0x9F, where it holds control characters that text
/// files do not use, so Latin-1 files read correctly too.
std::string windows1252_to_utf8(const std::string& text);
/// Text for a message: control characters shown as \xNN so that an invisible byte in a value
/// does not make "got '0'" look like a valid number.
std::string shown(const std::string& text);
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
/// The separator a line uses: the most frequent of ',' ';' and tab outside double quotes (ties
/// go to ',', then ';'); 0 when the line has none of them (CSV then takes ',', the edge list
/// runs of whitespace).
char most_frequent_separator(const std::string& line);

/// One field of a line split by split_quoted_fields.
struct QuotedField {
    std::string text;
    std::uint32_t column = 0;  ///< 1-based byte column where it starts (its opening quote)
};
/// Why split_quoted_fields stopped, and where (1-based column).
struct FieldSplitError {
    enum class Kind {
        unclosed_quote,    ///< at the opening quote
        text_after_quote,  ///< at the first character after the closing quote
    } kind;
    std::uint32_t column = 0;
};
/// Splits one line (the VNA and edge-list rule) into `fields` at `separator`, or at runs of
/// spaces and tabs when `separator` is 0. With a separator, spaces and tabs around a field are
/// dropped, an empty field between two separators is "", a trailing separator leaves an empty
/// last field, and a blank line has no field. A field in double quotes may hold spaces and the
/// separator; a doubled quote inside it stands for one quote. Returns the first error, if any
/// (`fields` then holds the fields before it).
std::optional<FieldSplitError> split_quoted_fields(const std::string& line, char separator,
                                                   std::vector<QuotedField>& fields);

/// True for a number written with a decimal comma: optional sign, digits, one comma, digits
/// ("2,5", "-0,75"; not "2,", ",5", "2,5e3" or "1,000,5").
bool is_decimal_comma(const std::string& text);
/// The same number with a '.' decimal point ("2,5" -> "2.5"); `text` must pass
/// is_decimal_comma.
std::string decimal_comma_to_dot(const std::string& text);

}  // namespace clusterlens
