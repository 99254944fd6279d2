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
/// Finds a column named by the mapping (must exist) or the default name (optional).
int resolve(const RawTable& table, const std::string& mapped, const char* fallback,
            const char* what, const std::string& mapping_path);

/// The actors of an actor table, as assembly builds them.
struct Actors {
    std::vector<Actor> actors;
    std::unordered_map<std::string, std::size_t> index;  ///< id -> actor
    std::vector<std::size_t> rows;  ///< raw row of each actor (created actors: none)
    std::vector<int> used;          ///< columns the model took (the rest become attributes)
    std::size_t declared = 0;       ///< rows of the table
};

/// Reads the actors of `at` under mapping `m`; errors go to `errors`, warnings (a locality rule
/// value that matched no actor) to `warnings`.
Actors read_actors(const RawTable& at, const Mapping& m, ErrorCollector& errors,
                   std::vector<Warning>& warnings);

}  // namespace clusterlens::assembly
