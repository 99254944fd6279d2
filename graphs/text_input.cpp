#include "graphs/text_input.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <new>

#include "graphs/limits.hpp"

namespace clusterlens {

namespace {
std::string cannot_open(int err) {
    return std::string("cannot open file: ") + (err != 0 ? std::strerror(err) : "out of memory") +
           "; check the path and that it is readable";
}
const char* const kEndsEarly =
    "the compressed file ends early (a cut-off download or copy?); "
    "fetch or copy it again, or check it with 'gzip -t'";
std::string cannot_read(const std::string& detail) {
    return "cannot read file: " + detail + " (a damaged .gz file?)";
}
}  // namespace

/// The bytes of an in-memory source as gzread gives those of a file: plain bytes as they are,
/// gzip members (one or more) decompressed, trailing bytes after the last member ignored.
class LineReader::Memory {
public:
    explicit Memory(std::string_view bytes) : bytes_(bytes), gzip_(is_gzip(bytes)) {
        if (gzip_ && inflateInit2(&z_, 15 + 16) != Z_OK) throw std::bad_alloc();
        z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes_.data()));
        z_.avail_in = static_cast<uInt>(bytes_.size());
    }
    ~Memory() {
        if (gzip_) inflateEnd(&z_);
    }
    bool compressed() const noexcept { return gzip_; }
    Memory(const Memory&) = delete;
    Memory& operator=(const Memory&) = delete;

    /// Up to `capacity` bytes into `out`: their count, 0 at the end. Throws InputError at
    /// `name`:`line` for a damaged or cut-off gzip stream.
    std::size_t read(char* out, std::size_t capacity, const std::string& name, std::uint32_t line) {
        if (!gzip_) {
            const auto n = std::min(capacity, bytes_.size() - at_);
            if (n > 0) std::memcpy(out, bytes_.data() + at_, n);  // an empty view may be null
            at_ += n;
            return n;
        }
        if (done_) return 0;
        z_.next_out = reinterpret_cast<Bytef*>(out);
        z_.avail_out = static_cast<uInt>(capacity);
        while (z_.avail_out == capacity) {
            const int ret = inflate(&z_, Z_NO_FLUSH);
            if (ret == Z_STREAM_END) {
                if (!is_gzip(
                        std::string_view(reinterpret_cast<const char*>(z_.next_in), z_.avail_in))) {
                    done_ = true;
                    break;
                }
                inflateReset(&z_);  // another gzip member follows
            } else if (ret == Z_BUF_ERROR || (ret == Z_OK && z_.avail_in == 0)) {
                if (z_.avail_out != capacity) break;
                throw InputError(SourcePos{name, line, 0}, kEndsEarly);
            } else if (ret != Z_OK) {
                const std::string detail = ret == Z_MEM_ERROR  ? "out of memory"
                                           : z_.msg != nullptr ? z_.msg
                                                               : "compressed data error";
                throw InputError(SourcePos{name, line, 0}, cannot_read(name + ": " + detail));
            }
        }
        return capacity - z_.avail_out;
    }

private:
    std::string_view bytes_;
    bool gzip_;
    std::size_t at_ = 0;
    bool done_ = false;
    z_stream z_{};
};

LineReader::LineReader(std::string path)
    : path_(std::move(path)),
      buffer_(1 << 18),
      max_bytes_(input_limits().input_bytes),
      max_line_(input_limits().line_length) {
    open();
}

LineReader::LineReader(const Source& source)
    : path_(source.name),
      // Bytes in memory need no more buffer than they hold (the buffer grows for a longer
      // line; gzip bytes expand, so they get the full buffer): a fuzz run reads thousands of small
      // inputs a second, and zeroing 256 KiB for each took half its time.
      buffer_(source.in_memory() && !(source.bytes->size() >= 2 && (*source.bytes)[0] == '\x1f' &&
                                      (*source.bytes)[1] == '\x8b')
                  ? std::min<std::size_t>(1 << 18, source.bytes->size() + 64)
                  : std::size_t{1} << 18),
      max_bytes_(input_limits().input_bytes),
      max_line_(input_limits().line_length) {
    if (source.in_memory())
        memory_ = std::make_unique<Memory>(*source.bytes);
    else
        open();
}

void LineReader::open() {
    errno = 0;
    file_ = gzopen(path_.c_str(), "rb");
    if (file_ == nullptr) {
        const int err = errno;
        throw InputError(SourcePos{path_, 0, 0}, cannot_open(err));
    }
    gzbuffer(file_, 1 << 17);
}

LineReader::~LineReader() {
    if (file_ != nullptr) gzclose(file_);
}

