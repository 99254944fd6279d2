// NetDraw VNA reader: hand-written inputs under tests/data/vna (see its README.md); every
// expected cell below is read off those files by eye.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "graphs/load.hpp"
#include "graphs/readers.hpp"
#include "reader_test_helpers.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using testing::cell;
using testing::column;
using testing::corpus;
using testing::data;
using testing::error_of;
using testing::temp_file;
using V = std::vector<std::string>;

TEST(ReadVna, NodeAndTieDataWithQuotesAndCrlf) {
    const auto path = data("vna/network.vna");
    const RawNetwork net = read_vna(path);
    EXPECT_EQ(net.format, "vna");
    EXPECT_EQ(net.sources, V{path});
    EXPECT_TRUE(net.actors_authoritative);
    ASSERT_TRUE(net.directed.has_value());
    EXPECT_TRUE(*net.directed);
    EXPECT_TRUE(net.warnings.empty());

    // *Node properties (lines 6-8): A's x 10 y 20 is its position, y negated (NetDraw: y down);
    // the color column is not kept.
    EXPECT_EQ(net.actors.names(), (V{"Id", "name", "department", "x", "y"}));
    EXPECT_EQ(column(net.actors, "x"), (V{"10", "", ""}));
    EXPECT_EQ(column(net.actors, "y"), (V{"-20", "", ""}));
    EXPECT_EQ(column(net.actors, "Id"), (V{"A", "B", "C"}));
    EXPECT_EQ(column(net.actors, "name"), (V{"Ann Lee", "Bob \"The Builder\" Jones", "Cat"}));
    EXPECT_EQ(column(net.actors, "department"), (V{"sales", "ops", ""}));
    EXPECT_EQ(net.actors.line(1), 4u);
    EXPECT_EQ(net.actors.pos(1, net.actors.find("department")).column, 31u);

    EXPECT_EQ(net.ties.names(), (V{"Source", "Target", "Weight", "kind"}));
    EXPECT_EQ(column(net.ties, "Source"), (V{"A", "B"}));
    EXPECT_EQ(column(net.ties, "Target"), (V{"B", "C"}));
    EXPECT_EQ(column(net.ties, "Weight"), (V{"2", "1.5"}));
    EXPECT_EQ(column(net.ties, "kind"), (V{"work tie", "social"}));
    EXPECT_EQ(net.ties.line(1), 12u);
    EXPECT_EQ(net.ties.pos(1, net.ties.find("Weight")).column, 5u);
}

TEST(ReadVna, TieDataOnly) {
    const RawNetwork net = read_vna(data("vna/ties_only.vna"));
    EXPECT_FALSE(net.actors_authoritative);
    EXPECT_EQ(net.actors.rows(), 0u);
    EXPECT_EQ(column(net.ties, "Source"), (V{"1", "2"}));
    EXPECT_EQ(column(net.ties, "Target"), (V{"2", "3"}));
    EXPECT_EQ(column(net.ties, "Weight"), (V{"3", "1"}));  // "weight" column
}

TEST(ReadVna, RowWidthDifferentFromHeaderIsAnError) {
    EXPECT_EQ(error_of([] { read_vna(data("vna/bad_width.vna")); }),
              data("vna/bad_width.vna") +
                  ":3:3: error: row has 2 values but the header of *tie data has 3 columns; quote "
                  "values that contain spaces and check for missing or extra values");
}

TEST(ReadVna, DataBeforeAnySectionIsAnError) {
    EXPECT_EQ(error_of([] { read_vna(data("vna/before_section.vna")); }),
              data("vna/before_section.vna") +
                  ":1:1: error: expected a section line such as '*node data' or '*tie data' "
                  "before the data");
}

TEST(ReadVna, EmptyFileIsAnError) {
    EXPECT_EQ(error_of([] { read_vna(data("vna/empty.vna")); }),
              data("vna/empty.vna") +
                  ": error: the file is empty; a VNA file has a '*tie data' section (and "
                  "optionally '*node data') with a header row and one row per tie");
}

TEST(ReadVna, OtherSyntaxErrors) {
    const auto unknown = temp_file("unknown.vna", "*edge data\nfrom to\n");
    EXPECT_EQ(error_of([&] { read_vna(unknown); }),
              unknown +
                  ":1:1: error: unknown section '*edge data'; a VNA file has '*node data', "
                  "'*node properties' and '*tie data' sections");
    const auto quote = temp_file("quote.vna", "*node data\nid name\n1 \"Ann\n");
    EXPECT_EQ(error_of([&] { read_vna(quote); }),
              quote +
                  ":3:3: error: the quoted value is never closed; add the closing '\"' on "
                  "the same line (a quote inside a value is written '\"\"')");
    const auto both = temp_file("both.vna", "*tie data\nfrom to strength Weight\n");
    EXPECT_EQ(error_of([&] { read_vna(both); }),
              both +
                  ":2:18: error: column 'Weight' clashes with column 3 ('strength', read as "
                  "'Weight') in the header row of *tie data; rename one of them (strength and "
                  "weight both mean the tie's weight)");
    const auto one = temp_file("one_column.vna", "*tie data\nfrom\n");
    EXPECT_EQ(error_of([&] { read_vna(one); }),
              one +
                  ":2:1: error: the *tie data header needs at least two columns (e.g. 'from to "
                  "strength'); the first two name the tie's ends");
}

