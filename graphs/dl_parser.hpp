// The UCINET DL parser's parts (internal to graphs/): tokens and the header lexer, and the parser
// class, whose header parsing is in read_dl_header.cpp and whose data sections are in
// read_dl.cpp (see read_dl() there for what is supported).
#pragma once

#include <charconv>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "graphs/readers.hpp"
#include "graphs/text_input.hpp"

namespace clusterlens::dl {

/// Most matrices "nm=" may declare.
constexpr std::uint64_t max_matrices = 10'000;

struct Token {
    std::string text;
    std::uint32_t line = 0;
    std::uint32_t col = 0;  ///< 1-based byte column (of the opening quote when quoted)
    bool quoted = false;
};

inline std::uint32_t to_col(std::size_t index) { return static_cast<std::uint32_t>(index + 1); }

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == ','; }

/// Column just after a token (for "something is missing here" positions).
inline std::uint32_t end_col(const Token& t) {
    return t.col + static_cast<std::uint32_t>(t.text.size()) + (t.quoted ? 2u : 0u);
}

inline std::optional<std::uint64_t> parse_count(const std::string& text) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    std::uint64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

/// Reads one quoted token starting at text[i] == '"'; returns the index after the closing quote.
/// `col` is the column of text[i] in the line.
inline std::size_t read_quoted(const std::string& text, std::size_t i, std::uint32_t col, Token& t,
                               const LineReader& in) {
    const std::size_t close = text.find('"', i + 1);
    if (close == std::string::npos)
        throw InputError(in.pos(col),
                         "the quoted label is never closed; add the closing '\"' on the same "
                         "line");
    t.text.assign(text, i + 1, close - i - 1);
    t.quoted = true;
    return close + 1;
}

/// Header tokens: separated by spaces, tabs, commas and line ends; ':' and '=' are tokens of
/// their own; "..." is one token.
class HeaderLexer {
public:
    explicit HeaderLexer(LineReader& in) : in_(in) {}

    /// The k-th token ahead, or nullptr at the end of the file.
    const Token* peek(std::size_t k = 0) {
        while (buf_.size() <= k) {
            Token t;
            if (!lex(t)) return nullptr;
            buf_.push_back(std::move(t));
        }
        return &buf_[k];
    }
    Token take() {
        peek();
        Token t = std::move(buf_.front());
        buf_.pop_front();
        return t;
    }
    /// What is left of the current line after the last token taken; `first_col` is its column.
    /// Only valid when no token is buffered.
    std::string rest(std::uint32_t& first_col) const {
        first_col = to_col(pos_);
        return pos_ < line_.size() ? line_.substr(pos_) : std::string();
    }
    std::uint32_t line_number() const { return in_.line_number(); }

private:
    bool lex(Token& t) {
        for (;;) {
            while (pos_ < line_.size() && is_space(line_[pos_])) ++pos_;
            if (pos_ < line_.size()) break;
            if (!in_.next(line_)) return false;
            pos_ = 0;
        }
        t.line = in_.line_number();
        t.col = to_col(pos_);
        const char c = line_[pos_];
        if (c == ':' || c == '=') {
            t.text.assign(1, c);
            ++pos_;
        } else if (c == '"') {
            pos_ = read_quoted(line_, pos_, t.col, t, in_);
        } else {
            std::size_t e = pos_;
            while (e < line_.size() && !is_space(line_[e]) && line_[e] != ':' && line_[e] != '=')
                ++e;
            t.text.assign(line_, pos_, e - pos_);
            pos_ = e;
        }
        return true;
    }

    LineReader& in_;
    std::string line_;
    std::size_t pos_ = 0;
    std::deque<Token> buf_;
};

