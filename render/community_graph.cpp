#include "render/community_graph.hpp"

#include <fmt/format.h>

#include <map>
#include <utility>

#include "graphs/actor_values.hpp"
#include "graphs/error.hpp"
#include "render/page.hpp"
#include "render/style.hpp"

namespace clusterlens::render {

CommunityGraph community_graph(const Network& net, const std::string& attribute) {
    if (net.actor_attributes().find(attribute) == nullptr)
        throw UsageError("--community-graph needs the actor attribute '" + attribute +
                         "' (clusterlens score --communities METHOD writes it)");
    const auto values = numbers_of(net, attribute, "--community-graph");
    if (!values)
        throw UsageError("--community-graph: '" + attribute +
                         "' must hold community numbers (1, 2, ...)");
    // c_i: actor i's community (community_number: 0 = none). Only the communities present get
    // a node, in ascending order (a community numbered 10^12 is one node, not 10^12).
    std::vector<std::size_t> c(net.actor_count());
    std::map<std::size_t, std::size_t> node_of;  // community number -> node index
    std::size_t left_out = 0;
    for (std::size_t i = 0; i < c.size(); ++i) {
        c[i] = community_number((*values)[i]);
        if (c[i] == 0)
            ++left_out;
        else
            node_of.emplace(c[i], 0);
    }
    if (node_of.empty()) throw UsageError("--community-graph: no actor has a community");
    std::size_t next = 0;
    for (auto& [number, node] : node_of) node = next++;
    const auto count = node_of.size();
    std::vector<std::size_t> members(count, 0);
    for (const auto ci : c)
        if (ci > 0) ++members[node_of[ci]];
    // W_cd and the number of ties summed, for nodes c < d.
    std::map<std::pair<std::size_t, std::size_t>, std::pair<double, std::size_t>> between;
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        auto ca = c[net.source(e)], cb = c[net.target(e)];
        if (ca == 0 || cb == 0 || ca == cb) continue;
        auto a = node_of[ca], b = node_of[cb];
        if (a > b) std::swap(a, b);
        auto& [w, ties] = between[{a, b}];
        w += net.weight(e);
        ++ties;
    }
    std::vector<Actor> actors(count);
    std::vector<double> number(count), size(count);
    for (const auto& [community, k] : node_of) {
        auto& a = actors[k];
        a.id = a.label = fmt::format("{} ({} actor{})", community, thousands(members[k]),
                                     members[k] == 1 ? "" : "s");
        a.type = "firm", a.part = Part::core, a.locality = Locality::local;
        number[k] = static_cast<double>(community);
        size[k] = static_cast<double>(members[k]);
    }
    std::vector<std::int64_t> ends;
    std::vector<double> weights, summed;
    for (const auto& [pair, wt] : between) {
        ends.push_back(static_cast<std::int64_t>(pair.first));
        ends.push_back(static_cast<std::int64_t>(pair.second));
        weights.push_back(wt.first);
        summed.push_back(static_cast<double>(wt.second));
    }
    const auto links = weights.size();
    CommunityGraph out{
        Network::build(std::move(actors), false, ends, std::move(weights),
                       {net.relations().empty() ? std::string() : net.relations().front()},
                       std::vector<std::uint32_t>(links, 0)),
        left_out};
    out.network.actor_attributes().set_numbers("community", std::move(number));
    out.network.actor_attributes().set_numbers("members", std::move(size));
    out.network.tie_attributes().set_texts("linkage", std::vector<std::string>(links, "plain"));
    out.network.tie_attributes().set_numbers("ties", std::move(summed));
    return out;
}

}  // namespace clusterlens::render
