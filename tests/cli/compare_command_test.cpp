// `clusterlens compare` on one cluster, end to end: the tables, the figures and the report line
// (the measures behind them: tests/src/compare_test.cpp, against the NetworkX oracle).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../graphs/test_files.hpp"
#include "graphs/csv.hpp"
#include "src/cli/commands.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {
using testing::slurp;
using testing::TempDir;

TEST(CompareLocalGlobal, CommandWritesTablesAndFigures) {
    TempDir dir;
    std::ostringstream out, err;
    const int code =
        cli::run({"compare", testing::example("cordis_ee_climate/data"), "--map",
                  testing::example("cordis_ee_climate/cordis.toml"), "-o", dir.path("cmp")},
                 {out, err});
    ASSERT_EQ(code, 0) << err.str();
    std::vector<Warning> w;
    const auto table = read_csv_table(dir.path("cmp/comparison.csv"), w);
    EXPECT_EQ(table.names(),
              (std::vector<std::string>{"metric", "local", "global", "cluster", "definition"}));
    std::ifstream in(testing::data("oracle/compare_oracle.json"));
    const auto o = nlohmann::json::parse(in);
    bool saw_ties = false;
    for (std::size_t i = 0; i < table.rows(); ++i)
        if (table.cell(0, i) == "ties") {
            saw_ties = true;
            EXPECT_EQ(table.cell(1, i), std::to_string(o["buzz"]["ties"].get<int>()));
            EXPECT_EQ(table.cell(2, i), std::to_string(o["pipelines"]["ties"].get<int>()));
        }
    EXPECT_TRUE(saw_ties);
    const auto j = nlohmann::json::parse(slurp(dir.path("cmp/comparison.json")));
    EXPECT_EQ(j["top_pipeline_holders"][0]["id"], "998483760");
    EXPECT_TRUE(j["lock_in"].contains("indicators"));
    const auto actors = read_csv_table(dir.path("cmp/local_actors.csv"), w);
    EXPECT_EQ(actors.rows(), 8U);
    for (const char* f : {"buzz.svg", "pipelines.svg", "position_map.svg", "local_global.svg"})
        EXPECT_NE(slurp(dir.path(std::string("cmp/") + f)).find("<svg"), std::string::npos) << f;
    EXPECT_NE(out.str().find("gatekeeper dependence"), std::string::npos);
}

}  // namespace
}  // namespace clusterlens
