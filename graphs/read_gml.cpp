// GML reader: a small tokenizer over LineReader (gzip, BOM, CRLF, Windows-1252 handled there) that
// keeps the line and column of every token, and a non-recursive parser, so deeply nested input
// cannot exhaust the stack.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graphs/attributes.hpp"
#include "graphs/readers.hpp"

#include <unordered_map>
#include <unordered_set>
#include "graphs/gml_lexer.hpp"
#include "graphs/text_input.hpp"

namespace clusterlens {

namespace {
using namespace gml;

/// Actor/tie column for a GML key inside node [ ] or edge [ ].
std::string column_for(const std::string& key, bool node) {
    if (node) {
        if (key == "id") return col::id;
        if (key == "label") return col::label;
        if (key == col::id || key == col::label) return key + "_attr";
        return key;
    }
    if (key == "source") return col::source;
    if (key == "target") return col::target;
    if (key == "weight" || key == "value") return col::weight;
    if (key == "id") return col::id;
    // Never shadow the columns with a fixed meaning ("type" would be read as tie direction).
    if (key == col::source || key == col::target || key == col::weight || key == col::id ||
        ascii_lower(key) == "type")
        return key + "_attr";
    return key;
}

class GmlParser {
public:
    GmlParser(LineReader& lines)
        : lines_(lines), lex_(lines), net_(RawNetwork::for_file(lines.path(), "gml")) {}

    RawNetwork run() {
        bool any = false, seen_graph = false;
        for (;;) {
            const Token key = lex_.next();
            if (key.kind == Token::Kind::end) break;
            any = true;
            if (key.kind == Token::Kind::close)
                fail(key, "']' closes no open list; remove it or add the missing '['");
            expect_key(key);
            const Token v = value(key);
            if (key.text == "graph") {
                if (v.kind != Token::Kind::open)
                    fail(v,
                         "expected '[' after 'graph'; write graph [ node [ ... ] edge [ ... ] ]");
                if (seen_graph)
                    fail(key,
                         "the file holds more than one graph; keep one graph [ ... ] per file");
                seen_graph = true;
                graph(v);
            } else if (v.kind == Token::Kind::open) {
                skip_list(v);  // Creator, Version and other top-level keys
            } else if (key.text == "Creator" && v.kind == Token::Kind::string) {
                creator_ = v.text;
            }
        }
        if (!any)
            fail(SourcePos{lines_.path(), 0, 0},
                 "the file is empty; a GML file holds graph [ node [ id 1 ] node [ id 2 ] edge "
                 "[ source 1 target 2 ] ]");
        if (!seen_graph)
            fail(SourcePos{lines_.path(), 0, 0},
                 "no 'graph [ ... ]' found; a GML file holds graph [ node [ id 1 ] edge [ source "
                 "1 target 2 ] ]");
        net_.warnings = lines_.take_warnings();
        return std::move(net_);
    }

private:
    [[noreturn]] void fail(const SourcePos& pos, const std::string& message) {
        throw InputError(pos, message);
    }
    [[noreturn]] void fail(const Token& at, const std::string& message) {
        fail(SourcePos{lines_.path(), at.line, at.column}, message);
    }
    [[noreturn]] void unclosed(const Token& open) {
        fail(open, "the list opened here with '[' is never closed; add the missing ']'");
    }

    void expect_key(const Token& t) {
        if (t.kind != Token::Kind::key)
            fail(t, "expected a key but found " + describe(t) +
                        "; GML is written as key value pairs (label \"A\")");
    }

    /// Reads the value that must follow `key`. With `word_is_string`, an unquoted word (id A, as
    /// Gephi writes node ids) is the string value "A".
    Token value(const Token& key, bool word_is_string = false) {
        Token v = lex_.next();
        if (v.kind == Token::Kind::key && word_is_string) {
            v.kind = Token::Kind::string;
            return v;
        }
        if (v.kind == Token::Kind::key) {
            const auto lower = ascii_lower(v.text);
            if (lower == "nan" || lower == "inf" || lower == "infinity") {
                v.kind = Token::Kind::number;  // as networkx and igraph write them
                return v;
            }
        }
        if (v.kind == Token::Kind::key || v.kind == Token::Kind::close ||
            v.kind == Token::Kind::end) {
            const Token& at = v.kind == Token::Kind::end ? key : v;
            fail(at, "'" + key.text + "' has no value (found " + describe(v) +
                         "); write a number, a \"string\" or a [ list ] after it");
        }
        return v;
    }

    /// Skips the list opened by `open`, checking its key value structure; no recursion.
    void skip_list(const Token& open) {
        std::vector<Token> opens{open};
        while (!opens.empty()) {
            const Token t = lex_.next();
            if (t.kind == Token::Kind::end) unclosed(opens.back());
            if (t.kind == Token::Kind::close) {
                opens.pop_back();
                continue;
            }
            expect_key(t);
            const Token v = value(t);
            if (v.kind == Token::Kind::open) opens.push_back(v);
        }
    }

