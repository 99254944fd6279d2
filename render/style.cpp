#include "render/style.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>

#include "graphs/write.hpp"

namespace clusterlens::render {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

/// Splits UTF-8 into code points; calls emit(bytes, code_point) for each valid one and
/// emit(kReplacement, 0xFFFD) for each invalid byte. Stops after max_chars code points and
/// returns true if text was cut.
template <class Emit>
bool for_each_code_point(std::string_view s, std::size_t max_chars, Emit emit) {
    std::size_t i = 0, count = 0;
    while (i < s.size()) {
        if (count == max_chars) return true;
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80         ? 1
                          : (c >> 5) == 6  ? 2
                          : (c >> 4) == 14 ? 3
                          : (c >> 3) == 30 ? 4
                                           : 0;
        std::uint32_t cp = len == 1   ? c
                           : len == 2 ? (c & 0x1F)
                           : len == 3 ? (c & 0x0F)
                                      : (c & 0x07);
        bool ok = len != 0 && i + len <= s.size();
        for (std::size_t k = 1; ok && k < len; ++k) {
            const auto d = static_cast<unsigned char>(s[i + k]);
            if ((d >> 6) != 2) ok = false;
            cp = (cp << 6) | (d & 0x3F);
        }
        // Overlong forms, surrogates and values above U+10FFFF are invalid too.
        if (ok && ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
                   (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)))
            ok = false;
        if (ok) {
            emit(s.substr(i, len), cp);
            i += len;
        } else {
            emit(kReplacement, 0xFFFD);
            ++i;
        }
        ++count;
    }
    return false;
}

bool is_control(std::uint32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0); }

}  // namespace

std::string plain_label(std::string_view text, std::size_t max_chars) {
    std::string out;
    const bool cut =
        for_each_code_point(text, max_chars, [&](std::string_view bytes, std::uint32_t cp) {
            if (cp == '\\')
                out += "\\\\";
            else if (cp == '&')  // Graphviz decodes entities in plain labels too
                out += "&amp;";
            else if (is_control(cp))
                out += kReplacement;
            else
                out += bytes;
        });
    if (cut) out += "\xE2\x80\xA6";  // …
    return out;
}

std::string html_text(std::string_view text, std::size_t max_chars) {
    std::string clean;  // valid UTF-8, no control characters, cut to max_chars
    const bool cut =
        for_each_code_point(text, max_chars, [&](std::string_view bytes, std::uint32_t cp) {
            clean += is_control(cp) ? kReplacement : bytes == "\\" ? "\\\\" : bytes;
        });
    if (cut) clean += "\xE2\x80\xA6";
    return xml_escape(clean);  // & < > " ' as entities, as for GraphML
}

