// Labels that look like markup or entity references are drawn as the data says (issue 12:
// "Graphviz draws a label &amp; as &"): the text of the SVG, once its own XML escaping is
// undone, equals each label, in the drawing and in the legend; plain labels escape '&' too.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "render/diagram.hpp"
#include "render/style.hpp"
#include "six_actors.hpp"

namespace clusterlens::render {
namespace {
using testing::make_actor;
using testing::small_network;

/// The text of every <text> element of an SVG, XML entities decoded (as a viewer shows it).
std::vector<std::string> svg_texts(const std::string& svg) {
    std::vector<std::string> out;
    for (std::size_t at = svg.find("<text"); at != std::string::npos;
         at = svg.find("<text", at + 1)) {
        const auto b = svg.find('>', at) + 1;
        const auto e = svg.find("</text>", b);
        std::string raw = svg.substr(b, e - b), text;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] != '&') {
                text += raw[i];
                continue;
            }
            const auto semi = raw.find(';', i);
            const auto name = raw.substr(i + 1, semi - i - 1);
            text += name == "amp"    ? "&"
                    : name == "lt"   ? "<"
                    : name == "gt"   ? ">"
                    : name == "quot" ? "\""
                    : name == "#45"  ? "-"
                    : name == "#160" ? " "
                                     : "?";
            i = semi;
        }
        out.push_back(text);
    }
    return out;
}

TEST(LabelEntities, SvgTextEqualsTheData) {
    const std::vector<std::string> labels = {"AT&T", "&amp;", "<b>", "a\\nb"};
    std::vector<Actor> actors;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        actors.push_back(make_actor("n" + std::to_string(i), Part::core, "firm", Locality::local));
        actors.back().label = labels[i];
        actors.back().group = labels[i];  // the legend lists the groups
    }
    auto net = small_network(actors, {0, 1, 1, 2, 2, 3}, {1, 1, 1});
    net.actor_attributes().set_numbers("betweenness", {0, 2, 2, 0});  // the default size
    RenderOptions o;
    o.color_by = "group";
    o.labels = RenderOptions::Labels::all;
    const auto svg = render_network(net, Headline{}, o, "svg").bytes;
    const auto texts = svg_texts(svg);
    for (const auto& label : labels)
        EXPECT_GE(std::count(texts.begin(), texts.end(), label), 2)  // the node and the legend
            << label << " in\n"
            << svg;
}

TEST(LabelEntities, PlainLabelEscapesAmpersand) {
    // Graphviz decodes entity references in plain labels: "&amp;" must reach it as "&amp;amp;".
    EXPECT_EQ(plain_label("&amp;"), "&amp;amp;");
    EXPECT_EQ(plain_label("AT&T"), "AT&amp;T");
}

}  // namespace
}  // namespace clusterlens::render