TEST(ReadVna, SectionNamesAreCaseAndSpaceInsensitive) {
    const auto path =
        temp_file("sections.vna", "*NODE   DATA\nid\nx\n*Tie Properties\nfrom to color\nx x 1\n");
    const RawNetwork net = read_vna(path);
    EXPECT_EQ(column(net.actors, "Id"), V{"x"});
    EXPECT_EQ(net.ties.rows(), 0u);
    EXPECT_EQ(net.ties.names(), (V{"Source", "Target"}));
}

// ---- several relations (NetDraw's form: every column after from and to is a relation) ------

TEST(ReadVna, CorpusTwoRelationsZeroIsNoTie) {
    const auto path = corpus("vna/netdraw_two_relations_ws.vna");
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path;
    // Lines 7-10 of the file:        FROM TO advice friendship
    //                                "a" "b" 1 5    -> a->b advice 1, a->b friendship 5
    //                                "b" "c" 0 3    -> b->c friendship 3 (advice 0: no tie)
    //                                "c" "a" 2 0    -> c->a advice 2 (friendship 0: no tie)
    // MANIFEST.md: 3 actors; advice 2 ties, friendship 2 ties.
    const RawNetwork raw = read_vna(path);
    EXPECT_TRUE(raw.warnings.empty());
    EXPECT_EQ(column(raw.ties, "Source"), (V{"a", "a", "b", "c"}));
    EXPECT_EQ(column(raw.ties, "Target"), (V{"b", "b", "c", "a"}));
    EXPECT_EQ(column(raw.ties, "Weight"), (V{"1", "5", "3", "2"}));
    EXPECT_EQ(column(raw.ties, "relation"), (V{"advice", "friendship", "friendship", "advice"}));
    EXPECT_EQ(raw.ties.line(2), 9u);
    EXPECT_EQ(raw.ties.pos(2, raw.ties.find("Weight")).column, 11u);  // '"b" "c" 0 3': the 3

    const Network net = load_network({path}, {});
    EXPECT_EQ(net.actor_count(), 3u);
    EXPECT_TRUE(net.directed());  // a->b is not answered by b->a
    ASSERT_EQ(net.relations(), (V{"advice", "friendship"}));
    std::size_t advice = 0, friendship = 0;
    double advice_sum = 0, friendship_sum = 0;
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        (net.relation(e) == 0 ? advice : friendship) += 1;
        (net.relation(e) == 0 ? advice_sum : friendship_sum) += net.weight(e);
    }
    EXPECT_EQ(advice, 2u);
    EXPECT_EQ(friendship, 2u);
    EXPECT_EQ(advice_sum, 3.0);      // 1 + 2
    EXPECT_EQ(friendship_sum, 8.0);  // 5 + 3
}

TEST(ReadVna, OneValueColumnIsOneNamedRelation) {
    // No *node data; the row "c d 0" gives no tie, but c and d are still actors (NetDraw draws
    // them): actors a b c d in order of appearance, one tie a->b of weight 2.5 in "advice".
    const auto path = temp_file("one_relation.vna", "*tie data\nfrom to advice\na b 2.5\nc d 0\n");
    const RawNetwork raw = read_vna(path);
    EXPECT_EQ(column(raw.ties, "relation"), V{"advice"});
    EXPECT_EQ(column(raw.ties, "Weight"), V{"2.5"});
    EXPECT_EQ(column(raw.actors, "Id"), (V{"a", "b", "c", "d"}));
    EXPECT_FALSE(raw.actors_authoritative);
    const Network net = load_network({path}, {});
    EXPECT_EQ(net.actor_count(), 4u);
    ASSERT_EQ(net.tie_count(), 1u);
    EXPECT_EQ(net.relations(), V{"advice"});
    EXPECT_EQ(net.weight(0), 2.5);
}

TEST(ReadVna, StrengthColumnKeepsOneUnnamedRelation) {
    // Today's form, kept: 'strength' is the weight; the relation stays unnamed; a text column is
    // an attribute without a warning (NetDraw could not read text as a relation either).
    const auto path =
        temp_file("strength.vna", "*tie data\nfrom to strength kind\na b 2 x\nb c 1 y\n");
    const RawNetwork raw = read_vna(path);
    EXPECT_TRUE(raw.warnings.empty());
    EXPECT_EQ(raw.ties.names(), (V{"Source", "Target", "Weight", "kind"}));
    const Network net = load_network({path}, {});
    EXPECT_EQ(net.relations(), V{""});
    EXPECT_EQ(net.tie_count(), 2u);
}

