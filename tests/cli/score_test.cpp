// `clusterlens score` end to end: the four outputs, their exact columns, values wired to the
// right columns (checked against the NetworkX oracle of the CORDIS example), several relations,
// and no output at all when a run fails.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../graphs/test_files.hpp"
#include "cli_run.hpp"
#include "graphs/csv.hpp"
#include "src/cli/commands.hpp"
#include "src/score/score.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {
using testing::slurp;
using testing::TempDir;

using testing::run;

std::string header_of(const std::vector<std::string>& cols) {
    std::string h;
    for (const auto& c : cols) h += (h.empty() ? "" : ",") + c;
    return h;
}

TEST(Score, CordisExampleWritesFourOutputsWithTheDocumentedColumns) {
    TempDir dir;
    const auto r = run({"score", testing::example("cordis_ee_climate/data"), "--map",
                        testing::example("cordis_ee_climate/cordis.toml"), "-o", dir.path("ee"),
                        "--permutations", "200"});
    ASSERT_EQ(r.code, 0) << r.err;
    // Exact names, as documented in the README's "Measures".
    EXPECT_EQ(header_of(scoring::actor_columns()),
              "id,label,part,type,locality,degree,in_degree,out_degree,strength,betweenness,"
              "closeness,eigenvector,pagerank,coreness,constraint,effective_size,efficiency,"
              "hierarchy,ego_size,ego_density,ext_ties,ext_strength,ext_share,ei,coordinator,"
              "itinerant,gatekeeper,representative,liaison,brokerage_z,typology,learning_capacity");
    EXPECT_EQ(header_of(scoring::tie_columns()),
              "source,target,relation,weight,strength_class,overlap,local_bridge,"
              "learning_dimension,linkage");
    std::vector<Warning> w;
    const auto actors = read_csv_table(dir.path("ee/actors.csv"), w);
    const auto ties = read_csv_table(dir.path("ee/ties.csv"), w);
    // Then the input's own actor columns, in nodes.csv's order (its header, read by eye: pic and
    // activity_type are the mapping's id and type, country feeds the locality rule and stays).
    auto with_inputs = scoring::actor_columns();
    for (const char* c : {"country", "local", "n_projects_in_case", "ec_contribution_case_eur",
                          "n_coordinated_in_case"})
        with_inputs.push_back(c);
    EXPECT_EQ(actors.names(), with_inputs);
    EXPECT_EQ(ties.names(), scoring::tie_columns());
    ASSERT_EQ(actors.rows(), 400u);
    EXPECT_EQ(ties.rows(), 6850u);

    // Strength of the five strongest actors, from NetworkX (cordis_ee_oracle.json).
    std::ifstream in(testing::data("oracle/cordis_ee_oracle.json"));
    const auto oracle = nlohmann::json::parse(in);
    const int c_strength = actors.find("strength");
    for (const auto& pair : oracle["top_strength"]) {
        const auto id = pair[0].get<std::string>();
        bool found = false;
        for (std::size_t i = 0; i < actors.rows(); ++i) {
            if (actors.cell(0, i) != id) continue;
            found = true;
            EXPECT_EQ(actors.cell(static_cast<std::size_t>(c_strength), i),
                      fmt::format("{}", pair[1].get<double>()))
                << id;
        }
        EXPECT_TRUE(found) << id;
    }
    const auto summary = nlohmann::json::parse(slurp(dir.path("ee/summary.json")));
    EXPECT_EQ(summary["actors"], 400);
    EXPECT_EQ(summary["ties"], 6850);
    EXPECT_NEAR(summary["density"].get<double>(), oracle["density"].get<double>(), 1e-12);
    EXPECT_EQ(summary["ei_locality"]["permutations"], 200);
    EXPECT_TRUE(summary.contains("lock_in"));
    EXPECT_TRUE(summary["options"].contains("constraint_model"));
    EXPECT_TRUE(std::filesystem::exists(dir.path("ee/network.graphml")));
    EXPECT_NE(slurp(dir.path("ee/network.graphml")).find("attr.name=\"learning_capacity\""),
              std::string::npos);
}

