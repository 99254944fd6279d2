// Two networks compared (two waves of one cluster): the changes are known by construction, and
// every metric's change equals the difference of the two score summaries.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../graphs/test_files.hpp"
#include "cli_run.hpp"
#include "graphs/csv.hpp"
#include "graphs/load.hpp"
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
        const auto& name = scoring::compared_metrics()[i].name;
        EXPECT_EQ(table.cell(0, i), name);
        const double a = testing::summary_value(sa, name), b = testing::summary_value(sb, name);
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

// ---- matching actors ---------------------------------------------------------------------

#define SKIP_WITHOUT_CORPUS(path) \
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path

/// actors.csv as label -> status, ties.csv as "source-target" -> "status weight_a weight_b".
std::map<std::string, std::string> actor_status(const std::string& out_dir) {
    std::vector<Warning> w;
    const auto t = read_csv_table(out_dir + "/actors.csv", w);
    std::map<std::string, std::string> m;
    for (std::size_t i = 0; i < t.rows(); ++i) m[t.cell(1, i)] = t.cell(2, i);
    return m;
}
std::map<std::string, std::string> tie_status(const std::string& out_dir) {
    std::vector<Warning> w;
    const auto t = read_csv_table(out_dir + "/ties.csv", w);
    std::map<std::string, std::string> m;
    for (std::size_t i = 0; i < t.rows(); ++i)
        m[t.cell(0, i) + "-" + t.cell(1, i)] =
            t.cell(2, i) + " " + t.cell(3, i) + " " + t.cell(4, i);
    return m;
}

/// compare needs a locality; for Pajek files it comes from the label, the same in both waves.
std::string locality_by_label(const TempDir& dir, const std::string& local_list) {
    return dir.file("map.toml",
                    "[actors.locality]\ncolumn = \"Label\"\nlocal = [" + local_list + "]\n");
}

const char* kPadgettLocal = R"("Medici", "Strozzi", "Albizzi", "Guadagni")";

// The corpus's two Padgett marriage waves: the same 16 families and 20 ties, the vertices
// listed in another order (MANIFEST.md: "nothing changed between them"). By label nothing is
// gained or lost, and every headline measure is the same in both.
TEST(CompareTwoMatching, PadgettWavesMatchByLabel) {
    const auto a = testing::corpus("waves/padgM.net"),
               b = testing::corpus("waves/padgM_reordered.net");
    SKIP_WITHOUT_CORPUS(a);
    SKIP_WITHOUT_CORPUS(b);
    TempDir dir;
    const auto map = locality_by_label(dir, kPadgettLocal);
    const auto r = testing::run({"compare", a, b, "--map", map, "-o", dir.path("out")});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("actors matched by label (Pajek vertex numbers are positions, not "
                         "identities)\n"),
              std::string::npos)
        << r.out;
    const auto j = nlohmann::json::parse(slurp(dir.path("out/comparison.json")));
    EXPECT_EQ(j["actors"]["kept"], 16);
    EXPECT_EQ(j["actors"]["gained"], 0);
    EXPECT_EQ(j["actors"]["lost"], 0);
    EXPECT_EQ(j["ties"]["kept"], 20);
    EXPECT_EQ(j["ties"]["gained"], 0);
    EXPECT_EQ(j["ties"]["lost"], 0);
    EXPECT_EQ(j["typology_changes"], 0);
    EXPECT_EQ(j["matched_by"], "label");
    EXPECT_EQ(j["matching"],
              "actors matched by label (Pajek vertex numbers are positions, not identities); "
              "ties by their ends' labels (unordered when undirected)");
    const auto actors = actor_status(dir.path("out"));
    EXPECT_EQ(actors.size(), 16u);
    EXPECT_EQ(actors.at("Medici"), "kept");
    EXPECT_EQ(actors.at("Pucci"), "kept");  // the isolate: vertex 12 in A, 5 in B
    // Medici's marriages, from padgM.net's *Edges (9 with 1, 2, 3, 13, 14, 16), by name.
    const auto ties = tie_status(dir.path("out"));
    for (const char* other :
         {"Acciaiuoli", "Albizzi", "Barbadori", "Ridolfi", "Salviati", "Tornabuoni"}) {
        const std::string o = other;
        const auto key = o < "Medici" ? o + "-Medici" : "Medici-" + o;
        EXPECT_EQ(ties.count(key), 1u) << key;
        if (ties.count(key)) {
            EXPECT_EQ(ties.at(key), "kept 1 1") << key;
        }
    }
    for (const auto& m : j["metrics"]) {
        if (m["change"].is_number()) {  // up to rounding: sums run in another vertex order
            EXPECT_NEAR(m["change"].get<double>(), 0.0, 1e-12) << m["metric"];
        }
    }
}

