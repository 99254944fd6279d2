// `clusterlens score` through its wiring: every column of actors.csv and ties.csv, matched by
// header name and rows by id, equals (1) the measure function's own output on the same network,
// called directly here (score_expectations.hpp), and, where a committed oracle has the measure,
// (2) that oracle (tests/data/oracle: NetworkX, python-igraph, R sna, SciPy; provenance in each
// script). The headline numbers of summary.json are checked the same way. Networks: the bundled
// CORDIS example (undirected, weighted, local/global) and Krackhardt's advice network
// (directed, groups = dept: the only kind where gatekeeper and representative differ, since an
// undirected two-path counts half to each).
//
// Mutations run against these tests (issue 11), never committed:
// - src/score/score.cpp, the table of actor columns: gatekeeper <-> representative and
//   constraint <-> effective_size swapped. Fail: CordisActorsEqualTheirMeasures and
//   CordisActorsMatchTheOracles (constraint, effective_size: 400 rows each; in an undirected
//   network the two brokerage roles are equal), SampledBetweennessErrorIsItsActorsColumns
//   (constraint, effective_size), AdviceActorsEqualTheirMeasures and AdviceActorsMatchTheOracles
//   (constraint and effective_size on 21 rows, gatekeeper and representative on 15).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "cli/score_expectations.hpp"
#include "cli/wiring_helpers.hpp"
#include "cli_run.hpp"
#include "graphs/load.hpp"
#include "graphs/mapping.hpp"
#include "src/coreperiphery/core_periphery.hpp"
#include "src/size/composition.hpp"