std::size_t LineReader::read_bytes(char* out, std::size_t capacity) {
    // Never read more than one byte past the limit, so that a bomb stops within a buffer.
    const std::uint64_t left = max_bytes_ > bytes_read_ ? max_bytes_ - bytes_read_ : 0;
    if (left < capacity) capacity = static_cast<std::size_t>(left) + 1;
    const std::size_t n = memory_ ? memory_->read(out, capacity, path_, line_no_ + 1)
                                  : read_file_bytes(out, capacity);
    bytes_read_ += n;
    if (bytes_read_ > max_bytes_) {
        const bool compressed = memory_ ? memory_->compressed() : gzdirect(file_) == 0;
        throw limit_error(SourcePos{path_, line_no_ + 1, 0},
                          compressed ? "the input, decompressed," : "the input",
                          Limit::input_bytes);
    }
    return n;
}

std::size_t LineReader::read_file_bytes(char* out, std::size_t capacity) {
    const int got = gzread(file_, out, static_cast<unsigned>(capacity));
    if (got < 0) {
        int errnum = 0;
        const char* msg = gzerror(file_, &errnum);
        throw InputError(SourcePos{path_, line_no_ + 1, 0}, cannot_read(msg ? msg : "read error"));
    }
    if (got == 0) {
        // zlib reports a compressed stream that stops before its end (a cut-off download)
        // as Z_BUF_ERROR once the input runs out; a plain file never sets it.
        int errnum = Z_OK;
        gzerror(file_, &errnum);
        if (errnum == Z_BUF_ERROR) throw InputError(SourcePos{path_, line_no_ + 1, 0}, kEndsEarly);
    }
    return static_cast<std::size_t>(got);
}

bool LineReader::fill() {
    if (eof_) return false;
    if (begin_ > 0) {
        std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
    const auto got = read_bytes(buffer_.data() + end_, buffer_.size() - end_);
    if (got == 0) {
        eof_ = true;
        return false;
    }
    end_ += got;
    return true;
}

std::uint32_t next_line_number(std::uint32_t current, const std::string& path) {
    if (current == std::numeric_limits<std::uint32_t>::max())
        throw InputError(SourcePos{path, current, 0},
                         "more than 4294967295 lines: clusterlens numbers lines up to there; "
                         "split the file");
    return current + 1;
}

std::string read_all_bytes(const Source& source) {
    if (source.in_memory() && !is_gzip(*source.bytes)) {
        if (source.bytes->size() > input_limits().input_bytes)
            throw limit_error(SourcePos{source.name, 0, 0}, "the input", Limit::input_bytes);
        return std::string(*source.bytes);
    }
    LineReader in(source);
    std::string out;
    std::vector<char> chunk(1 << 16);
    while (const auto n = in.read_bytes(chunk.data(), chunk.size())) out.append(chunk.data(), n);
    return out;
}

bool LineReader::next(std::string& line) {
    line.clear();
    for (;;) {
        // Search for a line end in the buffered bytes.
        std::size_t i = begin_;
        if (pending_cr_ && i < end_) {
            pending_cr_ = false;
            if (buffer_[i] == '\n') ++begin_, ++i;  // the LF of a CRLF split across reads
        }
        for (; i < end_; ++i) {
            const char c = buffer_[i];
            if (c == '\n' || c == '\r') break;
            if (c == '\0')
                throw InputError(
                    SourcePos{path_, line_no_ + 1,
                              static_cast<std::uint32_t>(line.size() + i - begin_ + 1)},
                    "the file contains NUL bytes: it looks binary, not text; "
                    "export it as CSV/text (UTF-8) first");
        }
        if (line.size() + (i - begin_) > max_line_)
            throw limit_error(SourcePos{path_, line_no_ + 1, 0}, "this line", Limit::line_length);
        if (i < end_) {
            line.append(buffer_.data() + begin_, i - begin_);
            if (buffer_[i] == '\r') {
                if (i + 1 < end_) {
                    begin_ = (buffer_[i + 1] == '\n') ? i + 2 : i + 1;
                } else {
                    begin_ = i + 1;
                    pending_cr_ = true;
                }
            } else {
                begin_ = i + 1;
            }
            break;
        }
        // No line end buffered: keep what we have and read more.
        line.append(buffer_.data() + begin_, end_ - begin_);
        begin_ = end_;
        if (!fill()) {
            if (line.empty()) return false;
            break;
        }
    }
    line_no_ = next_line_number(line_no_, path_);
    if (first_line_) {
        first_line_ = false;
        if (line.size() >= 3 && static_cast<unsigned char>(line[0]) == 0xEF &&
            static_cast<unsigned char>(line[1]) == 0xBB &&
            static_cast<unsigned char>(line[2]) == 0xBF)
            line.erase(0, 3);
    }
    if (!is_valid_utf8(line)) {
        if (cp1252_line_ == 0) {
            cp1252_line_ = line_no_;
            warnings_.push_back(Warning{
                SourcePos{path_, line_no_, 0},
                "text is not valid UTF-8; read as Windows-1252 (Excel's Western European "
                "encoding, which includes Latin-1) and converted to UTF-8 (save the file as "
                "UTF-8 to silence this)"});
        }
        line = windows1252_to_utf8(line);
    }
    return true;
}

std::vector<Warning> LineReader::take_warnings() {
    std::vector<Warning> out;
    out.swap(warnings_);
    return out;
}

bool is_valid_utf8(const std::string& text) {
    return first_invalid_utf8(text) == std::string_view::npos;
}

std::size_t first_invalid_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if ((c & 0xE0) == 0xC0)
            len = 2, cp = c & 0x1F;
        else if ((c & 0xF0) == 0xE0)
            len = 3, cp = c & 0x0F;
        else if ((c & 0xF8) == 0xF0)
            len = 4, cp = c & 0x07;
        else
            return i;
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

namespace {
/// Code points of the Windows-1252 bytes 0x80-0x9F (WHATWG Encoding Standard, index
/// windows-1252); the undefined bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D keep their own value.
constexpr std::uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88-8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98-9F
};

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}
}  // namespace