// --match id reproduces the old by-position result, so the choice is visible. Hand count: B's
// vertex k is A's vertex 17 - k (Tornabuoni 16 -> 1, ..., Acciaiuoli 1 -> 16), so A's tie {i, j}
// is B's {17 - i, 17 - j}. By number a tie of B coincides with one of A only when {17 - i,
// 17 - j} is also a tie of A: of A's 20 ties that holds for {2, 6} (-> {15, 11}) and {11, 15}
// (-> {6, 2}) only. So 2 kept, 18 gained, 18 lost; the ids 1..16 are in both: 16 actors kept.
TEST(CompareTwoMatching, PadgettWavesByIdAreByPosition) {
    const auto a = testing::corpus("waves/padgM.net"),
               b = testing::corpus("waves/padgM_reordered.net");
    SKIP_WITHOUT_CORPUS(a);
    SKIP_WITHOUT_CORPUS(b);
    TempDir dir;
    const auto map = locality_by_label(dir, kPadgettLocal);
    const auto r =
        testing::run({"compare", a, b, "--map", map, "--match", "id", "-o", dir.path("out")});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("actors matched by id (--match id), although Pajek vertex numbers are "
                         "positions, not identities\n"),
              std::string::npos)
        << r.out;
    const auto j = nlohmann::json::parse(slurp(dir.path("out/comparison.json")));
    EXPECT_EQ(j["actors"]["kept"], 16);
    EXPECT_EQ(j["ties"]["kept"], 2);
    EXPECT_EQ(j["ties"]["gained"], 18);
    EXPECT_EQ(j["ties"]["lost"], 18);
    EXPECT_EQ(j["matched_by"], "id");
    const auto ties = tie_status(dir.path("out"));
    EXPECT_EQ(ties.at("2-6"), "kept 1 1");
    EXPECT_EQ(ties.at("11-15"), "kept 1 1");
}

// Two hand-made Pajek waves, B listing the vertices in another order, where something really
// changed. A: Ann-Bo 1, Bo-Cy 1, Cy-Di 1. B: Ann-Bo 2 (stronger), Bo-Cy 1, Di-Ed 1; Ed joined.
// By label: actors Ann, Bo, Cy, Di kept, Ed gained, none lost; ties Ann-Bo and Bo-Cy kept,
// Di-Ed gained, Cy-Di lost.
TEST(CompareTwoMatching, HandMadePajekWavesWithARealChange) {
    TempDir dir;
    const auto a = dir.file("a.net",
                            "*Vertices 4\n1 \"Ann\"\n2 \"Bo\"\n3 \"Cy\"\n4 \"Di\"\n"
                            "*Edges\n1 2 1\n2 3 1\n3 4 1\n");
    const auto b = dir.file("b.net",
                            "*Vertices 5\n1 \"Di\"\n2 \"Cy\"\n3 \"Ann\"\n4 \"Bo\"\n5 \"Ed\"\n"
                            "*Edges\n3 4 2\n4 2 1\n1 5 1\n");
    const auto map = locality_by_label(dir, R"("Ann", "Bo")");
    const auto r = testing::run({"compare", a, b, "--map", map, "-o", dir.path("out")});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("actors matched by label"), std::string::npos) << r.out;
    EXPECT_EQ(
        actor_status(dir.path("out")),
        (std::map<std::string, std::string>{
            {"Ann", "kept"}, {"Bo", "kept"}, {"Cy", "kept"}, {"Di", "kept"}, {"Ed", "gained"}}));
    EXPECT_EQ(tie_status(dir.path("out")),
              (std::map<std::string, std::string>{{"Ann-Bo", "kept 1 2"},
                                                  {"Bo-Cy", "kept 1 1"},
                                                  {"Di-Ed", "gained  1"},
                                                  {"Cy-Di", "lost 1 "}}));
    const auto j = nlohmann::json::parse(slurp(dir.path("out/comparison.json")));
    EXPECT_EQ(j["actors"]["kept"], 4);
    EXPECT_EQ(j["actors"]["gained"], 1);
    EXPECT_EQ(j["actors"]["lost"], 0);
    EXPECT_EQ(j["ties"]["kept"], 2);
    EXPECT_EQ(j["ties"]["gained"], 1);
    EXPECT_EQ(j["ties"]["lost"], 1);
}

// CSV networks with real string ids keep matching by id, even when a label changed: firm a was
// renamed between the waves and is still kept (by label it would be lost and gained).
TEST(CompareTwoMatching, StringIdsMatchById) {
    TempDir dir;
    dir.file("A/nodes.csv", "Id,Label,locality\na,Alpha,local\nb,Beta,local\nc,Gamma,global\n");
    dir.file("A/edges.csv", "Source,Target,Weight\na,b,1\nb,c,1\n");
    dir.file("B/nodes.csv", "Id,Label,locality\na,Alpha Ltd,local\nb,Beta,local\nc,Gamma,global\n");
    dir.file("B/edges.csv", "Source,Target,Weight\na,b,1\nb,c,1\n");
    const auto r = testing::run({"compare", dir.path("A"), dir.path("B"), "-o", dir.path("out")});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("actors matched by id\n"), std::string::npos) << r.out;
    const auto j = nlohmann::json::parse(slurp(dir.path("out/comparison.json")));
    EXPECT_EQ(j["matched_by"], "id");
    EXPECT_EQ(j["actors"]["kept"], 3);
    EXPECT_EQ(j["actors"]["gained"], 0);
    EXPECT_EQ(j["actors"]["lost"], 0);
    EXPECT_EQ(j["ties"]["kept"], 2);
}

