// Pajek .net reader (and .clu partitions, read_pajek_clu.cpp). See read_pajek() below for what
// is supported.
#include "graphs/attributes.hpp"
#include "graphs/limits.hpp"
#include "graphs/pajek_parser.hpp"

namespace clusterlens {
namespace pajek {

std::uint64_t PajekParser::vertex(const Token& t) const {
    const auto v = parse_count(t.text);
    const bool digits =
        !t.text.empty() && t.text.find_first_not_of("0123456789") == std::string::npos;
    if (!digits)
        throw InputError(in_.pos(t.col), "expected a vertex number (1.." + std::to_string(n_) +
                                             "), got '" + shown(t.text) +
                                             "'; ties refer to vertices by their number on the "
                                             "*Vertices lines");
    if (!v || *v == 0 || *v > n_)
        throw InputError(in_.pos(t.col), "vertex " + shown(t.text) + " is out of range " +
                                             (n_ == 0 ? std::string("(there are no vertices)")
                                                      : "1.." + std::to_string(n_)) +
                                             "; *Vertices declares " + std::to_string(n_));
    return *v;
}

void PajekParser::add_tie(const Token& from, const Token& to, const Token* weight) {
    const auto a = vertex(from);
    const auto b = vertex(to);
    auto& ties = net_.ties;
    const auto row = ties.add_row(in_.line_number());
    ties.set(src_, row, std::to_string(a), from.col);
    ties.set(tgt_, row, std::to_string(b), to.col);
    if (weight != nullptr) ties.set(ties.column(col::weight), row, weight->text, weight->col);
    if (relation_) ties.set(ties.column(col::relation), row, *relation_, 0);
    const bool directed =
        section_ == Section::arcs || section_ == Section::arcslist || section_ == Section::matrix;
    directed_.push_back(directed ? 1 : 0);
}

void PajekParser::end_section() {
    if (section_ == Section::matrix && matrix_rows_ != n_)
        throw InputError(SourcePos{in_.path(), section_line_, 1},
                         section_name_ + " has " + std::to_string(matrix_rows_) +
                             " rows but *Vertices declares " + std::to_string(n_) +
                             "; give one row of " + std::to_string(n_) + " values per vertex");
    section_ = Section::none;
}

void PajekParser::section_header(const std::vector<Token>& raw) {
    // Split "*Arcs:2" into "*Arcs" ":2".
    std::vector<Token> tokens = raw;
    if (const auto colon = tokens[0].text.find(':'); colon != std::string::npos) {
        Token rest{tokens[0].text.substr(colon), tokens[0].col + static_cast<std::uint32_t>(colon),
                   false};
        tokens[0].text.resize(colon);
        tokens.insert(tokens.begin() + 1, std::move(rest));
    }
    const std::string keyword = ascii_lower(tokens[0].text);
    end_section();
    section_name_ = tokens[0].text;
    section_line_ = in_.line_number();

    if (keyword == "*network") return;  // the network's name: nothing to keep
    if (keyword == "*vertices") {
        if (have_vertices_)
            throw InputError(in_.pos(tokens[0].col),
                             "a second *Vertices line (the first is at line " +
                                 std::to_string(vertices_line_) +
                                 "); a .net file holds one network: split Pajek project files "
                                 "into one .net file per network");
        if (tokens.size() < 2)
            throw InputError(
                in_.pos(tokens[0].col + static_cast<std::uint32_t>(tokens[0].text.size())),
                "expected a number of vertices after *Vertices (e.g. '*Vertices 12')");
        const auto n = parse_count(tokens[1].text);
        const bool digits = !tokens[1].text.empty() &&
                            tokens[1].text.find_first_not_of("0123456789") == std::string::npos;
        if (!n && !digits)
            throw InputError(in_.pos(tokens[1].col),
                             "expected a number of vertices after *Vertices, got '" +
                                 tokens[1].text + "' (e.g. '*Vertices 12')");
        if (!n || *n > input_limits().actors)
            throw limit_error(in_.pos(tokens[1].col), "*Vertices " + tokens[1].text, Limit::actors);
        if (tokens.size() >= 3)
            throw InputError(in_.pos(tokens[2].col),
                             "two-mode Pajek networks ('*Vertices n n1') are not supported yet; "
                             "write a one-mode network with '*Vertices n'");
        n_ = *n;
        have_vertices_ = true;
        vertices_line_ = in_.line_number();
        vertices_col_ = tokens[1].col;
        vertices_.clear();  // grown as vertex lines come: a declared count allocates nothing
        section_ = Section::vertices;
        return;
    }

    Section s = Section::none;
    if (keyword == "*arcs")
        s = Section::arcs;
    else if (keyword == "*edges")
        s = Section::edges;
    else if (keyword == "*arcslist")
        s = Section::arcslist;
    else if (keyword == "*edgeslist")
        s = Section::edgeslist;
    else if (keyword == "*matrix")
        s = Section::matrix;
    else
        throw InputError(in_.pos(tokens[0].col),
                         "unknown section '" + tokens[0].text +
                             "'; a Pajek .net file has *Network, *Vertices, *Arcs, *Edges, "
                             "*Arcslist, *Edgeslist and *Matrix sections (partitions go in "
                             "separate .clu files)");
    if (!have_vertices_)
        throw InputError(in_.pos(tokens[0].col), tokens[0].text +
                                                     " comes before *Vertices; start the file with "
                                                     "'*Vertices n' and the vertex lines");

    // Optional relation: ":k" or ": k", then an optional name.
    relation_.reset();
    std::size_t i = 1;
    if (i < tokens.size() && !tokens[i].quoted && tokens[i].text.rfind(':', 0) == 0) {
        std::string number = tokens[i].text.substr(1);
        std::uint32_t number_col = tokens[i].col + 1;
        ++i;
        if (number.empty() && i < tokens.size() && !tokens[i].quoted) {
            number = tokens[i].text;
            number_col = tokens[i].col;
            ++i;
        }
        if (!parse_count(number))
            throw InputError(in_.pos(number_col), "expected a relation number after ':', got '" +
                                                      number + "' (e.g. '" + tokens[0].text +
                                                      " :2 \"advice\"')");
        relation_ = number;
        if (i < tokens.size()) {
            relation_ = tokens[i].text;
            ++i;
        }
    }
    if (i < tokens.size())
        throw InputError(in_.pos(tokens[i].col), "unexpected '" + tokens[i].text + "' after " +
                                                     tokens[0].text +
                                                     "; a relation is written as ':2 \"advice\"'");
    section_ = s;
    matrix_rows_ = 0;
    if (s == Section::arcs || s == Section::arcslist || s == Section::matrix)
        any_arcs_ = true;
    else
        any_edges_ = true;
}

void PajekParser::vertex_line(const std::vector<Token>& tokens) {
    const auto v = vertex(tokens[0]);
    if (v > vertices_.size()) vertices_.resize(static_cast<std::size_t>(v));
    auto& slot = vertices_[static_cast<std::size_t>(v - 1)];
    if (slot.line != 0)
        throw InputError(in_.pos(tokens[0].col),
                         "vertex " + tokens[0].text + " is listed twice (first at line " +
                             std::to_string(slot.line) + "); remove one of the lines");
    slot.line = in_.line_number();
    slot.id_col = tokens[0].col;
    if (tokens.size() >= 2) {
        slot.label = tokens[1].text;
        slot.label_col = tokens[1].col;
    }
    // Coordinates: the numbers right after the label, "x y [z]". Shapes and colours (box, ic Red,
    // x_fact 2, ...) are drawing hints: ignored, and so is z. A line whose label is followed by a
    // keyword has no position; a number there must be followed by a second one (y).
    if (tokens.size() < 3 || tokens[2].quoted) return;
    const auto x = parse_number(tokens[2].text);
    if (!x) return;
    const auto y = tokens.size() >= 4 && !tokens[3].quoted ? parse_number(tokens[3].text)
                                                           : std::optional<double>();
    if (!y) {
        const std::uint32_t at =
            tokens.size() >= 4 ? tokens[3].col
                               : tokens[2].col + static_cast<std::uint32_t>(tokens[2].text.size());
        throw InputError(
            in_.pos(at),
            "vertex " + tokens[0].text + " has an x coordinate (" + tokens[2].text + ") but " +
                (tokens.size() >= 4 ? "'" + shown(tokens[3].text) + "' is not a y coordinate"
                                    : std::string("no y coordinate")) +
                "; a vertex line is 'n \"label\" x y [z]' followed by optional "
                "keywords (ic Red, box, ...): give both coordinates or neither");
    }
    if (!std::isfinite(*x) || !std::isfinite(*y))
        throw InputError(in_.pos(std::isfinite(*x) ? tokens[3].col : tokens[2].col),
                         "vertex " + tokens[0].text +
                             " has a coordinate that is not a finite number; write coordinates "
                             "such as 0.25 (Pajek draws in [0,1])");
    slot.x = tokens[2].text;
    slot.x_col = tokens[2].col;
    // Pajek's y axis points down the screen. 15 significant digits: what a double holds for
    // sure, so 1 - 0.8 is stored as 0.2 rather than as its binary result 0.19999999999999996.
    slot.y = fmt::format("{:.15g}", 1.0 - *y);
    slot.y_col = tokens[3].col;
    any_position_ = true;
}

void PajekParser::tie_line(const std::vector<Token>& tokens) {
    if (tokens.size() < 2)
        throw InputError(in_.pos(tokens[0].col),
                         "a line in " + section_name_ +
                             " needs two vertex numbers and an optional weight ('from to "
                             "[weight]'); add the other vertex");
    const Token* weight = nullptr;
    if (tokens.size() >= 3) {
        // The third token is the weight unless it is one of Pajek's drawing keywords ("c Blue",
        // "l \"text\"", "w 2"...), which start with a letter; a tie without a weight then.
        // Anything else is copied as written; assembly checks that it is a number.
        const auto& t = tokens[2];
        const bool keyword =
            !t.quoted && !t.text.empty() &&
            ((t.text[0] >= 'a' && t.text[0] <= 'z') || (t.text[0] >= 'A' && t.text[0] <= 'Z')) &&
            !parse_number(t.text);
        if (!keyword) weight = &t;
    }
    add_tie(tokens[0], tokens[1], weight);
}

void PajekParser::list_line(const std::vector<Token>& tokens) {
    // "a b c d": a -> b, a -> c, a -> d. A lone "a" lists no ties (allowed).
    vertex(tokens[0]);
    for (std::size_t k = 1; k < tokens.size(); ++k) add_tie(tokens[0], tokens[k], nullptr);
}

void PajekParser::matrix_line(const std::vector<Token>& tokens) {
    if (matrix_rows_ >= n_)
        throw InputError(in_.pos(tokens[0].col),
                         "more rows in " + section_name_ + " than the " + std::to_string(n_) +
                             " vertices *Vertices declares; remove the extra rows");
    if (tokens.size() != n_) {
        const std::uint32_t col = tokens.size() > n_
                                      ? tokens[static_cast<std::size_t>(n_)].col
                                      : col_of(tokens.back().col - 1 + tokens.back().text.size() +
                                               (tokens.back().quoted ? 2 : 0));
        throw InputError(in_.pos(col), "row " + std::to_string(matrix_rows_ + 1) + " of " +
                                           section_name_ + " has " + std::to_string(tokens.size()) +
                                           " values but *Vertices declares " + std::to_string(n_) +
                                           "; give exactly " + std::to_string(n_) +
                                           " values per row");
    }
    const auto from = matrix_rows_ + 1;
    for (std::size_t j = 0; j < tokens.size(); ++j) {
        const auto value = parse_number(tokens[j].text);
        if (!value)
            throw InputError(in_.pos(tokens[j].col),
                             "expected a number in " + section_name_ + ", got '" +
                                 shown(tokens[j].text) +
                                 "'; write 0 for no tie and the tie's value otherwise");
        if (*value == 0) continue;
        const Token a{std::to_string(from), 0, false};
        const Token b{std::to_string(j + 1), tokens[j].col, false};
        add_tie(a, b, &tokens[j]);
    }
    ++matrix_rows_;
}

void PajekParser::apply_id_lines() {
    // The ids write_pajek keeps on "%clusterlens id k \"id\"" lines replace the vertex numbers,
    // for every vertex or none (a file with some is not one clusterlens wrote, or was edited).
    if (id_lines_.empty()) return;
    std::vector<std::uint32_t> seen(static_cast<std::size_t>(n_), 0);
    for (const auto& [t, line] : id_lines_) {
        const auto v = *parse_count(t.number);
        const SourcePos at{in_.path(), line, t.number_col};
        if (v == 0 || v > n_)
            throw InputError(at, "the '%clusterlens id' line names vertex " + t.number +
                                     ", out of range 1.." + std::to_string(n_) +
                                     "; fix the number or remove the line");
        auto& first = seen[static_cast<std::size_t>(v - 1)];
        if (first != 0)
            throw InputError(at, "vertex " + t.number + " has a second '%clusterlens id' line " +
                                     "(the first is at line " + std::to_string(first) +
                                     "); remove one");
        first = line;
        net_.actors.set(net_.actors.column(col::id), static_cast<std::size_t>(v - 1), t.value,
                        t.value_col);
    }
    if (id_lines_.size() != n_)
        throw InputError(SourcePos{in_.path(), std::get<1>(id_lines_.front()), 1},
                         std::to_string(id_lines_.size()) + " of the " + std::to_string(n_) +
                             " vertices have a '%clusterlens id' line; give one for every "
                             "vertex, or remove them all (the vertex numbers are then the ids)");
    // The ties name vertices by number: name them by the ids instead.
    const auto id = net_.actors.column(col::id);
    for (const auto c : {src_, tgt_})
        for (std::size_t r = 0; r < net_.ties.rows(); ++r) {
            auto& cell = net_.ties.cell(c, r);
            cell = net_.actors.cell(id, static_cast<std::size_t>(*parse_count(cell) - 1));
        }
}

RawNetwork PajekParser::run() {
    std::string line;
    bool any_text = false;
    while (in_.next(line)) {
        if (line.find_first_not_of(" \t") != std::string::npos) any_text = true;
        if (auto id = tagged_comment(line, "id", in_)) {
            id_lines_.emplace_back(std::move(*id), in_.line_number());
            continue;
        }
        if (is_blank_or_comment(line)) continue;
        const auto tokens = tokenize(line, in_);
        if (!tokens[0].quoted && tokens[0].text[0] == '*') {
            section_header(tokens);
            continue;
        }
        switch (section_) {
            case Section::none:
                throw InputError(in_.pos(tokens[0].col),
                                 "expected a section line such as '*Vertices 5' before the data; "
                                 "a Pajek network starts with '*Vertices n'");
            case Section::vertices:
                vertex_line(tokens);
                break;
            case Section::arcs:
            case Section::edges:
                tie_line(tokens);
                break;
            case Section::arcslist:
            case Section::edgeslist:
                list_line(tokens);
                break;
            case Section::matrix:
                matrix_line(tokens);
                break;
        }
    }
    if (!any_text)
        throw InputError(SourcePos{in_.path(), 0, 0},
                         "the file is empty; a Pajek network starts with '*Vertices n' followed "
                         "by vertex and *Arcs/*Edges lines");
    if (!have_vertices_)
        throw InputError(SourcePos{in_.path(), 0, 0},
                         "no '*Vertices n' line; a Pajek network starts with '*Vertices n' "
                         "followed by vertex and *Arcs/*Edges lines");
    end_section();

    // Actors: vertex numbers 1..n, labelled when listed. Unlisted vertices point at *Vertices.
    auto& actors = net_.actors;
    const auto id = actors.column(col::id);
    const auto label = actors.column(col::label);
    const Vertex unlisted;
    for (std::size_t v = 0; v < n_; ++v) {
        const auto& info = v < vertices_.size() ? vertices_[v] : unlisted;
        const auto row = actors.add_row(info.line != 0 ? info.line : vertices_line_);
        actors.set(id, row, std::to_string(v + 1), info.line != 0 ? info.id_col : vertices_col_);
        actors.set(label, row, info.label, info.label_col);
    }
    apply_id_lines();
    if (any_position_) {
        const auto x = actors.column("x");
        const auto y = actors.column("y");
        for (std::size_t v = 0; v < vertices_.size(); ++v) {  // unlisted ones have none
            actors.set(x, v, vertices_[v].x, vertices_[v].x_col);
            actors.set(y, v, vertices_[v].y, vertices_[v].y_col);
        }
    }
    vertices_.clear();

    if (any_arcs_ && any_edges_) {
        const auto type = net_.ties.column(col::type);
        for (std::size_t r = 0; r < directed_.size(); ++r)
            net_.ties.set(type, r, directed_[r] != 0 ? "Directed" : "Undirected", 0);
    } else if (any_arcs_) {
        net_.directed = true;
    } else if (any_edges_) {
        net_.directed = false;
    }
    net_.warnings = in_.take_warnings();
    return std::move(net_);
}

}  // namespace pajek

using pajek::PajekParser;
using pajek::read_partition;

/// Reads a Pajek network (.net, optionally gzip-compressed) and its partitions (.clu).
///
/// Supported:
/// - `*Network name` (ignored), `*Vertices n`, then vertex lines `id label [x y [z]] [ic c ...]`:
///   the label may be quoted ("Ann Lee") or bare. Two numbers right after the label are the
///   vertex's position: actor columns "x" (as written) and "y" = 1 - y as written, because Pajek
///   draws in [0,1] with y pointing down the screen and clusterlens keeps y pointing up (see
///   readers.hpp). z and the drawing keywords (shapes, colours, `x_fact 2`) are ignored; a line
///   whose label is followed by a keyword has no position. The x/y columns exist only when some
///   vertex has a position; vertices without one get empty cells. Vertex lines may be left out
///   or given for only some vertices, in any order; an unlisted vertex has an empty Label.
/// - `*Arcs` / `*Edges`: `from to [weight] [...]`. The third token is copied as the Weight text
///   unless it starts with a letter and is not a number (a drawing keyword such as `c Blue`,
///   then the tie has no weight). Further tokens are ignored.
/// - `*Arcslist` / `*Edgeslist`: `a b c d` means a-b, a-c, a-d (no weights).
/// - `*Matrix`: n rows of n numbers, one row per line; a nonzero (i,j) is a directed tie i->j
///   whose Weight is the value as written.
/// - A relation on a tie section header, `*Arcs :2 "advice"`, fills the "relation" column with
///   the name (or the number, "2", when no name is given); ties of sections without one get "".
/// - Keywords are case-insensitive; `%` starts a comment line; blank lines are skipped.
///
/// - `%clusterlens id k "id"` comment lines (write_pajek's, for every vertex or none): vertex k's
///   actor id; the ties then name the actors by these ids.
///
/// Result: actors "1".."n" (Id = Pajek vertex number, or the `%clusterlens id` line's id;
/// Label = label), actors_authoritative.
/// Direction: only *Arcs/*Arcslist/*Matrix -> directed = true; only *Edges/*Edgeslist ->
/// directed = false; both -> directed stays nullopt and every tie gets Type "Directed" or
/// "Undirected"; no tie sections -> nullopt.
///
/// `.clu` partitions: `*Vertices n` (optionally after `*Partition name`) then one integer per
/// line; each becomes an actor column named after the file stem (dept.clu -> "dept"; a stem that
/// starts with the network's stem and a dot loses it: out.part.clu of out.net -> "part"). With
/// `%clusterlens class k "value"` lines (write_pajek_partition's coding) the column holds the
/// value each class stands for, and a class without such a line is an InputError. Its n
/// must equal the network's and it must hold exactly n values. The header may be left out (as in
/// ADVICE.CLU of Krackhardt's high-tech managers, which Pajek reads): a file whose first line
/// is an integer holds the values only, and it must hold one per vertex of the network.
///
/// Not supported (InputError with a hint): two-mode networks (`*Vertices n n1`), Pajek project
/// files (.paj: a second *Vertices, *Partition/*Vector sections inside the .net), relation
/// numbers written at the start of tie lines (`2: 1 3`), matrix rows wrapped over several lines.
/// Odd cases: a number after the label not followed by a second number (`1 "a" 0.3 zz`, or
/// `1 "a" 0.3`: an x without y), a non-finite coordinate, a tie to vertex 0 or above n, a vertex
/// listed twice, a tie section before *Vertices, text before any section, an unclosed quote,
/// *Vertices above 10,000,000 are InputErrors at their line:col. Weights are checked by assembly,
/// negative ones (a signed network, such as Stranke94.net) by its --negative policy.
RawNetwork read_pajek(const Source& source, const std::vector<std::string>& clu_paths) {
    PajekParser parser(source);
    RawNetwork net = parser.run();
    std::set<std::string> names;
    for (const auto& clu : clu_paths)
        read_partition(clu, parser.vertex_count(), source.name, parser.vertices_line(), net, names);
    return net;
}

RawNetwork read_pajek(const std::string& path, const std::vector<std::string>& clu_paths) {
    return read_pajek(Source::file(path), clu_paths);
}

}  // namespace clusterlens
