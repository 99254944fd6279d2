// Conformance over the shared corpus of real third-party files (../shared/corpus, MANIFEST.md):
// every file there is loaded as a user would give it, and its actors and ties per relation are
// checked against counts from outside clusterlens, or its exact refusal is checked.
//
// Where the counts come from: tests/interop/corpus_counts.py reads each file with a peer
// (NetworkX 2.8 read_pajek / read_gexf / read_gml, python-igraph 0.10 Read_GraphML / Read_DL) or,
// where no peer reads the format, with a few lines of Python over the file's text, and puts the
// result under clusterlens' stated policies (loops dropped, parallel ties of one relation
// merged, a symmetric DL/VNA/matrix relation undirected, 0 = no tie). Its output is committed as
// tests/interop/corpus_counts.txt; each case below names its line there. A file that is not in
// the table fails CorpusConformance.EveryFileIsCovered, so a new corpus file cannot be
// forgotten. The corpus is not ours to copy; the tests skip when ../shared/corpus is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "graphs/load.hpp"
#include "tests/test_paths.hpp"

namespace clusterlens {
namespace {
namespace fs = std::filesystem;
using testing::corpus;
using Counts = std::map<std::string, std::size_t>;

struct Case {
    std::string name;
    std::vector<std::string>
        files;  ///< relative to the corpus folder, as given on the command line
    std::function<void(LoadOptions&)> options;  ///< nullptr: defaults
    std::size_t actors = 0;
    Counts ties;          ///< per relation ("" = unnamed), every relation of the network
    std::string refusal;  ///< non-empty: the load must fail with a message starting so
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

const std::vector<Case>& cases() {
    static const std::vector<Case> all = {
        // ---- UCINET IV datasets, named .DAT (content detection) ----
        {"PADGETT", {"ucinet/PADGETT.DAT"}, nullptr, 16, {{"PADGB", 15}, {"PADGM", 20}}, ""},
        {"KRACKAD",
         {"ucinet/KRACKAD.DAT"},
         nullptr,
         21,
         {{"ACTOR#1", 277}, {"ACTOR#2", 110},  {"ACTOR#3", 191},  {"ACTOR#4", 199},
          {"ACTOR#5", 190}, {"ACTOR#6", 52},   {"ACTOR#7", 157},  {"ACTOR#8", 134},
          {"ACTOR#9", 154}, {"ACTOR#10", 150}, {"ACTOR#11", 77},  {"ACTOR#12", 131},
          {"ACTOR#13", 49}, {"ACTOR#14", 138}, {"ACTOR#15", 101}, {"ACTOR#16", 49},
          {"ACTOR#17", 43}, {"ACTOR#18", 144}, {"ACTOR#19", 105}, {"ACTOR#20", 86},
          {"ACTOR#21", 198}},
         ""},
        {"SAMPSON",
         {"ucinet/SAMPSON.DAT"},
         nullptr,
         18,
         {{"SAMPLK1", 55},
          {"SAMPLK2", 57},
          {"SAMPLK3", 56},
          {"SAMPDLK", 47},
          {"SAMPES", 54},
          {"SAMPDES", 58},
          {"SAMPIN", 53},
          {"SAMPNIN", 50},
          {"SAMPPR", 39},
          {"SAMNPR", 41}},
         ""},
        // ---- UCINET DL ----
        {"edgelist3", {"dl/edgelist3.dl"}, nullptr, 5, {{"", 5}}, ""},
        {"fullmatrix4", {"dl/fullmatrix4.dl"}, nullptr, 5, {{"", 6}}, ""},
        // MANIFEST.md says 14 actors, but the file's header is `dl n 4` and its data name 4
        // actors and 4 arcs (by hand: I1->W1, I1->W2, W1->W2, W2->I1).
        {"nodelist_noeq", {"dl/nodelist_noeq.dl"}, nullptr, 4, {{"", 4}}, ""},
        {"ucinet_as_txt", {"dl/ucinet_as.txt"}, nullptr, 3, {{"", 2}}, ""},
        // ---- GEXF ----
        {"gexf_data", {"gexf/data.gexf"}, nullptr, 1, {{"", 0}}, ""},
        {"lesmis", {"gexf/lesmis.gexf"}, nullptr, 77, {{"", 254}}, ""},
        // ---- NetDraw VNA ----
        {"netdraw_two_relations",
         {"vna/netdraw_two_relations_ws.vna"},
         nullptr,
         3,
         {{"advice", 2}, {"friendship", 2}},
         ""},
        {"emptyattribute", {"vna/emptyattribute.vna"}, nullptr, 3, {{"", 3}}, ""},
        // ---- Pajek ----
        {"dolphins", {"pajek/dolphins.net"}, nullptr, 62, {{"", 159}}, ""},
        {"ADVICE", {"pajek/ADVICE.NET", "pajek/ADVICE.CLU"}, nullptr, 14, {{"", 27}}, ""},
        {"USAir97", {"pajek/USAir97.net"}, nullptr, 332, {{"", 2126}}, ""},
        {"StudentGov",
         {"pajek/StudentGov.net", "pajek/StudentGov.clu"},
         nullptr,
         11,
         {{"", 41}},
         ""},
        {"Stranke94",
         {"pajek/Stranke94.net"},
         nullptr,
         0,
         {},
         "pajek/Stranke94.net:29:6: error: the network has negative ties (a signed network): 54 "
         "of 90 ties have a value below 0, the first is -215; clusterlens needs positive tie "
         "strengths: pass --negative drop"},
        {"Stranke94_split",
         {"pajek/Stranke94.net"},
         [](LoadOptions& o) { o.assemble.negative = NegativeTies::split; },
         10,
         {{"", 36}, {"negative", 54}},
         ""},
        // ---- GraphML ----
        {"yfiles", {"graphml/yfiles.graphml"}, nullptr, 4, {{"", 2}}, ""},
        {"ig_written", {"graphml/ig_written.graphml"}, nullptr, 34, {{"", 78}}, ""},
        // ---- GML ----
        {"label_gml", {"gml/label.gml"}, nullptr, 3, {{"", 2}}, ""},
        // ---- CSV ----
        {"excel_decimal_comma",
         {"csv/excel_decimal_comma"},
         nullptr,
         35,
         {{"business", 85}, {"knowledge", 128}},
         ""},
        {"excel_trailing_columns",
         {"csv/excel_trailing_columns/n2.csv", "csv/excel_trailing_columns/e2.csv"},
         nullptr,
         2,
         {{"", 1}},
         ""},
        {"quakers_wrong_id",
         {"csv/quakers_wrong_id/quakers_nodelist.csv", "csv/quakers_wrong_id/quakers_edgelist.csv"},
         nullptr,
         0,
         {},
         "csv/quakers_wrong_id/quakers_edgelist.csv:2:1: error: none of the 119 actors the ties "
         "name is in the id column 'ID' of "},
        {"quakers_by_name",
         {"csv/quakers_wrong_id/quakers_nodelist.csv", "csv/quakers_wrong_id/quakers_edgelist.csv"},
         [](LoadOptions& o) { o.mapping.actor_id = "Name"; },
         119,
         {{"", 174}},
         ""},
        {"adjacency_matrix", {"csv/adjacency_matrix.csv"}, nullptr, 5, {{"", 4}}, ""},
        // ---- plain edge list ----
        {"decimal_comma_txt", {"edgelist/decimal_comma.txt"}, nullptr, 3, {{"", 3}}, ""},
        // ---- two waves ----
        {"padgM", {"waves/padgM.net"}, nullptr, 16, {{"", 20}}, ""},
        {"padgM_reordered", {"waves/padgM_reordered.net"}, nullptr, 16, {{"", 20}}, ""},
    };
    return all;
}

bool corpus_present() { return fs::is_directory(corpus("")); }

class CorpusConformance : public ::testing::TestWithParam<Case> {};

TEST_P(CorpusConformance, CountsOrRefusal) {
    if (!corpus_present()) GTEST_SKIP() << "no corpus at " << corpus("");
    const Case& c = GetParam();
    // Paths as a user in the corpus folder types them, so messages read like the MANIFEST.
    const auto cwd = fs::current_path();
    fs::current_path(corpus(""));
    LoadOptions o;
    if (c.options) c.options(o);
    std::string error;
    Counts got;
    std::size_t actors = 0;
    try {
        const auto net = load_network(c.files, o);
        actors = net.actor_count();
        for (const auto& r : net.relations()) got[r] = 0;
        for (std::size_t e = 0; e < net.tie_count(); ++e) ++got[net.relations()[net.relation(e)]];
    } catch (const InputErrors& e) {
        error = e.errors().front().what();
    } catch (const Error& e) {
        error = e.what();
    }
    fs::current_path(cwd);
    if (!c.refusal.empty()) {
        EXPECT_EQ(error.rfind(c.refusal, 0), 0u) << "got: " << error;
        return;
    }
    ASSERT_EQ(error, "");
    EXPECT_EQ(actors, c.actors);
    EXPECT_EQ(got, c.ties);
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusConformance, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& p) { return p.param.name; });

TEST(CorpusConformanceTable, EveryFileIsCovered) {
    if (!corpus_present()) GTEST_SKIP() << "no corpus at " << corpus("");
    std::set<std::string> covered;
    for (const auto& c : cases()) {
        for (const auto& f : c.files) {
            const fs::path p = fs::path(corpus("")) / f;
            if (fs::is_directory(p)) {
                for (const auto& e : fs::directory_iterator(p))
                    covered.insert(fs::relative(e.path(), corpus("")).generic_string());
            } else {
                covered.insert(f);
            }
        }
    }
    for (const auto& e : fs::recursive_directory_iterator(corpus(""))) {
        if (!e.is_regular_file()) continue;
        const auto rel = fs::relative(e.path(), corpus("")).generic_string();
        if (rel == "MANIFEST.md") continue;
        EXPECT_TRUE(covered.count(rel)) << rel << " is in the corpus but in no conformance case";
    }
}

}  // namespace
}  // namespace clusterlens