    void graph(const Token& open) {
        for (;;) {
            const Token key = lex_.next();
            if (key.kind == Token::Kind::end) unclosed(open);
            if (key.kind == Token::Kind::close) return;
            expect_key(key);
            const Token v = value(key);
            if (key.text == "node" || key.text == "edge") {
                if (v.kind != Token::Kind::open)
                    fail(v, "expected '[' after '" + key.text + "'; write " +
                                (key.text == "node" ? "node [ id 1 label \"A\" ]"
                                                    : "edge [ source 1 target 2 ]"));
                row(key, v);
            } else if (key.text == "directed") {
                if (v.kind != Token::Kind::number || (v.text != "0" && v.text != "1"))
                    fail(v, "'directed' must be 0 (undirected) or 1 (directed)");
                net_.directed = v.text == "1";
            } else if (v.kind == Token::Kind::open) {
                skip_list(v);  // graphics and other graph-level lists
            } else if (key.text == "Creator" && v.kind == Token::Kind::string) {
                creator_ = v.text;  // Gephi writes it inside graph [ ]
            }
        }
    }

    void row(const Token& key, const Token& open) {
        const bool node = key.text == "node";
        RawTable& table = node ? net_.actors : net_.ties;
        const std::size_t r = table.add_row(key.line);
        for (;;) {
            const Token k = lex_.next();
            if (k.kind == Token::Kind::end) unclosed(open);
            if (k.kind == Token::Kind::close) break;
            expect_key(k);
            // Keys that name a node may be unquoted words (id A, source B): Gephi's label.gml.
            const bool names_node =
                node ? k.text == "id" : k.text == "source" || k.text == "target";
            const Token v = value(k, names_node);
            const std::string column = column_for(k.text, node);
            if (v.kind == Token::Kind::open) {
                if (column == col::id || column == col::label || column == col::source ||
                    column == col::target || column == col::weight)
                    fail(v, "'" + k.text + "' must be a number or a \"string\", not a [ list ]");
                if (node && k.text == "graphics")
                    graphics(v, r);
                else
                    skip_list(v);  // edge graphics, LabelGraphics and the like
                continue;
            }
            table.set(table.column(column), r, v.text, v.column);
        }
        const auto missing = [&](const char* name) {
            const int c = table.find(name);
            return c < 0 || table.col_pos(static_cast<std::size_t>(c), r) == 0;
        };
        if (node && missing(col::id))
            fail(key, "node has no id; give every node a unique id (node [ id 1 label \"A\" ])");
        if (!node && (missing(col::source) || missing(col::target)))
            fail(key, std::string("edge has no ") + (missing(col::source) ? "source" : "target") +
                          "; write edge [ source 1 target 2 ] using node ids");
    }

    /// Reads node graphics [ x 1 y 2 w 30 ... ]: the centre's x and y (numbers directly in the
    /// list) are kept for positions(); nested lists (Line [ point [ ] ]) are skipped.
    void graphics(const Token& open, std::size_t row) {
        GraphicsXY g;
        g.row = row;
        for (;;) {
            const Token k = lex_.next();
            if (k.kind == Token::Kind::end) unclosed(open);
            if (k.kind == Token::Kind::close) break;
            expect_key(k);
            const Token v = value(k);
            if (v.kind == Token::Kind::open) {
                skip_list(v);
                continue;
            }
            if (k.text != "x" && k.text != "y") continue;
            const auto number = v.kind == Token::Kind::number ? parse_number(v.text) : std::nullopt;
            if (!number || !std::isfinite(*number))
                fail(v, "graphics " + k.text + " must be a finite number (the node centre's " +
                            k.text + " coordinate), not " + describe(v));
            (k.text == "x" ? g.x : g.y) = *number;
            (k.text == "x" ? g.x_col : g.y_col) = v.column;
        }
        if (g.x && g.y) graphics_.push_back(g);
    }

public:
    /// Puts the graphics positions into actor columns x and y, y pointing up (see read_gml).
    void positions(RawNetwork& raw) const {
        if (graphics_.empty()) return;
        const bool y_up = ascii_lower(creator_).rfind("gephi", 0) == 0;
        auto& at = raw.actors;
        const auto x = at.column("x");  // the node's own x key, if any, is in this column
        const auto y = at.column("y");
        for (const auto& g : graphics_) {
            if (!at.cell(x, g.row).empty() || !at.cell(y, g.row).empty())
                continue;  // node [ x .. ] wins
            at.set(x, g.row, format_number(*g.x), g.x_col);
            at.set(y, g.row, format_number(y_up ? *g.y : 0.0 - *g.y), g.y_col);
        }
    }

private:
    struct GraphicsXY {
        std::size_t row = 0;
        std::optional<double> x, y;
        std::uint32_t x_col = 0, y_col = 0;
    };

