// The guard rails of issue 10 through the command line: the --negative policy and
// --local-ignore-case taken by name, and Pajek partitions placed after their network. The
// library side of each, with how every expected number was counted:
// tests/graphs/guard_rails_test.cpp.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/cli_run.hpp"
#include "tests/graphs/test_files.hpp"
#include "tests/test_paths.hpp"

namespace clusterlens {
namespace {
using testing::corpus;
using testing::TempDir;

#define SKIP_WITHOUT_CORPUS(path) \
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << (path)

// Slovene parliamentary parties (pajek/Stranke94.net): 54 of its 90 ties are negative.
TEST(GuardRailsCli, NegativePolicyByName) {
    const auto path = corpus("pajek/Stranke94.net");
    SKIP_WITHOUT_CORPUS(path);
    const auto r = testing::run({"validate", path, "--negative", "split"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("relation negative: 54 ties"), std::string::npos) << r.out;
    EXPECT_EQ(testing::run({"validate", path, "--negative", "keep"}).code, 2);
}

// a and c are in EE, b in FI; the mapping says "EE" is local, the option "ee" matches it only
// with --local-ignore-case: 2 local actors, 1 global.
TEST(GuardRailsCli, LocalIgnoreCase) {
    TempDir dir;
    const auto nodes = dir.file("nodes.csv", "Id,country\na,EE\nb,FI\nc,EE\n");
    const auto edges = dir.file("edges.csv", "Source,Target\na,b\nb,c\n");
    const auto map =
        dir.file("m.toml", "[actors.locality]\ncolumn = \"country\"\nlocal = [\"EE\"]\n");
    const auto r = testing::run(
        {"validate", nodes, edges, "--map", map, "--local", "ee", "--local-ignore-case"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("by locality: global 1, local 2"), std::string::npos) << r.out;
}

// ---- compare with partitions -------------------------------------------------------------

TEST(GuardRailsCli, CompareTakesPartitionsAfterEachNet) {
    const auto net = corpus("pajek/StudentGov.net"), clu = corpus("pajek/StudentGov.clu");
    SKIP_WITHOUT_CORPUS(net);
    TempDir dir;
    // The .clu adds the column StudentGov (its stem); position 1 (advisor) counts as global
    // here only so that compare has a locality to work with.
    const auto map =
        dir.file("m.toml", "[actors.locality]\ncolumn = \"StudentGov\"\nglobal = [\"1\"]\n");
    const auto r =
        testing::run({"compare", net, clu, net, clu, "--map", map, "-o", dir.path("out")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(std::filesystem::exists(dir.path("out/comparison.json")));
    const auto cmp = testing::slurp(dir.path("out/comparison.json"));
    EXPECT_NE(cmp.find("\"gained\": 0"), std::string::npos) << cmp.substr(0, 600);
    const auto misplaced = testing::run({"compare", clu, net, "-o", dir.path("o2")});
    EXPECT_EQ(misplaced.code, 2);
    EXPECT_NE(
        misplaced.err.find("partition " + clu + " must follow the Pajek .net file it belongs to"),
        std::string::npos)
        << misplaced.err;
}

}  // namespace
}  // namespace clusterlens
