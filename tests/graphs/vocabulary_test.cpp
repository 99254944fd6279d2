// The cluster vocabulary (graphs/vocabulary.hpp): the linkage of a tie decided once, the firm
// and institute types, and the one-relation precondition every measure shares.
#include "graphs/vocabulary.hpp"

#include <gtest/gtest.h>

#include "graphs/network.hpp"

namespace clusterlens {
namespace {

TEST(Vocabulary, LinkageOfEveryPairOfLocalities) {
    using L = Locality;
    EXPECT_EQ(linkage(L::local, L::local), Linkage::buzz);
    EXPECT_EQ(linkage(L::local, L::global), Linkage::pipeline);
    EXPECT_EQ(linkage(L::global, L::local), Linkage::pipeline);
    EXPECT_EQ(linkage(L::global, L::global), Linkage::extra_local);
    // An end of unspecified locality: none of the three (render used to call it extra-local).
    for (const auto other : {L::local, L::global, L::unspecified}) {
        EXPECT_EQ(linkage(L::unspecified, other), Linkage::unknown);
        EXPECT_EQ(linkage(other, L::unspecified), Linkage::unknown);
    }
    EXPECT_EQ(to_string(Linkage::buzz), "buzz");
    EXPECT_EQ(to_string(Linkage::pipeline), "pipeline");
    EXPECT_EQ(to_string(Linkage::extra_local), "extra_local");
    EXPECT_EQ(to_string(Linkage::unknown), "");
}

TEST(Vocabulary, FirmsAndInstitutesPartitionTheKnownTypesButOther) {
    std::size_t firms = 0, institutes = 0;
    for (const auto& t : known_actor_types()) {
        EXPECT_FALSE(is_firm_type(t) && is_institute_type(t)) << t;
        firms += is_firm_type(t);
        institutes += is_institute_type(t);
    }
    EXPECT_EQ(firms, 4U);       // firm, customer, supplier, subcontractor
    EXPECT_EQ(institutes, 5U);  // university, research, government, intermediary, consultant
    EXPECT_TRUE(is_firm_type("supplier"));
    EXPECT_FALSE(is_firm_type("other"));
    EXPECT_FALSE(is_institute_type("other"));
}

TEST(Vocabulary, OneRelationPreconditionNamesTheRelations) {
    std::vector<Actor> actors(3);
    for (std::size_t i = 0; i < 3; ++i) actors[i].id = std::to_string(i);
    const auto two = Network::build(actors, false, {0, 1, 1, 2}, {1, 1}, {"a", "b"}, {0, 1});
    EXPECT_THROW(require_one_relation(two, "x"), UsageError);
    try {
        require_one_relation(two, "openness");
    } catch (const UsageError& e) {
        EXPECT_STREQ(e.what(),
                     "openness: the network holds ties of 2 relations (\"a\", \"b\"); measure one "
                     "relation at a time (Network::select_relation; on the command line "
                     "--relation)");
    }
    EXPECT_NO_THROW(require_one_relation(two.select_relation(1), "openness"));
    // Two relations declared, ties of one used: fine.
    const auto one = Network::build(actors, false, {0, 1, 1, 2}, {1, 1}, {"a", "b"}, {1, 1});
    EXPECT_NO_THROW(require_one_relation(one, "openness"));
}

}  // namespace
}  // namespace clusterlens
