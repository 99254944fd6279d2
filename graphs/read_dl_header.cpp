// UCINET DL: the header (dl, n, nm, format, diagonal, labels) and the label lists.
#include "graphs/dl_parser.hpp"
#include "graphs/limits.hpp"

namespace clusterlens::dl {

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
            if (n > input_limits().actors)
                throw limit_error(at(value), "n = " + std::to_string(n), Limit::actors);
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
    // A second 'n =' after the labels: they were counted against the first.
    if (!labels_.empty() && labels_.size() != *n_)
        throw InputError(at(n_token_), "n = " + std::to_string(*n_) + " comes after the " +
                                           std::to_string(labels_.size()) + " labels from line " +
                                           std::to_string(labels_.front().line) +
                                           ", read for the n before it; give n once, before "
                                           "the labels");
    if (matrix_labels_.size() > nm_) matrix_labels_.resize(static_cast<std::size_t>(nm_));
    if (nm_ > 1) relations_ = true;
    first_pending_ = true;
    first_rest_ = lex_.rest(first_rest_col_);
}

}  // namespace clusterlens::dl
