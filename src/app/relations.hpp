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

/// The folder a relation's scores go to when several relations are scored:
/// OUTDIR/<relation>, the name made safe for a path ("unnamed" when empty).
std::string relation_folder(const std::string& out_dir, const std::string& relation_name);

/// InputError (naming `input`) when no actor has a locality: there is then no local buzz, no
/// pipeline and no lock-in to compare.
void require_locality(const Network& net, const std::string& input);

/// The networks a list of input paths names: one per path, except that Pajek .clu partitions
/// go with the .net before them (`A.net A.clu B.net B.clu`, as validate and score take them)
/// and two .csv files alone are one Gephi CSV pair. UsageError for a partition without its .net.
std::vector<std::vector<std::string>> networks_of(const std::vector<std::string>& inputs);

}  // namespace clusterlens::app
