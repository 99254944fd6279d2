// The figure of `clusterlens explain` (issue 14): what an actor's outcome has to do with its
// place in the network, in two panels on the house's page (title block, legend, --width,
// --font-size, --style greyscale).
//
// (a) One row per predictor term of the node-level regression: the standardised coefficient
//     β as a dot on its permutation null band, the middle 95 % (2.5 to 97.5 %) of the
//     standardised coefficients the term gets when the outcome is permuted. The band sits
//     near 0; a dot outside its band is an estimate the permutations rarely give. A dashed
//     line marks 0; beside each row its two-sided permutation p.
// (b) The outcome (y) against the strongest position measure (x), one point per actor shaped
//     by its part as `clusterlens render --shape-by part` shapes actors (the parts drawn, in
//     sorted order, take circle, box, triangle, diamond, ...: style.hpp shape_for_category),
//     with the least-squares line of y on x.
//
// The panels stand side by side, or one above the other when the page is too narrow for both
// (each plot at least 15 × the font size wide). The chart is a plain struct the caller fills
// (the statistics are computed elsewhere); render only draws it.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "render/page.hpp"

namespace clusterlens::render {

struct ExplainChart {
    std::string title;  ///< the title block's first line ("" : no title line)
    std::string note;   ///< below it, wrapped at spaces: model, n, dropped actors, permutations

    /// A predictor term; non-finite values are not drawn (p: "p = n/a").
    struct Term {
        std::string name;
        double beta = std::numeric_limits<double>::quiet_NaN();     ///< standardised coefficient
        double null_lo = std::numeric_limits<double>::quiet_NaN();  ///< 2.5 % of the permuted β
        double null_hi = std::numeric_limits<double>::quiet_NaN();  ///< 97.5 % of the permuted β
        double p = std::numeric_limits<double>::quiet_NaN();        ///< two-sided permutation p
        /// p is the smallest the permutations can give, 1 / (R + 1): no permuted β was as far
        /// from 0 as the observed one (written "p < 0.0001", permutation_p_text).
        bool p_at_floor = false;
    };
    std::vector<Term> terms;  ///< panel (a), top to bottom in this order; none: no panel (a)

    std::string x_title, y_title;  ///< panel (b)'s axes
    /// An actor; a point with a non-finite x or y is not drawn.
    struct Point {
        double x = std::numeric_limits<double>::quiet_NaN();
        double y = std::numeric_limits<double>::quiet_NaN();
        std::string part;   ///< core, assisting, external, or "" (unspecified)
        std::string label;  ///< drawn beside the point when not empty
    };
    std::vector<Point> points;  ///< panel (b); none: no panel (b)
    bool fit_line = true;       ///< the least-squares line of y on x over the drawn points
};

/// Draws the chart in `format` (svg, png, pdf, dot) on a page as `page` says; texts are escaped
/// like actor labels. UsageError for an unknown format or a page too small for the panels
/// (naming --width or --height); BackendError when Graphviz fails.
std::string render_explain_chart(const ExplainChart& chart, const std::string& format,
                                 const PageOptions& page = {});

/// A permutation p as panel (a) writes it: "p = 0.003" (three decimals from 0.001 up,
/// "p = 0.00042" below), "p = n/a" when not finite. At the floor, the floor rounded up to one
/// significant digit X: "p < X" when X is above p (1/10001 → "p < 0.0001"), "p ≤ X" when it is p
/// (1/1000 → "p ≤ 0.001").
std::string permutation_p_text(double p, bool at_floor);

}  // namespace clusterlens::render
