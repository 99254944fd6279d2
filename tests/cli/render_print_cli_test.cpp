// `clusterlens render` and `compare` figures as printed (issue 9): page size and point sizes,
// title, legend and greyscale controls, label placement, the position map's ticks and spread
// piles, networks without roles, compare's figures in every format, the change colours and
// positions from the file.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "graphs/load.hpp"
#include "render/diagram.hpp"
#include "render/graphviz_support.hpp"
#include "render_figures.hpp"

namespace clusterlens {
namespace {
using namespace testing;  // clusterlens::testing: run, slurp, TempDir, the figure readers

TEST(RenderPrint, SeventeenCentimetresWithSevenPointText) {
    TempDir dir;
    const auto in = scored_dir() + "/network.graphml";
    const auto svg = render_to({in, "--width", "17cm", "--font-size", "7"}, dir.path("f.svg"));
    expect_whole(svg, "17cm svg");
    const auto c = canvas_of(svg);
    EXPECT_NEAR(c.width, 17 / 2.54 * 72, 0.01);  // 481.89 pt, not rounded to 482
    EXPECT_DOUBLE_EQ(c.scale, 1.0);              // drawn at its printed size
    const auto sizes = font_sizes(svg);
    ASSERT_FALSE(sizes.empty());
    EXPECT_DOUBLE_EQ(*std::min_element(sizes.begin(), sizes.end()), 7.0);
    // The PDF: cairo's page is whole points, 482 × h; the same drawing.
    const auto pdf = render_to({in, "--width", "17cm", "--font-size", "7"}, dir.path("f.pdf"));
    const auto box = pdf.find("/MediaBox [ 0 0 ");
    ASSERT_NE(box, std::string::npos);
    double w = 0, h = 0;
    std::sscanf(pdf.c_str() + box + 16, "%lf %lf", &w, &h);
    EXPECT_NEAR(w, 481.89, 0.5);
    EXPECT_NEAR(h, c.height, 0.5);
    // A height too small for the legend beside the drawing is a usage error that says so.
    const auto r =
        run({"render", in, "--width", "17cm", "--height", "8cm", "-o", dir.path("small.svg")});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--height 8.0cm is too small: the title block and the legend beside "
                         "the drawing need a page at least"),
              std::string::npos)
        << r.err;
    // A height above what the page needs by itself is granted (the legend at its drawn size).
    const auto tall = render_to({in, "--width", "17cm", "--height", "16cm"}, dir.path("t.svg"));
    EXPECT_NEAR(canvas_of(tall).height, 16 / 2.54 * 72, 0.01);
    EXPECT_FALSE(std::filesystem::exists(dir.path("small.svg")));
    for (const auto& bad :
         std::vector<std::vector<std::string>>{{"--width", "17"},  // 17 pt: room for nothing
                                               {"--width", "wide"},
                                               {"--font-size", "7.5"},
                                               {"--legend", "left"},
                                               {"--style", "sepia"}}) {
        std::vector<std::string> args = {"render", in, "-o", dir.path("bad.svg")};
        args.insert(args.end(), bad.begin(), bad.end());
        EXPECT_EQ(run(args).code, 2) << bad[0] << " " << bad[1];
    }
}

