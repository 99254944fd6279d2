// The command line, run in-process: exit codes, messages, outputs never clobbered.
#include <gtest/gtest.h>

#include <filesystem>
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
              "convert, score, render, compare, communities, explain, qap, report (see clusterlens "
              "--help)\n");
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

// Pajek keeps the names: dolphins.net (shared corpus, MANIFEST.md) lists vertex 1 as "Beak" and
// vertex 62 as "Zipfel" (read off the file); convert used to write 1 "1".
TEST(Cli, ConvertToPajekKeepsTheNames) {
    const auto in = testing::corpus("pajek/dolphins.net");
    if (!std::filesystem::exists(in)) GTEST_SKIP() << "corpus missing: " << in;
    TempDir dir;
    const auto out = dir.path("d.net");
    const auto r = run({"convert", in, "-o", out});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "wrote " + out + "\nOK: 62 actors, 159 ties\n");  // no partitions to write
    const auto text = slurp(out);
    EXPECT_EQ(text.rfind("*Vertices 62\n1 \"Beak\"\n2 \"Beescratch\"\n", 0), 0u)
        << text.substr(0, 80);
    EXPECT_NE(text.find("\n62 \"Zipfel\"\n"), std::string::npos);
}

// Two relations (Padgett's Florentine families, ucinet/PADGETT.DAT: marriage PADGM 20 ties,
// business PADGB 15, published counts in MANIFEST.md): the whole network and one file per
// relation; --relation writes one; an unknown name lists the relations.
TEST(Cli, ConvertRelationsToPajekAndOneRelation) {
    const auto in = testing::corpus("ucinet/PADGETT.DAT");
    if (!std::filesystem::exists(in)) GTEST_SKIP() << "corpus missing: " << in;
    TempDir dir;
    auto r = run({"convert", in, "-o", dir.path("p.net")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "wrote " + dir.path("p.net") + "\nwrote " + dir.path("p.PADGM.net") +
                         "\nwrote " + dir.path("p.PADGB.net") + "\nOK: 16 actors, 35 ties\n");
    r = run({"validate", dir.path("p.PADGB.net")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("OK: 16 actors, 15 ties"), std::string::npos) << r.out;

    r = run({"convert", in, "--relation", "PADGM", "-o", dir.path("m.graphml")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("OK: 16 actors, 20 ties"), std::string::npos) << r.out;
    r = run({"validate", dir.path("m.graphml")});
    EXPECT_NE(r.out.find("relation PADGM: 20 ties"), std::string::npos) << r.out;

    r = run({"convert", in, "--relation", "padgm", "-o", dir.path("x.graphml")});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err.substr(r.err.find("clusterlens: usage error")),
              "clusterlens: usage error: no relation named 'padgm'; the network's relations are: "
              "PADGM, PADGB\n");
    EXPECT_FALSE(std::filesystem::exists(dir.path("x.graphml")));
}

// The model fields as Pajek partitions next to the .net, read back with it. Hand-made network:
// a is a focal core firm, b a university (assisting), c an external customer.
TEST(Cli, ConvertToPajekWritesPartitionsThatReadBack) {
    TempDir dir;
    dir.file("in/nodes.csv",
             "Id,Label,part,type,focal,employees\na,Acme,core,firm,true,12\nb,Uni,assisting,"
             "university,,3000\nc,Cust,external,customer,,7\n");
    dir.file("in/edges.csv", "Source,Target,Weight\na,b,2\nc,a,1\n");
    auto r = run({"convert", dir.path("in"), "-o", dir.path("o.net")});
    ASSERT_EQ(r.code, 0) << r.err;
    for (const char* f :
         {"o.part.clu", "o.type.clu", "o.locality.clu", "o.focal.clu", "o.employees.clu"})
        EXPECT_NE(r.out.find("wrote " + dir.path(f) + "\n"), std::string::npos) << f;
    // Codes (write.hpp): part core 1, assisting 2, external 3.
    EXPECT_EQ(slurp(dir.path("o.part.clu")),
              "% part of each actor, one class per vertex in the order of the .net file\n"
              "%clusterlens class 0 \"\"\n%clusterlens class 1 \"core\"\n"
              "%clusterlens class 2 \"assisting\"\n%clusterlens class 3 \"external\"\n"
              "*Vertices 3\n1\n2\n3\n");
    r = run({"convert", dir.path("o.net"), dir.path("o.part.clu"), dir.path("o.type.clu"),
             dir.path("o.focal.clu"), dir.path("o.employees.clu"), "-o", dir.path("back")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(slurp(dir.path("back/nodes.csv")),
              "Id,Label,part,type,focal,locality,employees\na,Acme,core,firm,true,local,12\n"
              "b,Uni,assisting,university,false,local,3000\nc,Cust,external,customer,false,"
              "global,7\n");
    // A later export without types removes the earlier o.type.clu (it would read back wrong).
    dir.file("in/nodes.csv", "Id,Label\na,Acme\nb,Uni\nc,Cust\n");
    r = run({"convert", dir.path("in"), "-o", dir.path("o.net")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path("o.type.clu")));
}

// actors.csv carries the input's attributes after the scores, in the input's order; a column
// named like a score (degree) gets the prefix "attr_".
TEST(Cli, ScoreActorsCsvCarriesTheInputAttributes) {
    TempDir dir;
    dir.file("in/nodes.csv", "Id,Label,degree,sector\na,A,9,metal\nb,B,8,wood\nc,C,7,metal\n");
    dir.file("in/edges.csv", "Source,Target\na,b\nb,c\n");
    const auto r = run({"score", dir.path("in"), "-o", dir.path("out"), "--permutations", "0"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto csv = slurp(dir.path("out/actors.csv"));
    const auto header = csv.substr(0, csv.find('\n'));
    EXPECT_EQ(
        header.substr(header.size() - std::string(",learning_capacity,attr_degree,sector").size()),
        ",learning_capacity,attr_degree,sector");
    // The path a - b - c: degree 1, 2, 1 (hand count) next to the input's 9, 8, 7.
    const auto row_b = csv.substr(csv.find("\nb,B,") + 1);
    EXPECT_EQ(row_b.substr(0, row_b.find('\n')).substr(0, 13), "b,B,,,,2,2,2,");
    EXPECT_NE(row_b.find(",8,wood\n"), std::string::npos) << row_b;
}

}  // namespace
}  // namespace clusterlens
