// The nodes of a rendered DOT file (every position pinned): name → position and size in
// points. Shared by the render unit tests and the CLI figure tests.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "render/graphviz_support.hpp"

namespace clusterlens::testing {

struct Placed {
    double x = 0, y = 0, w = 0, h = 0;
};
inline std::map<std::string, Placed> placed_nodes(const std::string& dot) {
    std::map<std::string, Placed> out;
    auto g = render::read_dot(dot);
    for (Agnode_t* n = agfstnode(g.get()); n != nullptr; n = agnxtnode(g.get(), n)) {
        Placed p;
        const char* pos = agget(n, const_cast<char*>("pos"));
        if (pos == nullptr || std::sscanf(pos, "%lf,%lf", &p.x, &p.y) != 2) continue;
        p.w = std::atof(agget(n, const_cast<char*>("width"))) * 72;
        p.h = std::atof(agget(n, const_cast<char*>("height"))) * 72;
        out[agnameof(n)] = p;
    }
    return out;
}

}  // namespace clusterlens::testing
