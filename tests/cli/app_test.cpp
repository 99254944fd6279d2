// The workflow layer (src/app) from C++: what `clusterlens validate` and `clusterlens compare`
// write, done without the command line gives the same bytes; outputs that would overwrite an
// input are refused before anything is written; the small naming rules, by hand.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "../graphs/test_files.hpp"
#include "graphs/error.hpp"
#include "graphs/load.hpp"
#include "src/app/local_global_outputs.hpp"
#include "src/app/many_cluster_outputs.hpp"
#include "src/app/relations.hpp"
#include "src/app/validation_report.hpp"
#include "src/cli/commands.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {
using testing::slurp;
using testing::TempDir;

LoadOptions cordis_options() {
    LoadOptions lo;
    lo.mapping = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
    return lo;
}

std::vector<std::string> cordis_inputs() {
    return resolve_inputs({testing::example("cordis_ee_climate/data")}, cordis_options()).all();
}

TEST(App, ValidationReportIsWhatValidatePrintsAndWrites) {
    TempDir dir;
    std::ostringstream out, err;
    ASSERT_EQ(cli::run({"validate", testing::example("cordis_ee_climate/data"), "--map",
                        testing::example("cordis_ee_climate/cordis.toml"), "--json",
                        dir.path("cli.json")},
                       {out, err}),
              0)
        << err.str();
    const auto net = load_network({testing::example("cordis_ee_climate/data")}, cordis_options());
    const auto comp = scoring::composition(net);
    app::write_validation_report(net, comp, dir.path("app.json"), cordis_inputs());
    EXPECT_EQ(slurp(dir.path("app.json")), slurp(dir.path("cli.json")));
    std::ostringstream printed;
    app::print_network_summary(net, comp, printed);
    EXPECT_EQ(out.str().rfind(printed.str(), 0), 0u) << out.str();  // the report comes first
}

TEST(App, LocalGlobalOutputsAreWhatCompareWrites) {
    TempDir dir;
    std::ostringstream out, err;
    ASSERT_EQ(cli::run({"compare", testing::example("cordis_ee_climate/data"), "--map",
                        testing::example("cordis_ee_climate/cordis.toml"), "-o", dir.path("cli"),
                        "--figure-format", "dot"},
                       {out, err}),
              0)
        << err.str();
    const auto net = load_network({testing::example("cordis_ee_climate/data")}, cordis_options());
    const auto one = app::pick_relation(net, "");
    scoring::ScoreOptions so;
    so.ei.permutations = 0;  // as compare scores
    const auto cmp = scoring::compare_local_global(one, {});
    const auto scored = scoring::score_relation(one, so);
    app::FigureOptions figures;
    figures.formats = {"dot"};
    const auto written =
        app::write_local_global(one, cmp, scored, 5, dir.path("app"), figures, cordis_inputs());
    ASSERT_EQ(written.files.size(), 7u);
    for (const char* name : {"comparison.csv", "comparison.json", "local_actors.csv", "buzz.dot",
                             "pipelines.dot", "position_map.dot", "local_global.dot"})
        EXPECT_EQ(slurp(dir.path(std::string("app/") + name)),
                  slurp(dir.path(std::string("cli/") + name)))
            << name;
    std::ostringstream printed;
    app::print_local_global(written, cmp, scored, printed);
    std::string expected = out.str();
    const std::string cli_dir = dir.path("cli"), app_dir = dir.path("app");
    for (auto at = expected.find(cli_dir); at != std::string::npos;
         at = expected.find(cli_dir, at + app_dir.size()))
        expected.replace(at, cli_dir.size(), app_dir);
    EXPECT_EQ(printed.str(), expected);
}

TEST(App, AnOutputThatIsAnInputIsRefusedBeforeAnythingIsWritten) {
    // The input is a clusters.csv in the output folder: it would be overwritten.
    TempDir dir;
    const auto in = dir.file("net/clusters.csv", "metric\n");
    scoring::ManyClusters many;
    EXPECT_THROW(app::write_many_clusters(many, {}, {}, dir.path("net"), {}, {in}), UsageError);
    EXPECT_EQ(slurp(in), "metric\n");
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path("net")))
        ++files;
    EXPECT_EQ(files, 1u);
}

TEST(App, ClusterNamesAreFileNamesOrTheWholePathWhenTwoAgree) {
    // a/x and b/x share the name x: the second gets its path. A folder given with a trailing
    // slash is named after the folder.
    EXPECT_EQ(app::cluster_names({"a/x", "b/x", "c/y.graphml", "d/data/"}),
              (std::vector<std::string>{"x", "b/x", "y.graphml", "data"}));
}

