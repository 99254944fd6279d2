// Guard rails: a wrong id column said as such, the --negative policy for signed
// networks, locality values that match no actor, and unknown file extensions. Every expected
// message and count is worked out by hand from the tiny inputs here, or (corpus files) counted
// outside clusterlens as noted at the test.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "graphs/assemble.hpp"
#include "graphs/load.hpp"
#include "graphs/readers.hpp"
#include "tests/graphs/reader_test_helpers.hpp"
#include "tests/graphs/test_files.hpp"
#include "tests/test_paths.hpp"

namespace clusterlens {
namespace {
using testing::corpus;
using testing::error_of;
using testing::load_error;
using testing::TempDir;

#define SKIP_WITHOUT_CORPUS(path) \
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << (path)

std::map<std::string, std::size_t> ties_per_relation(const Network& net) {
    std::map<std::string, std::size_t> out;
    for (std::size_t e = 0; e < net.tie_count(); ++e) ++out[net.relations()[net.relation(e)]];
    return out;
}

std::string warnings_of(const Network& net) {
    std::string out;
    for (const auto& w : net.report().warnings) out += w.format() + "\n";
    return out;
}

// ---- the id column -------------------------------------------------------------------

// Ties name people; the actor table's Id column holds numbers, its Name column the names.
TEST(GuardRails, TiesNamingAnotherColumnSayTheIdColumnIsWrong) {
    TempDir dir;
    const auto nodes = dir.file("nodes.csv", "Id,Name\n1,ann\n2,bob\n3,cy\n4,dan\n");
    const auto edges = dir.file("edges.csv", "Source,Target\nann,bob\nbob,cy\ncy,dan\n");
    // The distinct ends are ann, bob, cy, dan: none is an Id; all four are in Name. The first
    // unknown end is 'ann' at line 2, column 1.
    EXPECT_EQ(load_error({nodes, edges}),
              edges +
                  ":2:1: error: none of the 4 actors the ties name is in the id column 'Id' "
                  "of " +
                  nodes +
                  " (the first is 'ann'); 4 of them are in its column 'Name': the ties "
                  "probably name actors by 'Name'; make it the id column in a mapping file "
                  "([actors] id = \"Name\") (--create-missing would add 4 actors with no "
                  "attributes)");
    // With --create-missing the network loads (4 + 4 actors) and the warning says the same.
    LoadOptions create;
    create.assemble.create_missing_actors = true;
    const auto net = load_network({nodes, edges}, create);
    EXPECT_EQ(net.actor_count(), 8u);
    EXPECT_NE(warnings_of(net).find("4 actors created for tie ends missing from the actor table "
                                    "(--create-missing); none of the 4 actors the ties name is "
                                    "in the id column 'Id'"),
              std::string::npos)
        << warnings_of(net);
    // Named in a mapping, Name is the id and everything matches: 4 actors, 3 ties.
    LoadOptions mapped;
    mapped.mapping.actor_id = "Name";
    const auto ok = load_network({nodes, edges}, mapped);
    EXPECT_EQ(ok.actor_count(), 4u);
    EXPECT_EQ(ok.tie_count(), 3u);
}

TEST(GuardRails, MostEndsUnknownWithoutAMatchingColumnListsTheColumns) {
    TempDir dir;
    const auto nodes = dir.file("nodes.csv", "Id,city\na,Tartu\nb,Tallinn\n");
    // Ends a, x, y, z: three of four unknown (more than half), in no column.
    const auto edges = dir.file("edges.csv", "Source,Target\na,x\ny,z\n");
    EXPECT_EQ(load_error({nodes, edges}),
              edges +
                  ":2:3: error: 3 of the 4 actors the ties name are not in the id column "
                  "'Id' of " +
                  nodes +
                  " (the first is 'x'); the ties probably refer to actors by another column "
                  "than 'Id' (columns: Id, city); name the right one in a mapping file ([actors] "
                  "id = \"...\") (--create-missing would add 3 actors with no attributes)");
}

TEST(GuardRails, AFewUnknownEndsKeepThePerTieError) {
    TempDir dir;
    const auto nodes = dir.file("nodes.csv", "Id\na\nb\nc\n");
    // One unknown end of four: an ordinary typo, reported where it is.
    const auto edges = dir.file("edges.csv", "Source,Target\na,b\nb,c\nc,zz\n");
    EXPECT_EQ(load_error({nodes, edges}),
              edges + ":4:3: error: tie refers to unknown actor 'zz', which is not in " + nodes +
                  "; add the actor or pass --create-missing");
}

// MANIFEST.md: the Quakers ties name people; with [actors] id = "Name", 119 actors and 174
// ties (kiara's own counts for these files).
TEST(GuardRails, QuakersCorpusNamesTheNameColumn) {
    const auto nodes = corpus("csv/quakers_wrong_id/quakers_nodelist.csv");
    const auto edges = corpus("csv/quakers_wrong_id/quakers_edgelist.csv");
    SKIP_WITHOUT_CORPUS(nodes);
    const auto msg = load_error({nodes, edges});
    EXPECT_EQ(msg.rfind(edges +
                            ":2:1: error: none of the 119 actors the ties name is in the id "
                            "column 'ID' of " +
                            nodes +
                            " (the first is 'George Keith'); 119 of them are in its "
                            "column 'Name'",
                        0),
              0u)
        << msg;
    LoadOptions mapped;
    mapped.mapping.actor_id = "Name";
    const auto net = load_network({nodes, edges}, mapped);
    EXPECT_EQ(net.actor_count(), 119u);
    EXPECT_EQ(net.tie_count(), 174u);
}

// ---- signed networks ---------------------------------------------------------------------

TEST(GuardRails, NegativeTiesErrorDropOrSplit) {
    TempDir dir;
    const auto edges = dir.file("signed.csv", "Source,Target,Weight\na,b,2\nb,c,-1\nc,a,-3\n");
    // Two of three ties are negative; the first is -1 at line 3, column 5.
    EXPECT_EQ(load_error({edges}),
              edges +
                  ":3:5: error: the network has negative ties (a signed network): 2 of 3 ties "
                  "have a value below 0, the first is -1; clusterlens needs positive tie "
                  "strengths: pass --negative drop to leave negative ties out, or --negative "
                  "split to read them as a relation of their own ('negative', or "
                  "'<relation>_negative') with positive strengths");
    LoadOptions drop;
    drop.assemble.negative = NegativeTies::drop;
    const auto dropped = load_network({edges}, drop);
    EXPECT_EQ(dropped.tie_count(), 1u);
    EXPECT_EQ(dropped.actor_count(), 3u);  // c keeps its place as an actor
    EXPECT_EQ(warnings_of(dropped),
              edges + ":3:5: warning: 2 negative ties left out (--negative drop; first here)\n");
    LoadOptions split;
    split.assemble.negative = NegativeTies::split;
    const auto both = load_network({edges}, split);
    const auto rel = ties_per_relation(both);
    ASSERT_EQ(rel.size(), 2u);
    EXPECT_EQ(rel.at(""), 1u);
    EXPECT_EQ(rel.at("negative"), 2u);
    double negative_total = 0;
    for (std::size_t e = 0; e < both.tie_count(); ++e)
        if (both.relations()[both.relation(e)] == "negative") negative_total += both.weight(e);
    EXPECT_DOUBLE_EQ(negative_total, 4.0);  // |-1| + |-3|
}

TEST(GuardRails, NegativeTiesOfANamedRelationSplitBesideIt) {
    TempDir dir;
    const auto edges =
        dir.file("rel.csv", "Source,Target,Weight,relation\na,b,1,trust\nb,c,-2,trust\n");
    LoadOptions split;
    split.assemble.negative = NegativeTies::split;
    const auto rel = ties_per_relation(load_network({edges}, split));
    EXPECT_EQ(rel, (std::map<std::string, std::size_t>{{"trust", 1}, {"trust_negative", 1}}));
    // One negative weight alone reads as a typo first, with the signed choices after.
    EXPECT_EQ(load_error({edges}),
              edges +
                  ":3:5: error: weight must be a positive number (tie strength), got '-2'; "
                  "remove the tie or give it a strength > 0, or, if the network is signed, "
                  "pass --negative drop to leave negative ties out, or --negative split to "
                  "read them as a relation of their own ('negative', or "
                  "'<relation>_negative') with positive strengths");
    EXPECT_THROW(parse_negative_ties("keep"), UsageError);
    EXPECT_EQ(parse_negative_ties("SPLIT"), NegativeTies::split);
}

// Slovene parliamentary parties (pajek/Stranke94.net), a signed *Matrix: 54 of the 90 non-zero
// off-diagonal cells are negative, 36 positive (counted with a Python one-liner over the
// matrix rows, outside clusterlens); the first, -215, is row 1 column 2: line 29, column 6.
TEST(GuardRails, Stranke94CorpusUnderEachPolicy) {
    const auto path = corpus("pajek/Stranke94.net");
    SKIP_WITHOUT_CORPUS(path);
    const auto msg = load_error({path});
    EXPECT_EQ(msg.rfind(path + ":29:6: error: the network has negative ties (a signed network): "
                               "54 of 90 ties have a value below 0, the first is -215;",
                        0),
              0u)
        << msg;
    LoadOptions drop;
    drop.assemble.negative = NegativeTies::drop;
    EXPECT_EQ(load_network({path}, drop).tie_count(), 36u);
    LoadOptions split;
    split.assemble.negative = NegativeTies::split;
    const auto rel = ties_per_relation(load_network({path}, split));
    EXPECT_EQ(rel, (std::map<std::string, std::size_t>{{"", 36}, {"negative", 54}}));
    // The CLI takes the policy by name: tests/cli/guard_rails_cli_test.cpp.
}

// ---- locality values ---------------------------------------------------------------------

TEST(GuardRails, LocalityValuesMatchingNoActorAreReported) {
    TempDir dir;
    const auto nodes = dir.file("nodes.csv", "Id,country\na,EE\nb,FI\nc,EE\n");
    const auto edges = dir.file("edges.csv", "Source,Target\na,b\nb,c\n");
    LoadOptions o;
    o.mapping.locality_rule = LocalityRule{"country", {"ee"}, {}};
    const auto net = load_network({nodes, edges}, o);
    for (std::size_t i = 0; i < net.actor_count(); ++i)
        EXPECT_EQ(net.actor(i).locality, Locality::global);  // "ee" is not "EE"
    EXPECT_EQ(warnings_of(net),
              nodes +
                  ": warning: locality value 'ee' (local) matches no actor's 'country'; it "
                  "matches when case is ignored: pass --local-ignore-case (or ignore_case = "
                  "true in [actors.locality])\n");
    o.mapping.locality_rule->ignore_case = true;
    const auto fixed = load_network({nodes, edges}, o);
    EXPECT_EQ(fixed.actor(0).locality, Locality::local);
    EXPECT_EQ(fixed.actor(1).locality, Locality::global);
    EXPECT_EQ(fixed.actor(2).locality, Locality::local);
    EXPECT_EQ(warnings_of(fixed), "");
    // A value found in no spelling: the warning lists the values the column holds.
    o.mapping.locality_rule = LocalityRule{"country", {}, {"SE"}};
    EXPECT_EQ(warnings_of(load_network({nodes, edges}, o)),
              nodes +
                  ": warning: locality value 'SE' (global) matches no actor's 'country'; "
                  "values there include 'EE', 'FI': check the spelling\n");
    // Through the CLI (--local with --local-ignore-case): tests/cli/guard_rails_cli_test.cpp.
}

// ---- file extensions ---------------------------------------------------------------------

TEST(GuardRails, UnknownExtensionsListTheFormats) {
    TempDir dir;
    const auto sav = dir.file("survey.sav", "x");
    const auto msg = load_error({sav});
    EXPECT_EQ(msg.rfind("usage: cannot read " + sav +
                            ": '.sav' is not a format clusterlens reads (an SPSS file: export the "
                            "ties as CSV); clusterlens reads csv (.csv .tsv",
                        0),
              0u)
        << msg;
    EXPECT_NE(msg.find("rename the file or name its format with --format NAME"), std::string::npos);
    const auto bare = dir.file("network", "a b\n");
    EXPECT_EQ(load_error({bare}).rfind("usage: cannot tell the format of " + bare +
                                           ": it has no extension; clusterlens reads ",
                                       0),
              0u);
}

// A file whose name does not say its format is read by its content, and a warning says so.
TEST(GuardRails, FormatToldByContentWhenTheNameDoesNot) {
    TempDir dir;
    const auto pajek = dir.file("survey_export", "*Vertices 2\n1 \"a\"\n2 \"b\"\n*Edges\n1 2\n");
    const auto net = load_network({pajek}, {});
    EXPECT_EQ(net.report().format, "pajek");
    EXPECT_EQ(net.tie_count(), 1u);
    EXPECT_EQ(warnings_of(net), pajek +
                                    ": warning: read as Pajek from its content (a *vertices "
                                    "line), not from its name; use --format to choose "
                                    "another reading\n");
    const auto graphml = dir.file(
        "g.dat",
        "<?xml version=\"1.0\"?>\n<!-- exported -->\n<graphml "
        "xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<graph edgedefault=\"undirected\">"
        "<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"/></graph></graphml>\n");
    EXPECT_EQ(load_network({graphml}, {}).report().format, "graphml");
    const auto gml = dir.file("g.out",
                              "Creator \"x\"\ngraph\n[\n node [ id 1 ]\n node [ id 2 ]\n"
                              " edge [ source 1 target 2 ]\n]\n");
    EXPECT_EQ(load_network({gml}, {}).report().format, "gml");
    const auto vna = dir.file("v.dat", "*node data\nID\na\nb\n*tie data\nfrom to\na b\n");
    EXPECT_EQ(load_network({vna}, {}).report().format, "vna");
    // An edge list's first line names no format: still refused, with the list of formats.
    const auto plain = dir.file("ties.dat", "a b\nb c\n");
    EXPECT_EQ(
        load_error({plain}).rfind("usage: cannot read " + plain + ": '.dat' is not a format", 0),
        0u);
}

}  // namespace
}  // namespace clusterlens
