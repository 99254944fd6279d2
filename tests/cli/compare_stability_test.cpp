// Stability between two waves in `clusterlens compare A B` (issue 14): comparison.json's
// tie_stability and actor_stability, actor_changes.csv and the report line, on two real pairs of
// waves against tests/data/oracle/stability_oracle.json (NetworkX and SciPy reading the inputs
// directly; stability_oracle.py says how): Sampson's monks, liking at time 1 and time 3
// (SAMPSON.DAT, cut into two files by `convert --relation`), and the CORDIS cuts EE -> LT of the
// golden run. Hand-computed waves: tests/src/two_network_stability_test.cpp.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "../graphs/test_files.hpp"
#include "cli_run.hpp"
#include "graphs/csv.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {
using testing::slurp;
using testing::TempDir;

nlohmann::json oracle() {
    std::ifstream in(testing::data("oracle/stability_oracle.json"));
    return nlohmann::json::parse(in);
}

void expect_close(const nlohmann::json& actual, const nlohmann::json& expected,
                  const std::string& what) {
    if (expected.is_null()) {
        EXPECT_TRUE(actual.is_null()) << what << ": " << actual;
        return;
    }
    ASSERT_TRUE(actual.is_number()) << what << ": " << actual;
    const double e = expected.get<double>();
    EXPECT_NEAR(actual.get<double>(), e, 1e-9 * std::max(1.0, std::fabs(e))) << what;
}

/// comparison.json's tie_stability and actor_stability against one case of the oracle; the
/// oracle's per-actor degree, betweenness and closeness against actor_changes.csv.
void expect_case(const std::string& out_dir, const nlohmann::json& o) {
    const auto j = nlohmann::json::parse(slurp(out_dir + "/comparison.json"));
    const auto& t = j["tie_stability"];
    for (const char* set : {"kept_actors", "all_actors"})
        for (const auto& [field, value] : o[set].items())
            expect_close(t[set][field], value, std::string(set) + "." + field);
    expect_close(t["kept_tie_weights"]["pearson"], o["kept_tie_weights_pearson"],
                 "kept_tie_weights");
    std::map<std::string, nlohmann::json> measures;
    for (const auto& m : j["actor_stability"]["measures"]) measures[m["measure"]] = m;
    for (const auto& [name, want] : o["measures"].items()) {
        ASSERT_EQ(measures.count(name), 1u) << name;
        for (const auto& [field, value] : want.items())
            expect_close(measures[name][field], value, name + "." + field);
    }

    std::vector<Warning> w;
    const auto table = read_csv_table(out_dir + "/actor_changes.csv", w);
    ASSERT_EQ(table.column_count(), 6u);
    EXPECT_EQ(table.names()[0], "id");
    EXPECT_EQ(table.names()[5], "change");
    EXPECT_EQ(table.rows(), o["actors"].size() * measures.size());
    std::size_t checked = 0;
    for (std::size_t i = 0; i < table.rows(); ++i) {
        const auto& id = table.cell(0, i);
        const auto& m = table.cell(2, i);
        if (!o["actors"].contains(id) || !o["actors"][id].contains(m)) continue;
        const auto& ab = o["actors"][id][m];
        const std::string what = id + " " + m;
        expect_close(std::stod(table.cell(3, i)), ab[0], what + " a");
        expect_close(std::stod(table.cell(4, i)), ab[1], what + " b");
        expect_close(std::stod(table.cell(5, i)), ab[1].get<double>() - ab[0].get<double>(),
                     what + " change");
        ++checked;
    }
    EXPECT_EQ(checked, 3 * o["actors"].size());  // degree, betweenness, closeness of each
}