TEST(RelationFolders, NamesAreSafeOnEverySystem) {
    EXPECT_EQ(app::safe_folder_name("co/author:2"), "co_author_2");
    EXPECT_EQ(app::safe_folder_name(""), "unnamed");
    EXPECT_EQ(app::safe_folder_name("a\\b"), "a_b");
    EXPECT_EQ(app::safe_folder_name("."), "_");  // never . or ..
    EXPECT_EQ(app::safe_folder_name(".."), "__");
    EXPECT_EQ(app::safe_folder_name(".hidden"), "_hidden");
    EXPECT_EQ(app::safe_folder_name("tab\there\nnl\x1b[2J"), "tab_here_nl_[2J");  // controls
    EXPECT_EQ(app::safe_folder_name("a*b?c\"d<e>f|g"), "a_b_c_d_e_f_g");          // Windows refuses
    EXPECT_EQ(app::safe_folder_name("advice."), "advice_");                       // trailing dot
    EXPECT_EQ(app::safe_folder_name("advice "), "advice_");                       // trailing space
    EXPECT_EQ(app::safe_folder_name("CON"), "CON_");                              // Windows devices
    EXPECT_EQ(app::safe_folder_name("nul.txt"), "nul_.txt");
    EXPECT_EQ(app::safe_folder_name("com7"), "com7_");
    EXPECT_EQ(app::safe_folder_name("console"), "console");
    EXPECT_EQ(app::safe_folder_name("Zusammenarbeit über Grenzen"),
              "Zusammenarbeit über Grenzen");                      // UTF-8 kept
    EXPECT_EQ(app::safe_folder_name("bad\xff\xc3("), "bad__(");    // not UTF-8
    EXPECT_EQ(app::safe_folder_name("a\u202eb\u200bc"), "a_b_c");  // bidi, zero-width
    EXPECT_EQ(app::safe_folder_name(std::string(300, 'r')), std::string(100, 'r'));
    EXPECT_EQ(app::safe_folder_name(std::string(99, 'r') + "ü"), std::string(99, 'r'));
}

TEST(RelationFolders, CollisionsGetASuffixTheExactNameKeepsItsOwn) {
    // x_y is a safe name already, so it keeps x_y and x/y (made x_y) moves aside; the same
    // for the unnamed relation and one called unnamed. Order does not decide who keeps a name.
    EXPECT_EQ(app::relation_folders({"x/y", "x_y", "", "unnamed", "..", "."}),
              (std::vector<std::string>{"x_y_2", "x_y", "unnamed_2", "unnamed", "__", "_"}));
    EXPECT_EQ(app::relation_folders({"x_y", "x/y"}), (std::vector<std::string>{"x_y", "x_y_2"}));
    // A suffix never takes a name another relation has exactly.
    EXPECT_EQ(app::relation_folders({"a/b", "a_b_2", "a_b"}),
              (std::vector<std::string>{"a_b_3", "a_b_2", "a_b"}));
    // Names equal ignoring case are one folder on macOS and Windows.
    EXPECT_EQ(app::relation_folders({"Advice", "advice", "ADVICE"}),
              (std::vector<std::string>{"Advice", "advice_2", "ADVICE_3"}));
    // The mapping file's name is not a folder.
    EXPECT_EQ(app::relation_folders({"relations.csv", "x"}),
              (std::vector<std::string>{"relations.csv_2", "x"}));
}

TEST(RelationFolders, NamesInMessagesAreQuotedAndEscaped) {
    EXPECT_EQ(app::quoted_relation("x/y"), "\"x/y\"");
    EXPECT_EQ(app::quoted_relation(""), "\"\"");
    EXPECT_EQ(app::quoted_relation("a\x1b]0;pwned\x07\"\\"), "\"a\\x1b]0;pwned\\x07\\\"\\\\\"");
}

TEST(App, NetworksOfKeepPartitionsWithTheirNetAndACsvPairTogether) {
    EXPECT_EQ(app::networks_of({"A.net", "A.clu", "B.net"}),
              (std::vector<std::vector<std::string>>{{"A.net", "A.clu"}, {"B.net"}}));
    EXPECT_EQ(app::networks_of({"nodes.csv", "edges.csv"}),
              (std::vector<std::vector<std::string>>{{"nodes.csv", "edges.csv"}}));
    EXPECT_THROW(app::networks_of({"A.clu", "A.net"}), UsageError);
}

}  // namespace
}  // namespace clusterlens