// Duplicate labels: --match label is an input error naming them; auto falls back to ids and
// says why.
TEST(CompareTwoMatching, DuplicateLabels) {
    TempDir dir;
    const auto a =
        dir.file("a.net", "*Vertices 3\n1 \"Ann\"\n2 \"Bo\"\n3 \"Bo\"\n*Edges\n1 2 1\n2 3 1\n");
    const auto b = dir.file("b.net", "*Vertices 3\n1 \"Bo\"\n2 \"Ann\"\n3 \"Cy\"\n*Edges\n1 2 1\n");
    const auto map = locality_by_label(dir, R"("Ann")");
    auto r =
        testing::run({"compare", a, b, "--map", map, "--match", "label", "-o", dir.path("out")});
    EXPECT_EQ(r.code, 1) << r.out << r.err;
    EXPECT_NE(r.err.find(a + ": error: cannot match actors by label (--match label): duplicate "
                             "labels 'Bo' (actors 2, 3); every actor needs a label unique within "
                             "its network (or use --match id)"),
              std::string::npos)
        << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path("out/comparison.json")));

    r = testing::run({"compare", a, b, "--map", map, "-o", dir.path("out")});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("actors matched by id, although Pajek vertex numbers are positions, not "
                         "identities: labels not used, " +
                         a + " has duplicate labels 'Bo' (actors 2, 3)\n"),
              std::string::npos)
        << r.out;
    const auto j = nlohmann::json::parse(slurp(dir.path("out/comparison.json")));
    EXPECT_EQ(j["matched_by"], "id");
}

TEST(CompareTwoMatching, MatchOptionMisuse) {
    TempDir dir;
    write_waves(dir);
    auto r = testing::run(
        {"compare", dir.path("A"), dir.path("B"), "--match", "name", "-o", dir.path("out")});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--match takes id, label or auto, not 'name'"), std::string::npos)
        << r.err;
    r = testing::run({"compare", dir.path("A"), "--match", "label", "-o", dir.path("out")});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--match applies to two networks"), std::string::npos) << r.err;
}

// GraphML written by python-igraph: positional node ids n0..n33 and the actor names in the
// `name` attribute (MANIFEST.md; the file's first node is <node id="n0"> with name m0).
TEST(CompareTwoMatching, IgraphGraphmlIdsArePositionsAndNamesAreLabels) {
    const auto path = testing::corpus("graphml/ig_written.graphml");
    SKIP_WITHOUT_CORPUS(path);
    const auto net = load_network({path}, {});
    ASSERT_EQ(net.actor_count(), 34u);
    EXPECT_NE(scoring::positional_ids(net).find("ids n0..n33 in order"), std::string::npos)
        << scoring::positional_ids(net);
    EXPECT_EQ(scoring::matching_label(net, 0), "m0");
    EXPECT_EQ(scoring::matching_label(net, 33), "m33");
}

// The same in a compare: two igraph-style GraphML waves, nodes in another order, match by name.
// A: x-y, y-z. B lists z, y, x (n0 = z): its ties n0-n1 (z-y) and n1-n2 (y-x) are A's two ties.
TEST(CompareTwoMatching, GraphmlNamesMatch) {
    TempDir dir;
    auto graphml = [](const std::vector<std::string>& names, const std::string& edges) {
        std::string s =
            "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
            "<key id=\"v_name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
            "<key id=\"v_loc\" for=\"node\" attr.name=\"locality\" attr.type=\"string\"/>\n"
            "<graph edgedefault=\"undirected\">\n";
        for (std::size_t i = 0; i < names.size(); ++i)
            s += "<node id=\"n" + std::to_string(i) + "\"><data key=\"v_name\">" + names[i] +
                 "</data><data key=\"v_loc\">" + (names[i] == "x" ? "local" : "global") +
                 "</data></node>\n";
        return s + edges + "</graph>\n</graphml>\n";
    };
    const auto a = dir.file("a.graphml", graphml({"x", "y", "z"},
                                                 "<edge source=\"n0\" target=\"n1\"/>\n"
                                                 "<edge source=\"n1\" target=\"n2\"/>\n"));
    const auto b = dir.file("b.graphml", graphml({"z", "y", "x"},
                                                 "<edge source=\"n0\" target=\"n1\"/>\n"
                                                 "<edge source=\"n1\" target=\"n2\"/>\n"));
    const auto r = testing::run({"compare", a, b, "-o", dir.path("out")});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("actors matched by label (ids n0..n2 in order"), std::string::npos)
        << r.out;
    EXPECT_EQ(tie_status(dir.path("out")),
              (std::map<std::string, std::string>{{"x-y", "kept 1 1"}, {"y-z", "kept 1 1"}}));
}

}  // namespace
}  // namespace clusterlens
