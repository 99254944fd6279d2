// A figure's page (issue 9): the plot scaled into the room the title block and the legend
// leave, every text at its point size, and the labels placed beside their own nodes. Shared
// by the network diagram, the position map and the quadrant charts. Internal to render.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "render/canvas.hpp"
#include "render/legend.hpp"
#include "render/page.hpp"

namespace clusterlens::render {

/// A title-block line (the title itself is bold, 1.5 × the body size).
struct TitleLine {
    std::string text;
    bool title = false;
    double w = 0, h = 0;
};

/// The page's text sizes: body f, margin m, gap between blocks.
struct Composer {
    const PageOptions& p;
    double f, m, gap;
    explicit Composer(const PageOptions& options);

    /// Splits `text` at `sep` into lines no wider than `width` (at least one piece a line),
    /// measured at `size`.
    std::vector<TitleLine> wrap(const std::string& text, const std::string& sep, double width,
                                bool title, double size) const;
    std::string html(const TitleLine& l, double size) const;
};

/// Where a composed page puts the plot: natural coordinates to page points.
struct PageLayout {
    double width = 0, height = 0;
    double s = 1, k = 1;              ///< position scale and size scale of the plot
    double plot_x0 = 0, plot_y1 = 0;  ///< page position of the plot's natural top-left
    double nat_x0 = 0, nat_y1 = 0;    ///< natural top-left of the plot
    double plot_w = 0, plot_h = 0;    ///< printed plot size
    double legend_x = 0, legend_y = 0;
    double title_x = 0, title_y = 0;
    double axis_left = 0, axis_bottom = 0, axis_top = 0;
    double px(double x) const { return plot_x0 + (x - nat_x0) * s; }
    double py(double y) const { return plot_y1 - (nat_y1 - y) * s; }
};

/// What a page holds: the plot (nodes placed in natural coordinates), the title block and the
/// legend.
struct PageParts {
    std::string title;                                     ///< "" with no headline: no title block
    std::vector<std::string> headline;                     ///< lines, wrapped at " | "
    std::function<std::vector<Section>(double k)> legend;  ///< measured; null: no legend
    Bounds nat;                                            ///< the plot's natural extent
    double axis_left = 0, axis_bottom = 0, axis_top = 0;   ///< room for axes (points)
    double axis_right = 0;  ///< half the last x tick value, centred on the axis end
};

struct Composed {
    PageLayout L;
    std::vector<TitleLine> title;
    std::vector<Section> legend;
    std::vector<std::pair<double, double>> legend_at;  ///< each section's top-left (page)
    Box legend_box, title_box;
};

/// The page asked for cannot hold what it must: UsageError saying which option (--width or
/// --height) at its `given` size in points, what needs the room and the smallest page that would
/// hold it (`need`, points).
[[noreturn]] void too_small(const char* option, double given, const std::string& what, double need);

/// Scales the plot into the room left and says where everything goes. UsageError naming
/// --width or --height when the page asked for cannot hold what it must.
Composed compose(const Composer& c, PageParts& parts);

/// Emits the title block and the legend of a composed page.
void emit_frame(Builder& b, const Composer& c, const Composed& page);

/// Places and emits labels beside their own nodes (`owner[i]`: label i's node in `nodes`),
/// never on another node, the legend, the title or a box of `keep_out`; `ids[i]` names label
/// i. A label that had to go farther out gets a leader line to its node.
void emit_labels(Builder& b, const Composer& c, const Composed& page,
                 const std::vector<Circle>& nodes, const std::vector<std::size_t>& owner,
                 const std::vector<std::string>& html, const std::vector<std::string>& ids,
                 const std::vector<Box>& keep_out);

}  // namespace clusterlens::render
