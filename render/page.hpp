// The printed page of a figure: sizes with units, numbers written for people, axis
// ticks, label placement, and the fixes that make Graphviz's bytes exactly the page asked for.
//
// A figure is composed in page space, in points at the printed size: the network (or chart)
// is scaled to the room left by the title block and the legend, while every text keeps its
// point size, so `--width 17cm --font-size 7` gives 7-point text on a 17 cm page. Graphviz
// only draws (nop2, every position pinned, scale 1).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace clusterlens::render {

/// How a figure is printed; shared by every figure render and compare write.
struct PageOptions {
    double width = 0;      ///< page width in points (0: the drawing's own size, at most 16 in)
    double height = 0;     ///< page height in points (0: what the drawing needs)
    double font_size = 9;  ///< body text in points at the printed size (titles are larger)
    bool title = true;     ///< false: no title block (--title none)
    enum class Legend { right, bottom, none } legend = Legend::right;
    bool greyscale = false;  ///< greys, line styles and shapes only (--style greyscale)
};

/// "17cm", "180mm", "7in", "500pt", "660px" → points. UsageError naming `option` and the
/// accepted units for anything else (a bare number too: "17" could mean cm or pt) or a size
/// that is not positive.
double parse_length(std::string_view text, std::string_view option);

/// "right", "bottom", "none" → PageOptions::Legend; UsageError otherwise.
PageOptions::Legend parse_legend(std::string_view text);

/// A number as a reader writes it: at most 3 significant digits, thousands separated by
/// commas, never scientific notation (15300 → "15,300", 0.4712 → "0.471", 1e-5 → "0.00001",
/// 2.0 → "2"); NaN or infinite → "n/a".
std::string human_number(double v);

/// A count with thousands separated by commas: 15300 → "15,300".
std::string thousands(std::size_t v);

/// Axis ticks at round values (1, 2 or 5 × 10^k apart) covering [lo, hi], about `target` of
/// them; the first tick is ≤ lo and the last ≥ hi. lo == hi gives one tick.
std::vector<double> nice_ticks(double lo, double hi, int target = 5);

/// An axis-aligned box in page points (y up).
struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double overlap(const Box& o) const;  ///< area of the intersection
    bool inside(const Box& outer) const;
};

/// Places labels next to their own node: for each label in order, the first of sixteen places
/// around the node (right, left, above, below, the corners, then the sides slid along the
/// node) that overlaps no node, no
/// label placed before and no keep-out box and stays inside `page`; when every place collides,
/// the one with the least overlap (still inside the page when any is). Returns each label's
/// box. `nodes` are circles (centre, radius); label i belongs to node `owner[i]`.
struct Circle {
    double x, y, r;
};
/// When no place beside the node is free, places farther out (up to four label heights) are
/// tried; a label put there is marked in `detached` (if given) and needs a leader line.
std::vector<Box> place_labels(const std::vector<Circle>& nodes,
                              const std::vector<std::size_t>& owner,
                              const std::vector<std::pair<double, double>>& size,
                              const std::vector<Box>& keep_out, const Box& page, double gap,
                              std::vector<char>* detached = nullptr);

/// Spreads points that sit on top of each other: points closer than `min_distance` to an
/// earlier point are moved onto a sunflower spiral around it (deterministic; same input, same
/// output). Returns how many points moved.
std::size_t spread_overlapping(std::vector<double>& x, std::vector<double>& y, double min_distance);

/// Graphviz writes the SVG's width and height rounded to whole points; this writes them as the
/// view box (the page computed) so `--width 17cm` is 481.89pt, not 482pt.
std::string exact_svg_size(std::string svg);

/// cairo's PDF carries /CreationDate (the time of the run); this sets it to 1970-01-01 in
/// place (same length, so the cross-reference offsets stay valid): same input, same bytes.
std::string fixed_pdf_date(std::string pdf);

}  // namespace clusterlens::render
