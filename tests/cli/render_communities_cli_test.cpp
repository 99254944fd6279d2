// `clusterlens render --color-by community` and `--community-graph` on tests/data/render/
// two_triangles: a-b-c and d-e-f (every tie weight 2; d a university, the rest core firms)
// bridged by c-d (weight 1), with no `community` attribute, so render detects them.
//
// By hand: m = 6 × 2 + 1 = 13. The two triangles are the best partition: each has W_c = 6
// inside and K_c = 4 + 4 + 5 = 13, so Q = 2 (6/13 − (13/26)²) = 2 (0.461538 − 0.25) = 0.423;
// one community gives Q = 1 − 1 = 0, and splitting a triangle only loses weight inside.
// Communities are numbered by size, ties broken by the smallest actor: a b c is 1.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "render_figures.hpp"

namespace clusterlens {
namespace {
using namespace testing;

const std::string kTriangles = testing::data("render/two_triangles");

TEST(RenderCommunities, ColourByCommunityDetectsLeidenWhenTheInputHasNone) {
    TempDir dir;
    const auto out = dir.path("c.svg");
    const auto r = run({"render", kTriangles, "--color-by", "community", "-o", out});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("communities: leiden, 10 runs from seed 1, kept seed 1: 2 communities, "
                         "modularity 0.423"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("6 actors and 7 ties drawn"), std::string::npos) << r.out;
    const auto svg = parse_svg(slurp(out));
    ASSERT_TRUE(svg.well_formed);
    for (const char* entry : {"fill: community (1 = the largest)", "1 (3 actors)", "2 (3 actors)"})
        EXPECT_TRUE(has_text(svg, entry)) << entry;
    const auto bytes = slurp(out);
    EXPECT_NE(bytes.find("#e69f00"), std::string::npos);  // Okabe-Ito orange: community 1
    EXPECT_NE(bytes.find("#56b4e9"), std::string::npos);  // sky blue: community 2
    // The shared options: another method and seed, said in the line.
    const auto l = run({"render", kTriangles, "--color-by", "community", "--communities", "louvain",
                        "--runs", "3", "--seed", "5", "-o", dir.path("l.svg")});
    ASSERT_EQ(l.code, 0) << l.err;
    EXPECT_NE(l.out.find("communities: louvain, 3 runs from seed 5, kept seed 5: 2 communities"),
              std::string::npos)
        << l.out;
}

TEST(RenderCommunities, APartitionTheInputBringsIsDrawnAsItIs) {
    // The user's own grouping {a,b,c,d} and {e,f} (not the triangles Leiden would find), as a
    // `community` column of the actor table: drawn as it is, nothing detected.
    TempDir dir;
    dir.file("own/nodes.csv",
             "Id,part,type,locality,community\na,core,firm,local,1\nb,core,firm,local,1\n"
             "c,core,firm,local,1\nd,assisting,university,local,1\ne,core,firm,local,2\n"
             "f,core,firm,local,2\n");
    dir.file("own/edges.csv", slurp(kTriangles + "/edges.csv"));
    const auto out = dir.path("own.svg");
    const auto r = run({"render", dir.path("own"), "--color-by", "community", "-o", out});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.find("communities: leiden"), std::string::npos) << r.out;
    const auto svg = parse_svg(slurp(out));
    for (const char* entry : {"1 (4 actors)", "2 (2 actors)"})
        EXPECT_TRUE(has_text(svg, entry)) << entry;
    const auto g = run({"render", dir.path("own"), "--community-graph", "-o", dir.path("g.svg")});
    ASSERT_EQ(g.code, 0) << g.err;
    EXPECT_NE(g.out.find("2 communities and 1 link drawn"), std::string::npos) << g.out;
}

TEST(RenderCommunities, CommunityGraphDrawsCommunitiesAndLinks) {
    TempDir dir;
    const auto out = dir.path("g.svg");
    const auto r = run({"render", kTriangles, "--community-graph", "-o", out});
    ASSERT_EQ(r.code, 0) << r.err;
    // Two communities, one link (the bridge c-d, weight 1).
    EXPECT_NE(r.out.find("2 communities and 1 link drawn"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("actors and"), std::string::npos) << r.out;
    const auto svg = parse_svg(slurp(out));
    ASSERT_TRUE(svg.well_formed);
    EXPECT_EQ(svg.groups.at("actor"), 2U);
    EXPECT_EQ(svg.groups.at("tie"), 1U);
    for (const char* entry :
         {"1 (3 actors)", "2 (3 actors)", "2 communities and 1 link drawn", "size: members"})
        EXPECT_TRUE(has_text(svg, entry)) << entry;
}

TEST(RenderCommunities, CommunitiesOptionOnlyWithACommunityFigure) {
    TempDir dir;
    const auto r = run({"render", kTriangles, "--communities", "leiden", "-o", dir.path("x.svg")});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--communities applies to --color-by community and --community-graph"),
              std::string::npos)
        << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path("x.svg")));
}

}  // namespace
}  // namespace clusterlens
