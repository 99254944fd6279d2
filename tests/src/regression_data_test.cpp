// The table explain regresses (src/stats/regression_data): listwise deletion with its reasons,
// dummies against the most frequent level, mean tie strength, and the usage errors, on a
// five-actor network scored by score_relation (values by hand in the comments).
#include "src/stats/regression_data.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "graphs/error.hpp"
#include "src/score/score.hpp"

namespace clusterlens {
namespace {

using scoring::regression_data;

Actor actor(const std::string& id, const std::string& type, Part part, Locality locality) {
    Actor a;
    a.id = id;
    a.type = type;
    a.part = part;
    a.locality = locality;
    return a;
}

// a, b local firms; c a local university; d a global research institute; e a local firm
// without ties. Ties a-b 2, a-c 1, b-d 3, c-d 1. Input attribute size: a 10, b 20, c empty,
// d 5, e 7; region: a north, b south, c north, d west, e empty.
Network scored_network() {
    std::vector<Actor> actors{actor("a", "firm", Part::core, Locality::local),
                              actor("b", "firm", Part::core, Locality::local),
                              actor("c", "university", Part::assisting, Locality::local),
                              actor("d", "research", Part::external, Locality::global),
                              actor("e", "firm", Part::core, Locality::local)};
    auto net =
        Network::build(actors, false, {0, 1, 0, 2, 1, 3, 2, 3}, {2, 1, 3, 1}, {""}, {0, 0, 0, 0});
    net.actor_attributes().set_numbers("size", {10, 20, std::nan(""), 5, 7});
    net.actor_attributes().set_texts("region", {"north", "south", "north", "west", ""});
    scoring::ScoreOptions o;
    o.ei.permutations = 0;
    auto scored = scoring::score_relation(net, o).network;
    scoring::add_mean_tie_strength(scored);
    return scored;
}

std::string usage_error(const Network& net, const std::string& outcome,
                        const std::vector<std::string>& predictors) {
    try {
        regression_data(net, outcome, predictors);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(RegressionData, ListwiseDeletionWithReasonsAndDummies) {
    const auto net = scored_network();
    const auto d = regression_data(net, "size", {"mean_tie_strength", "type"});
    // mean tie strength s/k: a (2+1)/2 = 1.5, b (2+3)/2 = 2.5, c (1+1)/2 = 1, d (3+1)/2 = 2,
    // e NaN (isolate). c has no size, e no mean tie strength: used a, b, d.
    ASSERT_EQ(d.rows, (std::vector<std::size_t>{0, 1, 3}));
    EXPECT_EQ(d.y, (std::vector<double>{10, 20, 5}));
    EXPECT_EQ(d.reasons[2], "missing size");
    EXPECT_EQ(d.reasons[4], "missing mean_tie_strength");
    ASSERT_EQ(d.dropped.size(), 2u);
    EXPECT_EQ(d.dropped_total, 2u);
    EXPECT_EQ(d.dropped[0].reason, "missing mean_tie_strength (isolates)");
    EXPECT_EQ(d.dropped[1].reason, "missing size");
    // type among the used: firm 2, research 1 -> reference firm, one dummy.
    ASSERT_EQ(d.design.names, (std::vector<std::string>{"mean_tie_strength", "type=research"}));
    EXPECT_EQ(d.design.columns[0], (std::vector<double>{1.5, 2.5, 2}));
    EXPECT_EQ(d.design.columns[1], (std::vector<double>{0, 0, 1}));
    ASSERT_EQ(d.references.size(), 1u);
    EXPECT_EQ(d.references[0].level, "firm");
    EXPECT_EQ(d.references[0].actors, 2u);
}

TEST(RegressionData, ReferenceIsTheMostFrequentLevelTiesAlphabetically) {
    const auto net = scored_network();
    // Over all five actors (degree is defined for each): local 4, global 1 -> local; core 3,
    // assisting 1, external 1 -> core, dummies in alphabetical order.
    const auto d = regression_data(net, "degree", {"locality", "part"});
    EXPECT_EQ(d.references[0].level, "local");
    EXPECT_EQ(d.references[1].level, "core");
    EXPECT_EQ(d.references[1].others, (std::vector<std::string>{"assisting", "external"}));
    // region among the actors used (a north, b south, d west; c has no size, e no region):
    // one each, so the first alphabetically, north.
    const auto e = regression_data(net, "size", {"region"});
    ASSERT_EQ(e.rows, (std::vector<std::size_t>{0, 1, 3}));
    EXPECT_EQ(e.references[0].level, "north");
    EXPECT_EQ(e.design.names, (std::vector<std::string>{"region=south", "region=west"}));
    EXPECT_EQ(e.reasons[4], "missing region");
}

TEST(RegressionData, Errors) {
    const auto net = scored_network();
    auto err = usage_error(net, "nope", {"closeness"});
    EXPECT_NE(err.find("--outcome 'nope' is not an actor column; numeric columns: degree,"),
              std::string::npos)
        << err;
    EXPECT_NE(err.find("mean_tie_strength"), std::string::npos) << err;
    err = usage_error(net, "typology", {"closeness"});
    EXPECT_NE(err.find("--outcome 'typology' is categorical (text), not numeric; numeric "
                       "columns: degree,"),
              std::string::npos)
        << err;
    err = usage_error(net, "size", {"closeness", "closeness"});
    EXPECT_EQ(err, "predictor 'closeness' is listed twice in --predictors");
    err = usage_error(net, "size", {"size"});
    EXPECT_EQ(err, "'size' is the outcome; it cannot also be a predictor");
    err = usage_error(net, "size", {"id"});
    EXPECT_NE(err.find("predictor 'id' identifies actors"), std::string::npos) << err;
    err = usage_error(net, "size", {"focal"});
    EXPECT_NE(err.find("predictor 'focal' has one level ('false') among the 4 actors used"),
              std::string::npos)
        << err;
}

}  // namespace
}  // namespace clusterlens
