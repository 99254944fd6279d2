// Writing NetworkX node-link JSON.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "graphs/text_input.hpp"
#include "graphs/write.hpp"
#include "graphs/write_columns.hpp"

namespace clusterlens {
namespace fs = std::filesystem;
using writer::ActorColumns;
using writer::quoted;
using writer::TieColumns;

// ---- JSON (NetworkX node-link) -----------------------------------------------------------

void write_json(const Network& net, std::ostream& out) {
    using nlohmann::ordered_json;
    const ActorColumns ac(net);
    const TieColumns tc(net);
    ordered_json doc;
    doc["directed"] = net.directed();
    // Several relations can tie the same pair: then the graph is a multigraph for NetworkX.
    doc["multigraph"] = net.relations().size() > 1;
    ordered_json graph = ordered_json::object();
    for (const auto& [k, v] : net.metadata()) graph[k] = v;
    doc["graph"] = graph;
    ordered_json nodes = ordered_json::array();
    auto value = [](const AttributeColumn& c, std::size_t i) -> ordered_json {
        if (c.kind == AttributeColumn::Kind::number) {
            const double v = c.numbers[i];
            if (!std::isfinite(v)) return nullptr;
            return v;
        }
        return c.texts[i];
    };
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        const auto& a = net.actor(i);
        ordered_json n;
        n["id"] = a.id;
        n["label"] = a.label;
        if (ac.part) n["part"] = std::string(to_string(a.part));
        if (ac.type) n["type"] = a.type;
        if (ac.focal) n["focal"] = a.focal;
        if (ac.locality) n["locality"] = std::string(to_string(a.locality));
        if (ac.stage) n["stage"] = a.stage;
        if (ac.group) n["group"] = a.group;
        for (const auto& [name, c] : ac.extra) n[name] = value(*c, i);
        nodes.push_back(std::move(n));
    }
    ordered_json links = ordered_json::array();
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        ordered_json l;
        l["source"] = net.actor(net.source(e)).id;
        l["target"] = net.actor(net.target(e)).id;
        l["weight"] = net.weight(e);
        if (tc.relation) l["relation"] = net.relations()[net.relation(e)];
        for (const auto& [name, c] : tc.extra) l[name] = value(*c, e);
        links.push_back(std::move(l));
    }
    doc["nodes"] = std::move(nodes);
    doc["links"] = std::move(links);
    out << doc.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace clusterlens
