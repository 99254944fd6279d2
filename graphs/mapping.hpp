// Mapping: how a user's columns and values map onto the clusterlens model (README, "Input").
// Read from a small TOML file (toml++), documented in README.md ("Mapping files"):
//
//   [files]            # for a folder input: which files are the actor and tie tables
//   nodes = "org_nodes.csv.gz"
//   edges = "org_coparticipation_edges.csv.gz"
//   [actors]           # column names (default: Gephi's Id, Label; part, type, focal, ...)
//   id = "pic"
//   type = "activity_type"
//   [actors.type_values]    # value map: data value -> clusterlens type
//   PRC = "firm"
//   [actors.focal_values]   # value map for focal beyond the built-in words: value -> true|false
//   Fokus = "true"
//   [actors.locality]       # locality rule: column value in `local` -> local, else global
//   column = "country"
//   local = ["EE"]              # (or global = [...]); ignore_case = true matches "ee" too
//   [ties]
//   source = "source_pic"
//   target = "target_pic"
//   weight = "weight"
//   directed = false            # overrides the file's own notion
//   knowledge_flow = "source_to_target"   # or "target_to_source" ("i asks j": j -> i)
//   relation = "knowledge"      # relation name for all ties (or relation_column = "...")
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clusterlens {

struct LocalityRule {
    std::string column;
    std::vector<std::string> local_values;   ///< values meaning local; anything else is global
    std::vector<std::string> global_values;  ///< alternatively: values meaning global
    bool ignore_case = false;                ///< match the values ignoring ASCII case ("ee" = "EE")
};

struct Mapping {
    std::string path;  ///< the file it came from ("" = defaults)

    std::string nodes_file;
    std::string edges_file;

    // Actor columns. Empty = the default name (Id, Label, part, type, focal, locality, stage,
    // group), which is optional except for Id.
    std::string actor_id, label, part, type, focal, locality, stage, group;
    std::map<std::string, std::string> part_values;   ///< data value -> core|assisting|external
    std::map<std::string, std::string> type_values;   ///< data value -> known type
    std::map<std::string, std::string> focal_values;  ///< data value -> true|false
    std::optional<LocalityRule> locality_rule;

    // Tie columns.
    std::string source, target, weight, direction_column, relation_column;
    std::string relation_name;  ///< constant relation for all ties when there is no column
    std::optional<bool> directed;
    bool reverse_arcs = false;  ///< knowledge_flow = "target_to_source"

    // Cluster patterns (Lin, Chen & Chen 2018; [patterns]): actor columns holding ability scores
    // (management, product design, marketing, brand, IT) and trigger scores (leadership,
    // members' needs, knowledge sharing), named by the user.
    std::vector<std::string> ability_columns, trigger_columns;
};

/// Loads a mapping file. Throws InputError (path:line:col) for TOML syntax errors, unknown keys
/// (likely typos) and values of the wrong kind.
Mapping load_mapping(const std::string& path);

}  // namespace clusterlens