/// Data tokens of one line: separated by spaces, tabs and commas; "..." is one token.
inline std::vector<Token> data_tokens(const std::string& text, std::uint32_t first_col,
                                      const LineReader& in) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (is_space(text[i])) {
            ++i;
            continue;
        }
        Token t;
        t.line = in.line_number();
        t.col = first_col + static_cast<std::uint32_t>(i);
        if (text[i] == '"') {
            i = read_quoted(text, i, t.col, t, in);
        } else {
            std::size_t e = i;
            while (e < text.size() && !is_space(text[e])) ++e;
            t.text.assign(text, i, e - i);
            i = e;
        }
        out.push_back(std::move(t));
    }
    return out;
}

enum class Format { fullmatrix, lowerhalf, upperhalf, edgelist1, nodelist1 };

inline bool is_matrix(Format f) {
    return f == Format::fullmatrix || f == Format::lowerhalf || f == Format::upperhalf;
}

inline const char* format_name(Format f) {
    switch (f) {
        case Format::lowerhalf:
            return "lowerhalf";
        case Format::upperhalf:
            return "upperhalf";
        default:
            return "fullmatrix";
    }
}

/// Labels name the same actor whatever their case (UCINET upper-cases every label).
inline std::string label_key(const std::string& text) { return ascii_lower(text); }

struct Label {
    std::string text;
    std::uint32_t line = 0, col = 0;
};

class DlParser {
public:
    explicit DlParser(const Source& source) : in_(source), lex_(in_) {
        const std::string& path = source.name;
        net_.format = "dl";
        net_.sources.push_back(path);
        net_.actors.path = path;
        net_.ties.path = path;
        net_.actors_authoritative = true;
        net_.directed = true;
        src_ = net_.ties.column(col::source);
        tgt_ = net_.ties.column(col::target);
    }
    RawNetwork run();

private:
    SourcePos at(const Token& t) const { return SourcePos{in_.path(), t.line, t.col}; }
    bool next_is(std::size_t k, const char* lower) {
        const Token* t = lex_.peek(k);
        return t != nullptr && !t->quoted && ascii_lower(t->text) == lower;
    }
    /// A header keyword next. `in_labels`: inside a label list, where only the '=' forms of
    /// n/nm/diagonal count (a label "N" followed by a label "12" is not "n 12").
    bool keyword_ahead(bool in_labels = false);
    void header();
    /// After `key`: '=' and a whole number; returns the number, its token in `value`.
    std::uint64_t assignment(const Token& key, Token& value);
    std::vector<Label> label_list(std::uint64_t count, const std::string& what);
    void set_labels(std::vector<Label> labels, const Token& keyword);
    void check_unique(const std::vector<Label>& labels) const;
    /// Reads the next non-blank data line into `tokens`; false at the end of the file.
    bool data_line(std::vector<Token>& tokens);
    void fullmatrix();
    void lists();
    std::string actor(const Token& t);
    void add_tie(const Token& from, const Token& to, const Token* weight, std::size_t matrix);
    std::string relation_name(std::size_t m) const {
        return m < matrix_labels_.size() ? matrix_labels_[m].text : std::to_string(m + 1);
    }

    LineReader in_;
    HeaderLexer lex_;
    RawNetwork net_;
    std::size_t src_ = 0, tgt_ = 0;

    std::optional<std::uint64_t> n_;
    Token n_token_;
    std::uint64_t nm_ = 1;
    Format format_ = Format::fullmatrix;
    bool diagonal_absent_ = false;
    bool embedded_ = false;
    std::vector<Label> labels_;  ///< from labels: / row labels: / column labels:
    std::string labels_keyword_;
    std::vector<Label> matrix_labels_;
    bool relations_ = false;

    // Data part.
    std::string first_rest_;
    std::uint32_t first_rest_col_ = 1;
    bool first_pending_ = false;
    std::uint32_t last_data_line_ = 0;
    std::uint32_t last_data_end_ = 0;
    // Labels met in embedded edgelist/nodelist data, in order of first appearance.
    std::unordered_map<std::string, std::size_t> seen_;
    std::vector<Label> seen_order_;
};

}  // namespace clusterlens::dl
