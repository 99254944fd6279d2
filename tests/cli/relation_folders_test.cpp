// score with several relations (issue 12): one folder per relation, inside OUTDIR, none shared,
// and OUTDIR/relations.csv saying which is which.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "../graphs/test_files.hpp"
#include "cli_run.hpp"
#include "src/app/relations.hpp"

namespace clusterlens {
namespace {
using testing::run;
using testing::slurp;
using testing::TempDir;
namespace fs = std::filesystem;

/// The rows of a CSV without quoted fields, split at commas (an empty last field kept).
std::vector<std::vector<std::string>> rows_of(const std::string& path) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(slurp(path));
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> fields;
        std::size_t start = 0;
        for (auto comma = line.find(','); comma != std::string::npos;
             start = comma + 1, comma = line.find(',', start))
            fields.push_back(line.substr(start, comma - start));
        fields.push_back(line.substr(start));
        rows.push_back(fields);
    }
    return rows;
}

// The probe's network: relations whose names collide once made folder names, or are not names.
constexpr const char* kEdges =
    "Source,Target,relation\n"
    "a,b,x/y\n"
    "b,c,x_y\n"
    "c,d,\n"
    "d,a,unnamed\n"
    "a,c,..\n"
    "b,d,.\n";

TEST(RelationFolders, EveryRelationScoresIntoItsOwnFolderInsideOutdir) {
    TempDir dir;
    const auto in = dir.file("in/edges.csv", kEdges);
    const auto out = dir.path("work/out");
    const auto r = run({"score", in, "-o", out, "--permutations", "0"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("6 relation(s) scored"), std::string::npos);

    const auto rows = rows_of(out + "/relations.csv");
    ASSERT_EQ(rows.size(), 7u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"relation", "folder"}));
    std::set<std::string> relations, folders;
    for (std::size_t k = 1; k < rows.size(); ++k) {
        ASSERT_EQ(rows[k].size(), 2u);
        const auto& [relation, folder] = std::pair(rows[k][0], rows[k][1]);
        relations.insert(relation);
        folders.insert(folder);
        const auto path = fs::path(out) / folder;
        ASSERT_TRUE(fs::is_directory(path)) << relation << " -> " << folder;
        // Inside OUTDIR: its parent is OUTDIR itself.
        EXPECT_EQ(fs::canonical(path).parent_path(), fs::canonical(out)) << folder;
        // Holding that relation's scores: every tie of its ties.csv is of that relation.
        const auto ties = rows_of((path / "ties.csv").string());
        ASSERT_EQ(ties.size(), 2u) << folder;  // header and the relation's one tie
        EXPECT_EQ(ties[0][2], "relation");
        EXPECT_EQ(ties[1][2], relation) << folder;
        for (const char* f : {"actors.csv", "summary.json", "network.graphml"})
            EXPECT_TRUE(fs::is_regular_file(path / f)) << folder << '/' << f;
        // The mapping is printed too.
        EXPECT_NE(r.out.find("relation " + app::quoted_relation(relation) + " -> " + path.string() +
                             "\n"),
                  std::string::npos)
            << r.out;
    }
    EXPECT_EQ(relations, (std::set<std::string>{"x/y", "x_y", "", "unnamed", "..", "."}));
    EXPECT_EQ(folders.size(), 6u);  // none shared
    // Nothing outside OUTDIR: work/ holds out only, out holds the six folders and the mapping.
    std::size_t beside = 0, inside = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path("work"))) ++beside;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(out)) ++inside;
    EXPECT_EQ(beside, 1u);
    EXPECT_EQ(inside, 7u);
}

TEST(RelationFolders, DotDotStaysInside) {
    TempDir dir;
    const auto in = dir.file("in/edges.csv", "Source,Target,relation\na,b,..\nb,c,other\n");
    const auto out = dir.path("work/out");
    ASSERT_EQ(run({"score", in, "-o", out, "--permutations", "0"}).code, 0);
    EXPECT_FALSE(fs::exists(dir.path("work/actors.csv")));  // what `..` used to write
    EXPECT_TRUE(fs::exists(out + "/__/actors.csv"));
}

TEST(RelationFolders, AFileInTheWayOfARelationsFolderIsSaidBeforeScoring) {
    TempDir dir;
    const auto in = dir.file("in/edges.csv", "Source,Target,relation\na,b,advice\nb,c,other\n");
    const auto out = dir.path("out");
    dir.file("out/advice", "not a folder");
    const auto r = run({"score", in, "-o", out, "--permutations", "0"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "clusterlens: usage error: output folder " + out +
                         "/advice is a file; choose a folder name\n");
    EXPECT_EQ(r.out.find("wrote"), std::string::npos);  // nothing written
}

}  // namespace
}  // namespace clusterlens
