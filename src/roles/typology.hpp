// Firm typology of cognitive roles (Giuliani & Bell 2005; Morrison 2008): where a cluster firm
// stands between the local knowledge network and outside sources.
//
//                         external openness
//                         low                 high
//   internal    high   mutual_exchanger     technological_gatekeeper
//   connectivity low   isolated             external_star
//
// - Firms: local actors of a firm-like type (firm, customer, supplier, subcontractor) or of part
//   core. Other actors get "" (and NaN indicators).
// - internal connectivity x_int(i) = number of distinct local contacts of i (in- or
//   out-neighbours that are local; ties inside the cluster).
// - external openness x_ext(i) = total weight of i's ties to global actors (ext_strength).
// - high means >= threshold and > 0. Thresholds are not fixed in the literature: by default the
//   mean of the indicator over the cluster's firms (printed in every report); options set
//   absolute values.
// - Morrison's condition (directed networks, arcs = knowledge flows): a gatekeeper must both
//   absorb from outside (at least one arc from a global actor) and pass knowledge on inside (at
//   least one arc to a local actor). A high/high firm without outside inflow is classed
//   mutual_exchanger (it does not import knowledge), one without inside outflow external_star.
//   Undirected networks cannot tell flows apart: the condition is not applied (reported).
// Complexity O(n + m).
#pragma once

#include <limits>
#include <map>
#include <string>
#include <vector>

#include "graphs/network.hpp"

namespace clusterlens::scoring {

struct TypologyOptions {
    double internal_threshold = std::numeric_limits<double>::quiet_NaN();  ///< NaN: firms' mean
    double external_threshold = std::numeric_limits<double>::quiet_NaN();  ///< NaN: firms' mean
};

struct TypologyScores {
    std::vector<std::string> typology;                             ///< per actor; "" for non-firms
    std::vector<double> internal_connectivity, external_openness;  ///< NaN for non-firms
    double internal_threshold = 0, external_threshold = 0;         ///< as applied
    bool thresholds_are_means = true;
    bool morrison_applied = false;
    std::size_t firms = 0;
    std::map<std::string, std::size_t> counts;
};

TypologyScores firm_typology(const Network& net, const TypologyOptions& options);

/// The share of the cluster's external reach that passes through technological gatekeepers
/// (Breschi & Lenzi): of the global actors tied to at least one local actor, the share tied to
/// at least one gatekeeper. NaN when no global actor is reached. O(m). `typology` is
/// TypologyScores::typology. (compare's gatekeeper_dependence is the stricter share reached
/// *only* through gatekeepers: src/compare/local_global.hpp.)
double gatekeeper_reach_share(const Network& net, const std::vector<std::string>& typology);

}  // namespace clusterlens::scoring
