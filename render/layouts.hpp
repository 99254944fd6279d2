// Where each node of a view goes (issue 4), in natural points: our concentric rings, the
// positions the file carries, a Graphviz engine run once on the bare network, or the position
// map's quadrant chart. The page scales them afterwards (compose.hpp). Internal to render.
#pragma once

#include <cstdint>

#include "render/compose.hpp"
#include "render/options.hpp"
#include "render/quadrant_frame.hpp"
#include "render/view.hpp"

namespace clusterlens::render {

/// A node's natural diameter in points.
inline double node_points(const Node& nd) { return nd.width * 72.0; }

/// Rings: ego view by distance; otherwise core 0, assisting 1, external 2 (unspecified part:
/// by locality, local 1, global or unknown 2). Nodes start in category then input order and
/// move in barycentric sweeps toward their neighbours (layout_concentric.cpp).
void concentric_layout(View& v, bool ego);

/// Positions from the file, scaled so the drawing's longer side is 40 pt per sqrt(actor) (at
/// least 300 pt). UsageError when a drawn actor has no position.
void file_layout(View& v);

/// Positions from a Graphviz engine (sfdp, neato, fdp, dot, circo) run once on the bare
/// network with seed `seed`. BackendError when the engine fails.
void engine_layout(View& v, Layout layout, std::uint64_t seed);

/// Position map: firms by internal connectivity (x) and external openness (y) in a quadrant
/// frame whose lines are the thresholds (default: the firms' means); firms on top of each
/// other spread (the notes say so). Returns the frame to draw.
QuadrantFrame position_map_layout(View& v, const RenderOptions& o, const Composer& c);

}  // namespace clusterlens::render