TEST(CompareStability, SampsonLikingTimeOneToThree) {
    const auto dat = testing::corpus("ucinet/SAMPSON.DAT");
    if (!std::filesystem::exists(dat)) GTEST_SKIP() << "corpus file missing: " << dat;
    TempDir dir;
    for (const char* rel : {"SAMPLK1", "SAMPLK3"}) {
        const auto r = testing::run({"convert", dat, "--relation", rel, "-o", dir.path(rel)});
        ASSERT_EQ(r.code, 0) << r.out << r.err;
    }
    // compare needs a locality: the Young Turks (Sampson 1969) as "local", an arbitrary split
    // that none of the checked numbers depends on.
    const auto map = dir.file("map.toml",
                              "[actors.locality]\ncolumn = \"Label\"\nlocal = [\"JOHN_1\", "
                              "\"GREG_2\", \"MARK_7\", \"WINF_12\", \"HUGH_14\", \"BONI_15\", "
                              "\"ALBERT_16\"]\n");
    const auto r = testing::run(
        {"compare", dir.path("SAMPLK1"), dir.path("SAMPLK3"), "--map", map, "-o", dir.path("out")});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    const auto o = oracle()["sampson_lk1_lk3"];
    ASSERT_TRUE(o["directed"].get<bool>());
    expect_case(dir.path("out"), o);
    // The oracle: 35 of 76 arcs in either wave kept (J = 0.4605), 21 gained + 20 lost of
    // 18·17 = 306 ordered dyads; 14 of A's 18 strong (weight 3 > median 2) arcs kept, 21 of 37
    // weak.
    EXPECT_NE(
        r.out.find("ties: Jaccard 0.461 over the 18 kept actors (Hamming 41 of 306 dyads, "
                   "0.134); 78% of A's strong ties kept, 57% of its weak ties kept; over all 18 "
                   "actors Jaccard 0.461 (Hamming 41 of 306 dyads, 0.134)\n"),
        std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("scores: rank stability (Spearman) over the kept actors: betweenness "
                         "0.52, "),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("actor_changes.csv\n"), std::string::npos) << r.out;
}

// The golden run's pair: 131 kept actors of 400 and 337; undirected co-participation.
TEST(CompareStability, CordisEstoniaToLithuania) {
    TempDir dir;
    const auto b = testing::example("cordis_sc5_baltics");
    const auto r = testing::run(
        {"compare", b + "/EE", b + "/LT", "--map", b + "/cordis.toml", "-o", dir.path("out")});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    const auto o = oracle()["cordis_ee_lt"];
    ASSERT_FALSE(o["directed"].get<bool>());
    expect_case(dir.path("out"), o);
    const auto j = nlohmann::json::parse(slurp(dir.path("out/comparison.json")));
    EXPECT_EQ(j["actor_stability"]["actors"], 131);
    EXPECT_EQ(j["tie_stability"]["strong_ties"],
              "A's strength_class (score's): strong when the weight is > 1 (A's median weight)");
}

// actor_changes.csv is spreadsheet-safe like the other tables: an id that a spreadsheet would
// run as a formula gets a leading apostrophe; NaN is an empty cell.
TEST(CompareStability, ActorChangesNeutraliseFormulas) {
    TempDir dir;
    dir.file("A/nodes.csv", "Id,locality\n=HYPERLINK(1),local\nb,global\nc,local\n");
    dir.file("A/edges.csv", "Source,Target,Weight\n=HYPERLINK(1),b,1\n");
    dir.file("B/nodes.csv", "Id,locality\n=HYPERLINK(1),local\nb,global\nc,local\n");
    dir.file("B/edges.csv", "Source,Target,Weight\n=HYPERLINK(1),b,1\nb,c,1\n");
    const auto r = testing::run({"compare", dir.path("A"), dir.path("B"), "-o", dir.path("out")});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    const auto text = slurp(dir.path("out/actor_changes.csv"));
    EXPECT_EQ(text.rfind("id,label,measure,a,b,change\n", 0), 0u) << text;
    EXPECT_NE(text.find("\n\"'=HYPERLINK(1)\",\"'=HYPERLINK(1)\",degree,1,1,0\n"),
              std::string::npos)
        << text;
    // c is an isolate in A: its constraint is undefined there (empty), and so is the change.
    EXPECT_NE(text.find("\nc,c,constraint,,"), std::string::npos) << text;
    // One tie in A, kept: J over the 3 kept actors = 1/2 (b-c gained), H = 1 of 3 dyads.
    EXPECT_NE(r.out.find("ties: Jaccard 0.5 over the 3 kept actors (Hamming 1 of 3 dyads, "
                         "0.333); A has no strong tie there, 100% of its weak ties kept; "),
              std::string::npos)
        << r.out;
}

TEST(CompareStability, HelpNamesTheFile) {
    const auto r = testing::run({"compare", "--help"});
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("OUTDIR/actor_changes.csv"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("tie_stability"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace clusterlens