std::string sequential_colour(double t) {
    if (!std::isfinite(t)) return "#d9d9d9";
    // viridis at t = 0, 0.125, ..., 1 (matplotlib's table), linear in between.
    static constexpr std::array<std::array<int, 3>, 9> stops = {{{68, 1, 84},
                                                                 {71, 44, 122},
                                                                 {59, 81, 139},
                                                                 {44, 113, 142},
                                                                 {33, 144, 141},
                                                                 {39, 173, 129},
                                                                 {92, 200, 99},
                                                                 {170, 220, 50},
                                                                 {253, 231, 37}}};
    t = std::clamp(t, 0.0, 1.0) * 8.0;
    const auto k = std::min<std::size_t>(static_cast<std::size_t>(t), 7);
    const double f = t - static_cast<double>(k);
    std::array<int, 3> c{};
    for (std::size_t i = 0; i < 3; ++i)
        c[i] = static_cast<int>(std::lround(stops[k][i] + f * (stops[k + 1][i] - stops[k][i])));
    return fmt::format("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]);
}

std::string qualitative_colour(std::size_t index) {
    // Okabe-Ito without black (drawn on white, with black outlines).
    static constexpr std::array<std::string_view, 8> palette = {
        "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#999999"};
    return std::string(palette[index % palette.size()]);
}

std::string with_alpha(const std::string& rgb, double alpha) {
    const auto a = static_cast<int>(std::lround(std::clamp(alpha, 0.0, 1.0) * 255));
    return rgb + fmt::format("{:02x}", a);
}

// ---- the encoding table ------------------------------------------------------------------

double node_width(double t) { return 0.12 + 0.5 * (std::isfinite(t) ? std::sqrt(t) : 0.0); }

double printed_diameter(double width_inches, double k) {
    return std::max(2.0, width_inches * 72.0 * k);
}

double tie_level(double w01) { return std::isfinite(w01) ? std::sqrt(w01) : 0.5; }

double tie_pen_width(double t, double k) { return std::max(0.25, (0.4 + 3.2 * t) * k); }

double tie_alpha(double t, std::string_view linkage) {
    return (0.18 + 0.72 * t) * (linkage_style(linkage).faded ? 0.5 : 1.0);
}

const std::vector<LinkageStyle>& linkage_styles() {
    // Okabe-Ito blue and vermillion; greys for greyscale, where the line style carries it.
    static const std::vector<LinkageStyle> table = {
        {"buzz", "#0072b2", "#000000", "solid", "local buzz", "both ends local", false},
        {"pipeline", "#d55e00", "#404040", "dashed", "global pipeline", "local to global", false},
        {"extra_local", "#7f7f7f", "#8c8c8c", "dotted", "outside the cluster", "", true},
        {"plain", "#555555", "#404040", "solid", "tie", "", false},
        // graphs/vocabulary.hpp: a tie with an end of unspecified locality has no linkage.
        {"", "#7f7f7f", "#8c8c8c", "dotted", "locality not given", "", false},
    };
    return table;
}

const LinkageStyle& linkage_style(std::string_view linkage) {
    const auto& table = linkage_styles();
    for (const auto& row : table)
        if (row.linkage == linkage) return row;
    return table.back();
}

std::string linkage_colour(std::string_view linkage, bool grey) {
    const auto& row = linkage_style(linkage);
    return std::string(grey ? row.grey : row.colour);
}

const std::vector<TypeShape>& type_shapes() {
    static const std::vector<TypeShape> table = {
        {"firm", true, "doublecircle", "focal firm"},
        {"firm", false, "circle", "firm"},
        {"university", false, "box", "university / research"},
        {"research", false, "box", "university / research"},
        {"government", false, "triangle", "government"},
        {"intermediary", false, "diamond", "intermediary"},
        {"", false, "hexagon", "other / not given"},
    };
    return table;
}

const TypeShape& type_shape(std::string_view type, bool focal) {
    const auto& table = type_shapes();
    for (const auto& row : table)
        if (row.type == (is_firm_type(type) ? "firm" : type) && (!row.focal || focal)) return row;
    return table.back();
}

std::string shape_for_type(std::string_view type, bool focal) {
    return std::string(type_shape(type, focal).shape);
}

std::string shape_for_category(std::size_t index) {
    static constexpr std::array<std::string_view, 7> shapes = {
        "circle", "box", "triangle", "diamond", "hexagon", "invtriangle", "pentagon"};
    return std::string(shapes[index % shapes.size()]);
}

std::string node_style(bool dashed) { return dashed ? "filled,dashed" : "filled"; }

namespace {

std::string grey_level(double t) {  // t in [0, 1]: light to dark
    if (!std::isfinite(t)) return "#ffffff";
    const int v = static_cast<int>(std::lround(235 - 190 * std::clamp(t, 0.0, 1.0)));
    return fmt::format("#{:02x}{:02x}{:02x}", v, v, v);
}

}  // namespace

std::string numeric_fill(double t, bool grey) {
    return grey ? (std::isfinite(t) ? grey_level(t) : "#ffffff") : sequential_colour(t);
}

std::string category_colour(std::string_view category, std::size_t index, bool grey) {
    if (category == "gained") return grey ? "#000000" : "#009e73";
    if (category == "lost") return grey ? "#b0b0b0" : "#d55e00";
    if (category == "kept") return grey ? "#606060" : "#999999";
    static const double levels[] = {0.0, 1.0, 0.5, 0.25, 0.75, 0.125, 0.625, 0.875};
    return grey ? grey_level(levels[index % 8]) : qualitative_colour(index);
}

std::size_t community_number(double community) {
    if (!std::isfinite(community) || community < 1 || community != std::floor(community) ||
        community > 1e15)
        return 0;
    return static_cast<std::size_t>(community);
}

std::string community_fill(double community, bool grey) {
    const std::size_t c = community_number(community);
    if (c == 0) return "#ffffff";
    if (c > kCommunityColours) return grey ? "#f0f0f0" : "#d9d9d9";
    // Greyscale: seven levels from #2d2d2d to #bcbcbc, alternating dark and light, none near
    // the #f0f0f0 of communities 8+ or the white of no community (category_colour's levels
    // start at its lightest grey, which read as "8+" for the largest community).
    static const double grey_levels[] = {1.0, 0.5, 0.75, 0.25, 0.875, 0.375, 0.625};
    if (grey) return grey_level(grey_levels[c - 1]);
    return category_colour("", c - 1, false);
}

std::vector<double> normalise(const std::vector<double>& values, double& lo, double& hi) {
    lo = std::numeric_limits<double>::infinity();
    hi = -lo;
    for (const double v : values)
        if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    std::vector<double> out(values.size(), std::nan(""));
    if (lo > hi) {
        lo = hi = std::nan("");
        return out;
    }
    for (std::size_t i = 0; i < values.size(); ++i)
        if (std::isfinite(values[i])) out[i] = hi > lo ? (values[i] - lo) / (hi - lo) : 0.5;
    return out;
}

}  // namespace clusterlens::render