std::string windows1252_to_utf8(const std::string& text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 && c < 0xA0)
            append_utf8(out, cp1252_high[c - 0x80]);
        else
            append_utf8(out, c);
    }
    return out;
}

std::string shown(const std::string& text) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7F) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        } else {
            out += ch;
        }
    }
    return out;
}

std::string ascii_lower(std::string text) {
    for (auto& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

std::string trim(const std::string& text) {
    std::size_t b = 0, e = text.size();
    while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
    return text.substr(b, e - b);
}

SeparatorCounts separators_outside_quotes(const std::string& line) {
    SeparatorCounts n;
    bool quoted = false;
    for (const char c : line) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == ',') ++n.comma;
        if (c == ';') ++n.semi;
        if (c == '\t') ++n.tab;
    }
    return n;
}

char most_frequent_separator(const std::string& line) {
    const auto [comma, semi, tab] = separators_outside_quotes(line);
    if (comma == 0 && semi == 0 && tab == 0) return 0;
    if (comma >= semi && comma >= tab) return ',';
    if (semi >= tab) return ';';
    return '\t';
}

std::optional<FieldSplitError> split_quoted_fields(const std::string& line, char separator,
                                                   std::vector<QuotedField>& fields) {
    fields.clear();
    const auto blank = [&](char c) { return (c == ' ' || c == '\t') && c != separator; };
    const auto at = [](std::size_t i) { return static_cast<std::uint32_t>(i + 1); };
    std::size_t i = 0;
    const std::size_t n = line.size();
    for (;;) {
        while (i < n && blank(line[i])) ++i;
        if (i >= n && (separator == 0 || fields.empty())) break;
        QuotedField f;
        f.column = at(i);
        if (i < n && line[i] == '"') {
            ++i;
            for (;;) {
                if (i >= n) return FieldSplitError{FieldSplitError::Kind::unclosed_quote, f.column};
                if (line[i] == '"') {
                    if (i + 1 < n && line[i + 1] == '"') {
                        f.text += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                f.text += line[i++];
            }
            if (separator != 0)
                while (i < n && blank(line[i])) ++i;
            if (i < n && (separator == 0 ? !blank(line[i]) : line[i] != separator))
                return FieldSplitError{FieldSplitError::Kind::text_after_quote, at(i)};
        } else if (separator == 0) {
            const std::size_t b = i;
            while (i < n && !blank(line[i])) ++i;
            f.text.assign(line, b, i - b);
        } else {
            const std::size_t b = i;
            while (i < n && line[i] != separator) ++i;
            std::size_t e = i;
            while (e > b && blank(line[e - 1])) --e;
            f.text.assign(line, b, e - b);
        }
        fields.push_back(std::move(f));
        if (separator != 0) {
            if (i >= n) break;
            ++i;  // the separator; a trailing one leaves an empty last field
        }
    }
    return std::nullopt;
}

bool is_decimal_comma(const std::string& text) {
    std::size_t i = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
    const auto digits = [&] {
        const std::size_t b = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        return i > b;
    };
    if (!digits() || i >= text.size() || text[i] != ',') return false;
    ++i;
    return digits() && i == text.size();
}

std::string decimal_comma_to_dot(const std::string& text) {
    std::string dot = text;
    dot[dot.find(',')] = '.';
    return dot;
}

}  // namespace clusterlens
