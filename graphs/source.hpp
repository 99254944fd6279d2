// Where a reader's bytes come from: a file named by its path, or bytes already in memory (a
// buffer a caller read, received or generated) with a display name that messages print where a
// path would stand, so `name:line:col: error: ...` reads the same either way. Every single-file
// reader takes a Source; the path overloads wrap Source::file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace clusterlens {

struct Source {
    /// The path of the file, or the display name of the buffer.
    std::string name;
    /// The bytes of an in-memory source (plain or gzip-compressed, as a file may be); nullopt
    /// for a file. Borrowed: the caller keeps them alive while the reader runs.
    std::optional<std::string_view> bytes;

    static Source file(std::string path) { return Source{std::move(path), std::nullopt}; }
    static Source buffer(std::string_view bytes, std::string display_name) {
        return Source{std::move(display_name), bytes};
    }
    bool in_memory() const noexcept { return bytes.has_value(); }
};

/// True when `bytes` start with the gzip magic number (1f 8b).
inline bool is_gzip(std::string_view bytes) {
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
           static_cast<unsigned char>(bytes[1]) == 0x8b;
}

}  // namespace clusterlens