namespace clusterlens {
namespace {
using testing::expect_number_cell;
using testing::ExpectedColumns;
using testing::json_number;
using testing::OutputTable;

constexpr double kSame = 1e-12;  // the same computation (threads may reorder sums)

/// One scored network: its outputs (written once for all tests) and the network as loaded.
struct Scored {
    std::string out;
    Network net;
    scoring::ScoreOptions options;
};

std::filesystem::path scratch() {
    return std::filesystem::temp_directory_path() /
           ("clusterlens_score_wiring_" + std::to_string(::getpid()));
}

const Scored& cordis() {
    static const Scored s = [] {
        const auto out = (scratch() / "cordis").string();
        const auto r = testing::run({"score", testing::example("cordis_ee_climate/data"), "--map",
                                     testing::example("cordis_ee_climate/cordis.toml"), "-o", out,
                                     "--permutations", "200"});
        EXPECT_EQ(r.code, 0) << r.err;
        LoadOptions lo;
        lo.mapping = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
        scoring::ScoreOptions so;
        so.ei.permutations = 200;
        return Scored{
            out, load_network({testing::example("cordis_ee_climate/data")}, lo).select_relation(0),
            so};
    }();
    return s;
}

const Scored& advice() {
    static const Scored s = [] {
        const auto in = testing::data("reference/networkdata_ht_advice.graphml");
        const auto out = (scratch() / "advice").string();
        const auto r =
            testing::run({"score", in, "-o", out, "--permutations", "50", "--groups", "dept"});
        EXPECT_EQ(r.code, 0) << r.err;
        scoring::ScoreOptions so;
        so.ei.permutations = 50;
        so.groups = "dept";
        return Scored{out, load_network({in}, LoadOptions{}).select_relation(0), so};
    }();
    return s;
}

class ScoreWiring : public ::testing::Test {
protected:
    static void TearDownTestSuite() { std::filesystem::remove_all(scratch()); }
};

/// Every column of `t` has an expectation and equals it on every row (keys[i]: row of index i);
/// every expected column is in the file.
void expect_columns_equal(const OutputTable& t, const std::vector<std::string>& keys,
                          const ExpectedColumns& expected) {
    EXPECT_EQ(t.rows(), keys.size()) << t.path();
    std::set<std::string> seen;
    for (const auto& col : t.columns()) {
        seen.insert(col);
        const auto it = expected.find(col);
        if (it == expected.end()) {
            ADD_FAILURE() << t.path() << ": column " << col << " is not checked";
            continue;
        }
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const std::string where = t.path() + " " + keys[i] + " " + col;
            if (it->second.text)
                EXPECT_EQ(t.cell(keys[i], col), it->second.texts.at(i)) << where;
            else
                expect_number_cell(t.cell(keys[i], col), it->second.numbers.at(i), kSame, where);
        }
    }
    for (const auto& [col, v] : expected) EXPECT_TRUE(seen.count(col)) << t.path() << " " << col;
}

std::vector<std::string> actor_ids(const Network& net) {
    std::vector<std::string> ids;
    for (const auto& a : net.actors()) ids.push_back(a.id);
    return ids;
}

std::vector<std::string> tie_keys(const Network& net) {
    std::vector<std::string> k;
    for (std::size_t e = 0; e < net.tie_count(); ++e)
        k.push_back(net.actor(net.source(e)).id + "|" + net.actor(net.target(e)).id);
    return k;
}

/// The input's own actor columns, after the scores, as the loaded network holds them.
void add_input_columns(const Network& net, ExpectedColumns& e) {
    for (const auto& col : net.actor_attributes().columns()) {
        std::vector<std::string> v;
        for (std::size_t i = 0; i < net.actor_count(); ++i) v.push_back(col.as_text(i));
        e[col.name] = testing::texts(v);
    }
}

/// Column `column` against oracle values per actor id (`pick` reads the value of one id).
template <class Pick>
void expect_oracle_column(const OutputTable& t, const nlohmann::json& by_id,
                          const std::string& column, double tol, Pick pick) {
    ASSERT_EQ(by_id.size(), t.rows()) << column;
    for (const auto& [id, v] : by_id.items())
        expect_number_cell(t.cell(id, column), pick(v), tol, "oracle " + column + " " + id);
}

TEST_F(ScoreWiring, CordisActorsEqualTheirMeasures) {
    const auto& s = cordis();
    const OutputTable actors(s.out + "/actors.csv", {"id"});
    auto expected = testing::actor_columns_from_measures(s.net, s.options);
    add_input_columns(s.net, expected);
    expect_columns_equal(actors, actor_ids(s.net), expected);
    // The input columns are nodes.csv's own, read here without the loader.
    std::vector<Warning> w;
    const auto nodes = read_csv_table(testing::example("cordis_ee_climate/data/nodes.csv"), w);
    for (const char* col : {"country", "local", "n_projects_in_case"})
        for (std::size_t r = 0; r < nodes.rows(); ++r)
            EXPECT_EQ(actors.cell(nodes.cell(static_cast<std::size_t>(nodes.find("pic")), r), col),
                      nodes.cell(static_cast<std::size_t>(nodes.find(col)), r))
                << col;
}

TEST_F(ScoreWiring, CordisActorsMatchTheOracles) {
    const OutputTable actors(cordis().out + "/actors.csv", {"id"});
    const auto& c = testing::oracle_file("centrality_oracle.json")["networks"]["cordis_ee"];
    for (const char* m : {"degree", "in_degree", "out_degree", "strength", "betweenness",
                          "closeness", "eigenvector", "pagerank", "coreness"})
        expect_oracle_column(actors, c["measures"][m], m, 1e-9,
                             [](const nlohmann::json& v) { return json_number(v); });
    const auto& burt = testing::oracle_file("burt_oracle.json")["networks"]["cordis_ee_climate"];
    // The whole-network constraint (score's default) is igraph's.
    const std::vector<std::pair<const char*, const char*>> holes = {
        {"constraint", "constraint_igraph"},
        {"effective_size", "effective_size"},
        {"efficiency", "efficiency"},
        {"hierarchy", "hierarchy"},
        {"ego_size", "ego_size"},
        {"ego_density", "ego_density"}};
    for (const auto& [col, key] : holes)
        expect_oracle_column(actors, burt["actors"], col, 1e-9,
                             [key = key](const nlohmann::json& v) { return json_number(v[key]); });
    const auto& ei = testing::oracle_file("ei_oracle.json")["cordis"]["actors"];
    for (const char* m : {"ext_ties", "ext_strength", "ext_share", "ei"})
        expect_oracle_column(actors, ei, m, 1e-12,
                             [m](const nlohmann::json& v) { return json_number(v[m]); });
    // sna counts the ordered pairs of an undirected network, score each pair once: half.
    const auto& br = testing::oracle_file("brokerage_oracle.json")["cordis"];
    const std::vector<std::pair<const char*, const char*>> roles = {{"coordinator", "w_I"},
                                                                    {"itinerant", "w_O"},
                                                                    {"representative", "b_IO"},
                                                                    {"gatekeeper", "b_OI"},
                                                                    {"liaison", "b_O"}};
    for (const auto& [col, key] : roles)
        expect_oracle_column(actors, br["raw.nli"], col, 1e-12,
                             [key = key](const auto& v) { return json_number(v[key]) / 2; });
    expect_oracle_column(actors, br["z.nli"], "brokerage_z", 1e-9,
                         [](const nlohmann::json& v) { return json_number(v["t"]); });
    // Typology: the one firm's role; every other actor is not a firm (empty).
    const auto& roles_oracle = testing::oracle_file("ties_roles_oracle.json")["cordis"]["typology"];
    for (const auto& id : actors.keys())
        EXPECT_EQ(actors.cell(id, "typology"),
                  roles_oracle.contains(id) ? roles_oracle[id]["role"].get<std::string>() : "")
            << id;
}

TEST_F(ScoreWiring, CordisTiesEqualTheirMeasuresAndTheOracle) {
    const auto& s = cordis();
    const OutputTable ties(s.out + "/ties.csv", {"source", "target"});
    expect_columns_equal(ties, tie_keys(s.net),
                         testing::tie_columns_from_measures(s.net, s.options));
    const auto& o = testing::oracle_file("ties_roles_oracle.json")["cordis"]["ties"];
    ASSERT_EQ(o.size(), ties.rows());
    for (const auto& [pair, v] : o.items()) {
        const auto bar = pair.find('|');
        const auto a = pair.substr(0, bar), b = pair.substr(bar + 1);
        const auto key = ties.has(a + "|" + b) ? a + "|" + b : b + "|" + a;
        EXPECT_EQ(ties.cell(key, "strength_class"), v["strong"].get<bool>() ? "strong" : "weak");
        expect_number_cell(ties.cell(key, "overlap"), json_number(v["overlap"]), 1e-12, key);
        expect_number_cell(ties.cell(key, "local_bridge"), json_number(v["local_bridge"]), 0, key);
    }
}

TEST_F(ScoreWiring, CordisSummaryMatchesTheOraclesAndTheMeasures) {
    const auto& s = cordis();
    const auto j = testing::read_json(s.out + "/summary.json");
    auto near = [](const nlohmann::json& v, double expected, double tol, const std::string& w) {
        EXPECT_TRUE(testing::close(json_number(v), expected, tol))
            << w << ": " << v << " vs " << expected;
    };
    const auto& ee = testing::oracle_file("cordis_ee_oracle.json");
    EXPECT_EQ(j["actors"], ee["actors"]);
    EXPECT_EQ(j["ties"], ee["ties"]);
    EXPECT_EQ(j["components"], ee["components"]);
    EXPECT_EQ(j["isolates"], ee["isolates"]);
    EXPECT_EQ(j["actors_by_type"], ee["by_type"]);
    EXPECT_EQ(j["actors_by_locality"], ee["by_locality"]);
    EXPECT_EQ(j["actors_by_part"], ee["by_part"]);
    near(j["density"], ee["density"].get<double>(), 1e-12, "density");
    near(j["largest_component_share"],
         ee["largest_component"].get<double>() / ee["actors"].get<double>(), 1e-12,
         "largest_component_share");
    const auto& c = testing::oracle_file("centrality_oracle.json")["networks"]["cordis_ee"];
    for (const char* k : {"degree", "betweenness", "closeness"})
        near(j["centralization"][k], c["centralization"][k].get<double>(), 1e-9, k);
    near(j["transitivity"], c["transitivity"].get<double>(), 1e-12, "transitivity");
    const auto& ei = testing::oracle_file("ei_oracle.json")["cordis"]["locality"];
    for (const char* k : {"whole_binary", "whole_valued"})
        near(j["ei_locality"][k], ei[k].get<double>(), 1e-12, k);
    for (const char* g : {"local", "global"}) {
        near(j["ei_locality"]["group_binary"][g], ei["group_binary"][g].get<double>(), 1e-12, g);
        near(j["ei_locality"]["group_valued"][g], ei["group_valued"][g].get<double>(), 1e-12, g);
    }
    near(j["ei_locality"]["cluster_openness"], ei["group_binary"]["local"].get<double>(), 1e-12,
         "cluster_openness");
    const auto& tr = testing::oracle_file("ties_roles_oracle.json")["cordis"];
    EXPECT_EQ(j["pipelines"]["count"], tr["linkage"]["pipeline"]);
    near(j["pipelines"]["per_local_actor"], json_number(tr["lock_in"]["pipelines_per_local_actor"]),
         1e-12, "per_local_actor");
    near(j["pipelines"]["concentration_hhi"], json_number(tr["lock_in"]["pipeline_concentration"]),
         1e-12, "concentration_hhi");
    for (const auto& ind : j["lock_in"]["indicators"])
        near(ind["value"], tr["lock_in"][ind["name"].get<std::string>()].get<double>(), 1e-12,
             ind["name"].get<std::string>());
    EXPECT_EQ(j["lock_in"]["fired"], tr["lock_in_fired"]);
    const auto& tn = tr["network"];
    near(j["tie_strength"]["mean_weight"], json_number(tn["mean_weight"]), 1e-12, "mean_weight");
    near(j["tie_strength"]["strong_threshold"], json_number(tn["median_weight"]), 1e-12,
         "strong_threshold");
    near(j["tie_strength"]["strong_share"], json_number(tn["strong_share"]), 1e-12, "strong_share");
    near(j["tie_strength"]["mean_overlap"], json_number(tn["mean_overlap"]), 1e-12, "mean_overlap");
    EXPECT_EQ(j["tie_strength"]["local_bridges"], tn["local_bridges"]);
    EXPECT_EQ(j["linkage"], tr["linkage"]);
    for (const auto& [dim, count] : tr["learning_dimension"].items())
        EXPECT_EQ(j["learning_dimensions"][dim]["ties"], count) << dim;
    near(j["typology"]["internal_threshold"], json_number(tr["typology_thresholds"][0]), 1e-12,
         "internal");
    near(j["typology"]["external_threshold"], json_number(tr["typology_thresholds"][1]), 1e-12,
         "external");
    const auto& cp = testing::oracle_file("core_periphery_oracle.json")["cordis"];
    near(j["core_periphery"]["fit"], json_number(cp["fit"]), 1e-4, "core_periphery fit");
    near(j["core_periphery"]["coreness_concentration_hhi"], json_number(cp["concentration"]), 1e-4,
         "coreness concentration");
    // The discrete model (no oracle at 400 actors: exhaustive search is 2^400; the search itself
    // is checked against exhaustive search in core_periphery_test): the summary is the measure.
    const auto d = scoring::discrete_core_periphery(s.net, {});
    const auto& jd = j["core_periphery"]["discrete"];
    near(jd["fit"], d.fit, 1e-12, "discrete fit");
    EXPECT_EQ(jd["core_size"], d.core_size);
    near(jd["core_density"], d.core_density, 1e-12, "discrete core density");
    near(jd["periphery_density"], d.periphery_density, 1e-12, "discrete periphery density");
    // Brokerage, whole network: sna's ordered-pair sums, halved (raw and expected; z the same).
    const auto& br = testing::oracle_file("brokerage_oracle.json")["cordis"];
    const std::vector<std::pair<const char*, const char*>> roles = {
        {"coordinator", "w_I"}, {"itinerant", "w_O"}, {"representative", "b_IO"},
        {"gatekeeper", "b_OI"}, {"liaison", "b_O"},   {"total", "t"}};
    for (const auto& [role, key] : roles) {
        near(j["brokerage"]["raw"][role], json_number(br["raw.gli"][key]) / 2, 1e-12, role);
        near(j["brokerage"]["expected"][role], json_number(br["exp.gli"][key]) / 2, 1e-9, role);
        const double z = json_number(br["z.gli"][key]);
        if (std::isnan(z))
            EXPECT_TRUE(j["brokerage"]["z"][role].is_null()) << role;
        else
            near(j["brokerage"]["z"][role], z, 1e-9, role);
    }

    // The rest from the measure functions on the same network.
    const auto ty = scoring::firm_typology(s.net, s.options.typology);
    EXPECT_EQ(j["typology"]["firms"], ty.firms);
    EXPECT_EQ(j["typology"]["counts"], nlohmann::json(ty.counts));
    const auto ei_run = scoring::ei_index(s.net, scoring::locality_groups(s.net), s.options.ei);
    near(j["ei_locality"]["p_upper_binary"], ei_run.p_binary, 1e-12, "p_upper_binary");
    near(j["ei_locality"]["p_lower_valued"], ei_run.p_valued_lower, 1e-12, "p_lower_valued");
    near(j["ei_locality"]["permutation_mean_binary"], ei_run.perm_mean_binary, 1e-12,
         "permutation_mean_binary");
    near(j["pipelines"]["gatekeeper_reach_share"],
         scoring::gatekeeper_reach_share(s.net, ty.typology), 1e-12, "gatekeeper_reach_share");
    // learning_capacity.mean_by_part: the mean of actors.csv's column per part.
    const OutputTable actors(s.out + "/actors.csv", {"id"});
    std::map<std::string, std::pair<double, double>> by_part;
    for (const auto& id : actors.keys()) {
        auto& [sum, n] = by_part[actors.cell(id, "part")];
        sum += *parse_number(actors.cell(id, "learning_capacity"));
        n += 1;
    }
    ASSERT_EQ(j["learning_capacity"]["mean_by_part"].size(), by_part.size());
    for (const auto& [part, v] : by_part)
        near(j["learning_capacity"]["mean_by_part"][part], v.first / v.second, 1e-12, part);
}

TEST_F(ScoreWiring, AdviceActorsEqualTheirMeasures) {
    const auto& s = advice();
    ASSERT_TRUE(s.net.directed());
    const OutputTable actors(s.out + "/actors.csv", {"id"});
    auto expected = testing::actor_columns_from_measures(s.net, s.options);
    add_input_columns(s.net, expected);
    expect_columns_equal(actors, actor_ids(s.net), expected);
    const OutputTable ties(s.out + "/ties.csv", {"source", "target"});
    expect_columns_equal(ties, tie_keys(s.net),
                         testing::tie_columns_from_measures(s.net, s.options));
}

TEST_F(ScoreWiring, AdviceActorsMatchTheOracles) {
    const OutputTable actors(advice().out + "/actors.csv", {"id"});
    const auto& c = testing::oracle_file("centrality_oracle.json")["networks"]["ht_advice"];
    for (const char* m : {"degree", "in_degree", "out_degree", "strength", "betweenness",
                          "closeness", "eigenvector", "pagerank", "coreness"})
        expect_oracle_column(actors, c["measures"][m], m, 1e-9,
                             [](const nlohmann::json& v) { return json_number(v); });
    const auto& burt = testing::oracle_file("burt_oracle.json")["networks"]["ht_advice"];
    const std::vector<std::pair<const char*, const char*>> holes = {
        {"constraint", "constraint_igraph"},
        {"effective_size", "effective_size"},
        {"efficiency", "efficiency"},
        {"hierarchy", "hierarchy"},
        {"ego_size", "ego_size"},
        {"ego_density", "ego_density"}};
    for (const auto& [col, key] : holes)
        expect_oracle_column(actors, burt["actors"], col, 1e-9,
                             [key = key](const nlohmann::json& v) { return json_number(v[key]); });
    // Directed, groups = dept: sna's counts as they are.
    const auto& br = testing::oracle_file("brokerage_oracle.json")["advice"];
    const std::vector<std::pair<const char*, const char*>> roles = {{"coordinator", "w_I"},
                                                                    {"itinerant", "w_O"},
                                                                    {"representative", "b_IO"},
                                                                    {"gatekeeper", "b_OI"},
                                                                    {"liaison", "b_O"}};
    std::size_t differ = 0;
    for (const auto& [id, v] : br["raw.nli"].items()) differ += v["b_IO"] != v["b_OI"];
    EXPECT_GT(differ, 10u);  // so a swap of the two columns shows
    for (const auto& [col, key] : roles)
        expect_oracle_column(actors, br["raw.nli"], col, 1e-12,
                             [key = key](const nlohmann::json& v) { return json_number(v[key]); });
    expect_oracle_column(actors, br["z.nli"], "brokerage_z", 1e-9,
                         [](const nlohmann::json& v) { return json_number(v["t"]); });
}

TEST_F(ScoreWiring, SampledBetweennessErrorIsItsActorsColumns) {
    // score.cpp's summary.json block: over the ten actors with the highest estimate (ties by
    // index), the median and largest betweenness_se / betweenness; here from actors.csv.
    const auto out = (scratch() / "sampled").string();
    const auto r = testing::run({"score", testing::example("cordis_ee_climate/data"), "--map",
                                 testing::example("cordis_ee_climate/cordis.toml"), "-o", out,
                                 "--permutations", "0", "--betweenness-samples", "60"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto& s = cordis();
    auto o = s.options;
    o.ei.permutations = 0;
    o.centrality.betweenness_samples = 60;
    const OutputTable actors(out + "/actors.csv", {"id"});
    auto expected = testing::actor_columns_from_measures(s.net, o);
    expected["betweenness_se"] =
        testing::numbers(scoring::centrality(s.net, o.centrality).betweenness_se);
    add_input_columns(s.net, expected);
    expect_columns_equal(actors, actor_ids(s.net), expected);

    std::vector<std::pair<double, double>> rows;  // (estimate, se) in actor order
    for (const auto& id : actor_ids(s.net))
        rows.emplace_back(*parse_number(actors.cell(id, "betweenness")),
                          parse_number(actors.cell(id, "betweenness_se")).value_or(std::nan("")));
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return rows[a].first > rows[b].first; });
    std::vector<double> rel;
    for (std::size_t k = 0; k < 10; ++k) {
        const auto [b, se] = rows[order[k]];
        if (b > 0 && std::isfinite(se)) rel.push_back(se / b);
    }
    ASSERT_GE(rel.size(), 2u);
    std::sort(rel.begin(), rel.end());
    const double median =
        rel.size() % 2 ? rel[rel.size() / 2] : (rel[rel.size() / 2 - 1] + rel[rel.size() / 2]) / 2;
    const auto j = testing::read_json(out + "/summary.json");
    const auto& e = j["betweenness"]["error"];
    EXPECT_EQ(e["top_actors"], 10);
    EXPECT_TRUE(testing::close(json_number(e["median_relative_se"]), median, 1e-12)) << e;
    EXPECT_TRUE(testing::close(json_number(e["max_relative_se"]), rel.back(), 1e-12)) << e;
}

}  // namespace
}  // namespace clusterlens
