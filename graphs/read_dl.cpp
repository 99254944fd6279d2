// UCINET DL reader: the data sections (matrices, edge and node lists). See read_dl() below for
// what is supported; the header is parsed in read_dl_header.cpp.
#include "graphs/attributes.hpp"
#include "graphs/dl_parser.hpp"

namespace clusterlens {
namespace dl {

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

}  // namespace dl

using dl::DlParser;

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
RawNetwork read_dl(const Source& source) {
    DlParser parser(source);
    return parser.run();
}

RawNetwork read_dl(const std::string& path) { return read_dl(Source::file(path)); }

}  // namespace clusterlens
