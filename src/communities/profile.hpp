// What a cluster study reports about each community (issue 13): its composition by part, type
// and locality, its focal firms, how dense and how strong its ties are inside and towards the
// other communities, its E-I and its share of the modularity, its top brokers and the learning
// dimensions its ties carry; and, for the whole partition, how far it lines up with locality,
// type and part. `communities.csv` is one row per community (write_community_table), the
// summary goes to summary.json.
//
// Ties are counted as the network holds them: in a directed network each arc is one tie (a
// mutual pair counts twice), in an undirected one each edge once; the loader leaves no
// self-loops and no parallel ties within a relation (graphs/network.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "graphs/network.hpp"
#include "src/communities/communities.hpp"

namespace clusterlens::scoring {

/// One community of a partition (communities numbered 1, 2, ... by descending size, as
/// CommunityResult::membership + 1).
struct CommunityProfile {
    int community = 0;      ///< 1-based
    std::size_t size = 0;   ///< actors
    std::size_t focal = 0;  ///< focal firms among them
    /// Actors per part ("core", "assisting", "external", "" unspecified), per type ("" none)
    /// and per locality ("local", "global", "" unknown); absent keys mean 0.
    std::map<std::string, std::size_t> by_part, by_type, by_locality;
    /// I: ties with both ends inside; E: ties with one end inside and one in another community.
    std::size_t internal_ties = 0, external_ties = 0;
    double internal_weight = 0, external_weight = 0;
    /// internal_ties / the pairs the community could hold: s(s-1)/2 undirected, s(s-1)
    /// directed (ordered pairs); NaN when s < 2.
    double internal_density = 0;
    /// Mean weight of the internal and of the external ties; NaN when there are none.
    double mean_strength_inside = 0, mean_strength_outside = 0;
    /// Krackhardt & Stern's (1988) group E-I, (E - I)/(E + I), in ties and in summed weights
    /// (the definition of openness.hpp's EiResult::group_binary/valued); NaN when E + I = 0.
    double ei = 0, ei_valued = 0;
    /// The community's term of Q_gamma: W_c/m - gamma (K_c/2m)^2 (communities.hpp); the terms
    /// of all communities sum to the modularity. NaN when m = 0.
    double modularity_contribution = 0;
    /// Up to three members with the highest betweenness (> 0), highest first, ties broken by
    /// actor order: their actor indices.
    std::vector<std::size_t> top_brokers;
    /// Internal ties per learning dimension (src/roles/learning_dimension.hpp); "" when the
    /// dimension is undefined.
    std::map<std::string, std::size_t> learning_dimensions;
};

/// How far the partition lines up with another partition of the actors (locality, type or
/// part): NMI and adjusted Rand index on the `actors` whose label there is known.
struct PartitionAgreement {
    std::string partition;              ///< "locality", "type" or "part"
    std::size_t actors = 0;             ///< actors with a known label (the rest are left out)
    double nmi = 0, adjusted_rand = 0;  ///< NaN when fewer than two actors are known
};

/// summary.json "communities": how the partition was found, its quality and stability, and
/// its agreement with locality, type and part.
struct CommunitySummary {
    std::string method;
    double resolution = 1;
    bool weighted = true;
    std::uint64_t seed = 0, best_seed = 0;
    std::size_t runs = 0, count = 0;
    double modularity = 0, mean_nmi = 0, mean_ari = 0;
    std::vector<std::size_t> sizes;  ///< actors per community, community 1 first
    std::vector<PartitionAgreement> agreement;
};

/// The profile of every community of `found` (detect_communities on `net` with `options`).
/// betweenness[i] ranks the brokers (empty: no top brokers); tie_dimension[e] is tie e's
/// learning dimension (empty: no dimension counts). UsageError when a vector's length differs
/// from the network's. O(n + m + n log n).
std::vector<CommunityProfile> community_profiles(const Network& net, const CommunityResult& found,
                                                 const CommunityOptions& options,
                                                 const std::vector<double>& betweenness,
                                                 const std::vector<std::string>& tie_dimension);

/// The summary of `found`, with its agreement with locality, type and part (actors whose
/// locality is unknown, whose type is empty or whose part is unspecified are left out of that
/// comparison).
CommunitySummary community_summary(const Network& net, const CommunityResult& found,
                                   const CommunityOptions& options);

/// communities.csv: one row per community, with a column per part, type, locality and
/// learning dimension that occurs in the network (so every file of one network has the same
/// columns whatever the partition). Numbers as format_number writes them, NaN empty, text
/// cells quoted and guarded against spreadsheet formulas (graphs/text_input.hpp).
void write_community_table(const Network& net, const std::vector<CommunityProfile>& profiles,
                           const std::vector<std::string>& tie_dimension, std::ostream& out);

}  // namespace clusterlens::scoring
