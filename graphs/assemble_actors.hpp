// The actor table's part of assembly (assemble.cpp): model columns found by the mapping or by
// their default names, each actor's id, label, part, type, focal flag, locality, stage and group
// checked and derived as assemble.hpp describes. Internal to graphs/.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "graphs/error.hpp"
#include "graphs/mapping.hpp"
#include "graphs/network.hpp"
#include "graphs/raw.hpp"

namespace clusterlens::assembly {

/// The column names of `t`, comma-separated, for messages ("(none)" when it has none).
std::string list_columns(const RawTable& t);

/// "" when `text` holds no C0 control character other than tab, line feed and carriage
/// return; otherwise an error message naming the first one (U+0001 ... U+001F), which no
/// viewer shows, which XML 1.0 cannot hold even as a reference (so a GraphML or GEXF copy would
/// lose it and two ids could become one), and which in a data file is nearly always a wrong
/// encoding or binary bytes. `what` names the text ("actor id", "relation name").
std::string control_character_error(const std::string& text, const char* what);
/// Finds a column named by the mapping (must exist) or the default name (optional).
int resolve(const RawTable& table, const std::string& mapped, const char* fallback,
            const char* what, const std::string& mapping_path);

/// Actor ids that can look like others: ids holding invisible or direction characters
/// (U+00AD soft hyphen, U+200B..U+200F zero-width and direction marks, U+202A..U+202E
/// embeddings and overrides, U+2066..U+2069 isolates, U+FEFF), and ids that look the same as
/// another once those are removed and a few look-alike letters are read as the Latin ones
/// (Cyrillic and Greek capitals and a e o p c y x i j s, full-width ASCII, no-break space).
/// Costs nothing for ASCII ids; only ids with other characters are kept.
class IdLookalikes {
public:
    /// Checks a new actor's id, found at `pos`.
    void add(const std::string& id, const SourcePos& pos);
    /// The warnings: each id with invisible characters (naming them by code point), and each id
    /// that looks like another (`index`: every actor id). At most 20 of each, then a count.
    void warn(const std::unordered_map<std::string, std::size_t>& index,
              std::vector<Warning>& warnings) const;

private:
    struct Entry {
        std::string id, skeleton, invisible;  ///< invisible: "U+200B (zero width space)", ...
        SourcePos pos;
    };
    std::vector<Entry> entries_;
};

/// The actors of an actor table, as assembly builds them.
struct Actors {
    std::vector<Actor> actors;
    std::unordered_map<std::string, std::size_t> index;  ///< id -> actor
    std::vector<std::size_t> rows;  ///< raw row of each actor (created actors: none)
    std::vector<int> used;          ///< columns the model took (the rest become attributes)
    std::size_t declared = 0;       ///< rows of the table
    IdLookalikes lookalikes;        ///< the ids checked so far (assembly adds created actors)
};

/// Reads the actors of `at` under mapping `m`; errors go to `errors`, warnings (a locality rule
/// value that matched no actor) to `warnings`.
Actors read_actors(const RawTable& at, const Mapping& m, ErrorCollector& errors,
                   std::vector<Warning>& warnings);

}  // namespace clusterlens::assembly
