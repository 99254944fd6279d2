// The columns writers write: the actor model fields any actor has, and every actor and tie
// attribute under a name that does not collide with the columns each format writes itself.
// Shared by write.cpp and write_gexf.cpp.
#pragma once

#include <cmath>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "graphs/network.hpp"
#include "graphs/text_input.hpp"

namespace clusterlens::writer {

/// Double-quotes a value for Pajek, DL, VNA and edge lists. These formats have no escape for a
/// quote or a line break inside a value, so such values are refused rather than altered
/// (write.cpp).
std::string quoted(const std::string& text, const char* format);

// Pajek's extra files (write_pajek.cpp), for output_files_for.
/// True when some actor has a value for the model field `field` (part, locality, ...).
bool has_field(const Network& net, const std::string& field);
/// "out.net" + "part" -> "out.part.clu".
std::string sibling(const std::string& net_path, const std::string& name, const char* ext);
/// One file per relation when there are several: "out.advice.net".
std::vector<std::string> pajek_relation_files(const Network& net, const std::string& path);
/// Actor attributes written as Pajek partitions.
std::vector<const AttributeColumn*> integer_attributes(const Network& net);

/// The type GraphML and GEXF declare for a column: "long" for number columns holding only whole
/// numbers (years and counts stay integers in Gephi and NetworkX), "double" for other numbers,
/// "string" for text.
inline const char* value_type(const AttributeColumn& c) {
    if (c.kind == AttributeColumn::Kind::text) return "string";
    for (const double v : c.numbers)
        if (!std::isnan(v) && (std::trunc(v) != v || std::fabs(v) > 9007199254740992.0))
            return "double";
    return "long";
}

/// The model columns written for actors: only those any actor has a value for (plus id, label).
struct ActorColumns {
    bool part = false, type = false, focal = false, locality = false, stage = false, group = false;
    std::vector<std::pair<std::string, const AttributeColumn*>> extra;  // output name, column

    explicit ActorColumns(const Network& net) {
        for (const auto& a : net.actors()) {
            part |= a.part != Part::unspecified;
            type |= !a.type.empty();
            focal |= a.focal;
            locality |= a.locality != Locality::unspecified;
            stage |= !a.stage.empty();
            group |= !a.group.empty();
        }
        std::set<std::string> taken = {"id",    "label",    "part",  "type",
                                       "focal", "locality", "stage", "group"};
        for (const auto& c : net.actor_attributes().columns()) {
            std::string name = c.name;
            while (taken.count(ascii_lower(name))) name += "_attr";
            taken.insert(ascii_lower(name));
            extra.emplace_back(name, &c);
        }
    }
};

struct TieColumns {
    bool relation = false;
    std::vector<std::pair<std::string, const AttributeColumn*>> extra;
    explicit TieColumns(const Network& net) {
        relation = net.relations().size() > 1 || !net.relations().front().empty();
        std::set<std::string> taken = {"source", "target", "type", "weight", "relation", "id"};
        for (const auto& c : net.tie_attributes().columns()) {
            std::string name = c.name;
            while (taken.count(ascii_lower(name))) name += "_attr";
            taken.insert(ascii_lower(name));
            extra.emplace_back(name, &c);
        }
    }
};

}  // namespace clusterlens::writer