TEST(ReadVna, StrengthWithANumericColumnWarnsWhichReadingWasTaken) {
    // Gephi's documentation example has 'from to friends strength': friends (1, 1) could be a
    // relation of its own (NetDraw) or an attribute (clusterlens' form). The attribute reading is
    // taken and the warning at the header cell of 'friends' (line 2, column 9) says so.
    const auto path =
        temp_file("friends.vna", "*Tie data\nfrom to friends strength\na b 1 1\nb a 1 2\n");
    const RawNetwork raw = read_vna(path);
    EXPECT_EQ(raw.ties.names(), (V{"Source", "Target", "friends", "Weight"}));
    ASSERT_EQ(raw.warnings.size(), 1u);
    EXPECT_EQ(raw.warnings[0].format(),
              path +
                  ":2:9: warning: column 'friends' of *Tie data read as a tie attribute, since "
                  "the header has a strength or weight column (clusterlens' own VNA form: one "
                  "weight per tie); NetDraw would read each column after from and to as a "
                  "relation of its own: to get that reading, rename the strength or weight "
                  "column to the relation's name");
    // With a relation column the file is clusterlens' own form: no warning.
    const auto own = temp_file("own.vna", "*tie data\nfrom to strength relation rank\na b 1 r 3\n");
    EXPECT_TRUE(read_vna(own).warnings.empty());
}

TEST(ReadVna, CommaSeparatedSections) {
    // NetDraw's comma form: the header rows have commas, so the rows are split at commas;
    // blanks around values are dropped and a quoted value may hold a comma.
    const auto path = temp_file("comma.vna",
                                "*Node data\n\"ID\", \"grp\"\n\"a\", 1\n\"b, c\", 2\nd,\n"
                                "*Tie data\n\"from\", \"to\", \"advice\", \"trust\"\n"
                                "\"a\", \"b, c\", 1, 0\nd, a, 0, 1.5\n");
    const RawNetwork raw = read_vna(path);
    EXPECT_EQ(column(raw.actors, "Id"), (V{"a", "b, c", "d"}));
    EXPECT_EQ(column(raw.actors, "grp"), (V{"1", "2", ""}));  // "d," : empty last value
    EXPECT_EQ(column(raw.ties, "Source"), (V{"a", "d"}));
    EXPECT_EQ(column(raw.ties, "Target"), (V{"b, c", "a"}));
    EXPECT_EQ(column(raw.ties, "relation"), (V{"advice", "trust"}));
    EXPECT_EQ(column(raw.ties, "Weight"), (V{"1", "1.5"}));
    EXPECT_EQ(raw.ties.pos(1, raw.ties.find("Weight")).column, 10u);  // "d, a, 0, 1.5"
    // A row written with spaces under a comma header is one value: a width error.
    const auto mixed = temp_file("comma_mixed.vna", "*tie data\nfrom, to, advice\na b 1\n");
    EXPECT_EQ(error_of([&] { read_vna(mixed); }),
              mixed +
                  ":3:1: error: row has 1 values but the header of *tie data has 3 columns; "
                  "separate values with commas as the header row does and check for missing or "
                  "extra values");
}

TEST(ReadVna, BadRelationValuesAreErrors) {
    const std::string hint =
        "; every *tie data column after from and to is a relation (as NetDraw reads it) and "
        "holds tie strengths: 0 for no tie, a positive number such as 1 or 2.5 for a tie";
    // A negative value is a signed tie, kept for assembly's --negative policy (guard_rails_test).
    const auto negative = temp_file("negative.vna", "*tie data\nfrom to advice trust\na b 1 -2\n");
    EXPECT_EQ(column(read_vna(negative).ties, "Weight"), (std::vector<std::string>{"1", "-2"}));
    const auto text = temp_file("text.vna", "*tie data\nfrom to advice\na b 1\nb c yes\n");
    EXPECT_EQ(error_of([&] { read_vna(text); }),
              text + ":4:5: error: value 'yes' of relation 'advice' is not a number" + hint);
    const auto inf = temp_file("inf.vna", "*tie data\nfrom to advice\na b inf\n");
    EXPECT_EQ(error_of([&] { read_vna(inf); }),
              inf + ":3:5: error: value 'inf' of relation 'advice' is not finite" + hint);
    const auto empty = temp_file("empty_value.vna", "*tie data\nfrom,to,advice\na,b,\n");
    EXPECT_EQ(error_of([&] { read_vna(empty); }),
              empty +
                  ":3:5: error: empty value of relation 'advice'; write 0 for no tie or a tie "
                  "strength such as 1 or 2.5");
    const auto clash = temp_file("clash.vna", "*tie data\nfrom to advice Advice\n");
    EXPECT_EQ(error_of([&] { read_vna(clash); }),
              clash +
                  ":2:16: error: column 'Advice' clashes with column 3 ('advice', read as "
                  "'advice') in the header row of *tie data; rename one of them");
}

}  // namespace
}  // namespace clusterlens