    LineReader& lines_;
    GmlLexer lex_;
    RawNetwork net_;
    std::string creator_;
    std::vector<GraphicsXY> graphics_;
};

}  // namespace

/// Reads a GML file (plain or gzip-compressed) into a RawNetwork.
///
/// Supported: graph [ directed 0|1 node [ id 1 label "A" key value ... ] edge [ source 1 target
/// 2 weight 2.5 key value ... ] ]. The node id (number or string, as written) becomes "Id", label
/// "Label", an edge's weight or value "Weight" (the last one given wins), an edge id "Id"; every
/// other number or string becomes a column named by its key. Numbers are copied as written
/// (NaN/Inf words included); strings in double quotes may span lines and have &quot; &amp; &lt;
/// &gt; &apos; and numeric references (&#233;) decoded. '#' starts a comment outside strings.
///
/// Positions: a node's graphics [ x 10 y 20 w 30 h 30 ... ] gives the centre of the node; it
/// becomes actor columns "x" (as written) and "y" = -y, because GML's graphics come from screen
/// drawing tools (Graphlet, yEd, Cytoscape) whose y axis points down, while clusterlens keeps y
/// pointing up (readers.hpp). Exception: files whose Creator (top level or inside graph, as
/// Gephi writes it) starts with "Gephi" keep y as written -- Gephi's y axis points up and its
/// GML export writes its own coordinates. A node's own x or y key (node [ x 1 ]) wins over its
/// graphics. A non-numeric graphics x or y is an InputError.
///
/// Ignored: top-level keys other than graph (Version), graph-level attributes, nested lists
/// inside nodes and edges other than node graphics x/y. Not supported: more than one graph.
///
/// Odd cases: a repeated key in a node or edge keeps its last value; a node without id or an
/// edge without source or target, unbalanced brackets, a key without value, an unterminated
/// string and text that is neither key, number, string nor bracket are InputErrors at the token
/// (an unclosed list at its '['); an unquoted word as a value (label Alpha) is a missing value,
/// except NaN and Inf, and except after a node's id and an edge's source and target: there a
/// word is a string id (node [ id A ] edge [ source B target A ], as Gephi's test files and
/// NetworkX read them). So `node [ id label "A" ]` reads the id "label" and then fails at "A"
/// (expected a key), not at the missing id. Attributes that would overwrite a column with a
/// fixed meaning (edge "type" in any case, for instance) get an "_attr" suffix. Edges to
/// undeclared ids are kept; assembly reports them. Every cell records the line and column of
/// its value.
///
/// Names: igraph and clusterlens write the actor id as a string key `name` next to the numeric
/// GML id. When every node has a distinct non-empty `name`, it becomes the actor "Id" (edges are
/// translated) and the numeric id is kept as column "gml_id".
RawNetwork read_gml(const std::string& path) { return read_gml(Source::file(path)); }

RawNetwork read_gml(const Source& source) {
    LineReader lines(source);
    GmlParser parser(lines);
    RawNetwork raw = parser.run();
    parser.positions(raw);
    auto& at = raw.actors;
    const int c_name = at.find("name");
    const int c_id = at.find(col::id);
    if (c_name < 0 || c_id < 0 || at.names()[static_cast<std::size_t>(c_name)] != "name")
        return raw;
    std::unordered_map<std::string, std::string> name_of;
    std::unordered_set<std::string> names;
    for (std::size_t r = 0; r < at.rows(); ++r) {
        const auto& name = at.cell(static_cast<std::size_t>(c_name), r);
        if (name.empty() || !names.insert(name).second) return raw;
        name_of.emplace(at.cell(static_cast<std::size_t>(c_id), r), name);
    }
    const auto ci = static_cast<std::size_t>(c_id), cn = static_cast<std::size_t>(c_name);
    const auto c_gml = at.column("gml_id");
    for (std::size_t r = 0; r < at.rows(); ++r) {
        at.set(c_gml, r, at.cell(ci, r), at.col_pos(ci, r));
        at.set(ci, r, at.cell(cn, r), at.col_pos(cn, r));
        at.set(cn, r, "", 0);
    }
    auto& tt = raw.ties;
    for (const char* end : {col::source, col::target}) {
        const int c = tt.find(end);
        if (c < 0) continue;
        for (std::size_t r = 0; r < tt.rows(); ++r) {
            auto& cell = tt.cell(static_cast<std::size_t>(c), r);
            auto it = name_of.find(cell);
            if (it != name_of.end()) cell = it->second;
        }
    }
    return raw;
}

}  // namespace clusterlens
