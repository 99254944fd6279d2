// The community graph (issue 13 item 5): a network reduced to one node per community, so a
// figure shows how the cluster's cohesive subgroups are tied to each other rather than the
// hairball of their members. Read by name from the actor attribute `community` (1 = the
// largest, as `clusterlens score --communities` writes it), so any partition a user brings
// can be drawn too. Pure (no Graphviz).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "graphs/network.hpp"

namespace clusterlens::render {

/// The reduced network of `net` by its actor attribute `attribute` (a whole number >= 1 per
/// actor; other values: the actor has no community and is left out). One node per community
/// number some actor has, in ascending order (gaps are skipped, so 10^12 is one node, not 10^12
/// nodes): id and label "c (n actors)", type firm, part core, locality local, actor
/// attributes `community` (c) and `members` (n). One undirected tie per pair of communities
/// with at least one tie between them, weight W_cd = the sum of the weights of every tie with
/// one end in c and the other in d (arcs both ways counted each), tie attribute `linkage`
/// "plain" and `ties` (how many ties were summed). Ties inside a community, and ties with an end
/// without a community, are not drawn; `left_out` counts the actors without one. UsageError
/// when the attribute is missing or not numeric, or no actor has a community. O(n + m log m).
struct CommunityGraph {
    Network network;
    std::size_t left_out = 0;
};
CommunityGraph community_graph(const Network& net, const std::string& attribute = "community");

}  // namespace clusterlens::render
