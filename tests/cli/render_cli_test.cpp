// `clusterlens render` on the bundled CORDIS example and small networks: the SVG is parsed
// (libxml2), not byte-compared — well-formed XML, one node group per drawn actor, legend
// entries, title numbers equal to summary.json — plus hostile labels that must stay text, every
// layout, the ego view, the position map, filters, determinism, usage errors and a DOT golden
// file. Print controls and compare's figures: render_print_cli_test.cpp.
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

TEST(Render, ConcentricSvgOfTheExampleHasEveryActorTieAndLegendEntry) {
    const auto svg = render_svg({});
    ASSERT_TRUE(svg.well_formed);
    EXPECT_EQ(svg.groups.at("actor"), 400U);
    EXPECT_EQ(svg.groups.at("tie"), 6850U);
    EXPECT_EQ(svg.active, 0U);
    for (const char* entry :
         {"Legend", "shape: actor type", "firm", "university / research", "government",
          "intermediary", "dashed outline: global (outside the region)", "fill: learning_capacity",
          "size: betweenness", "ties: width and opacity = weight", "local buzz (solid)",
          "global pipeline (dashed)", "labels: top 15 by betweenness"})
        EXPECT_TRUE(has_text(svg, entry)) << entry;
    EXPECT_GE(svg.groups.at("legend"), 10U);
}

TEST(Render, TitleNumbersEqualTheScoreSummary) {
    const auto s = nlohmann::json::parse(slurp(scored_dir() + "/summary.json"));
    const auto ap = s["actors_by_part"];
    const std::string actors =
        fmt::format("actors: core {} · assisting {} · external {}", ap["core"].get<int>(),
                    ap["assisting"].get<int>(), ap["external"].get<int>());
    const std::string ties =
        fmt::format("ties: {},{:03d}", s["ties"].get<int>() / 1000, s["ties"].get<int>() % 1000);
    const std::string openness = fmt::format("cluster openness (E-I of the local group): {:.3g}",
                                             s["ei_locality"]["cluster_openness"].get<double>());
    const std::string strength =
        fmt::format("mean tie strength: {:.3g}", s["tie_strength"]["mean_weight"].get<double>());
    const std::string lock = s["lock_in"]["flag"].get<bool>() ? "lock-in: YES" : "lock-in: no";
    // From the scored GraphML (numbers recomputed) and from the raw data (scored on the fly).
    for (const auto& svg : {render_svg({}), render_svg({"--map", kMap}, kData)}) {
        ASSERT_TRUE(svg.well_formed);
        for (const auto& want : {actors, ties, openness, strength, lock})
            EXPECT_TRUE(has_text(svg, want)) << want << "\n" << svg.all_text().substr(0, 400);
    }
}

