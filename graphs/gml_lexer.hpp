// GML tokens and the lexer that reads them with their line and column (internal to graphs/,
// used by read_gml.cpp).
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graphs/error.hpp"
#include "graphs/text_input.hpp"

namespace clusterlens::gml {

struct Token {
    enum class Kind { end, key, number, string, open, close };
    Kind kind = Kind::end;
    std::string text;  ///< key name, number as written, or the decoded string
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

inline bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

inline void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// Decodes the character entities GML writers use inside strings: &quot; &amp; &lt; &gt; &apos;
/// and numeric references (&#233; &#xE9;). Anything else is kept as written.
inline std::string decode_entities(const std::string& text) {
    if (text.find('&') == std::string::npos) return text;
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] != '&') {
            out += text[i++];
            continue;
        }
        const auto semi = text.find(';', i + 1);
        if (semi == std::string::npos || semi - i > 12) {
            out += text[i++];
            continue;
        }
        const std::string name = text.substr(i + 1, semi - i - 1);
        bool done = true;
        if (name == "quot")
            out += '"';
        else if (name == "amp")
            out += '&';
        else if (name == "lt")
            out += '<';
        else if (name == "gt")
            out += '>';
        else if (name == "apos")
            out += '\'';
        else if (name.size() > 1 && name[0] == '#') {
            const bool hex = name[1] == 'x' || name[1] == 'X';
            const char* first = name.data() + (hex ? 2 : 1);
            const char* last = name.data() + name.size();
            std::uint32_t cp = 0;
            const auto [ptr, ec] = std::from_chars(first, last, cp, hex ? 16 : 10);
            done = ec == std::errc() && ptr == last && first != last && cp > 0 && cp <= 0x10FFFF &&
                   !(cp >= 0xD800 && cp <= 0xDFFF);
            if (done) append_utf8(out, cp);
        } else {
            done = false;
        }
        if (done) {
            i = semi + 1;
        } else {
            out += text[i++];
        }
    }
    return out;
}

inline std::string describe(const Token& t) {
    switch (t.kind) {
        case Token::Kind::end:
            return "the end of the file";
        case Token::Kind::key:
            return "'" + t.text + "'";
        case Token::Kind::number:
            return "the number " + t.text;
        case Token::Kind::string:
            return "a string";
        case Token::Kind::open:
            return "'['";
        case Token::Kind::close:
            return "']'";
    }
    return "?";
}

class GmlLexer {
public:
    explicit GmlLexer(LineReader& lines) : lines_(lines) {}

    Token next() {
        for (;;) {
            if (!have_line_) {
                if (!lines_.next(line_)) {
                    Token end;
                    end.line = lines_.line_number();
                    return end;
                }
                have_line_ = true;
                i_ = 0;
            }
            while (i_ < line_.size() && (line_[i_] == ' ' || line_[i_] == '\t' ||
                                         line_[i_] == '\f' || line_[i_] == '\v'))
                ++i_;
            if (i_ >= line_.size() || line_[i_] == '#') {  // end of line or a comment
                have_line_ = false;
                continue;
            }
            return token();
        }
    }

private:
    [[noreturn]] void fail(std::uint32_t line, std::uint32_t column, const std::string& message) {
        throw InputError(SourcePos{lines_.path(), line, column}, message);
    }

    Token token() {
        Token t;
        t.line = lines_.line_number();
        t.column = static_cast<std::uint32_t>(i_ + 1);
        const char c = line_[i_];
        if (c == '[' || c == ']') {
            t.kind = c == '[' ? Token::Kind::open : Token::Kind::close;
            ++i_;
            return t;
        }
        if (c == '"') {
            t.kind = Token::Kind::string;
            ++i_;
            std::string raw;
            for (;;) {
                const auto close = line_.find('"', i_);
                if (close != std::string::npos) {
                    raw.append(line_, i_, close - i_);
                    i_ = close + 1;
                    break;
                }
                raw.append(line_, i_, std::string::npos);
                raw += '\n';  // the string goes on over the line break
                if (!lines_.next(line_))
                    fail(t.line, t.column,
                         "string is never closed; add the closing '\"' (write a quote inside a "
                         "string as &quot;)");
                i_ = 0;
            }
            t.text = decode_entities(raw);
            return t;
        }
        if (is_digit(c) || c == '.' || c == '+' || c == '-') {
            std::size_t e = i_;
            while (e < line_.size() && (is_letter(line_[e]) || is_digit(line_[e]) ||
                                        line_[e] == '.' || line_[e] == '+' || line_[e] == '-'))
                ++e;
            t.kind = Token::Kind::number;
            t.text = line_.substr(i_, e - i_);
            i_ = e;
            const char* first = t.text.data();
            const char* last = first + t.text.size();
            if (first != last && *first == '+') ++first;
            double value = 0;
            const auto [ptr, ec] = std::from_chars(first, last, value);
            if (ptr != last || (ec != std::errc() && ec != std::errc::result_out_of_range) ||
                first == last)
                fail(t.line, t.column,
                     "'" + t.text +
                         "' is not a number; write numbers like 3, -2 or 0.5, and text in double "
                         "quotes");
            return t;
        }
        if (is_letter(c)) {
            std::size_t e = i_;
            while (e < line_.size() && (is_letter(line_[e]) || is_digit(line_[e]))) ++e;
            t.kind = Token::Kind::key;
            t.text = line_.substr(i_, e - i_);
            i_ = e;
            return t;
        }
        const auto uc = static_cast<unsigned char>(c);
        fail(t.line, t.column,
             (uc >= 0x20 && uc < 0x7F ? "unexpected character '" + std::string(1, c) + "'"
                                      : std::string("unexpected non-ASCII character")) +
                 "; GML is written as key value pairs: keys are letters and digits, values are "
                 "numbers, \"strings\" or [ lists ]");
    }

    LineReader& lines_;
    std::string line_;
    std::size_t i_ = 0;
    bool have_line_ = false;
};

}  // namespace clusterlens::gml
