// Visual encodings of a diagram: colour scales, shapes, sizes and widths, and the
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
/// code points (an ellipsis marks the cut). Graphviz escapes & < > " itself in SVG.
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

// ---- shapes -----------------------------------------------------------------------------

/// Graphviz shape for an actor type (firm circle, focal firm doublecircle, university and
/// research box, government triangle, intermediary diamond, other/unknown hexagon).
std::string shape_for_type(std::string_view type, bool focal);

/// Graphviz shape for the index-th category of any other attribute.
std::string shape_for_category(std::size_t index);

// ---- numeric scales ---------------------------------------------------------------------

/// Linear map of finite values to [0, 1] over their range (min → 0, max → 1); all equal → 0.5;
/// NaN stays NaN. Returns the range used in lo/hi (NaN when no finite value).
std::vector<double> normalise(const std::vector<double>& values, double& lo, double& hi);

}  // namespace clusterlens::render