TEST(Render, HostileLabelsStayText) {
    TempDir dir;
    const std::vector<std::string> hostile = {"</text><script>alert(1)</script>",
                                              "\"><svg onload=\"alert(2)\">",
                                              "<B>bold</B> & <I>",
                                              "\\N \\G \\L \\n",
                                              "<!-- comment --> ]]> &amp; &#60;script&#62;",
                                              "ctrl\x01\x7f bad\xff utf8",
                                              "<foreignObject><body onload=alert(3)>"};
    std::string nodes = "Id,Label,part,type,country\n", edges = "Source,Target,Weight\n";
    for (std::size_t i = 0; i < hostile.size(); ++i) {
        std::string q = hostile[i];
        std::string escaped;
        for (const char ch : q) escaped += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        nodes += fmt::format("a{},\"{}\",{},firm,\"{}\"\n", i, escaped, i % 2 ? "core" : "external",
                             escaped);
        if (i > 0) edges += fmt::format("a{},a{},{}\n", i - 1, i, i);
    }
    dir.file("net/nodes.csv", nodes);
    dir.file("net/edges.csv", edges);
    for (const auto& extra : std::vector<std::vector<std::string>>{
             {"--labels", "all", "--title", hostile[0] + hostile[2]},
             {"--labels", "all", "--collapse-external", "country"},
             {"--labels", "all", "--color-by", "country", "--shape-by", "country"},
             {"--labels", "all", "--layout", "neato"}}) {
        const auto svg = render_svg(extra, dir.path("net"));
        ASSERT_TRUE(svg.well_formed) << extra[2];
        EXPECT_EQ(svg.active, 0U) << extra[2];
        EXPECT_TRUE(has_text(svg, "</text><script>alert(1)</script>")) << extra[2];
    }
    const auto svg = render_svg({"--labels", "all"}, dir.path("net"));
    EXPECT_TRUE(has_text(svg, "\\N \\G \\L \\n"));  // Graphviz escapes not expanded
    EXPECT_TRUE(has_text(svg, "<B>bold</B> & <I>"));
    // DOT output reads back.
    const auto r = run({"render", dir.path("net"), "--labels", "all", "-o", dir.path("f.dot")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NO_THROW(render::read_dot(slurp(dir.path("f.dot"))));
}

TEST(Render, EveryLayoutWorksOnTheExample) {
    for (const char* layout : {"concentric", "sfdp", "neato", "fdp", "dot"}) {
        const auto svg = render_svg({"--layout", layout, "--top-ties", "400"});
        ASSERT_TRUE(svg.well_formed) << layout;
        EXPECT_EQ(svg.groups.at("actor"), 400U) << layout;
        EXPECT_EQ(svg.groups.at("tie"), 400U) << layout;
        EXPECT_TRUE(has_text(svg, std::string("layout: ") + layout)) << layout;
    }
    // circo is slow on dense networks (22 s for an ego view with 742 ties): a small one.
    const auto svg = render_svg({"--layout", "circo", "--ego", "919399660", "--top-ties", "40"});
    ASSERT_TRUE(svg.well_formed);
    EXPECT_GT(svg.groups.at("actor"), 1U);
}

TEST(Render, EgoViewDrawsTheNeighbourhood) {
    LoadOptions lo;
    lo.mapping = load_mapping(kMap);
    const auto net = load_network({kData}, lo);
    const auto ego = *net.find_actor("999421653");
    const auto nb = net.undirected_neighbours();
    std::set<std::size_t> two(nb[ego].begin(), nb[ego].end());
    for (const auto v : nb[ego]) two.insert(nb[v].begin(), nb[v].end());
    two.insert(ego);
    const auto one = render_svg({"--ego", "999421653"});
    EXPECT_EQ(one.groups.at("actor"), nb[ego].size() + 1);
    EXPECT_TRUE(has_text(one, "ego network of 999421653 (radius 1)"));
    const auto r2 = render_svg({"--ego", "999421653", "--radius", "2"});
    EXPECT_EQ(r2.groups.at("actor"), two.size());
    const auto bad = run({"render", scored_dir() + "/network.graphml", "--ego", "nobody", "-o",
                          scored_dir() + "/bad.svg"});
    EXPECT_EQ(bad.code, 2);
    EXPECT_NE(bad.err.find("--ego 'nobody' is not an actor id"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(scored_dir() + "/bad.svg"));
}

TEST(Render, PositionMapShowsTheTypologyQuadrants) {
    // Six local firms: internal connectivity = local contacts, external openness = strength
    // to global actors; thresholds the firms' means.
    TempDir dir;
    dir.file("net/nodes.csv",
             "Id,part,type,locality\nf1,core,firm,local\nf2,core,firm,local\nf3,core,firm,local\n"
             "f4,core,firm,local\nf5,core,firm,local\nf6,core,firm,local\nu,assisting,university,"
             "local\ng1,external,firm,global\ng2,external,research,global\n");
    dir.file("net/edges.csv",
             "Source,Target,Weight\nf1,f2,1\nf1,f3,1\nf1,u,1\nf1,g1,5\nf2,f3,1\nf4,g2,4\nf5,u,1\n"
             "f6,g1,1\n");
    dir.file("out/x", "");
    const auto r = run({"score", dir.path("net"), "-o", dir.path("scored"), "--permutations", "0"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto svg = render_svg({"--position-map"}, dir.path("scored/network.graphml"));
    ASSERT_TRUE(svg.well_formed);
    EXPECT_EQ(svg.groups.at("actor"), 6U);  // the firms; the university and globals are not
    for (const char* q : {"technological gatekeeper", "mutual exchanger", "external star",
                          "isolated", "local internal connectivity", "external openness"})
        EXPECT_TRUE(has_text(svg, q)) << q;
    EXPECT_EQ(svg.groups.count("tie"), 0U);
    // --position-map with --layout is a usage error.
    EXPECT_EQ(run({"render", dir.path("net"), "--position-map", "--layout", "sfdp", "-o",
                   dir.path("pm.svg")})
                  .code,
              2);
}

TEST(Render, FiltersCollapseAndOverviewSayWhatWasLeftOut) {
    LoadOptions lo;
    lo.mapping = load_mapping(kMap);
    const auto net = load_network({kData}, lo);
    std::size_t heavy = 0;
    for (const double w : net.weights()) heavy += w >= 3 ? 1 : 0;
    auto svg = render_svg({"--min-weight", "3"});
    EXPECT_EQ(svg.groups.at("tie"), heavy);
    EXPECT_TRUE(has_text(svg, fmt::format("ties shown: weight &gt;= 3", heavy)) ||
                has_text(svg, "ties shown: weight >= 3"));
    svg = render_svg({"--top-ties", "100"});
    EXPECT_EQ(svg.groups.at("tie"), 100U);
    svg = render_svg({"--max-actors", "50"});
    EXPECT_EQ(svg.groups.at("actor"), 50U);
    EXPECT_TRUE(has_text(svg, "overview: top 50 of 400 actors by betweenness"));
    EXPECT_TRUE(has_text(svg, "left out: 350 actors"));
    svg = render_svg({"--collapse-external", "country"});
    EXPECT_EQ(svg.groups.at("actor"), 8U);  // the local actors
    EXPECT_GT(svg.groups.at("group"), 10U);
    EXPECT_TRUE(has_text(svg, "global actors merged into"));
}

TEST(Render, SameInputAndSeedGiveTheSameBytes) {
    TempDir dir;
    for (const char* layout : {"concentric", "sfdp"}) {
        std::string first;
        for (int k = 0; k < 2; ++k) {
            const auto out = dir.path(fmt::format("{}{}.svg", layout, k));
            ASSERT_EQ(run({"render", scored_dir() + "/network.graphml", "--layout", layout,
                           "--top-ties", "300", "--seed", "7", "-o", out})
                          .code,
                      0);
            if (k == 0) {
                first = slurp(out);
                // Another engine in between must not change the next layout (Graphviz's
                // engines share the C library's random generators).
                ASSERT_EQ(run({"render", scored_dir() + "/network.graphml", "--layout", "fdp",
                               "--top-ties", "100", "--seed", "3", "-o", dir.path("other.svg")})
                              .code,
                          0);
            } else {
                EXPECT_EQ(slurp(out), first) << layout;
            }
        }
    }
}

TEST(Render, DotOfASmallClusterMatchesTheGoldenFile) {
    // tests/data/render/toy.dot was produced by this command and checked by reading it: three
    // rings (core f1 f2 at radius 0.. inner, the university around them, two globals outside),
    // buzz ties solid, pipelines dashed, the legend nodes. Regenerate after a deliberate change
    // with: clusterlens render tests/data/render/toy -o tests/data/render/toy.dot
    TempDir dir;
    const auto r = run({"render", testing::data("render/toy"), "-o", dir.path("toy.dot")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(slurp(dir.path("toy.dot")), slurp(testing::data("render/toy.dot")));
}

TEST(Render, UsageErrorsLeaveNoFile) {
    TempDir dir;
    const auto in = scored_dir() + "/network.graphml";
    auto r = run({"render", in, "-o", dir.path("f.jpg")});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("must end in .svg, .png, .pdf or .dot"), std::string::npos);
    r = run({"render", in, "--size-by", "nothing", "-o", dir.path("f.svg")});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--size-by 'nothing' is not an actor attribute"), std::string::npos);
    r = run({"render", in, "--layout", "spring", "-o", dir.path("f.svg")});
    EXPECT_EQ(r.code, 2);
    r = run({"render", in, "--labels", "top:x", "-o", dir.path("f.svg")});
    EXPECT_EQ(r.code, 2);
    EXPECT_FALSE(std::filesystem::exists(dir.path("f.svg")));
    EXPECT_FALSE(std::filesystem::exists(dir.path("f.jpg")));
    // The input is never overwritten.
    r = run({"render", in, "-o", in});
    EXPECT_NE(r.code, 0);
}

}  // namespace
}  // namespace clusterlens