TEST(Score, ReferenceNetworksScore) {
    for (const char* f : {"networkdata_flo_marriage.graphml", "networkdata_ht_advice.graphml"}) {
        TempDir dir;
        const auto r = run({"score", testing::data(std::string("reference/") + f), "-o",
                            dir.path("out"), "--permutations", "50", "--groups", "part"});
        ASSERT_EQ(r.code, 0) << f << r.err;
        for (const char* o : {"actors.csv", "ties.csv", "summary.json", "network.graphml"})
            EXPECT_TRUE(std::filesystem::exists(dir.path(std::string("out/") + o))) << f << o;
    }
}

TEST(Score, SeveralRelationsGetOneFolderEach) {
    TempDir dir;
    dir.file("net/nodes.csv", "Id,part,type\na,core,firm\nb,core,firm\nc,external,firm\n");
    dir.file("net/edges.csv",
             "Source,Target,Weight,relation\na,b,1,knowledge\nb,c,2,knowledge\na,b,3,business\n");
    auto r = run({"score", dir.path("net"), "-o", dir.path("out"), "--permutations", "10"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(std::filesystem::exists(dir.path("out/knowledge/actors.csv")));
    EXPECT_TRUE(std::filesystem::exists(dir.path("out/business/ties.csv")));
    r = run({"score", dir.path("net"), "-o", dir.path("one"), "--relation", "business",
             "--permutations", "10"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(std::filesystem::exists(dir.path("one/actors.csv")));
    r = run({"score", dir.path("net"), "-o", dir.path("none"), "--relation", "advice"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("relations: knowledge, business"), std::string::npos) << r.err;
}

TEST(Score, AFailedRunWritesNothing) {
    TempDir dir;
    const auto r = run({"score", testing::example("cordis_ee_climate/data"), "--map",
                        testing::example("cordis_ee_climate/cordis.toml"), "-o", dir.path("out"),
                        "--groups", "no_such_attribute"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("is not an actor attribute"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir.path("out")));
}

TEST(Score, SampledBetweennessStatesItsError) {
    TempDir dir;
    const std::vector<std::string> base = {
        "score",          testing::example("cordis_ee_climate/data"),
        "--map",          testing::example("cordis_ee_climate/cordis.toml"),
        "--permutations", "0"};
    auto args = base;
    for (const char* a : {"-o", "", "--betweenness-samples", "60", "--timings"}) args.push_back(a);
    args[7] = dir.path("sampled");
    auto r = run(args);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("betweenness estimated from 60 of 400 sources: standard error"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.err.find("timing: centrality: "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("timing: core-periphery: "), std::string::npos) << r.err;
    std::vector<Warning> w;
    const auto actors = read_csv_table(dir.path("sampled/actors.csv"), w);
    EXPECT_EQ(actors.names().at(scoring::actor_columns().size()), "betweenness_se");
    const auto summary = nlohmann::json::parse(slurp(dir.path("sampled/summary.json")));
    EXPECT_EQ(summary["betweenness"]["sources"], 60);
    EXPECT_TRUE(summary["warnings"].is_array());

    args = base;
    for (const char* a : {"-o", "", "--betweenness-samples", "1"}) args.push_back(a);
    args[7] = dir.path("one");
    r = run(args);
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--betweenness-samples needs K >= 2"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path("one")));

    args = base;
    args.push_back("-o");
    args.push_back(dir.path("exact"));
    ASSERT_EQ(run(args).code, 0);
    const auto exact = nlohmann::json::parse(slurp(dir.path("exact/summary.json")));
    EXPECT_EQ(exact["betweenness"]["method"], "exact (Brandes 2001)");
    EXPECT_FALSE(exact["betweenness"].contains("error"));
    const auto exact_names = read_csv_table(dir.path("exact/actors.csv"), w).names();
    EXPECT_EQ(exact_names.at(scoring::actor_columns().size()), "country");  // no betweenness_se
}

TEST(Score, IgraphWarningsReachTheReportAndTheSummary) {
    // A directed acyclic network: igraph warns that eigenvector centrality is zero throughout.
    TempDir dir;
    dir.file("dag/nodes.csv", "Id,part,type\na,core,firm\nb,core,firm\nc,external,firm\n");
    dir.file("dag/edges.csv", "Source,Target,Weight,Type\na,b,1,Directed\nb,c,2,Directed\n");
    const auto r = run({"score", dir.path("dag"), "-o", dir.path("out"), "--permutations", "0"});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string warning =
        "igraph: graph is directed and acyclic; eigenvector centralities will be zeros";
    EXPECT_NE(r.err.find("clusterlens: warning: " + warning), std::string::npos) << r.err;
    const auto summary = nlohmann::json::parse(slurp(dir.path("out/summary.json")));
    ASSERT_EQ(summary["warnings"].size(), 1U);
    EXPECT_EQ(summary["warnings"][0], warning);
}

TEST(Score, GatekeeperReachShare) {
    // Locals g (gatekeeper) and m; globals x, y, z. g-x, g-y, m-z: reach {x,y,z}, via g {x,y}.
    std::vector<Actor> a(5);
    const char* ids[] = {"g", "m", "x", "y", "z"};
    for (std::size_t i = 0; i < 5; ++i)
        a[i].id = ids[i], a[i].locality = i < 2 ? Locality::local : Locality::global;
    const auto net = Network::build(a, false, {0, 2, 0, 3, 1, 4}, {1, 1, 1}, {""}, {0, 0, 0});
    EXPECT_DOUBLE_EQ(
        scoring::gatekeeper_reach_share(net, {"technological_gatekeeper", "isolated", "", "", ""}),
        2.0 / 3.0);
}

// --groups ATTR other than locality (issue 13): E-I on that partition, whole, per group and per
// actor. By hand: firms a, b; university c; government d; ties a-b, a-c, a-d, c-d. Whole: E = 3
// (a-c, a-d, c-d), I = 1 (a-b): 0.5. Group firm: E = 2, I = 1: 1/3. Actor a: E = 2, I = 1: 1/3;
// b: I = 1: -1; c: E = 2: 1.
TEST(Score, GroupsOtherThanLocalityGetTheirOwnEi) {
    const TempDir dir;
    dir.file("n/nodes.csv", "Id,type\na,firm\nb,firm\nc,university\nd,government\n");
    dir.file("n/edges.csv", "Source,Target\na,b\na,c\na,d\nc,d\n");
    const auto r = run({"score", dir.path("n"), "-o", dir.path("out"), "--groups", "type",
                        "--permutations", "100"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(slurp(dir.path("out/summary.json")));
    const auto& ei = j.at("ei_groups");
    EXPECT_EQ(ei.at("groups"), "type");
    EXPECT_DOUBLE_EQ(ei.at("whole_binary").get<double>(), 0.5);
    EXPECT_DOUBLE_EQ(ei.at("group_binary").at("firm").get<double>(), 1.0 / 3.0);
    EXPECT_EQ(ei.at("permutations"), 100);
    std::vector<std::vector<std::string>> rows;  // plain cells here: split on commas
    std::istringstream lines(slurp(dir.path("out/actors.csv")));
    for (std::string line; std::getline(lines, line);) {
        rows.emplace_back();
        std::istringstream cells(line);
        for (std::string cell; std::getline(cells, cell, ',');) rows.back().push_back(cell);
    }
    ASSERT_EQ(rows.size(), 5u);
    const auto col = std::find(rows[0].begin(), rows[0].end(), "ei_groups") - rows[0].begin();
    ASSERT_LT(static_cast<std::size_t>(col), rows[0].size());
    EXPECT_DOUBLE_EQ(std::stod(rows[1][col]), 1.0 / 3.0);  // a
    EXPECT_DOUBLE_EQ(std::stod(rows[2][col]), -1.0);       // b
    EXPECT_DOUBLE_EQ(std::stod(rows[3][col]), 1.0);        // c
    // Without --groups (locality) there is no second E-I.
    const auto d = run({"score", dir.path("n"), "-o", dir.path("out2"), "--permutations", "0"});
    ASSERT_EQ(d.code, 0) << d.err;
    EXPECT_FALSE(nlohmann::json::parse(slurp(dir.path("out2/summary.json"))).contains("ei_groups"));
}

}  // namespace
}  // namespace clusterlens
