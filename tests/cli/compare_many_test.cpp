// Many clusters compared: the rows equal each cluster's own score summary (the Baltic SC5
// example), and the Lin, Chen & Chen (2018) patterns on clusters whose ability and trigger means
// are computed by hand.
#include <gtest/gtest.h>
#include <libxml/parser.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../graphs/test_files.hpp"
#include "cli_run.hpp"
#include "graphs/csv.hpp"
#include "src/compare/many_clusters.hpp"
#include "src/compare/two_networks.hpp"
#include "src/summary_pointers.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {
using testing::slurp;
using testing::TempDir;

int run(const std::vector<std::string>& args, std::string* said = nullptr) {
    const auto r = testing::run(args);
    if (said != nullptr) *said = r.out + r.err;
    return r.code;
}

TEST(CompareMany, BalticRowsEqualEachClustersOwnSummary) {
    TempDir dir;
    const auto map = testing::example("cordis_sc5_baltics/cordis.toml");
    std::vector<std::string> args = {"compare"};
    for (const char* c : {"EE", "LV", "LT"})
        args.push_back(testing::example(std::string("cordis_sc5_baltics/") + c));
    for (const char* a : {"--map", "", "-o", ""}) args.push_back(a);
    args[5] = map;
    args[7] = dir.path("many");
    std::string said;
    ASSERT_EQ(run(args, &said), 0) << said;
    std::vector<Warning> w;
    const auto table = read_csv_table(dir.path("many/clusters.csv"), w);
    ASSERT_EQ(table.rows(), 3U);
    EXPECT_EQ(table.names().size(), 1 + scoring::compared_metrics().size());  // no patterns
    EXPECT_FALSE(std::filesystem::exists(dir.path("many/patterns.svg")));
    const auto linkage = slurp(dir.path("many/linkage.svg"));
    for (const char* q : {">EE<", ">LV<", ">LT<", "buzz and pipelines", "pipeline"})
        EXPECT_NE(linkage.find(q), std::string::npos) << q;
    for (std::size_t r = 0; r < 3; ++r) {
        const auto cluster = table.cell(0, r);
        ASSERT_EQ(run({"score", testing::example("cordis_sc5_baltics/" + cluster), "--map", map,
                       "-o", dir.path("s" + cluster), "--permutations", "0"}),
                  0);
        const auto s =
            nlohmann::ordered_json::parse(slurp(dir.path("s" + cluster + "/summary.json")));
        // The local_density row reads the 4th lock-in indicator.
        EXPECT_EQ(s["lock_in"]["indicators"][3]["name"], "local_density");
        for (std::size_t k = 0; k < scoring::compared_metrics().size(); ++k) {
            const auto& name = scoring::compared_metrics()[k].name;
            const double want = testing::summary_value(s, name);
            EXPECT_NEAR(std::stod(table.cell(k + 1, r)), want,
                        1e-12 * std::max(1.0, std::fabs(want)))
                << cluster << " " << name;
        }
    }
    // The EE cut is the bundled example (make_cases.py reproduces it).
    EXPECT_EQ(table.cell(1, 0), "400");
    EXPECT_EQ(table.cell(2, 0), "6850");
}

