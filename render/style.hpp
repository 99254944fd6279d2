// Visual encodings of a diagram (issue 4): colour scales, the encoding table (sizes, widths,
// opacities, tie colours and styles, shapes with their legend text), and the
// escaping that keeps user data (labels, attribute values) from injecting markup into DOT,
// Graphviz HTML-like labels or the SVG Graphviz writes from them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace clusterlens::render {

// ---- escaping ---------------------------------------------------------------------------

/// Text for a plain Graphviz label: backslashes doubled (Graphviz reads \N, \G, \n, \l as
/// escapes), control characters and invalid UTF-8 replaced by U+FFFD, at most `max_chars`
/// code points (an ellipsis marks the cut), '&' as "&amp;": Graphviz decodes entity references
/// in plain labels too (a label "&amp;" would be drawn "&"), and escapes & < > " itself in SVG.
std::string plain_label(std::string_view text, std::size_t max_chars = 40);

/// Text for inside a Graphviz HTML-like label: control characters and invalid UTF-8 replaced,
/// at most `max_chars` code points, backslashes doubled (Graphviz expands \N, \G, \L in
/// HTML-like labels too), then & < > " ' as character entities (graphs' xml_escape).
std::string html_text(std::string_view text, std::size_t max_chars = 80);

// ---- colours ----------------------------------------------------------------------------

/// Sequential, colour-blind-safe scale (viridis, van der Walt & Smith 2015), t in [0, 1] →
/// "#rrggbb"; NaN → light grey "#d9d9d9" (undefined values).
std::string sequential_colour(double t);

/// Qualitative colour-blind-safe palette (Okabe & Ito 2008), cycled after 8 categories.
std::string qualitative_colour(std::size_t index);

/// "#rrggbb" with an alpha byte appended (0..1), for faded ties.
std::string with_alpha(const std::string& rgb, double alpha);

// ---- the encoding table ------------------------------------------------------------------
// One function (or table row) per encoding; the drawing and its legend both call these, so a
// legend sample is drawn exactly as the actors and ties it explains.

/// Natural node width in inches for a size score at t in [0, 1] of its range:
/// 0.12 + 0.5 sqrt(t), so the node's area grows with the score; NaN → 0.12.
double node_width(double t);

/// Printed node diameter in points for a natural width (inches) and the figure's size scale
/// k: width × 72 × k, never below 2 pt.
double printed_diameter(double width_inches, double k);

/// Where a tie's weight sits for width and opacity: the square root of its place w01 in the
/// weights' range (normalise()); NaN → 0.5.
double tie_level(double w01);

/// Tie pen width in points at tie level t and size scale k: (0.4 + 3.2 t) k, at least 0.25.
double tie_pen_width(double t, double k);

/// Tie opacity at tie level t: 0.18 + 0.72 t (stronger ties darker), halved for ties outside
/// the cluster (linkage extra_local).
double tie_alpha(double t, std::string_view linkage);

/// How a tie of one linkage is drawn and what the legend calls it. `name` and `detail` make
/// the legend text ("local buzz (solid): both ends local").
struct LinkageStyle {
    std::string_view linkage;       ///< buzz, pipeline, extra_local, plain; "" for any other
    std::string_view colour, grey;  ///< stroke in colour and in greyscale
    std::string_view style;         ///< solid, dashed, dotted
    std::string_view name, detail;  ///< legend text
    bool faded = false;             ///< opacity halved (tie_alpha)
};
/// The table: local buzz solid blue, global pipelines dashed vermillion, ties outside the
/// cluster dotted grey, plain ties (no locality known) solid grey; last row: any other value.
const std::vector<LinkageStyle>& linkage_styles();
/// The row of a linkage (the last row when it has none).
const LinkageStyle& linkage_style(std::string_view linkage);
std::string linkage_colour(std::string_view linkage, bool grey);

/// An actor type's shape and legend text. A row with `focal` applies to focal actors only.
struct TypeShape {
    std::string_view type;
    bool focal = false;
    std::string_view shape, legend;
};
/// The table: firm circle, focal firm doublecircle, university and research box, government
/// triangle, intermediary diamond; last row: every other type (or none) hexagon.
const std::vector<TypeShape>& type_shapes();
/// The first row for the type (and focal); the last row when none matches.
const TypeShape& type_shape(std::string_view type, bool focal);
/// Graphviz shape for an actor type (type_shape's shape).
std::string shape_for_type(std::string_view type, bool focal);

/// Graphviz shape for the index-th category of any other attribute.
std::string shape_for_category(std::size_t index);

/// Global actors merged into one node (collapse_external): a grey octagon, dashed.
inline constexpr std::string_view kGroupShape = "octagon";
inline constexpr std::string_view kGroupFill = "#d9d9d9";

/// Node style: global actors (and merged groups) have a dashed outline.
std::string node_style(bool dashed);

/// Fill for a numeric value at t in [0, 1] (sequential_colour, or greys light to dark);
/// NaN → grey "#d9d9d9" (white in greyscale).
std::string numeric_fill(double t, bool grey);

/// Colour of a category (actor fill or tie colour). A two-wave comparison reads the usual
/// way: gained green, lost red-orange, kept grey (Okabe-Ito bluish green and vermillion);
/// other categories the palette by index (greys in greyscale).
std::string category_colour(std::string_view category, std::size_t index, bool grey);

// ---- communities ------------------------------------------------------------------------

/// Communities drawn each in a colour of their own; the rest share one grey.
inline constexpr std::size_t kCommunityColours = 7;

/// Fill of an actor's community (the number score --communities writes, 1 = the largest):
/// communities 1 to 7 the Okabe-Ito colours other than black in palette order (#e69f00
/// #56b4e9 #009e73 #f0e442 #0072b2 #d55e00 #cc79a7), 8 and above light grey #d9d9d9, no
/// community (NaN, or not a whole number >= 1) white. Greyscale: 1 to 7 the grey levels of
/// category_colour, 8 and above #f0f0f0, none white.
std::string community_fill(double community, bool grey);

/// The community number of a value (community_fill's rule), 0 for none.
std::size_t community_number(double community);

// ---- numeric scales ---------------------------------------------------------------------

/// Linear map of finite values to [0, 1] over their range (min → 0, max → 1); all equal → 0.5;
/// NaN stays NaN. Returns the range used in lo/hi (NaN when no finite value).
std::vector<double> normalise(const std::vector<double>& values, double& lo, double& hi);

}  // namespace clusterlens::render