TEST(RenderPrint, TitleLegendAndStyleControls) {
    TempDir dir;
    const auto in = scored_dir() + "/network.graphml";
    auto svg = render_to({in, "--title", "none"}, dir.path("a.svg"));
    EXPECT_EQ(svg.find("id=\"title"), std::string::npos);
    EXPECT_EQ(svg.find("Cluster innovation network"), std::string::npos);
    svg = render_to({in, "--legend", "none"}, dir.path("b.svg"));
    EXPECT_EQ(svg.find("id=\"legend_"), std::string::npos);
    // Legend at the bottom: every legend item lies below every actor.
    const auto dot = render_to({in, "--legend", "bottom", "--width", "17cm"}, dir.path("c.dot"));
    double lowest_actor = 1e300, highest_legend = -1e300;
    for (const auto& [name, p] : placed_nodes(dot)) {
        if (name.rfind("actor_", 0) == 0) lowest_actor = std::min(lowest_actor, p.y - p.h / 2);
        if (name.rfind("legend_", 0) == 0) highest_legend = std::max(highest_legend, p.y + p.h / 2);
    }
    EXPECT_LT(highest_legend, lowest_actor);
    // Greyscale: every colour drawn is a grey (r = g = b).
    svg = render_to({in, "--style", "greyscale"}, dir.path("d.svg"));
    std::size_t colours = 0;
    for (const char* attr : {"fill=\"#", "stroke=\"#"})
        for (auto at = svg.find(attr); at != std::string::npos; at = svg.find(attr, at + 1)) {
            const auto hex = svg.substr(at + std::string(attr).size(), 6);
            ++colours;
            EXPECT_TRUE(hex.substr(0, 2) == hex.substr(2, 2) &&
                        hex.substr(2, 2) == hex.substr(4, 2))
                << hex;
        }
    EXPECT_GT(colours, 400U);
    // Legend numbers for people (betweenness up to about 15,300 on the example).
    svg = render_to({in}, dir.path("e.svg"));
    EXPECT_EQ(svg.find("e+0"), std::string::npos);
    EXPECT_NE(svg.find("size: betweenness (0 to 15,300)"), std::string::npos);
}

TEST(RenderPrint, SameInputSameBytesInEveryFormat) {
    TempDir dir;
    const auto in = scored_dir() + "/network.graphml";
    for (const char* ext : {"pdf", "png", "svg"}) {
        const auto a = render_to({in, "--top-ties", "300"}, dir.path(std::string("a.") + ext));
        const auto b = render_to({in, "--top-ties", "300"}, dir.path(std::string("b.") + ext));
        EXPECT_EQ(a, b) << ext;
        EXPECT_FALSE(a.empty()) << ext;
    }
    EXPECT_NE(slurp(dir.path("a.pdf")).find("(D:19700101000000"), std::string::npos);
}

TEST(RenderPrint, LabelsSitBesideTheirOwnNodeOnPadgett) {
    NEED_CORPUS("waves/padgM.net");
    TempDir dir;
    const auto dot = render_to(
        {kCorpus + "/waves/padgM.net", "--labels", "all", "--width", "12cm", "--font-size", "8"},
        dir.path("p.dot"));
    const auto nodes = placed_nodes(dot);
    std::size_t labels = 0;
    const double gap = 0.25 * 8;
    for (const auto& [name, box] : nodes) {
        if (name.rfind("label_", 0) != 0 || name.find("_leader") != std::string::npos) continue;
        ++labels;
        const auto& own = nodes.at("actor_" + name.substr(6));
        // Distance from the own node's centre to the label box: at most the radius plus the
        // gap on the diagonal (sqrt 2 × gap), plus 0.5 pt of rounding in the DOT.
        const double dx = std::max({box.x - box.w / 2 - own.x, own.x - (box.x + box.w / 2), 0.0});
        const double dy = std::max({box.y - box.h / 2 - own.y, own.y - (box.y + box.h / 2), 0.0});
        EXPECT_LE(std::hypot(dx, dy), own.w / 2 + std::sqrt(2.0) * gap + 0.5) << name;
        // No other node and no legend item under the label.
        for (const auto& [other, p] : nodes) {
            if (other == "actor_" + name.substr(6) || other == name) continue;
            if (other.rfind("actor_", 0) != 0 && other.rfind("legend_", 0) != 0 &&
                other.rfind("title", 0) != 0)
                continue;
            const double ox = std::min(box.x + box.w / 2, p.x + p.w / 2) -
                              std::max(box.x - box.w / 2, p.x - p.w / 2);
            const double oy = std::min(box.y + box.h / 2, p.y + p.h / 2) -
                              std::max(box.y - box.h / 2, p.y - p.h / 2);
            EXPECT_FALSE(ox > 0.5 && oy > 0.5) << name << " lies on " << other;
        }
    }
    EXPECT_EQ(labels, 16U);  // every family
}

