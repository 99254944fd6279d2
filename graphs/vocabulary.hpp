// The cluster vocabulary (issue 11: one place per rule): the parts and localities of actors,
// the actor types and which of them count as firms or as assisting institutes, and the
// local/global split of a tie (buzz, pipeline, extra-local). Scoring, render and compare all
// decide these here, so a supplier is a firm everywhere and a tie with an end of unspecified
// locality has the same (unknown) linkage everywhere.
//
// Definitions (README "Vocabulary"):
// - Part: core (firms of the cluster, some focal), assisting (universities, research institutes,
//   government, intermediaries, consultants), external (sources outside the region).
// - Locality: local (in the cluster's region) or global; unspecified when not given.
// - Linkage of a tie (Bathelt, Malmberg & Maskell 2004): buzz = both ends local; pipeline = one
//   end local and the other global; extra_local = both ends global; unknown when either end's
//   locality is unspecified (such a tie is none of the three and is counted in none).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clusterlens {

enum class Part { unspecified, core, assisting, external };
enum class Locality { unspecified, local, global };

/// The actor types clusterlens knows, in the order the README lists them.
const std::vector<std::string>& known_actor_types();
/// Types counted as firms (core part when local): firm, customer, supplier, subcontractor.
bool is_firm_type(std::string_view type);
/// Types counted as assisting institutes: university, research, government, intermediary,
/// consultant.
bool is_institute_type(std::string_view type);

std::string_view to_string(Part part);
std::string_view to_string(Locality locality);
std::optional<Part> parse_part(std::string_view text);          ///< case-insensitive
std::optional<Locality> parse_locality(std::string_view text);  ///< case-insensitive

enum class Linkage { unknown, buzz, pipeline, extra_local };

/// The linkage of a tie between actors of localities a and b (symmetric).
Linkage linkage(Locality a, Locality b);
/// "buzz", "pipeline", "extra_local"; "" for unknown (the value of the `linkage` tie column).
std::string_view to_string(Linkage linkage);

}  // namespace clusterlens
