// compare A B --communities: how far the two waves' communities agree over the kept actors
// (issue 13). Expected NMI and adjusted Rand worked out by hand below.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "../graphs/test_files.hpp"
#include "cli_run.hpp"

namespace clusterlens {
namespace {
using testing::slurp;
using testing::TempDir;

// Wave A: triangles {a,b,c} and {d,e,f} joined by the bridge c-d.
// Wave B: f has moved to the first group (a K4 on a,b,c,f), g joined d and e in a triangle,
// the bridge c-d stays. Leiden (10 runs) finds the two groups in each wave.
void write_waves(const TempDir& dir) {
    const char* nodes =
        "Id,part,type,locality\na,core,firm,local\nb,core,firm,local\n"
        "c,core,firm,local\nd,core,firm,local\ne,core,firm,local\n"
        "f,core,firm,local\n";
    dir.file("A/nodes.csv", nodes);
    dir.file("A/edges.csv", "Source,Target\na,b\na,c\nb,c\nd,e\nd,f\ne,f\nc,d\n");
    dir.file("B/nodes.csv", std::string(nodes) + "g,core,firm,local\n");
    dir.file("B/edges.csv", "Source,Target\na,b\na,c\nb,c\na,f\nb,f\nc,f\nd,e\nd,g\ne,g\nc,d\n");
}

TEST(CompareCommunities, AgreementOverKeptActorsByHand) {
    TempDir dir;
    write_waves(dir);
    const auto r = testing::run({"compare", dir.path("A"), dir.path("B"), "-o", dir.path("out"),
                                 "--communities", "leiden"});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    const auto j = nlohmann::json::parse(slurp(dir.path("out/comparison.json")));
    const auto& c = j.at("communities");
    // Kept actors a..f (g is gained). A: {a,b,c} {d,e,f}; B: {a,b,c,f} {d,e}.
    // Contingency: (A1,B1) = 3, (A2,B1) = 1 (f), (A2,B2) = 2.
    // ARI: sum C(n_ij,2) = 3 + 0 + 1 = 4; rows C(3,2) + C(3,2) = 6; columns C(4,2) + C(2,2) = 7;
    // C(6,2) = 15; expected 6 * 7 / 15 = 2.8; max (6 + 7) / 2 = 6.5: ARI = 1.2 / 3.7.
    // NMI: I = 1/2 ln(3/2) + 1/6 ln(1/2) + 1/3 ln 2; H(A) = ln 2;
    // H(B) = -(2/3 ln 2/3 + 1/3 ln 1/3); NMI = 2I / (H(A) + H(B)) = 0.4787...
    const double i = 0.5 * std::log(1.5) + std::log(0.5) / 6 + std::log(2.0) / 3;
    const double ha = std::log(2.0);
    const double hb = -(2.0 / 3 * std::log(2.0 / 3) + 1.0 / 3 * std::log(1.0 / 3));
    EXPECT_EQ(c.at("actors").get<int>(), 6);
    EXPECT_EQ(c.at("communities_a").get<int>(), 2);
    EXPECT_EQ(c.at("communities_b").get<int>(), 2);
    EXPECT_NEAR(c.at("nmi").get<double>(), 2 * i / (ha + hb), 1e-12);
    EXPECT_NEAR(c.at("adjusted_rand").get<double>(), 1.2 / 3.7, 1e-12);
    EXPECT_NE(r.out.find("over the 6 kept actors (in 2 of A's communities, 2 of B's) NMI 0.4787"),
              std::string::npos)
        << r.out;

    // The same wave twice: grouped alike.
    const auto same = testing::run({"compare", dir.path("A"), dir.path("A"), "-o", dir.path("same"),
                                    "--communities", "louvain"});
    ASSERT_EQ(same.code, 0) << same.err;
    const auto s = nlohmann::json::parse(slurp(dir.path("same/comparison.json")));
    EXPECT_NEAR(s.at("communities").at("nmi").get<double>(), 1.0, 1e-12);
    EXPECT_NEAR(s.at("communities").at("adjusted_rand").get<double>(), 1.0, 1e-12);

    // Two scored networks that carry `community` (score --communities): the same agreement
    // without the option.
    for (const char* wave : {"A", "B"})
        ASSERT_EQ(testing::run({"score", dir.path(wave), "-o", dir.path(std::string("s") + wave),
                                "--communities", "leiden"})
                      .code,
                  0);
    ASSERT_EQ(testing::run({"compare", dir.path("sA/network.graphml"),
                            dir.path("sB/network.graphml"), "-o", dir.path("scored")})
                  .code,
              0);
    const auto sc = nlohmann::json::parse(slurp(dir.path("scored/comparison.json")));
    EXPECT_NEAR(sc.at("communities").at("nmi").get<double>(), 2 * i / (ha + hb), 1e-12);
    EXPECT_NEAR(sc.at("communities").at("adjusted_rand").get<double>(), 1.2 / 3.7, 1e-12);

    // Without --communities (and no community attribute) there is no block; with one or three
    // networks it is refused.
    ASSERT_EQ(testing::run({"compare", dir.path("A"), dir.path("B"), "-o", dir.path("none")}).code,
              0);
    EXPECT_FALSE(
        nlohmann::json::parse(slurp(dir.path("none/comparison.json"))).contains("communities"));
    // --runs or --resolution without a method would do nothing: refused, in compare and score.
    for (const std::string cmd : {"compare", "score"}) {
        std::vector<std::string> args = {cmd, dir.path("A")};
        if (cmd == "compare") args.push_back(dir.path("B"));
        for (const std::string extra : {"--runs", "--resolution"}) {
            auto a = args;
            a.insert(a.end(), {"-o", dir.path(cmd + extra), extra, "3"});
            const auto bad = testing::run(a);
            EXPECT_EQ(bad.code, 2) << cmd << extra;
            EXPECT_NE(bad.err.find(extra + " needs --communities METHOD"), std::string::npos)
                << bad.err;
        }
    }
    const auto one =
        testing::run({"compare", dir.path("A"), "-o", dir.path("x"), "--communities", "leiden"});
    EXPECT_EQ(one.code, 2);
    EXPECT_NE(one.err.find("--communities applies to two networks"), std::string::npos) << one.err;
}

}  // namespace
}  // namespace clusterlens
