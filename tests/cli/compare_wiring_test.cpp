// The compare outputs through their wiring: every row and column of comparison.csv (one cluster
// and two waves), local_actors.csv, the two-wave actors.csv and ties.csv, and clusters.csv
// (three clusters) against tests/data/oracle/compare_wiring_oracle.json, computed by an
// independent script (NetworkX and the definitions in the headers, not clusterlens) on three
// tiny clusters A, B, C designed for it: every compared metric is non-zero in at least one of
// them, so a metric read from a wrong or misspelt place (which reads as 0) is seen.
// Expected values never come from compared_metrics() or any other clusterlens code.
//
// Mutations run against these tests (issue 11), never committed:
// - src/compare/two_networks.cpp compared_metrics(): "/density" -> "/densty" and
//   "/tie_strength/mean_weight" -> "/tie_strength/mean_wieght":
//   CompareWiring.TwoWavesMatchTheOracle and CompareWiring.ManyClustersMatchTheOracle fail (density
//   and mean_tie_strength read 0).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>

#include "../graphs/test_files.hpp"
#include "cli/wiring_helpers.hpp"
#include "cli_run.hpp"

namespace clusterlens {
namespace {
using testing::expect_number_cell;
using testing::json_number;
using testing::OutputTable;
using testing::TempDir;

constexpr double kTol = 1e-12;

const nlohmann::json& oracle() { return testing::oracle_file("compare_wiring_oracle.json"); }

/// Writes network `name` of the oracle as DIR/name/nodes.csv and edges.csv; returns the folder.
std::string write_network(const TempDir& dir, const std::string& name) {
    const auto& spec = oracle()["networks"][name];
    std::string nodes = "Id,type,part,locality\n", edges = "Source,Target,Weight\n";
    for (const auto& n : spec["nodes"])
        nodes += fmt::format("{},{},{},{}\n", n[0].get<std::string>(), n[1].get<std::string>(),
                             n[2].get<std::string>(), n[3].get<std::string>());
    for (const auto& t : spec["ties"])
        edges += fmt::format("{},{},{}\n", t[0].get<std::string>(), t[1].get<std::string>(),
                             t[2].get<double>());
    dir.file(name + "/nodes.csv", nodes);
    dir.file(name + "/edges.csv", edges);
    return dir.path(name);
}

/// The rows of a table are exactly `expected` (no row unchecked, none missing).
void expect_keys(const OutputTable& t, std::set<std::string> expected) {
    const auto keys = t.keys();
    EXPECT_EQ(std::set<std::string>(keys.begin(), keys.end()), expected) << t.path();
}

void expect_columns(const OutputTable& t, const std::vector<std::string>& expected) {
    EXPECT_EQ(t.columns(), expected) << t.path();
}

TEST(CompareWiring, OneClusterMatchesTheOracle) {
    TempDir dir;
    const auto a = write_network(dir, "A");
    const auto r = testing::run({"compare", a, "-o", dir.path("out")});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto& lg = oracle()["local_global"];

    // comparison.csv: metric, local (buzz), global (pipelines), cluster, definition.
    const OutputTable cmp(dir.path("out/comparison.csv"), {"metric"});
    expect_columns(cmp, {"metric", "local", "global", "cluster", "definition"});
    std::set<std::string> rows = {"lockin_flag"};
    for (const auto& [metric, v] : lg["rows"].items()) {
        rows.insert(metric);
        if (!cmp.has(metric)) continue;
        const char* sides[] = {"local", "global", "cluster"};
        for (std::size_t k = 0; k < 3; ++k)
            expect_number_cell(cmp.cell(metric, sides[k]), json_number(v[k]), kTol,
                               "comparison.csv " + metric + " " + sides[k]);
    }
    expect_keys(cmp, rows);
    // The flag: the oracle's count of fired lock-in indicators (1 for A) is below 2.
    expect_number_cell(cmp.cell("lockin_flag", "cluster"),
                       json_number(oracle()["networks"]["A"]["metrics"]["lock_in_flag"]), kTol,
                       "comparison.csv lockin_flag");

    // local_actors.csv: one row per local actor, every column.
    const OutputTable la(dir.path("out/local_actors.csv"), {"id"});
    expect_columns(la, {"id", "label", "type", "part", "local_degree", "local_betweenness",
                        "pipelines", "pipeline_strength", "pipeline_share", "typology"});
    std::set<std::string> ids;
    for (const auto& [id, row] : lg["local_actors"].items()) {
        ids.insert(id);
        if (!la.has(id)) continue;
        EXPECT_EQ(la.cell(id, "label"), id);  // no label column: the label is the id
        for (const char* text : {"type", "part", "typology"})
            EXPECT_EQ(la.cell(id, text), row[text].get<std::string>()) << id << " " << text;
        for (const char* num : {"local_degree", "local_betweenness", "pipelines",
                                "pipeline_strength", "pipeline_share"})
            expect_number_cell(la.cell(id, num), json_number(row[num]), kTol,
                               "local_actors.csv " + id + " " + num);
    }
    expect_keys(la, ids);
}

TEST(CompareWiring, TwoWavesMatchTheOracle) {
    TempDir dir;
    const auto a = write_network(dir, "A");
    const auto b = write_network(dir, "B");
    const auto r = testing::run({"compare", a, b, "-o", dir.path("out")});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto& ma = oracle()["networks"]["A"]["metrics"];
    const auto& mb = oracle()["networks"]["B"]["metrics"];

    // comparison.csv: metric, a, b, change = b - a, one row per compared metric.
    const OutputTable cmp(dir.path("out/comparison.csv"), {"metric"});
    expect_columns(cmp, {"metric", "a", "b", "change"});
    std::set<std::string> metrics;
    for (const auto& [metric, va] : ma.items()) {
        metrics.insert(metric);
        if (!cmp.has(metric)) continue;
        const double x = json_number(va), y = json_number(mb[metric]);
        expect_number_cell(cmp.cell(metric, "a"), x, kTol, "comparison.csv a " + metric);
        expect_number_cell(cmp.cell(metric, "b"), y, kTol, "comparison.csv b " + metric);
        expect_number_cell(cmp.cell(metric, "change"), y - x, kTol,
                           "comparison.csv change " + metric);
    }
    expect_keys(cmp, metrics);

    // actors.csv: every actor of either wave, every column.
    const auto& wave = oracle()["two_waves"];
    const OutputTable actors(dir.path("out/actors.csv"), {"id"});
    const std::vector<std::string> cols = {
        "status",       "ext_share_a",  "ext_share_b", "brokerage_total_a", "brokerage_total_b",
        "gatekeeper_a", "gatekeeper_b", "typology_a",  "typology_b"};
    auto header = cols;
    header.insert(header.begin(), {"id", "label"});
    expect_columns(actors, header);
    std::set<std::string> ids;
    for (const auto& [id, row] : wave["actors"].items()) {
        ids.insert(id);
        if (!actors.has(id)) continue;
        EXPECT_EQ(actors.cell(id, "label"), id);
        for (std::size_t k = 0; k < cols.size(); ++k) {
            const std::string where = "actors.csv " + id + " " + cols[k];
            if (row[k].is_string())
                EXPECT_EQ(actors.cell(id, cols[k]), row[k].get<std::string>()) << where;
            else
                expect_number_cell(actors.cell(id, cols[k]), json_number(row[k]), kTol, where);
        }
    }
    expect_keys(actors, ids);

    // ties.csv: each tie of either wave by its ends (ids in order: undirected).
    const OutputTable ties(dir.path("out/ties.csv"), {"source", "target"});
    expect_columns(ties, {"source", "target", "status", "weight_a", "weight_b"});
    std::set<std::string> keys;
    for (const auto& [key, row] : wave["ties"].items()) {
        keys.insert(key);
        if (!ties.has(key)) continue;
        EXPECT_EQ(ties.cell(key, "status"), row[0].get<std::string>()) << key;
        expect_number_cell(ties.cell(key, "weight_a"), json_number(row[1]), kTol, key);
        expect_number_cell(ties.cell(key, "weight_b"), json_number(row[2]), kTol, key);
    }
    expect_keys(ties, keys);

    // comparison.json holds the same metrics.
    const auto j = testing::read_json(dir.path("out/comparison.json"));
    ASSERT_EQ(j["metrics"].size(), ma.size());
    for (const auto& m : j["metrics"]) {
        const auto name = m["metric"].get<std::string>();
        ASSERT_TRUE(ma.contains(name)) << name;
        EXPECT_TRUE(testing::close(json_number(m["a"]), json_number(ma[name]), kTol)) << name;
        EXPECT_TRUE(testing::close(json_number(m["b"]), json_number(mb[name]), kTol)) << name;
    }
}

TEST(CompareWiring, ManyClustersMatchTheOracle) {
    TempDir dir;
    std::vector<std::string> args = {"compare"};
    for (const char* n : {"A", "B", "C"}) args.push_back(write_network(dir, n));
    for (const char* a : {"-o", ""}) args.push_back(a);
    args.back() = dir.path("out");
    const auto r = testing::run(args);
    ASSERT_EQ(r.code, 0) << r.err;

    // clusters.csv: one row per cluster (named by its folder), one column per compared metric.
    const OutputTable clusters(dir.path("out/clusters.csv"), {"cluster"});
    expect_keys(clusters, {"A", "B", "C"});
    std::set<std::string> expected_columns = {"cluster"};
    for (const char* name : {"A", "B", "C"})
        for (const auto& [metric, v] : oracle()["networks"][name]["metrics"].items()) {
            expected_columns.insert(metric);
            expect_number_cell(clusters.cell(name, metric), json_number(v), kTol,
                               std::string("clusters.csv ") + name + " " + metric);
        }
    // A metric read from a wrong or misspelt place reads 0 (two_networks.cpp): each is non-zero
    // in at least one cluster, so this test sees it.
    for (const auto& [metric, v] : oracle()["networks"]["A"]["metrics"].items()) {
        bool nonzero = false;
        for (const char* name : {"A", "B", "C"})
            nonzero |= json_number(oracle()["networks"][name]["metrics"][metric]) != 0;
        EXPECT_TRUE(nonzero) << metric << " is 0 in every cluster";
    }
    const auto& names = clusters.columns();
    EXPECT_EQ(std::set<std::string>(names.begin(), names.end()), expected_columns);
    EXPECT_EQ(names.size(), expected_columns.size());  // no column twice
}

}  // namespace
}  // namespace clusterlens
