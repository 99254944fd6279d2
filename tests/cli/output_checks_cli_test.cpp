// Every command checks its outputs before the work (issue 12): an output folder apart from the
// inputs (score DIR -o DIR used to be accepted and then DIR was refused as an input), and every
// output path creatable and writable before loading, not after minutes of scoring.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "../graphs/test_files.hpp"
#include "cli_run.hpp"

namespace clusterlens {
namespace {
using testing::run;
using testing::TempDir;
namespace fs = std::filesystem;

constexpr const char* kEdges = "Source,Target\na,b\nb,c\n";
constexpr const char* kApart =
    "; choose an output folder apart from the inputs (clusterlens never writes among its "
    "inputs)\n";

std::size_t entries(const std::string& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}

TEST(OutputChecks, ScoreIntoItsInputFolderIsRefusedAndTheFolderStaysAnInput) {
    TempDir dir;
    const auto data = dir.path("data");
    const auto edges = dir.file("data/edges.csv", kEdges);
    auto r = run({"score", data, "-o", data});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err,
              "clusterlens: usage error: output folder " + data + " is the input " + data + kApart);
    EXPECT_EQ(entries(data), 1u);  // nothing written
    EXPECT_EQ(run({"validate", data}).code, 0) << "the folder is still an input";

    r = run({"score", data, "-o", data + "/scores"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "clusterlens: usage error: output folder " + data +
                         "/scores is inside the input " + data + kApart);
    r = run({"score", edges, "-o", dir.path()});  // a folder around the input file is fine
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(run({"validate", edges}).code, 0);
    r = run({"compare", data, "-o", data});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find(" is the input "), std::string::npos) << r.err;
    r = run({"convert", data, "-o", data});  // the CSV pair into its own folder
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find(" is the input "), std::string::npos) << r.err;
    EXPECT_EQ(entries(data), 1u);
}

TEST(OutputChecks, EveryCommandChecksItsOutputsBeforeLoadingTheInput) {
    // A malformed input and an output that cannot be: the output's usage error (exit 2) comes,
    // not the input error (exit 1) loading would give, so nothing was loaded or scored first.
    TempDir dir;
    const auto bad = dir.file("bad.graphml", "<graphml><node id=");
    const auto bad2 = dir.file("bad2.graphml", "<graphml><node id=");
    const auto bad3 = dir.file("bad3.graphml", "<graphml><node id=");
    const auto blocker = dir.file("blocker", "a file where a folder should be");
    ASSERT_EQ(run({"validate", bad}).code, 1);
    const std::vector<std::vector<std::string>> commands = {
        {"score", bad, "-o", blocker + "/out"},
        {"compare", bad, "-o", blocker + "/out"},
        {"compare", bad, bad2, "-o", blocker + "/out"},
        {"compare", bad, bad2, bad3, "-o", blocker + "/out"},
        {"render", bad, "-o", blocker + "/figure.svg"},
        {"convert", bad, "-o", blocker + "/net.graphml"},
        {"convert", bad, "-o", blocker + "/net.net"},
        {"convert", bad, "-o", blocker + "/csv"},
        {"validate", bad, "--json", blocker + "/report.json"},
    };
    for (const auto& args : commands) {
        const auto r = run(args);
        EXPECT_EQ(r.code, 2) << args[0] << ' ' << args.back() << ": " << r.err;
        EXPECT_NE(r.err.find(blocker), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find("bad.graphml:"), std::string::npos) << "loaded first: " << r.err;
    }
    EXPECT_EQ(entries(dir.path()), 4u);  // nothing created
}

TEST(OutputChecks, ScoreSaysAnUnwritableOutputFolderBeforeScoring) {
    TempDir dir;
    const auto edges = dir.file("edges.csv", kEdges);
    const auto r = run({"score", edges, "-o", dir.file("taken", "x") + "/out"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "clusterlens: usage error: cannot create folder " + dir.path("taken/out") +
                         ": " + dir.path("taken") + " is a file; choose another output folder\n");
    EXPECT_EQ(r.out, "");  // no summary printed: nothing was scored
}

}  // namespace
}  // namespace clusterlens