TEST(RenderPrint, EgoAlwaysLabelledAndPartnersInPipelineViews) {
    TempDir dir;
    const auto in = scored_dir() + "/network.graphml";
    // top:0 labels nobody, except the ego.
    const auto svg = render_to({in, "--ego", "999421653", "--labels", "top:0"}, dir.path("e.svg"));
    const auto parsed = parse_svg(svg);
    EXPECT_EQ(parsed.groups.count("label"), 1U);
    EXPECT_TRUE(has_text(parsed, "999421653"));
    // Pipeline view (as compare draws it): the partner with the strongest pipelines is
    // labelled. Expected partner computed here from the ties: the global actor with the
    // largest summed weight to local actors.
    LoadOptions lo;
    lo.mapping = load_mapping(kMap);
    const auto net = load_network({kData}, lo);
    std::vector<double> strength(net.actor_count(), 0);
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const auto s = net.source(e), t = net.target(e);
        const auto ls = net.actor(s).locality, lt = net.actor(t).locality;
        if (ls == Locality::local && lt == Locality::global) strength[t] += net.weight(e);
        if (lt == Locality::local && ls == Locality::global) strength[s] += net.weight(e);
    }
    const auto top = static_cast<std::size_t>(std::max_element(strength.begin(), strength.end()) -
                                              strength.begin());
    const auto r =
        run({"compare", kData, "--map", kMap, "-o", dir.path("cmp"), "--figure-format", "svg"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto pipes = parse_svg(slurp(dir.path("cmp/pipelines.svg")));
    EXPECT_TRUE(
        has_text(pipes, net.actor(top).label.empty() ? net.actor(top).id : net.actor(top).label))
        << net.actor(top).id;
    EXPECT_TRUE(has_text(pipes, "top 15 partners by pipeline strength"));
}

TEST(RenderPrint, LabelByAnyColumn) {
    TempDir dir;
    dir.file("net/nodes.csv",
             "Id,Label,code,part,type,locality\na,Alpha Industries,AI,core,firm,local\n"
             "b,Beta Research,BR,assisting,research,local\nc,Gamma GmbH,,external,firm,global\n");
    dir.file("net/edges.csv", "Source,Target,Weight\na,b,2\na,c,1\n");
    const auto svg = parse_svg(
        render_to({dir.path("net"), "--label-by", "code", "--labels", "all"}, dir.path("f.svg")));
    EXPECT_TRUE(has_text(svg, "AI"));
    EXPECT_TRUE(has_text(svg, "BR"));
    EXPECT_TRUE(has_text(svg, "Gamma GmbH"));  // empty code: the label
    EXPECT_FALSE(has_text(svg, "Alpha Industries"));
    EXPECT_EQ(
        run({"render", dir.path("net"), "--label-by", "nothing", "-o", dir.path("g.svg")}).code, 2);
}

TEST(RenderPrint, PositionMapHasTicksAndSpreadsPilesOfFirms) {
    // Five local firms with no local contact and the same outside strength pile up on one
    // point; one firm elsewhere. Internal connectivity 0 for the pile, 1 for f6 (tie to u).
    TempDir dir;
    dir.file("net/nodes.csv",
             "Id,part,type,locality\nf1,core,firm,local\nf2,core,firm,local\nf3,core,firm,local\n"
             "f4,core,firm,local\nf5,core,firm,local\nf6,core,firm,local\nu,assisting,"
             "university,local\ng1,external,firm,global\n");
    dir.file("net/edges.csv",
             "Source,Target,Weight\nf1,g1,2\nf2,g1,2\nf3,g1,2\nf4,g1,2\nf5,g1,2\nf6,u,1\n");
    const auto r = run({"score", dir.path("net"), "-o", dir.path("s"), "--permutations", "0"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto bytes =
        render_to({dir.path("s/network.graphml"), "--position-map"}, dir.path("m.svg"));
    expect_whole(bytes, "position map");
    const auto svg = parse_svg(bytes);
    EXPECT_GE(svg.groups.at("axis_tick_x"), 2U);
    EXPECT_GE(svg.groups.at("axis_tick_y"), 2U);
    // x: internal connectivity 0..1 (the axis reaches at least 1), y: strength 0..2 →
    // ticks at round values.
    EXPECT_TRUE(has_text(svg, "0.2"));
    EXPECT_TRUE(has_text(svg, "4 overlapping firms spread around their value"));
    // The five piled firms are drawn at five different places.
    const auto dot =
        render_to({dir.path("s/network.graphml"), "--position-map"}, dir.path("m.dot"));
    std::set<std::pair<long, long>> spots;
    for (const auto& [name, p] : placed_nodes(dot))
        if (name.rfind("actor_", 0) == 0) spots.emplace(std::lround(p.x), std::lround(p.y));
    EXPECT_EQ(spots.size(), 6U);
}

TEST(RenderPrint, NetworkWithoutRolesIsDrawnHonestly) {
    NEED_CORPUS("pajek/dolphins.net");
    TempDir dir;
    const auto in = kCorpus + "/pajek/dolphins.net";
    const auto r = run({"render", in, "-o", dir.path("d.svg")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("drawn with sfdp"), std::string::npos) << r.out;
    const auto bytes = slurp(dir.path("d.svg"));
    expect_whole(bytes, "dolphins");
    const auto svg = parse_svg(bytes);
    for (const char* want : {"actors: 62 | ties: 159", "lock-in: not assessed (no locality)",
                             "cluster openness (E-I of the local group): n/a (no locality)",
                             "layout: sfdp", "every tie: weight 1"})
        EXPECT_TRUE(has_text(svg, want) || has_text(svg, fmt::format("{}", want)))
            << want << "\n"
            << svg.all_text().substr(0, 300);
    for (const char* absent : {"local buzz", "global pipeline", "solid outline", "dashed outline",
                               "outside the cluster", "n/a | ties"})
        EXPECT_FALSE(has_text(svg, absent)) << absent;
    // compare needs localities: exit 1, a message, no output folder.
    const auto c = run({"compare", in, "-o", dir.path("cmp")});
    EXPECT_EQ(c.code, 1);
    EXPECT_NE(c.err.find("no actor has a locality"), std::string::npos) << c.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path("cmp")));
}

TEST(RenderPrint, CompareWritesEveryFigureInEveryFormatAndTakesTheMeasureOptions) {
    TempDir dir;
    const auto r =
        run({"compare", kData, "--map", kMap, "-o", dir.path("c"), "--figure-format", "svg,png,pdf",
             "--width", "17cm", "--font-size", "7", "--ego-model", "--title", "none"});
    ASSERT_EQ(r.code, 0) << r.err;
    for (const char* stem : {"buzz", "pipelines", "position_map", "local_global"})
        for (const char* ext : {"svg", "png", "pdf"}) {
            const auto path = dir.path(fmt::format("c/{}.{}", stem, ext));
            EXPECT_TRUE(std::filesystem::exists(path)) << path;
        }
    const auto svg = slurp(dir.path("c/buzz.svg"));
    expect_whole(svg, "compare buzz");
    EXPECT_NEAR(canvas_of(svg).width, 481.89, 0.01);
    EXPECT_EQ(svg.find("id=\"title"), std::string::npos);
    const auto sizes = font_sizes(svg);
    EXPECT_DOUBLE_EQ(*std::min_element(sizes.begin(), sizes.end()), 7.0);
    EXPECT_EQ(
        run({"compare", kData, "--map", kMap, "-o", dir.path("d"), "--figure-format", "svg,jpg"})
            .code,
        2);
    EXPECT_EQ(run({"compare", kData, "--map", kMap, "-o", dir.path("d"), "--title", "x"}).code, 2);
    // render takes the measure options when it scores, and refuses them on scores made
    // with other definitions.
    EXPECT_EQ(
        run({"render", kData, "--map", kMap, "--weighted-paths", "-o", dir.path("w.svg")}).code, 0);
    const auto refused = run(
        {"render", scored_dir() + "/network.graphml", "--weighted-paths", "-o", dir.path("x.svg")});
    EXPECT_EQ(refused.code, 2);
    EXPECT_NE(refused.err.find("--weighted-paths change how measures are computed"),
              std::string::npos)
        << refused.err;
}

TEST(RenderPrint, ChangeReadsTheUsualWay) {
    TempDir dir;
    dir.file("a/nodes.csv",
             "Id,part,type,locality\nx,core,firm,local\ny,core,firm,local\n"
             "z,external,firm,global\n");
    dir.file("a/edges.csv", "Source,Target,Weight\nx,y,1\nx,z,1\n");
    dir.file("b/nodes.csv",
             "Id,part,type,locality\nx,core,firm,local\ny,core,firm,local\n"
             "z,external,firm,global\n");
    dir.file("b/edges.csv", "Source,Target,Weight\nx,y,1\ny,z,1\n");
    const auto r = run({"compare", dir.path("a"), dir.path("b"), "-o", dir.path("c")});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto svg = slurp(dir.path("c/change.svg"));
    EXPECT_TRUE(std::filesystem::exists(dir.path("c/change.png")));
    // gained (y-z) Okabe-Ito bluish green, lost (x-z) vermillion, kept (x-y) grey: each drawn
    // tie has one of the three, and the legend names them.
    std::multiset<std::string> colours;
    for (auto at = svg.find("<g id=\"tie_"); at != std::string::npos;
         at = svg.find("<g id=\"tie_", at + 1)) {
        const auto stroke = svg.find("stroke=\"#", at);
        colours.insert(svg.substr(stroke + 8, 7));
    }
    EXPECT_EQ(colours, (std::multiset<std::string>{"#009e73", "#999999", "#d55e00"}));
    for (const char* name : {"change: gained", "change: lost", "change: kept"})
        EXPECT_NE(svg.find(name), std::string::npos) << name;
    // Actors too: z is kept in both waves, so every actor is kept (grey); none is drawn in
    // the palette's green, which would read as "gained".
    for (auto at = svg.find("<g id=\"actor_"); at != std::string::npos;
         at = svg.find("<g id=\"actor_", at + 1)) {
        const auto fill = svg.find("fill=\"#", at);
        EXPECT_EQ(svg.substr(fill + 6, 7), "#999999");
    }
}

TEST(RenderPrint, LayoutFromTheFileKeepsTheTunedPositions) {
    // Pajek's y points down: A (0,0) top left, B (1,0) top right, C (0,1) bottom left.
    TempDir dir;
    dir.file("tri.net",
             "*Vertices 3\n1 \"A\" 0.0 0.0 0.5\n2 \"B\" 1.0 0.0 0.5\n3 \"C\" 0.0 1.0 0.5\n"
             "*Edges\n1 2\n1 3\n");
    const auto dot = render_to({dir.path("tri.net"), "--layout", "file"}, dir.path("t.dot"));
    const auto nodes = placed_nodes(dot);
    const auto &a = nodes.at("actor_0"), &b = nodes.at("actor_1"), &c = nodes.at("actor_2");
    EXPECT_LT(a.x, b.x);
    EXPECT_NEAR(a.y, b.y, 0.01);
    EXPECT_GT(a.y, c.y);
    EXPECT_NEAR(a.x, c.x, 0.01);
    EXPECT_NEAR(b.x - a.x, a.y - c.y, 0.02);  // the aspect of the file
    // Without positions: a usage error that says where positions come from.
    const auto r =
        run({"render", kData, "--map", kMap, "--layout", "file", "-o", dir.path("none.svg")});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("carries no positions"), std::string::npos) << r.err;
    // A GraphML written by convert keeps them (Gephi reads x and y).
    ASSERT_EQ(run({"convert", dir.path("tri.net"), "-o", dir.path("tri.graphml")}).code, 0);
    const auto again =
        placed_nodes(render_to({dir.path("tri.graphml"), "--layout", "file"}, dir.path("t2.dot")));
    EXPECT_NEAR(again.at("actor_1").x - again.at("actor_0").x, b.x - a.x, 0.02);
}

}  // namespace
}  // namespace clusterlens
