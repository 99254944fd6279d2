// Pajek export: names, ids, partitions and relations (write.hpp), and how read_pajek reads the
// "%clusterlens id" and "%clusterlens class" comment lines back. Expected texts are written by
// hand from the format described in write.hpp.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "graphs/load.hpp"
#include "graphs/readers.hpp"
#include "graphs/write.hpp"
#include "reader_test_helpers.hpp"
#include "test_files.hpp"

namespace clusterlens {
namespace {
using testing::error_of;
using testing::TempDir;

/// f1 -> f2 (knowledge, 2), f2 -> uni (knowledge, 1), f1 -> uni (business, 3); f1 a focal firm.
Network two_relations() {
    std::vector<Actor> actors(3);
    const char* ids[] = {"f1", "f2", "uni"};
    const char* labels[] = {"Firm One", "Firm Two", "Uni Tartu"};
    for (int i = 0; i < 3; ++i) actors[i].id = ids[i], actors[i].label = labels[i];
    actors[0].part = Part::core, actors[0].focal = true, actors[0].type = "firm";
    actors[2].part = Part::assisting, actors[2].type = "university";
    return Network::build(actors, true, {0, 1, 1, 2, 0, 2}, {2, 1, 3}, {"knowledge", "business"},
                          {0, 0, 1});
}

TEST(WritePajek, LabelsOnVertexLinesIdsOnCommentLinesRelationsInBlocks) {
    std::ostringstream out;
    write_pajek(two_relations(), out);
    EXPECT_EQ(out.str(),
              "% 2 relations, one *Arcs/*Edges block each (Pajek reads them; igraph and NetworkX "
              "do not: read the files with one relation each)\n"
              "% actor ids (the vertex lines carry the labels); clusterlens reads them back\n"
              "%clusterlens id 1 \"f1\"\n%clusterlens id 2 \"f2\"\n%clusterlens id 3 \"uni\"\n"
              "*Vertices 3\n1 \"Firm One\"\n2 \"Firm Two\"\n3 \"Uni Tartu\"\n"
              "*Arcs :1 \"knowledge\"\n1 2 2\n2 3 1\n*Arcs :2 \"business\"\n1 3 3\n");
    std::ostringstream one;
    write_pajek_relation(two_relations(), 1, one);
    EXPECT_NE(one.str().find("*Vertices 3\n"), std::string::npos);
    EXPECT_EQ(one.str().substr(one.str().find("*Arcs")), "*Arcs\n1 3 3\n");
}

TEST(WritePajek, PartitionCodesTypesInTheFixedOrder) {
    std::ostringstream out;
    write_pajek_partition(two_relations(), "type", out);
    // known_actor_types(): firm 1, university 2, ... other 10.
    EXPECT_EQ(out.str().substr(out.str().find("*Vertices")), "*Vertices 3\n1\n0\n2\n");
    EXPECT_NE(out.str().find("%clusterlens class 10 \"other\"\n"), std::string::npos);
}

TEST(WritePajek, FilesNextToTheNetAndTheirRoundTrip) {
    TempDir dir;
    const auto net = two_relations();
    const auto path = dir.path("c.net");
    const std::vector<std::string> expected = {path,
                                               dir.path("c.part.clu"),
                                               dir.path("c.type.clu"),
                                               dir.path("c.focal.clu"),
                                               dir.path("c.knowledge.net"),
                                               dir.path("c.business.net")};
    EXPECT_EQ(output_files_for(path, net), expected);
    EXPECT_EQ(write_network(net, path, {}), expected);
    const auto back = load_network({path, expected[1], expected[2], expected[3]}, {});
    ASSERT_EQ(back.actor_count(), 3u);
    EXPECT_EQ(back.actor(0).id, "f1");
    EXPECT_EQ(back.actor(0).label, "Firm One");
    EXPECT_EQ(back.actor(0).part, Part::core);
    EXPECT_TRUE(back.actor(0).focal);
    EXPECT_EQ(back.actor(2).type, "university");
    EXPECT_EQ(back.relations(), (std::vector<std::string>{"knowledge", "business"}));
    const auto business = load_network({expected[5]}, {});
    ASSERT_EQ(business.tie_count(), 1u);
    EXPECT_EQ(business.actor(business.source(0)).id, "f1");
    EXPECT_EQ(business.actor(business.target(0)).id, "uni");
    EXPECT_EQ(business.weight(0), 3);
}

TEST(WritePajek, AnInputIsNeverOverwrittenByAPartition) {
    TempDir dir;
    const auto clu = dir.file("c.part.clu", "*Vertices 3\n1\n1\n2\n");
    try {
        write_network(two_relations(), dir.path("c.net"), {clu});
        FAIL();
    } catch (const UsageError&) {
    }
    EXPECT_EQ(testing::slurp(clu), "*Vertices 3\n1\n1\n2\n");
    EXPECT_FALSE(std::filesystem::exists(dir.path("c.net")));
}

TEST(ReadPajek, IdLinesMustCoverEveryVertex) {
    TempDir dir;
    const auto some = dir.file(
        "some.net", "%clusterlens id 1 \"a\"\n*Vertices 2\n1 \"A\"\n2 \"B\"\n*Arcs\n1 2\n");
    EXPECT_EQ(error_of([&] { read_pajek(some); }),
              some +
                  ":1:1: error: 1 of the 2 vertices have a '%clusterlens id' line; give one "
                  "for every vertex, or remove them all (the vertex numbers are then the ids)");
    const auto out = dir.file("out.net", "%clusterlens id 3 \"a\"\n*Vertices 2\n");
    EXPECT_EQ(error_of([&] { read_pajek(out); }),
              out +
                  ":1:17: error: the '%clusterlens id' line names vertex 3, out of range 1..2; "
                  "fix the number or remove the line");
    const auto bad = dir.file("bad.net", "%clusterlens id one a\n*Vertices 2\n");
    EXPECT_EQ(error_of([&] { read_pajek(bad); }),
              bad +
                  ":1:17: error: a '%clusterlens id' line is '%clusterlens id k \"text\"' with "
                  "a whole number k; fix the line or remove it");
    // Any other comment stays a comment.
    const auto plain = dir.file("plain.net", "% clusterlens id 1 \"a\"\n*Vertices 1\n1 \"A\"\n");
    EXPECT_EQ(read_pajek(plain).actors.cell(0, 0), "1");
}

TEST(ReadPajek, ClassLinesGiveTheValuesAndNameAfterTheNetwork) {
    TempDir dir;
    const auto net = dir.file("w.net", "*Vertices 2\n1 \"A\"\n2 \"B\"\n*Edges\n1 2\n");
    const auto clu = dir.file("w.sector.clu",
                              "%clusterlens class 1 \"metal\"\n%clusterlens class 2 \"wood\"\n"
                              "*Vertices 2\n2\n1\n");
    const auto raw = read_pajek(net, {clu});
    const int c = raw.actors.find("sector");  // "w.sector.clu" of "w.net" -> sector
    ASSERT_GE(c, 0);
    EXPECT_EQ(raw.actors.cell(static_cast<std::size_t>(c), 0), "wood");
    EXPECT_EQ(raw.actors.cell(static_cast<std::size_t>(c), 1), "metal");
    const auto gap = dir.file("gap.clu", "%clusterlens class 1 \"metal\"\n*Vertices 2\n1\n3\n");
    EXPECT_EQ(error_of([&] { read_pajek(net, {gap}); }),
              gap +
                  ":4:1: error: class 3 has no '%clusterlens class' line saying what it stands "
                  "for; add one or remove the '%clusterlens class' lines");
}

}  // namespace
}  // namespace clusterlens
