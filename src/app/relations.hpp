// Choosing what a workflow works on: the relation of a network to score, draw or compare, the
// networks a list of input paths names, and the check that a cluster has a local side.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "graphs/network.hpp"

namespace clusterlens::app {

/// The index of the relation named `name`; UsageError listing the relations when there is none
/// (convert --relation).
std::uint32_t relation_named(const Network& net, const std::string& name);

/// The one relation to draw or compare: `relation`, or the only one (UsageError when there are
/// several and none is named, or the name is not one of them).
Network pick_relation(const Network& net, const std::string& relation);

/// The relations to score: the one named `relation`, or all when it is empty (UsageError when
/// none has that name).
std::vector<std::uint32_t> relations_to_score(const Network& net, const std::string& relation);

/// The relation's name made a safe folder name, on Linux, macOS and Windows alike: "unnamed"
/// when empty; `_` for every path separator, control character, character Windows refuses
/// (`:*?"<>|`), invisible format character (zero-width, bidirectional) and byte that is not
/// UTF-8, for a leading `.` (so never `.` or `..`, nor hidden) and for a trailing `.` or space;
/// `_` after a name Windows reserves (CON, NUL, COM1, ...); at most 100 bytes.
std::string safe_folder_name(const std::string& relation_name);

/// The file in OUTDIR that says which folder holds which relation when several are scored.
inline constexpr const char* kRelationFoldersFile = "relations.csv";

/// The folder (a name inside OUTDIR) of each relation in `relations`, in order, when several
/// relations are scored: safe_folder_name, made unique ignoring case (as macOS and Windows
/// compare names) and apart from kRelationFoldersFile. A relation whose name is already a safe
/// folder name gets it; the others, in order, get theirs or, when it is taken, the first free
/// of NAME_2, NAME_3, ... (`x_y` -> x_y, then `x/y` -> x_y_2). The same relations give the
/// same folders.
std::vector<std::string> relation_folders(const std::vector<std::string>& relations);

/// Writes OUTDIR/relations.csv (relation,folder: one row per relation, in order) atomically
/// and returns its path.
std::string write_relation_folders(const std::string& out_dir,
                                   const std::vector<std::string>& relations,
                                   const std::vector<std::string>& folders,
                                   const std::vector<std::string>& inputs);

/// The relation's name for a message: in double quotes, with `"`, `\` and control characters
/// escaped (`\x1b`), so a name cannot write to the terminal.
std::string quoted_relation(const std::string& relation_name);

/// InputError (naming `input`) when no actor has a locality: there is then no local buzz, no
/// pipeline and no lock-in to compare.
void require_locality(const Network& net, const std::string& input);

/// The networks a list of input paths names: one per path, except that Pajek .clu partitions
/// go with the .net before them (`A.net A.clu B.net B.clu`, as validate and score take them)
/// and two .csv files alone are one Gephi CSV pair. UsageError for a partition without its .net.
std::vector<std::vector<std::string>> networks_of(const std::vector<std::string>& inputs);

}  // namespace clusterlens::app
