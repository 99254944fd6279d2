// The command line, run in-process: exit codes, messages, outputs never clobbered.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "../graphs/test_files.hpp"
#include "cli_run.hpp"
#include "src/cli/commands.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {
using testing::slurp;
using testing::TempDir;

using testing::run;

const std::string kData = testing::example("cordis_ee_climate/data");
const std::string kMap = testing::example("cordis_ee_climate/cordis.toml");

TEST(Cli, HelpTeachesAndExitCodes) {
    auto r = run({"--help"});
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("validate"), std::string::npos);
    EXPECT_NE(r.out.find("Exit codes"), std::string::npos);
    EXPECT_EQ(run({}).code, 2);
    r = run({"validate", "--help"});
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("Example"), std::string::npos);
    EXPECT_NE(r.out.find("--map"), std::string::npos);
    r = run({"frobnicate"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err,
              "clusterlens: usage error: unknown command 'frobnicate'; commands: validate, "
              "convert, score, render, compare (see clusterlens --help)\n");
    EXPECT_EQ(run({"validate", kData, "--no-such-option"}).code, 2);
    EXPECT_EQ(run({"validate"}).code, 2);
}

TEST(Cli, ValidateReportsCountsAndWritesJson) {
    TempDir dir;
    const auto json = dir.path("report.json");
    const auto r = run({"validate", kData, "--map", kMap, "--json", json});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("by locality: global 392, local 8"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("OK: 400 actors, 6850 ties, 0 warnings"), std::string::npos);
    const auto j = nlohmann::json::parse(slurp(json));
    EXPECT_EQ(j["actors"], 400);
    EXPECT_EQ(j["ties"], 6850);
    EXPECT_EQ(j["actors_by_type"]["firm"], 52);
}

TEST(Cli, LocalOverridesTheMappingsLocalValues) {
    const auto r = run({"validate", kData, "--map", kMap, "--local", "EE,FI"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.find("local 8\n"), std::string::npos);  // Finnish partners are local now
}

TEST(Cli, InputErrorExitsOneAndLeavesExistingOutput) {
    TempDir dir;
    dir.file("bad/nodes.csv", "Id\na\nb\n");
    dir.file("bad/edges.csv", "Source,Target,Weight\na,b,0\n");
    const auto out = dir.file("out.graphml", "previous");
    const auto r = run({"convert", dir.path("bad"), "-o", out});
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(r.err, dir.path("bad/edges.csv") +
                         ":2:5: error: weight must be a positive number (tie strength), got '0'; "
                         "remove the tie or give it a strength > 0\n");
    EXPECT_EQ(slurp(out), "previous");
}

TEST(Cli, ConvertRefusesToOverwriteItsInput) {
    TempDir dir;
    const auto edges = dir.file("e.txt", "a b 1\n");
    const auto r = run({"convert", edges, "-o", edges});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("is the input"), std::string::npos);
    EXPECT_EQ(slurp(edges), "a b 1\n");
}

TEST(Cli, ConvertWritesCsvPairThatReloads) {
    TempDir dir;
    auto r = run({"convert", kData, "--map", kMap, "-o", dir.path("csv")});
    ASSERT_EQ(r.code, 0) << r.err;
    r = run({"validate", dir.path("csv")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("OK: 400 actors, 6850 ties"), std::string::npos);
    EXPECT_NE(r.out.find("by part:     assisting 7, core 1, external 392"), std::string::npos)
        << r.out;
}

TEST(Cli, UnknownExtensionIsAUsageError) {
    TempDir dir;
    const auto r = run({"validate", dir.file("net.xyz", "a b\n")});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--format"), std::string::npos);
}

}  // namespace
}  // namespace clusterlens
