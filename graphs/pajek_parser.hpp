// The Pajek .net parser's parts (internal to graphs/): tokens, vertex and tie records and the
// parser class (read_pajek.cpp), and the .clu partition reader (read_pajek_clu.cpp). See
// read_pajek() in read_pajek.cpp for what is supported.
#pragma once

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "graphs/readers.hpp"
#include "graphs/text_input.hpp"

namespace clusterlens::pajek {

struct Token {
    std::string text;
    std::uint32_t col = 0;  ///< 1-based byte column where the token starts (the quote, if quoted)
    bool quoted = false;
};

inline std::uint32_t col_of(std::size_t index) { return static_cast<std::uint32_t>(index + 1); }

/// Splits a line at spaces and tabs; "..." is one token (quotes removed, no escapes: Pajek has
/// none). Throws InputError for a quote that is never closed.
inline std::vector<Token> tokenize(const std::string& line, const LineReader& in) {
    std::vector<Token> out;
    std::size_t i = 0;
    const std::size_t n = line.size();
    while (i < n) {
        if (line[i] == ' ' || line[i] == '\t') {
            ++i;
            continue;
        }
        Token t;
        t.col = col_of(i);
        if (line[i] == '"') {
            const std::size_t close = line.find('"', i + 1);
            if (close == std::string::npos)
                throw InputError(in.pos(t.col),
                                 "the quoted text is never closed; add the closing '\"' on the "
                                 "same line");
            t.text.assign(line, i + 1, close - i - 1);
            t.quoted = true;
            i = close + 1;
        } else {
            std::size_t e = i;
            while (e < n && line[e] != ' ' && line[e] != '\t') ++e;
            t.text.assign(line, i, e - i);
            i = e;
        }
        out.push_back(std::move(t));
    }
    return out;
}

inline bool is_blank_or_comment(const std::string& line) {
    const auto first = line.find_first_not_of(" \t");
    return first == std::string::npos || line[first] == '%';
}

/// Parses a whole token as an unsigned integer (digits only); nullopt if it is not one or does
/// not fit.
inline std::optional<std::uint64_t> parse_count(const std::string& text) {
    if (text.empty()) return std::nullopt;
    for (const char c : text)
        if (c < '0' || c > '9') return std::nullopt;
    std::uint64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

/// True when the whole token is a (signed) integer, as a partition value is written.
inline bool parse_integer(const std::string& text) {
    std::int64_t value = 0;
    const char* b = text.data();
    const char* e = b + text.size();
    const auto [ptr, ec] = std::from_chars(b, e, value);
    return !text.empty() && ec == std::errc() && ptr == e;
}

/// A "%clusterlens TAG k \"value\"" comment line, as write_pajek writes actor ids (TAG "id", in
/// a .net) and partition codings (TAG "class", in a .clu). Pajek, igraph and NetworkX skip them
/// as comments. Returns nullopt for any other line; InputError for a malformed one.
struct TaggedLine {
    std::string number, value;
    std::uint32_t number_col = 0, value_col = 0;
};
inline std::optional<TaggedLine> tagged_comment(const std::string& line, const char* tag,
                                                const LineReader& in) {
    const std::string prefix = std::string("%clusterlens ") + tag + " ";
    if (line.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
    const auto tokens = tokenize(line, in);
    const bool integer = tokens.size() >= 3 && !tokens[2].quoted &&
                         (std::string(tag) == "id" ? parse_count(tokens[2].text).has_value()
                                                   : parse_integer(tokens[2].text));
    if (tokens.size() != 4 || !integer || !tokens[3].quoted)
        throw InputError(in.pos(tokens.size() >= 3 ? tokens[2].col : 1),
                         std::string("a '%clusterlens ") + tag + "' line is '%clusterlens " + tag +
                             " k \"text\"' with a whole number k; fix the line or remove it");
    return TaggedLine{tokens[2].text, tokens[3].text, tokens[2].col, tokens[3].col};
}

enum class Section { none, vertices, arcs, edges, arcslist, edgeslist, matrix };

struct Vertex {
    std::uint32_t line = 0;  ///< 0: not listed on a vertex line
    std::uint32_t id_col = 0;
    std::uint32_t label_col = 0;
    std::string label;
    /// Position as stored (x, and 1 - y: see read_pajek), empty when the line gives none.
    std::string x, y;
    std::uint32_t x_col = 0, y_col = 0;
};

class PajekParser {
public:
    explicit PajekParser(const Source& source) : in_(source) {
        const std::string& path = source.name;
        net_.format = "pajek";
        net_.sources.push_back(path);
        net_.actors.path = path;
        net_.ties.path = path;
        net_.actors_authoritative = true;
        src_ = net_.ties.column(col::source);
        tgt_ = net_.ties.column(col::target);
    }

    RawNetwork run();
    std::uint64_t vertex_count() const { return n_; }
    std::uint32_t vertices_line() const { return vertices_line_; }

private:
    void section_header(const std::vector<Token>& tokens);
    void end_section();
    void vertex_line(const std::vector<Token>& tokens);
    void tie_line(const std::vector<Token>& tokens);
    void list_line(const std::vector<Token>& tokens);
    void matrix_line(const std::vector<Token>& tokens);
    /// Checks that a token is a vertex number in 1..n and returns it.
    std::uint64_t vertex(const Token& t) const;
    void add_tie(const Token& from, const Token& to, const Token* weight);
    /// Replaces the vertex numbers by the ids of the "%clusterlens id" lines, if any.
    void apply_id_lines();

    LineReader in_;
    RawNetwork net_;
    std::size_t src_ = 0, tgt_ = 0;
    Section section_ = Section::none;
    std::string section_name_;  ///< as written, for messages ("*Arcs")
    std::uint32_t section_line_ = 0;
    std::uint64_t n_ = 0;
    bool have_vertices_ = false;
    std::uint32_t vertices_line_ = 0;
    std::uint32_t vertices_col_ = 0;
    /// The vertices listed so far (index v - 1), grown as their lines come; the others of the
    /// n declared are actors without a line. The actors limit bounds n (limits.hpp).
    std::vector<Vertex> vertices_;
    std::optional<std::string> relation_;  ///< of the current tie section
    std::vector<char> directed_;           ///< per tie row
    bool any_arcs_ = false, any_edges_ = false;
    bool any_position_ = false;
    std::uint64_t matrix_rows_ = 0;
    /// "%clusterlens id k \"id\"" lines: the actor ids write_pajek keeps (vertex k, id, line).
    std::vector<std::tuple<TaggedLine, std::uint32_t>> id_lines_;
};

/// Reads the partition file `path` of a network of `n` vertices (declared at line
/// `net_vertices_line` of `net_path`) into an actor column of `net`; `names` are the partition
/// columns read so far (a name may be used once).
void read_partition(const std::string& path, std::uint64_t n, const std::string& net_path,
                    std::uint32_t net_vertices_line, RawNetwork& net, std::set<std::string>& names);

}  // namespace clusterlens::pajek
