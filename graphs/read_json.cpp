// NetworkX node-link JSON reader (what networkx.node_link_data writes, and clusterlens' own
// .json output), with nlohmann-json.
#include <nlohmann/json.hpp>

#include <string>

#include "graphs/readers.hpp"
#include "graphs/text_input.hpp"

namespace clusterlens {
namespace {

/// A scalar as cell text: strings as they are, numbers as JSON writes them, true/false; null
/// is empty. nullopt for arrays and objects, which have no cell.
std::optional<std::string> cell_text(const nlohmann::json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return std::string(v.get<bool>() ? "true" : "false");
    if (v.is_number()) return v.dump();
    if (v.is_null()) return std::string();
    return std::nullopt;
}

/// The line and column of byte `offset` (0-based) of `text`.
SourcePos position_of(const std::string& path, const std::string& text, std::size_t offset) {
    std::uint32_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return SourcePos{path, line, column};
}

}  // namespace

/// Reads NetworkX node-link JSON: {"directed": bool, "multigraph": bool, "graph": {...},
/// "nodes": [{"id": ..., attributes...}], "links": [{"source", "target", attributes...}]}
/// (also "edges" for the links, as NetworkX 3.4 can write). Node "id" is the actor id (a number
/// as JSON writes it); "label" the label; "weight" and "relation" of a link are the weight and
/// relation; "key" (a multigraph's edge key) is dropped; every other scalar is a column. Arrays
/// and objects as values are left out with one warning. Malformed JSON is an error at its
/// line:col; a node or link that breaks the form is an error naming it (nodes[3], links[12]),
/// since the JSON parser gives no position for a value.
RawNetwork read_json(const std::string& path) { return read_json(Source::file(path)); }

RawNetwork read_json(const Source& source) {
    const std::string& path = source.name;
    std::string text;
    {
        LineReader in(source);
        std::string line;
        while (in.next(line)) {
            text += line;
            text += '\n';
        }
    }
    RawNetwork raw;
    raw.format = "json";
    raw.sources = {path};
    raw.actors.path = path;
    raw.ties.path = path;
    raw.actors_authoritative = true;
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        std::string what = e.what();
        const auto colon = what.rfind(": ");
        throw InputError(position_of(path, text, e.byte > 0 ? e.byte - 1 : 0),
                         "malformed JSON (" +
                             (colon == std::string::npos ? what : what.substr(colon + 2)) +
                             "); check the JSON syntax near this position");
    } catch (const nlohmann::json::out_of_range& e) {
        // A number beyond a double ("1e400"): the parser names it, without a position.
        const std::string what = e.what();
        const auto open = what.find('\''), close = what.rfind('\'');
        const auto number = open < close ? what.substr(open, close - open + 1) : "a number";
        throw InputError(SourcePos{path, 0, 0},
                         "the number " + number +
                             " is beyond what a double holds (about 1.8e308); correct it or "
                             "write it as a string");
    }
    const auto fail = [&](const std::string& message) {
        throw InputError(SourcePos{path, 0, 0}, message);
    };
    if (!doc.is_object() || !doc.contains("nodes"))
        fail(
            "not node-link JSON: expected an object with \"nodes\" and \"links\" (as "
            "networkx.node_link_data writes)");
    const auto& nodes = doc["nodes"];
    const auto* links = doc.contains("links")   ? &doc["links"]
                        : doc.contains("edges") ? &doc["edges"]
                                                : nullptr;
    if (!nodes.is_array() || (links != nullptr && !links->is_array()))
        fail("\"nodes\" and \"links\" must be arrays");
    if (doc.contains("directed")) {
        if (!doc["directed"].is_boolean()) fail("\"directed\" must be true or false");
        raw.directed = doc["directed"].get<bool>();
    }
    bool skipped = false;
    std::string skipped_what;
    const auto id_col = raw.actors.column(col::id);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const auto& n = nodes[i];
        const std::string where = "nodes[" + std::to_string(i) + "]";
        if (!n.is_object() || !n.contains("id"))
            fail(where + " has no \"id\"; every node needs one");
        const auto id = cell_text(n["id"]);
        if (!id || id->empty()) fail(where + " has an \"id\" that is not a string or a number");
        const auto row = raw.actors.add_row(static_cast<std::uint32_t>(0));
        raw.actors.set(id_col, row, *id);
        for (const auto& [key, value] : n.items()) {
            if (key == "id") continue;
            const auto v = cell_text(value);
            if (!v) {
                if (!skipped) skipped_what = where + "." + key;
                skipped = true;
                continue;
            }
            const std::string name = key == "label" ? col::label : key == "Id" ? "Id_attr" : key;
            raw.actors.set(raw.actors.column(name), row, *v);
        }
    }
    if (links != nullptr) {
        const auto s_col = raw.ties.column(col::source), t_col = raw.ties.column(col::target);
        for (std::size_t e = 0; e < links->size(); ++e) {
            const auto& l = (*links)[e];
            const std::string where = "links[" + std::to_string(e) + "]";
            if (!l.is_object() || !l.contains("source") || !l.contains("target"))
                fail(where + " needs a \"source\" and a \"target\"");
            const auto s = cell_text(l["source"]), t = cell_text(l["target"]);
            if (!s || !t) fail(where + ": source and target must be node ids");
            const auto row = raw.ties.add_row(static_cast<std::uint32_t>(0));
            raw.ties.set(s_col, row, *s);
            raw.ties.set(t_col, row, *t);
            for (const auto& [key, value] : l.items()) {
                if (key == "source" || key == "target" || key == "key") continue;
                const auto v = cell_text(value);
                if (!v) {
                    if (!skipped) skipped_what = where + "." + key;
                    skipped = true;
                    continue;
                }
                const auto lower = ascii_lower(key);
                const std::string name = lower == "weight"     ? col::weight
                                         : lower == "relation" ? col::relation
                                         : lower == "type"     ? key + "_attr"
                                                               : key;
                raw.ties.set(raw.ties.column(name), row, *v);
            }
        }
    }
    if (skipped)
        raw.warnings.push_back(
            Warning{SourcePos{path, 0, 0},
                    "values that are lists or objects are left out (first: " + skipped_what +
                        "); only numbers, text and "
                        "true/false become columns"});
    return raw;
}

}  // namespace clusterlens
