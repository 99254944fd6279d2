// Reading the figures `clusterlens render` writes: the SVG parsed with libxml2 (groups by id
// prefix, every text, active content), the canvas against the drawing, the scored CORDIS
// example once per test binary, and running render into a file.
#pragma once

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <unistd.h>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "../graphs/test_files.hpp"
#include "../render/dot_nodes.hpp"
#include "cli_run.hpp"
#include "test_paths.hpp"

namespace clusterlens::testing {

inline const std::string kData = testing::example("cordis_ee_climate/data");
inline const std::string kMap = testing::example("cordis_ee_climate/cordis.toml");

/// What a reader of the SVG sees: groups by id prefix, all text, and any markup that could
/// run (script elements, on* attributes, foreignObject).
struct Svg {
    bool well_formed = false;
    std::map<std::string, std::size_t> groups;  ///< "actor", "tie", "legend", ... → count
    std::vector<std::string> texts;
    std::size_t active = 0;  ///< script / foreignObject elements and on* attributes
    std::string all_text() const {
        std::string s;
        for (const auto& t : texts) s += t + "\n";
        return s;
    }
};

inline void walk(xmlNode* node, Svg& svg) {
    for (xmlNode* n = node; n != nullptr; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        const std::string name = reinterpret_cast<const char*>(n->name);
        if (name == "script" || name == "foreignObject") ++svg.active;
        for (xmlAttr* a = n->properties; a != nullptr; a = a->next) {
            const std::string attr = reinterpret_cast<const char*>(a->name);
            if (attr.size() > 2 && (attr.rfind("on", 0) == 0)) ++svg.active;
        }
        if (name == "g") {
            xmlChar* id = xmlGetProp(n, reinterpret_cast<const xmlChar*>("id"));
            if (id != nullptr) {
                std::string s = reinterpret_cast<const char*>(id);
                xmlFree(id);
                const auto cut = s.rfind('_');
                if (cut != std::string::npos) ++svg.groups[s.substr(0, cut)];
            }
        }
        if (name == "text") {
            xmlChar* t = xmlNodeGetContent(n);
            svg.texts.emplace_back(reinterpret_cast<const char*>(t));
            xmlFree(t);
        }
        walk(n->children, svg);
    }
}

inline Svg parse_svg(const std::string& bytes) {
    Svg svg;
    xmlDoc* doc = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), "figure.svg", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (doc == nullptr) return svg;
    svg.well_formed = true;
    walk(xmlDocGetRootElement(doc), svg);
    xmlFreeDoc(doc);
    return svg;
}

/// The canvas a reader sees against the drawing Graphviz made: the root's width and height (pt),
/// its view box, and the white background polygon (the whole drawing, pad included) under the
/// graph's scale. A figure is whole when the view box is the declared size and holds the
/// scaled background.
struct Canvas {
    double width = 0, height = 0, view_w = 0, view_h = 0, scale = 0, drawn_w = 0, drawn_h = 0;
};

inline Canvas canvas_of(const std::string& bytes) {
    Canvas c;
    auto attr = [&](const std::string& name, std::size_t from) {
        const auto at = bytes.find(name + "=\"", from);
        if (at == std::string::npos) return std::string();
        const auto start = at + name.size() + 2;
        return bytes.substr(start, bytes.find('"', start) - start);
    };
    const auto svg = bytes.find("<svg ");
    c.width = std::atof(attr("width", svg).c_str());
    c.height = std::atof(attr("height", svg).c_str());
    std::istringstream vb(attr("viewBox", svg));
    double x0 = 0, y0 = 0;
    vb >> x0 >> y0 >> c.view_w >> c.view_h;
    const auto graph = bytes.find("class=\"graph\"");
    const auto transform = attr("transform", graph);
    c.scale = std::atof(transform.substr(transform.find('(') + 1).c_str());
    std::istringstream pts(attr("points", graph));
    double lo_x = 1e300, hi_x = -1e300, lo_y = 1e300, hi_y = -1e300, px = 0, py = 0;
    char comma = 0;
    while (pts >> px >> comma >> py)
        lo_x = std::min(lo_x, px), hi_x = std::max(hi_x, px), lo_y = std::min(lo_y, py),
        hi_y = std::max(hi_y, py);
    c.drawn_w = (hi_x - lo_x) * c.scale;
    c.drawn_h = (hi_y - lo_y) * c.scale;
    return c;
}

inline void expect_whole(const std::string& bytes, const std::string& what) {
    const auto c = canvas_of(bytes);
    EXPECT_GT(c.width, 0) << what;
    EXPECT_NEAR(c.width, c.view_w, 1.0) << what << ": declared width vs view box";
    EXPECT_NEAR(c.height, c.view_h, 1.0) << what << ": declared height vs view box";
}

inline bool has_text(const Svg& svg, const std::string& needle) {
    return svg.all_text().find(needle) != std::string::npos;
}

/// The scored example, once per test binary (network.graphml + summary.json from score).
/// (Its own folder: a TempDir is per test and wiped when the next one of the test starts.)
struct ScoredExample {
    std::filesystem::path root = std::filesystem::temp_directory_path() /
                                 ("clusterlens_render_scored_" + std::to_string(::getpid()));
    std::string dir = (root / "ee").string();
    ScoredExample() {
        std::filesystem::remove_all(root);
        const auto r = run({"score", kData, "--map", kMap, "-o", dir, "--permutations", "0"});
        EXPECT_EQ(r.code, 0) << r.err;
    }
    ~ScoredExample() {
        std::error_code ec;
        std::filesystem::remove_all(root, ec);
    }
};
inline const std::string& scored_dir() {
    static const ScoredExample example;
    return example.dir;
}

inline Svg render_svg(const std::vector<std::string>& extra, const std::string& input = "") {
    static int count = 0;
    const auto out = scored_dir() + "/../figure" + std::to_string(++count) + ".svg";
    std::vector<std::string> args = {
        "render", input.empty() ? scored_dir() + "/network.graphml" : input, "-o", out};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = run(args);
    EXPECT_EQ(r.code, 0) << r.err;
    const auto bytes = slurp(out);
    expect_whole(bytes, fmt::format("render {}", fmt::join(extra, " ")));
    return parse_svg(bytes);
}

inline const std::string kCorpus = testing::example("../../shared/corpus");

/// Skips when the team's shared corpus is not next to the checkout.
#define NEED_CORPUS(path)                               \
    if (!std::filesystem::exists(kCorpus + "/" + path)) \
    GTEST_SKIP() << "no " << kCorpus << "/" << path

inline std::vector<double> font_sizes(const std::string& svg) {
    std::vector<double> out;
    for (auto at = svg.find("font-size=\""); at != std::string::npos;
         at = svg.find("font-size=\"", at + 1))
        out.push_back(std::atof(svg.c_str() + at + 11));
    return out;
}

inline std::string render_to(const std::vector<std::string>& args, const std::string& out) {
    std::vector<std::string> all = {"render"};
    all.insert(all.end(), args.begin(), args.end());
    all.insert(all.end(), {"-o", out});
    const auto r = run(all);
    EXPECT_EQ(r.code, 0) << r.err;
    return slurp(out);
}

}  // namespace clusterlens::testing