TEST(CompareMany, PatternsByHand) {
    // Four clusters of two local firms and one global partner. Ability columns m, d; trigger
    // columns l, s. Per actor the mean of its columns; per cluster the mean over local actors
    // (the global partner's scores are ignored):
    //   c1: firms (4,4 | 4,4), (4,2 | 4,2): ability (4 + 3)/2 = 3.5, trigger 3.5
    //   c2: (4,4 | 1,1), (4,4 | 1,1): ability 4, trigger 1
    //   c3: (1,1 | 1,1), (1,2 | 2,1): ability 1.25, trigger 1.25
    //   c4: (1,1 | 4,4), (2,1 | 4,4): ability 1.25, trigger 4
    // Thresholds = means: ability (3.5 + 4 + 1.25 + 1.25)/4 = 2.5, trigger (3.5 + 1 + 1.25 +
    // 4)/4 = 2.4375. So c1 I, c2 II, c3 III, c4 IV.
    TempDir dir;
    const char* rows[4][2] = {{"4,4,4,4", "4,2,4,2"},
                              {"4,4,1,1", "4,4,1,1"},
                              {"1,1,1,1", "1,2,2,1"},
                              {"1,1,4,4", "2,1,4,4"}};
    std::vector<std::string> args = {"compare"};
    for (int c = 0; c < 4; ++c) {
        const std::string name = "c" + std::to_string(c + 1);
        dir.file(name + "/nodes.csv", std::string("Id,type,locality,m,d,l,s\n") + "f1,firm,local," +
                                          rows[c][0] + "\nf2,firm,local," + rows[c][1] +
                                          "\ng,firm,global,9,9,9,9\n");
        dir.file(name + "/edges.csv", "Source,Target,Weight\nf1,f2,1\nf1,g,2\n");
        args.push_back(dir.path(name));
    }
    dir.file("map.toml", "[patterns]\nability = [\"m\", \"d\"]\ntrigger = [\"l\", \"s\"]\n");
    args.insert(args.end(), {"--map", dir.path("map.toml"), "-o", dir.path("out")});
    std::string said;
    ASSERT_EQ(run(args, &said), 0) << said;
    std::vector<Warning> w;
    const auto table = read_csv_table(dir.path("out/clusters.csv"), w);
    const int a = table.find("ability"), t = table.find("trigger"), p = table.find("pattern");
    ASSERT_GE(p, 0);
    const std::vector<std::tuple<double, double, std::string>> want = {
        {3.5, 3.5, "I sustainable development"},
        {4, 1, "II ability-oriented"},
        {1.25, 1.25, "III newborn"},
        {1.25, 4, "IV leader-oriented"}};
    for (std::size_t r = 0; r < 4; ++r) {
        EXPECT_DOUBLE_EQ(std::stod(table.cell(static_cast<std::size_t>(a), r)),
                         std::get<0>(want[r]));
        EXPECT_DOUBLE_EQ(std::stod(table.cell(static_cast<std::size_t>(t), r)),
                         std::get<1>(want[r]));
        EXPECT_EQ(table.cell(static_cast<std::size_t>(p), r), std::get<2>(want[r]));
    }
    const auto j = nlohmann::json::parse(slurp(dir.path("out/clusters.json")));
    EXPECT_DOUBLE_EQ(j["patterns"]["ability_threshold"].get<double>(), 2.5);
    EXPECT_DOUBLE_EQ(j["patterns"]["trigger_threshold"].get<double>(), 2.4375);
    auto svg = slurp(dir.path("out/patterns.svg"));
    xmlDoc* doc = xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "p.svg", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    ASSERT_NE(doc, nullptr);
    xmlFreeDoc(doc);
    for (auto at = svg.find("&#45;"); at != std::string::npos; at = svg.find("&#45;"))
        svg.replace(at, 5, "-");  // Graphviz writes hyphens in SVG text as &#45;
    for (const char* q : {"I sustainable development", "II ability-oriented", "III newborn",
                          "IV leader-oriented", ">c1<", ">c4<"})
        EXPECT_NE(svg.find(q), std::string::npos) << q;
    // Given thresholds move c1 (3.5, 3.5) to III.
    args.insert(args.end(), {"--ability-threshold", "3.6", "--trigger-threshold", "3.6"});
    args[args.size() - 5] = dir.path("out2");
    ASSERT_EQ(run(args, &said), 0) << said;
    const auto t2 = read_csv_table(dir.path("out2/clusters.csv"), w);
    EXPECT_EQ(t2.cell(static_cast<std::size_t>(p), 0), "III newborn");
    EXPECT_EQ(scoring::cluster_pattern(1, 1, 1, 1), "I sustainable development");
    EXPECT_EQ(scoring::cluster_pattern(std::nan(""), 1, 1, 1), "");
}

TEST(CompareMany, MissingPatternColumnIsAUsageError) {
    TempDir dir;
    for (const char* c : {"a", "b", "c"}) {
        dir.file(std::string(c) + "/nodes.csv", "Id,locality,m,l\nx,local,1,1\ny,global,1,1\n");
        dir.file(std::string(c) + "/edges.csv", "Source,Target,Weight\nx,y,1\n");
    }
    dir.file("map.toml", "[patterns]\nability = [\"m\", \"nope\"]\ntrigger = [\"l\"]\n");
    std::string said;
    EXPECT_EQ(run({"compare", dir.path("a"), dir.path("b"), dir.path("c"), "--map",
                   dir.path("map.toml"), "-o", dir.path("out")},
                  &said),
              2);
    EXPECT_NE(said.find("has no actor column 'nope'"), std::string::npos) << said;
    EXPECT_FALSE(std::filesystem::exists(dir.path("out")));
}

}  // namespace
}  // namespace clusterlens
