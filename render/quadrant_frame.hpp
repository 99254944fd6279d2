// The frame of a quadrant figure (issue 4, 9): axes with ticks at round values and their
// titles, two dashed threshold lines, and a name in each quadrant's outer corner. The position
// map and the quadrant charts both draw their points in one. Internal to render.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "render/canvas.hpp"
#include "render/compose.hpp"

namespace clusterlens::render {

/// What the frame shows: value ranges (widened to round ticks), threshold lines (NaN: none),
/// axis titles and the quadrant names.
struct Axes {
    double x_lo = 0, x_hi = 1, y_lo = 0, y_hi = 1;
    double x_line = std::numeric_limits<double>::quiet_NaN();
    double y_line = std::numeric_limits<double>::quiet_NaN();
    std::string x_title, y_title;
    std::string top_right, bottom_right, top_left, bottom_left;
    double plot_w = 560, plot_h = 420;  ///< natural plot size (points)
    bool x_counts = false;              ///< x counts whole things: ticks at whole numbers
    bool y_ticks = true;  ///< false: no y ticks or values, y_lo..y_hi kept (the caller names rows)
    std::string id_prefix;  ///< put before every id the frame draws (two frames on one page)
    /// The y title clear of the top y value (false: 0.5 × the font size above the plot, where
    /// the value's upper half reaches it by about 1 pt).
    bool y_title_clear = false;
    /// Values (ticks too) drawn this far inside the plot's edges, so points at the extreme
    /// values clear the axes (points); 0: the extreme ticks at the axes' ends.
    double inset = 0;
};

class QuadrantFrame {
public:
    /// Chooses the ticks and measures them and the axis titles (wrapped at `title_width`).
    QuadrantFrame(const Composer& c, Axes axes, double title_width);

    const Axes& axes() const { return a_; }
    /// A value's natural plot coordinate (0 .. plot_w, 0 .. plot_h).
    double x(double value) const;
    double y(double value) const;

    /// Adds the plot's corners to the page's natural extent and the room the axes need.
    void reserve(PageParts& parts) const;
    /// The room the axes need around the plot (points): tick values and titles.
    double room_left() const { return left_; }
    double room_bottom() const { return bottom_; }
    double room_top() const { return top_; }
    double room_right() const { return right_; }

    /// Draws the axes, ticks, titles, quadrant lines and names; returns the names' boxes
    /// (labels keep off them). Each name sits in its quadrant's outer corner, away from the
    /// crossing of the lines where points gather.
    std::vector<Box> draw(Builder& b, const Composer& c, const PageLayout& L) const;

private:
    Axes a_;
    std::vector<double> x_ticks_, y_ticks_;
    std::vector<std::pair<double, double>> x_sizes_, y_sizes_;  ///< measured tick labels
    std::vector<TitleLine> x_title_, y_title_;
    double left_ = 0, bottom_ = 0, top_ = 0, right_ = 0;  ///< room around the plot
    double lift_ = 0;                                     ///< the y title's lift (y_title_clear)
};

}  // namespace clusterlens::render
