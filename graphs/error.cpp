#include "graphs/error.hpp"

#include <cstdint>
#include <utility>

namespace clusterlens {

std::string format_pos(const SourcePos& pos) {
    std::string out = pos.path.empty() ? std::string("<input>") : pos.path;
    if (pos.line > 0) {
        out += ':' + std::to_string(pos.line);
        if (pos.column > 0) out += ':' + std::to_string(pos.column);
    }
    return out;
}

namespace {
constexpr char kHex[] = "0123456789ABCDEF";

void hex_byte(std::string& out, unsigned char c) {
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
}

/// The length of the UTF-8 sequence at text[i] and its code point; 0 when it is not one.
std::size_t utf8_at(std::string_view text, std::size_t i, std::uint32_t& cp) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > text.size()) return 0;
    cp = c & (len == 2 ? 0x1Fu : len == 3 ? 0x0Fu : 0x07u);
    for (std::size_t k = 1; k < len; ++k) {
        const auto d = static_cast<unsigned char>(text[i + k]);
        if ((d >> 6) != 2) return 0;
        cp = (cp << 6) | (d & 0x3Fu);
    }
    const bool overlong =
        (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

bool escaped_code_point(std::uint32_t cp) {
    return (cp >= 0x80 && cp < 0xA0) || cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}
}  // namespace

std::string terminal_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7F)
                hex_byte(out, c);
            else
                out += static_cast<char>(c);
            ++i;
            continue;
        }
        std::uint32_t cp = 0;
        const std::size_t len = utf8_at(text, i, cp);
        if (len == 0) {
            hex_byte(out, c);
            ++i;
        } else if (escaped_code_point(cp)) {
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 0xF];
            i += len;
        } else {
            out.append(text.substr(i, len));
            i += len;
        }
    }
    return out;
}

InputError::InputError(SourcePos pos, std::string message)
    : Error(terminal_safe(format_pos(pos) + ": error: " + message)),
      pos_(std::move(pos)),
      message_(std::move(message)) {}

namespace {
std::string join_errors(const std::vector<InputError>& errors, bool truncated) {
    std::string out;
    for (const auto& e : errors) {
        if (!out.empty()) out += '\n';
        out += e.what();
    }
    if (truncated) out += "\n(stopped after " + std::to_string(errors.size()) + " errors)";
    return out;
}
}  // namespace

InputErrors::InputErrors(std::vector<InputError> errors, bool truncated)
    : Error(join_errors(errors, truncated)), errors_(std::move(errors)), truncated_(truncated) {}

std::string Warning::format() const {
    return terminal_safe(format_pos(pos) + ": warning: " + message);
}

void ErrorCollector::add(InputError error) {
    errors_.push_back(std::move(error));
    if (errors_.size() >= limit_) throw InputErrors(std::move(errors_), true);
}

void ErrorCollector::throw_if_any() {
    if (!errors_.empty()) throw InputErrors(std::move(errors_), false);
}

}  // namespace clusterlens
