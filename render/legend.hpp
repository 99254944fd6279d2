// The legend and the title block of a figure (issue 4, 9). A legend is sections of rows; each
// row is a heading, a text or a sample (shape, colour ramp, tie) with its text. The network
// legend is generated from the encoding table (style.hpp) with the view's scales, so every
// sample is drawn by the same functions as the actors and ties it explains. Internal to render.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "render/canvas.hpp"
#include "render/diagram.hpp"
#include "render/options.hpp"
#include "render/scales.hpp"
#include "render/view.hpp"

namespace clusterlens::render {

/// One legend row: a heading, a text, or a sample (shape, colour ramp, size, tie) with a text.
struct Row {
    enum class Kind { heading, text, shape, ramp, tie } kind = Kind::text;
    std::string text;
    std::string shape = "circle", fill = "#ffffff";
    bool dashed = false;
    double diameter = 0;  ///< shape samples, points at the printed size
    std::vector<std::string> ramp;
    std::string colour, style;  ///< tie samples
    double width = 0, alpha = 1;
    double text_w = 0, text_h = 0, w = 0, h = 0, sample_w = 0;  ///< set by measure_rows
};
using Section = std::vector<Row>;

/// Measures every row's text (Graphviz, font size f) and sets each row's size.
void measure_rows(std::vector<Section>& legend, double f);
double section_width(const Section& s);
double section_height(const Section& s);

/// Where each legend section goes: one column (right), or sections side by side in rows that
/// wrap at `width` (bottom). Returns the legend's size; `at` gets each section's top-left.
std::pair<double, double> arrange_legend(const std::vector<Section>& legend,
                                         PageOptions::Legend where, double width, double gap,
                                         std::vector<std::pair<double, double>>& at);

/// Emits a legend section with its top-left corner at (x, top); items are numbered from
/// `item` with ids `<format_id>_<n>`.
void emit_section(Builder& b, const Section& s, double x, double top, double f, int& item,
                  const std::string& format_id);

/// What the network legend explains.
struct LegendInputs {
    const View& view;
    const RenderOptions& options;
    const Scales& scales;
    bool localities = true;  ///< the headline's: local and global can be told apart
    std::string label_rule;  ///< choose_labels' rule
    double font_size = 9;
};

/// The network's legend for size scale k (samples drawn exactly as the network's nodes), not
/// yet measured: shapes (type table or categories, merged groups, outlines), fill (ramp or
/// categories), size (three steps), ties (linkage table or tie categories, weakest and
/// strongest), and what is shown (the view's notes, the label rule, the counts).
std::vector<Section> network_legend(const LegendInputs& in, double k);

/// The title and the headline lines (wrapped at " | " when composed).
struct TitleBlock {
    std::string title;
    std::vector<std::string> headline;
};
TitleBlock title_block(const Headline& h, const RenderOptions& o);

}  // namespace clusterlens::render
