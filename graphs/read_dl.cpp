// UCINET DL reader. See read_dl() below for what is supported.
#include <charconv>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "graphs/attributes.hpp"
#include "graphs/readers.hpp"
#include "graphs/text_input.hpp"

namespace clusterlens {

namespace {

/// Most actors "n=" may declare (each becomes an actor row; a typo must not exhaust memory).
constexpr std::uint64_t max_actors = 10'000'000;
/// Most matrices "nm=" may declare.
constexpr std::uint64_t max_matrices = 10'000;

struct Token {
    std::string text;
    std::uint32_t line = 0;
    std::uint32_t col = 0;  ///< 1-based byte column (of the opening quote when quoted)
    bool quoted = false;
};

std::uint32_t to_col(std::size_t index) { return static_cast<std::uint32_t>(index + 1); }

bool is_space(char c) { return c == ' ' || c == '\t' || c == ','; }

/// Column just after a token (for "something is missing here" positions).
std::uint32_t end_col(const Token& t) {
    return t.col + static_cast<std::uint32_t>(t.text.size()) + (t.quoted ? 2u : 0u);
}

/// Text for a message: control characters shown as \xNN so that an invisible byte in a value
/// does not make "got '0'" look like a valid number.
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

std::optional<std::uint64_t> parse_count(const std::string& text) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    std::uint64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

/// Reads one quoted token starting at text[i] == '"'; returns the index after the closing quote.
/// `col` is the column of text[i] in the line.
std::size_t read_quoted(const std::string& text, std::size_t i, std::uint32_t col, Token& t,
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
std::vector<Token> data_tokens(const std::string& text, std::uint32_t first_col,
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

bool is_matrix(Format f) {
    return f == Format::fullmatrix || f == Format::lowerhalf || f == Format::upperhalf;
}

const char* format_name(Format f) {
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
std::string label_key(const std::string& text) { return ascii_lower(text); }

struct Label {
    std::string text;
    std::uint32_t line = 0, col = 0;
};

class DlParser {
public:
    explicit DlParser(const std::string& path) : in_(path), lex_(in_) {
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

bool DlParser::keyword_ahead(bool in_labels) {
    const Token* t = lex_.peek(0);
    if (t == nullptr || t->quoted) return false;
    const Token* u = lex_.peek(1);
    const std::string k = ascii_lower(t->text);
    const std::string v = u != nullptr && !u->quoted ? ascii_lower(u->text) : std::string();
    // UCINET also writes these without '=': "dl n 14", "DIAGONAL PRESENT".
    if (k == "n" || k == "nr" || k == "nc" || k == "nm")
        return v == "=" || (!in_labels && parse_count(v).has_value());
    if (k == "format") return v == "=";
    if (k == "diagonal") return v == "=" || (!in_labels && (v == "present" || v == "absent"));
    if (k == "labels") return v == ":" || v == "embedded";
    if (k == "row" || k == "column" || k == "col" || k == "matrix" || k == "level")
        return v == "labels";
    if (k == "data") return v == ":";
    return false;
}

std::uint64_t DlParser::assignment(const Token& key, Token& v) {
    if (const Token* eq = lex_.peek(); eq != nullptr && !eq->quoted && eq->text == "=")
        lex_.take();  // '=' (optional: "dl n 14")
    const Token* value = lex_.peek();
    if (value == nullptr)
        throw InputError(
            SourcePos{in_.path(), key.line, end_col(key) + 1},
            "expected a whole number after '" + key.text + " ='; e.g. '" + key.text + " = 5'");
    v = lex_.take();
    const auto number = parse_count(v.text);
    if (!number)
        throw InputError(at(v), "expected a whole number after '" + key.text + " =', got '" +
                                    v.text + "'; e.g. '" + key.text + " = 5'");
    return *number;
}

void DlParser::check_unique(const std::vector<Label>& labels) const {
    std::unordered_map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const auto [it, fresh] = first.emplace(label_key(labels[i].text), i);
        if (!fresh) {
            const auto& prev = labels[it->second];
            const SourcePos pos{in_.path(), labels[i].line, labels[i].col};
            if (prev.text != labels[i].text)
                throw InputError(pos, "label '" + labels[i].text + "' is '" + prev.text +
                                          "' (line " + std::to_string(prev.line) +
                                          ") in another case; UCINET ignores case in labels, so "
                                          "both name one actor; labels must be unique");
            throw InputError(pos, "label '" + labels[i].text + "' appears twice (first at line " +
                                      std::to_string(prev.line) +
                                      "); labels name actors and must be unique");
        }
    }
}

std::vector<Label> DlParser::label_list(std::uint64_t count, const std::string& what) {
    std::vector<Label> out;
    while (out.size() < count) {
        const Token* t = lex_.peek();
        if (t == nullptr || keyword_ahead(true)) {
            const SourcePos pos =
                t == nullptr ? SourcePos{in_.path(), lex_.line_number(), 0} : at(*t);
            throw InputError(
                pos, "'" + what + "' lists " + std::to_string(out.size()) + " labels but " +
                         std::to_string(count) + " are needed; give one label per " +
                         (what == "matrix labels:" || what == "level labels:" ? "matrix (nm)"
                                                                              : "actor (n)"));
        }
        Token tok = lex_.take();
        if (!tok.quoted && tok.text == "=") continue;  // UCINET allows '=' as a separator
        if (!tok.quoted && tok.text == ":")
            throw InputError(at(tok), "unexpected ':' in the labels after '" + what +
                                          "'; put labels containing ':' in double quotes");
        out.push_back(Label{std::move(tok.text), tok.line, tok.col});
    }
    return out;
}

void DlParser::set_labels(std::vector<Label> labels, const Token& keyword) {
    check_unique(labels);
    if (!labels_keyword_.empty()) {
        // One-mode data: row and column labels name the same actors, in the same order.
        for (std::size_t i = 0; i < labels.size() && i < labels_.size(); ++i)
            if (label_key(labels[i].text) != label_key(labels_[i].text))
                throw InputError(SourcePos{in_.path(), labels[i].line, labels[i].col},
                                 "label " + std::to_string(i + 1) + " '" + labels[i].text +
                                     "' differs from '" + labels_[i].text + "' given by '" +
                                     labels_keyword_ +
                                     "'; in one-mode data rows and columns name the same actors "
                                     "in the same order");
        return;
    }
    labels_ = std::move(labels);
    labels_keyword_ = keyword.text;
}

void DlParser::header() {
    const Token* first = lex_.peek();
    if (first == nullptr)
        throw InputError(SourcePos{in_.path(), 0, 0},
                         "the file is empty; a UCINET DL file starts with 'dl n=<actors>', then "
                         "'data:' and the data");
    if (first->quoted || ascii_lower(first->text) != "dl")
        throw InputError(at(*first), "expected 'dl' at the start of a UCINET DL file, got '" +
                                         first->text + "'; the first word must be 'dl'");
    lex_.take();
    bool after_labels = false;
    for (;;) {
        const Token* t = lex_.peek();
        if (t == nullptr)
            throw InputError(SourcePos{in_.path(), lex_.line_number(), 0},
                             "the file ends before 'data:'; the data of a DL file follow a "
                             "'data:' line");
        if (!keyword_ahead()) {
            if (after_labels)
                throw InputError(at(*t), "unexpected '" + t->text +
                                             "' after the labels: more labels than declared, or "
                                             "a misspelt keyword; check the count against n/nm");
            throw InputError(at(*t), "unexpected '" + t->text +
                                         "' in the DL header; expected a keyword such as 'n = 5', "
                                         "'format = edgelist1', 'labels:' or 'data:'");
        }
        after_labels = false;
        const Token key = lex_.take();
        const std::string k = ascii_lower(key.text);
        if (k == "n") {
            Token value;
            const auto n = assignment(key, value);
            if (n > max_actors)
                throw InputError(at(value), "n = " + std::to_string(n) +
                                                " is more than clusterlens reads (" +
                                                std::to_string(max_actors) + "); check the number");
            n_ = n;
            n_token_ = value;
        } else if (k == "nr" || k == "nc") {
            throw InputError(at(key),
                             "two-mode data ('" + key.text +
                                 " =') is not supported yet; clusterlens reads one-mode DL data "
                                 "declared with 'n = <actors>'");
        } else if (k == "nm") {
            Token value;
            const auto nm = assignment(key, value);
            if (nm == 0 || nm > max_matrices)
                throw InputError(at(value), "nm = " + std::to_string(nm) +
                                                " is not a usable number of matrices; give 1.." +
                                                std::to_string(max_matrices));
            nm_ = nm;
        } else if (k == "format") {
            lex_.take();  // '='
            const Token* v = lex_.peek();
            if (v == nullptr)
                throw InputError(at(key),
                                 "expected a format name after 'format ='; e.g. "
                                 "'format = edgelist1'");
            const Token value = lex_.take();
            const std::string f = ascii_lower(value.text);
            if (f == "fullmatrix" || f == "fm")
                format_ = Format::fullmatrix;
            else if (f == "lowerhalf" || f == "lh")
                format_ = Format::lowerhalf;
            else if (f == "upperhalf" || f == "uh")
                format_ = Format::upperhalf;
            else if (f == "edgelist1" || f == "el1" || f == "edgelist")
                format_ = Format::edgelist1;
            else if (f == "nodelist1" || f == "nl1" || f == "nodelist")
                format_ = Format::nodelist1;
            else
                throw InputError(at(value),
                                 "format '" + value.text +
                                     "' is not supported yet; clusterlens reads "
                                     "fullmatrix, lowerhalf, upperhalf, edgelist1 and nodelist1");
        } else if (k == "diagonal") {
            if (next_is(0, "=")) lex_.take();  // '=' (optional: "DIAGONAL PRESENT")
            const Token* v = lex_.peek();
            const std::string d = v != nullptr ? ascii_lower(v->text) : std::string();
            if (d != "present" && d != "absent")
                throw InputError(v != nullptr ? at(*v) : at(key),
                                 "expected 'present' or 'absent' after 'diagonal ='");
            lex_.take();
            diagonal_absent_ = d == "absent";
        } else if (k == "data") {
            lex_.take();  // ':'
            break;
        } else {
            // labels / row labels / column labels / matrix labels, each ':' or 'embedded'.
            std::string what = k;
            if (k != "labels") {
                lex_.take();  // "labels"
                what = k + " labels";
            }
            const Token* u = lex_.peek();
            const std::string v = u != nullptr ? ascii_lower(u->text) : std::string();
            if (v == "embedded") {
                if (k == "matrix" || k == "level")
                    throw InputError(at(*u),
                                     "'matrix labels embedded' is not supported; list "
                                     "the matrix names after 'matrix labels:'");
                lex_.take();
                if (const Token* c = lex_.peek(); c != nullptr && !c->quoted && c->text == ":")
                    lex_.take();
                embedded_ = true;  // with 'labels:' too, the list fixes the actors' order
                continue;
            }
            if (v != ":")
                throw InputError(u != nullptr ? at(*u) : at(key),
                                 "expected ':' or 'embedded' after '" + what + "'; e.g. '" + what +
                                     ":' followed by the labels");
            lex_.take();  // ':'
            if (k == "matrix" || k == "level") {
                // "level labels:" is how UCINET writes the matrices' names.
                matrix_labels_ = label_list(nm_, what + ":");
                relations_ = true;
            } else {
                if (!n_)
                    throw InputError(at(key), "'" + what +
                                                  ":' comes before 'n ='; declare the "
                                                  "number of actors first (e.g. 'dl n=5')");
                set_labels(label_list(*n_, what + ":"), key);
            }
            after_labels = true;
        }
    }
    if (!n_)
        throw InputError(SourcePos{in_.path(), lex_.line_number(), 0},
                         "the header does not give the number of actors; write 'dl n=5' (n = "
                         "number of actors)");
    if (matrix_labels_.size() > nm_) matrix_labels_.resize(static_cast<std::size_t>(nm_));
    if (nm_ > 1) relations_ = true;
    first_pending_ = true;
    first_rest_ = lex_.rest(first_rest_col_);
}

bool DlParser::data_line(std::vector<Token>& tokens) {
    for (;;) {
        if (first_pending_) {
            first_pending_ = false;
            tokens = data_tokens(first_rest_, first_rest_col_, in_);
        } else {
            std::string line;
            if (!in_.next(line)) return false;
            tokens = data_tokens(line, 1, in_);
        }
        if (!tokens.empty()) {
            last_data_line_ = tokens.back().line;
            last_data_end_ = end_col(tokens.back());
            return true;
        }
    }
}

std::string DlParser::actor(const Token& t) {
    if (embedded_) {
        // fullmatrix rows and columns were matched to the column labels already.
        if (is_matrix(format_)) return t.text;
        const auto it = seen_.find(label_key(t.text));
        if (it != seen_.end()) return seen_order_[it->second].text;  // as first written
        if (seen_order_.size() >= *n_)
            throw InputError(at(t), "label '" + t.text +
                                        "' makes more than n = " + std::to_string(*n_) +
                                        " different actors; raise n or correct the label");
        seen_.emplace(label_key(t.text), seen_order_.size());
        seen_order_.push_back(Label{t.text, t.line, t.col});
        return t.text;
    }
    const auto k = parse_count(t.text);
    if (!k || *k == 0 || *k > *n_)
        throw InputError(at(t), "expected an actor number 1.." + std::to_string(*n_) + ", got '" +
                                    shown(t.text) +
                                    "'; without 'labels embedded' the data refer to actors by "
                                    "number");
    const auto i = static_cast<std::size_t>(*k - 1);
    return labels_.empty() ? t.text : labels_[i].text;
}

void DlParser::add_tie(const Token& from, const Token& to, const Token* weight,
                       std::size_t matrix) {
    auto& ties = net_.ties;
    const auto row = ties.add_row(to.line);
    ties.set(src_, row, actor(from), from.col);
    ties.set(tgt_, row, actor(to), to.col);
    if (weight != nullptr) ties.set(ties.column(col::weight), row, weight->text, weight->col);
    if (relations_) ties.set(ties.column(col::relation), row, relation_name(matrix), 0);
}

void DlParser::fullmatrix() {
    const auto n = static_cast<std::size_t>(*n_);
    const std::size_t skip = diagonal_absent_ ? 1 : 0;
    const bool full = format_ == Format::fullmatrix;
    // Row i (0-based) holds the cells of columns first_column(i) .. first_column(i) + values(i) -
    // 1, leaving out the diagonal cell when it is absent.
    const auto values = [&](std::size_t i) -> std::size_t {
        if (format_ == Format::lowerhalf) return i + 1 - skip;
        if (format_ == Format::upperhalf) return n - i - skip;
        return n - skip;
    };
    const auto column_of = [&](std::size_t i, std::size_t k) -> std::size_t {
        if (format_ == Format::upperhalf) return i + skip + k;
        if (format_ == Format::fullmatrix && skip == 1 && k >= i) return k + 1;
        return k;
    };
    const std::string article = format_ == Format::upperhalf ? "an " : "a ";
    std::size_t rows_per_matrix = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (embedded_ || values(i) > 0) ++rows_per_matrix;
    std::vector<Token> tokens;
    std::vector<Label> columns;  // embedded: the column labels
    std::unordered_map<std::string, std::size_t> column_index;
    const auto ends_early = [&](const std::string& what) {
        const std::string shape =
            full && skip == 0 ? std::to_string(n) + " rows of " + std::to_string(n) + " values"
                              : std::to_string(rows_per_matrix) + " rows";
        return InputError(SourcePos{in_.path(), last_data_line_, last_data_end_},
                          "the data end before " + what + "; " + article + format_name(format_) +
                              " needs " + shape + " per matrix (n = " + std::to_string(n) +
                              ", nm = " + std::to_string(nm_) +
                              (skip == 1 ? ", diagonal absent" : "") + ")");
    };
    const auto same_labels = [&](const std::vector<Token>& row) {
        for (std::size_t j = 0; j < n; ++j)
            if (label_key(row[j].text) != label_key(columns[j].text)) return false;
        return true;
    };
    bool have_line = false;
    for (std::size_t m = 0; m < nm_; ++m) {
        const std::string mname = nm_ > 1 ? " of matrix " + std::to_string(m + 1) : "";
        if (embedded_) {
            if (!have_line && !data_line(tokens)) throw ends_early("the column labels" + mname);
            have_line = false;
            // Later matrices may repeat the column label row. In a half matrix a data row can
            // have n items too, so there only a row naming the same labels counts as one.
            const bool label_row = m == 0 || (tokens.size() == n && (full || same_labels(tokens)));
            if (label_row) {
                if (tokens.size() != n)
                    throw InputError(at(tokens.size() > n ? tokens[n] : tokens.back()),
                                     "the column labels row has " + std::to_string(tokens.size()) +
                                         " labels but n = " + std::to_string(n) +
                                         "; with 'labels embedded' the first data row names the " +
                                         std::to_string(n) + " columns");
                std::vector<Label> row;
                for (const auto& t : tokens) row.push_back(Label{t.text, t.line, t.col});
                if (m == 0) {
                    check_unique(row);
                    // With 'labels:' as well, the embedded labels must be the same actors.
                    for (std::size_t j = 0; j < labels_.size() && j < n; ++j)
                        if (label_key(row[j].text) != label_key(labels_[j].text))
                            throw InputError(at(tokens[j]),
                                             "column label '" + row[j].text + "' differs from '" +
                                                 labels_[j].text + "' given by '" +
                                                 labels_keyword_ +
                                                 ":'; both name the same actors in the same "
                                                 "order (case is ignored)");
                    columns = std::move(row);
                    for (std::size_t j = 0; j < columns.size(); ++j)
                        column_index.emplace(label_key(columns[j].text), j);
                } else {
                    for (std::size_t j = 0; j < n; ++j)
                        if (label_key(row[j].text) != label_key(columns[j].text))
                            throw InputError(at(tokens[j]),
                                             "column label '" + row[j].text + "'" + mname +
                                                 " differs from '" + columns[j].text +
                                                 "' in the first matrix; every matrix has the "
                                                 "same actors in the same order");
                }
            } else {
                have_line = true;  // matrix m has no column label row: this is its first row
            }
        }
        std::vector<char> row_seen(embedded_ ? n : 0, 0);
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t count = values(i);
            if (count == 0 && !embedded_) continue;  // e.g. row 1 of a lowerhalf, diagonal absent
            const std::size_t width = embedded_ ? count + 1 : count;
            if (!have_line && !data_line(tokens))
                throw ends_early("row " + std::to_string(i + 1) + mname);
            have_line = false;
            if (tokens.size() != width) {
                const std::uint32_t c =
                    tokens.size() > width ? tokens[width].col : end_col(tokens.back());
                const std::string items = embedded_
                                              ? "its label and " + std::to_string(count) + " values"
                                              : std::to_string(count) + " values";
                const std::string shape =
                    full && skip == 0 ? ""
                                      : std::string(" in ") + article + format_name(format_) +
                                            (skip == 1 ? " with the diagonal absent" : "");
                throw InputError(SourcePos{in_.path(), tokens.back().line, c},
                                 "row " + std::to_string(i + 1) + mname + " has " +
                                     std::to_string(tokens.size()) + " items but needs " + items +
                                     shape + " (n = " + std::to_string(n) +
                                     "); write each row of the matrix on one line");
            }
            Token from;
            std::size_t first = 0;
            if (embedded_) {
                from = tokens[0];
                const auto it = column_index.find(label_key(from.text));
                if (it == column_index.end())
                    throw InputError(at(from), "row label '" + from.text +
                                                   "' is not one of the column labels; in "
                                                   "one-mode data rows and columns name the "
                                                   "same actors");
                if (row_seen[it->second] != 0)
                    throw InputError(at(from), "row label '" + from.text + "' appears twice" +
                                                   mname + "; each actor has one row");
                if (!full && it->second != i)
                    throw InputError(at(from), "row label '" + from.text + "' is in row " +
                                                   std::to_string(i + 1) + " but names column " +
                                                   std::to_string(it->second + 1) + "; in a " +
                                                   format_name(format_) +
                                                   " the rows follow the column order");
                row_seen[it->second] = 1;
                from.text = columns[it->second].text;  // "Larry" is the column "larry"
                first = 1;
            } else {
                from = Token{std::to_string(i + 1), tokens[0].line, 0, false};
            }
            const std::size_t row_actor = embedded_ ? column_index[label_key(from.text)] : i;
            for (std::size_t k = 0; k < count; ++k) {
                const Token& cell = tokens[first + k];
                const auto value = parse_number(cell.text);
                if (!value)
                    throw InputError(at(cell), "expected a number, got '" + shown(cell.text) +
                                                   "'; matrix entries are numbers (0 = no tie)");
                if (*value == 0) continue;
                const std::size_t j = full ? column_of(row_actor, k) : column_of(i, k);
                const Token to = embedded_
                                     ? Token{columns[j].text, cell.line, cell.col, true}
                                     : Token{std::to_string(j + 1), cell.line, cell.col, false};
                add_tie(from, to, &cell, m);
                // A half matrix stands for a symmetric one: the cell (i,j) is also (j,i).
                if (!full && j != i) add_tie(to, from, &cell, m);
            }
        }
    }
    if (data_line(tokens))
        throw InputError(at(tokens[0]),
                         "more data than the header declares: n = " + std::to_string(n) +
                             " and nm = " + std::to_string(nm_) + " give " +
                             std::to_string(static_cast<std::uint64_t>(rows_per_matrix) * nm_) +
                             " rows; remove the extra lines or correct n/nm");
    if (embedded_) labels_ = std::move(columns);
}

void DlParser::lists() {
    std::vector<Token> tokens;
    std::size_t m = 0;
    while (data_line(tokens)) {
        if (tokens.size() == 1 && !tokens[0].quoted && tokens[0].text == "!") {
            ++m;  // "!" separates the matrices of an nm > 1 file
            if (m >= nm_)
                throw InputError(at(tokens[0]),
                                 "more matrices ('!' separators) than nm = " + std::to_string(nm_) +
                                     "; correct nm or remove a '!'");
            continue;
        }
        if (format_ == Format::edgelist1) {
            if (tokens.size() < 2 || tokens.size() > 3)
                throw InputError(at(tokens.size() < 2 ? tokens[0] : tokens[3]),
                                 "an edgelist1 line is 'from to [value]'; this line has " +
                                     std::to_string(tokens.size()) + " items");
            const Token* weight = nullptr;
            if (tokens.size() == 3) {
                if (!parse_number(tokens[2].text))
                    throw InputError(at(tokens[2]), "expected a number as the tie value, got '" +
                                                        shown(tokens[2].text) +
                                                        "'; an edgelist1 line is 'from to "
                                                        "[value]'");
                weight = &tokens[2];
            }
            add_tie(tokens[0], tokens[1], weight, m);
        } else {
            actor(tokens[0]);  // a lone "a" is an actor without out-ties
            for (std::size_t k = 1; k < tokens.size(); ++k)
                add_tie(tokens[0], tokens[k], nullptr, m);
        }
    }
    if (nm_ > 1 && m + 1 < nm_)
        net_.warnings.push_back(
            Warning{SourcePos{in_.path(), last_data_line_, 0},
                    "nm = " + std::to_string(nm_) + " but the data hold " + std::to_string(m + 1) +
                        " matrices; separate the matrices of an edge or node list with a line "
                        "holding '!'"});
}

RawNetwork DlParser::run() {
    header();
    if (is_matrix(format_)) {
        fullmatrix();
    } else {
        if (embedded_) {
            // 'labels:' with 'labels embedded': the list gives the first actors, in its order,
            // and the data name actors by label (as igraph reads it).
            for (auto& l : labels_) {
                seen_.emplace(label_key(l.text), seen_order_.size());
                seen_order_.push_back(std::move(l));
            }
            labels_.clear();
        }
        lists();
        if (embedded_) {
            labels_ = std::move(seen_order_);
            if (labels_.size() < *n_)
                net_.warnings.push_back(Warning{
                    SourcePos{in_.path(), n_token_.line, n_token_.col},
                    "n = " + std::to_string(*n_) + " but only " + std::to_string(labels_.size()) +
                        " labels appear in the data; the other actors have no label and are "
                        "left out"});
        }
    }

    auto& actors = net_.actors;
    const auto id = actors.column(col::id);
    if (!labels_.empty() || embedded_) {
        for (auto& l : labels_) {
            const auto row = actors.add_row(l.line);
            actors.set(id, row, std::move(l.text), l.col);
        }
    } else {
        const auto n = static_cast<std::size_t>(*n_);
        actors.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            const auto row = actors.add_row(n_token_.line);
            actors.set(id, row, std::to_string(i + 1), n_token_.col);
        }
    }
    auto warnings = in_.take_warnings();
    for (auto& w : net_.warnings) warnings.push_back(std::move(w));
    net_.warnings = std::move(warnings);
    return std::move(net_);
}

}  // namespace

/// Reads a one-mode UCINET DL file (optionally gzip-compressed).
///
/// Supported header (keywords case-insensitive, in any order, on one or many lines, separated by
/// spaces, commas or line ends): `dl` first; `n = 5` (required, before any labels; also `n 5`,
/// as `nm 3`); `nm = 3`; `format = fullmatrix | fm | lowerhalf | lh | upperhalf | uh | edgelist1
/// | el1 | nodelist1 | nl1` (default fullmatrix; the spellings `edgelist`/`nodelist` are taken
/// as edgelist1/nodelist1); `diagonal = present | absent` (also without '=', as UCINET writes
/// `FORMAT = FULLMATRIX DIAGONAL PRESENT`); `labels:` / `row labels:` / `column labels:`
/// followed by n labels (separated by spaces, commas, '=' or line ends; "quoted" labels may hold
/// spaces); `labels embedded` (also `row/column labels embedded`, with or without ':'), alone or
/// together with a `labels:` list; `matrix labels:` or `level labels:` (UCINET's name) followed
/// by nm names; `data:` then the data (which may start on the same line). Labels that differ
/// only in case name the same actor, as in UCINET; the actor keeps the first spelling.
///
/// Data:
/// - fullmatrix: exactly n lines of n numbers per matrix, matrices one after the other. A nonzero
///   entry (i,j) is a tie i->j with Weight = the entry as written. With labels embedded the
///   first data line holds the n column labels and every row starts with its label (later
///   matrices may repeat the column label line). Rows are matched to actors by label.
///   `diagonal = absent`: each row leaves out its diagonal cell (n - 1 values).
/// - lowerhalf / upperhalf: row i holds the cells (i,1..i) / (i,i..n), without (i,i) when the
///   diagonal is absent (then a lowerhalf has no line for row 1, an upperhalf none for row n).
///   A half matrix stands for a symmetric one: a nonzero cell gives the arcs i->j and j->i, so
///   it is read like the symmetric full matrix it abbreviates (see Result).
/// - edgelist1: `from to [value]` per line; nodelist1: `a b c d` = a->b, a->c, a->d. Actors are
///   numbers 1..n, or labels with `labels embedded` (then actors are the labels in order of first
///   appearance; fewer than n gives a warning). An nm > 1 list separates its matrices with a
///   line holding `!`. A listed value of 0 is kept as a tie with Weight "0" (assembly decides).
///
/// Result: actor Id = the label when labels are given, else "1".."n"; actors_authoritative;
/// directed = true (UCINET treats every matrix as directed; symmetric data give both ties).
/// With nm > 1 or matrix labels, every tie gets a "relation": the matrix label, else "1","2"...
/// load_network then reads a network whose every arc has its reverse with the same weight as
/// undirected, one tie per pair (PADGETT.DAT's 40 marriage arcs are 20 ties).
///
/// Not supported (InputError saying so): two-mode data (nr/nc), formats edgelist2, nodelist2,
/// blockmatrix, edgearray, external data files,
/// missing-value codes, rows of a fullmatrix wrapped over several lines. Labels are kept as
/// written (UCINET itself upper-cases and truncates them to 18 characters).
/// Odd cases (all InputErrors at line:col): a label count other than n (or nm), duplicate labels,
/// row and column labels that differ, an actor number outside 1..n, a non-numeric matrix entry
/// or edgelist value, a wrong number of rows or values per row, data beyond nm matrices.
RawNetwork read_dl(const std::string& path) {
    DlParser parser(path);
    return parser.run();
}

}  // namespace clusterlens
