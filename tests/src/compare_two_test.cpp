// Two networks compared (two waves of one cluster): the changes are known by construction, and
// every metric's change equals the difference of the two score summaries.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../graphs/test_files.hpp"
#include "cli_run.hpp"
#include "graphs/csv.hpp"
#include "src/compare/two_networks.hpp"

namespace clusterlens {
namespace {
using testing::slurp;
using testing::TempDir;

int run(const std::vector<std::string>& args, std::string* said = nullptr) {
    const auto r = testing::run(args);
    if (said != nullptr) *said = r.out + r.err;
    return r.code;
}

// Wave A: local firms a, b; global c (research), d (firm). Ties a-b 2, a-c 1, b-d 1.
// Wave B: d has left, e (university) joined. Ties b-a 3 (the same undirected tie, stronger),
// a-c 1 (kept), b-e 2 (gained); b-d is lost.
void write_waves(const TempDir& dir) {
    dir.file("A/nodes.csv",
             "Id,part,type,locality\na,core,firm,local\nb,core,firm,local\n"
             "c,external,research,global\nd,external,firm,global\n");
    dir.file("A/edges.csv", "Source,Target,Weight\na,b,2\na,c,1\nb,d,1\n");
    dir.file("B/nodes.csv",
             "Id,part,type,locality\na,core,firm,local\nb,core,firm,local\n"
             "c,external,research,global\ne,external,university,global\n");
    dir.file("B/edges.csv", "Source,Target,Weight\nb,a,3\na,c,1\nb,e,2\n");
}

TEST(CompareTwo, TwoWavesKnownByConstruction) {
    TempDir dir;
    write_waves(dir);
    std::string said;
    ASSERT_EQ(run({"compare", dir.path("A"), dir.path("B"), "-o", dir.path("out")}, &said), 0)
        << said;
    std::vector<Warning> w;
    const auto actors = read_csv_table(dir.path("out/actors.csv"), w);
    std::map<std::string, std::string> status;
    for (std::size_t i = 0; i < actors.rows(); ++i) status[actors.cell(0, i)] = actors.cell(2, i);
    EXPECT_EQ(status,
              (std::map<std::string, std::string>{
                  {"a", "kept"}, {"b", "kept"}, {"c", "kept"}, {"d", "lost"}, {"e", "gained"}}));
    const auto ties = read_csv_table(dir.path("out/ties.csv"), w);
    std::map<std::string, std::string> tie_status;
    for (std::size_t i = 0; i < ties.rows(); ++i)
        tie_status[ties.cell(0, i) + "-" + ties.cell(1, i)] =
            ties.cell(2, i) + " " + ties.cell(3, i) + " " + ties.cell(4, i);
    EXPECT_EQ(
        tie_status,
        (std::map<std::string, std::string>{
            {"a-b", "kept 2 3"}, {"a-c", "kept 1 1"}, {"b-e", "gained  2"}, {"b-d", "lost 1 "}}));
    const auto j = nlohmann::json::parse(slurp(dir.path("out/comparison.json")));
    EXPECT_EQ(j["actors"]["kept"], 3);
    EXPECT_EQ(j["actors"]["gained"], 1);
    EXPECT_EQ(j["actors"]["lost"], 1);
    EXPECT_EQ(j["ties"]["gained"], 1);
    EXPECT_EQ(j["ties"]["lost"], 1);
    EXPECT_NE(slurp(dir.path("out/change.svg")).find("change: gained"), std::string::npos);

    // Every metric: a and b equal each wave's own summary.json, change = b - a.
    ASSERT_EQ(run({"score", dir.path("A"), "-o", dir.path("sa"), "--permutations", "0"}), 0);
    ASSERT_EQ(run({"score", dir.path("B"), "-o", dir.path("sb"), "--permutations", "0"}), 0);
    const auto sa = nlohmann::ordered_json::parse(slurp(dir.path("sa/summary.json")));
    const auto sb = nlohmann::ordered_json::parse(slurp(dir.path("sb/summary.json")));
    const auto table = read_csv_table(dir.path("out/comparison.csv"), w);
    ASSERT_EQ(table.rows(), scoring::compared_metrics().size());
    for (std::size_t i = 0; i < table.rows(); ++i) {
        const auto& [name, pointer] = scoring::compared_metrics()[i];
        EXPECT_EQ(table.cell(0, i), name);
        const nlohmann::ordered_json::json_pointer p(pointer);
        auto value = [&](const nlohmann::ordered_json& s) {
            if (!s.contains(p)) return 0.0;
            const auto& v = s.at(p);
            return v.is_boolean() ? (v.get<bool>() ? 1.0 : 0.0) : v.get<double>();
        };
        const double a = value(sa), b = value(sb);
        EXPECT_NEAR(std::stod(table.cell(1, i)), a, 1e-12) << name;
        EXPECT_NEAR(std::stod(table.cell(2, i)), b, 1e-12) << name;
        EXPECT_NEAR(std::stod(table.cell(3, i)), b - a, 1e-12) << name;
    }
    // Known values: the a-b tie got stronger (2 -> 3) and b-e (2) replaced b-d (1): mean tie
    // strength 4/3 -> 6/3.
    for (std::size_t i = 0; i < table.rows(); ++i)
        if (table.cell(0, i) == "mean_tie_strength") {
            EXPECT_NEAR(std::stod(table.cell(1, i)), 4.0 / 3.0, 1e-12);
            EXPECT_NEAR(std::stod(table.cell(2, i)), 2.0, 1e-12);
        }
}

TEST(CompareTwo, MixedDirectionIsAUsageError) {
    TempDir dir;
    write_waves(dir);
    dir.file("D/nodes.csv", "Id,locality\na,local\nb,global\n");
    dir.file("D/edges.csv", "Source,Target,Weight,Type\na,b,1,Directed\n");
    std::string said;
    EXPECT_EQ(run({"compare", dir.path("A"), dir.path("D"), "-o", dir.path("o")}, &said), 2);
    EXPECT_NE(said.find("one network is directed and the other is not"), std::string::npos) << said;
}

}  // namespace
}  // namespace clusterlens
