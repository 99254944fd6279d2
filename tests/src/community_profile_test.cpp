// Community profiles (src/communities/profile.hpp): each community's composition and ties,
// checked by hand on two triangles joined by a bridge.
#include "src/communities/profile.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "graphs/error.hpp"
#include "src/centrality_helpers.hpp"

namespace clusterlens {
namespace {

using scoring::CommunityOptions;
using testing::expect_close;

/// a, b, c: local (a, b core firms, c a university, a focal); d, e, f: external firms. Triangles
/// abc and def, each tie weight 1, and the bridge c-d of weight 2.
Network two_triangles(bool directed = false) {
    std::vector<Actor> actors(6);
    for (std::size_t i = 0; i < 6; ++i) {
        actors[i].id = std::string(1, static_cast<char>('a' + i));
        actors[i].locality = i < 3 ? Locality::local : Locality::global;
        actors[i].part = i < 2 ? Part::core : i == 2 ? Part::assisting : Part::external;
        actors[i].type = i == 2 ? "university" : "firm";
    }
    actors[0].focal = true;
    actors[2].label = "Uni C";
    const std::vector<std::int64_t> ends = {0, 1, 0, 2, 1, 2, 3, 4, 3, 5, 4, 5, 2, 3};
    std::vector<double> w(7, 1.0);
    w[6] = 2;
    return Network::build(actors, directed, ends, w, {""}, std::vector<std::uint32_t>(7, 0));
}

/// The two triangles as the partition (profiles take any partition; which one a method finds
/// is tested in communities_test.cpp: a single Leiden run here stops at {a,b} {c,d} {e,f}, a
/// local optimum, which is why runs default to 10).
scoring::CommunityResult triangles_found(const Network& net, const CommunityOptions& o) {
    scoring::CommunityResult r;
    r.method = o.method;
    r.runs = 1;
    r.membership = {0, 0, 0, 1, 1, 1};
    r.count = 2;
    r.modularity = scoring::modularity(net, r.membership, o.resolution, o.weighted);
    r.co_assignment.assign(6, std::nan(""));
    return r;
}

TEST(CommunityProfile, TwoTrianglesByHand) {
    const auto net = two_triangles();
    CommunityOptions o;  // leiden, weighted
    const auto found = triangles_found(net, o);
    // Betweenness by hand: c and d each lie on the 6 shortest paths across the bridge.
    const std::vector<double> between = {0, 0, 6, 6, 0, 0};
    const std::vector<std::string> dims = {"firm_firm", "multi_angle", "multi_angle", "other",
                                           "other",     "other",       "pipeline"};
    const auto rows = scoring::community_profiles(net, found, o, between, dims);
    ASSERT_EQ(rows.size(), 2u);
    const auto& r = rows[0];
    EXPECT_EQ(r.community, 1);
    EXPECT_EQ(r.size, 3u);
    EXPECT_EQ(r.focal, 1u);
    EXPECT_EQ(r.by_part.at("core"), 2u);
    EXPECT_EQ(r.by_part.at("assisting"), 1u);
    EXPECT_EQ(r.by_type.at("firm"), 2u);
    EXPECT_EQ(r.by_locality.at("local"), 3u);
    EXPECT_EQ(r.internal_ties, 3u);
    EXPECT_EQ(r.external_ties, 1u);
    expect_close(r.internal_density, 1.0, "3 of 3 pairs");
    expect_close(r.mean_strength_inside, 1.0, "inside");
    expect_close(r.mean_strength_outside, 2.0, "the bridge");
    expect_close(r.ei, (1.0 - 3) / (1 + 3), "E-I in ties");
    expect_close(r.ei_valued, (2.0 - 3) / (2 + 3), "E-I in weights");
    // Weighted: m = 8, W_c = 3, K_c = 2 + 2 + 4 = 8: 3/8 - (8/16)^2 = 0.125 for both.
    expect_close(r.modularity_contribution, 0.125, "Q term");
    expect_close(rows[1].modularity_contribution, 0.125, "Q term");
    expect_close(r.modularity_contribution + rows[1].modularity_contribution, found.modularity,
                 "terms sum to Q");
    EXPECT_EQ(r.top_brokers, (std::vector<std::size_t>{2}));
    EXPECT_EQ(rows[1].top_brokers, (std::vector<std::size_t>{3}));
    EXPECT_EQ(r.learning_dimensions.at("multi_angle"), 2u);
    EXPECT_EQ(r.learning_dimensions.at("firm_firm"), 1u);
    EXPECT_EQ(r.learning_dimensions.count("pipeline"), 0u);  // the bridge is not internal
    EXPECT_EQ(rows[1].learning_dimensions.at("other"), 3u);
}

TEST(CommunityProfile, UnweightedTermsAndDirectedDensity) {
    CommunityOptions o;
    o.weighted = false;
    const auto net = two_triangles();
    const auto found = triangles_found(net, o);
    const auto rows = scoring::community_profiles(net, found, o, {}, {});
    // m = 7, W_c = 3, K_c = 2 + 2 + 3 = 7: 3/7 - (7/14)^2.
    expect_close(rows[0].modularity_contribution, 3.0 / 7 - 0.25, "unweighted Q term");
    EXPECT_TRUE(rows[0].top_brokers.empty());
    EXPECT_TRUE(rows[0].learning_dimensions.empty());
    // Directed: the same arcs one way each: 3 arcs of the 6 ordered pairs.
    const auto dnet = two_triangles(true);
    const auto dfound = triangles_found(dnet, o);
    const auto drows = scoring::community_profiles(dnet, dfound, o, {}, {});
    expect_close(drows[0].internal_density, 0.5, "3 of 6 ordered pairs");
}

TEST(CommunityProfile, AgreementWithLocalityTypeAndPart) {
    const auto net = two_triangles();
    CommunityOptions o;
    const auto found = triangles_found(net, o);
    const auto s = scoring::community_summary(net, found, o);
    EXPECT_EQ(s.sizes, (std::vector<std::size_t>{3, 3}));
    ASSERT_EQ(s.agreement.size(), 3u);
    EXPECT_EQ(s.agreement[0].partition, "locality");
    expect_close(s.agreement[0].nmi, 1.0, "communities = locality");
    expect_close(s.agreement[0].adjusted_rand, 1.0, "communities = locality");
    // Type: firm, firm, university | firm, firm, firm. NMI = 2 I / (H(X) + H(Y)) by hand:
    // H(X) = ln 2; H(Y) = -(5/6 ln 5/6 + 1/6 ln 1/6); H(Y|X) = 1/2 H(2/3, 1/3); I = H(Y) - H(Y|X).
    const double hx = std::log(2.0);
    const double hy = -(5.0 / 6 * std::log(5.0 / 6) + 1.0 / 6 * std::log(1.0 / 6));
    const double hyx = 0.5 * -(2.0 / 3 * std::log(2.0 / 3) + 1.0 / 3 * std::log(1.0 / 3));
    expect_close(s.agreement[1].nmi, 2 * (hy - hyx) / (hx + hy), "type NMI");
    // Adjusted Rand by hand (Hubert & Arabie): contingency [[2,1],[3,0]] (rows: communities,
    // columns: firm, university): sum C(n_ij,2) = 1 + 3 = 4; rows: C(3,2) * 2 = 6; columns:
    // C(5,2) + 0 = 10; expected = 6 * 10 / C(6,2) = 4; max = (6 + 10)/2 = 8: (4 - 4)/(8 - 4) = 0.
    expect_close(s.agreement[1].adjusted_rand, 0.0, "type ARI");
    EXPECT_EQ(s.agreement[2].partition, "part");
    EXPECT_EQ(s.agreement[2].actors, 6u);
}

TEST(CommunityProfile, TableHasAColumnPerKindThatOccurs) {
    const auto net = two_triangles();
    CommunityOptions o;
    const auto found = triangles_found(net, o);
    const std::vector<std::string> dims = {"firm_firm", "multi_angle", "multi_angle", "other",
                                           "other",     "other",       "pipeline"};
    const auto rows = scoring::community_profiles(net, found, o, {0, 0, 6, 6, 0, 0}, dims);
    std::ostringstream out;
    scoring::write_community_table(net, rows, dims, out);
    const std::string header =
        "community,size,focal,part_assisting,part_core,part_external,type_firm,"
        "type_university,locality_global,locality_local,internal_ties,external_ties,"
        "internal_density,mean_strength_inside,mean_strength_outside,ei,ei_valued,"
        "modularity_contribution,top_brokers,ties_firm_firm,ties_multi_angle,ties_other,"
        "ties_pipeline\n";
    const std::string row1 = "1,3,1,1,2,0,2,1,0,3,3,1,1,1,2,-0.5,-0.2,0.125,Uni C,1,2,0,0\n";
    const std::string row2 = "2,3,0,0,0,3,3,0,3,0,3,1,1,1,2,-0.5,-0.2,0.125,d,0,0,3,0\n";
    EXPECT_EQ(out.str(), header + row1 + row2);
}

TEST(CommunityProfile, TenLeidenRunsFindTheTriangles) {
    const auto net = two_triangles();
    CommunityOptions o;
    o.runs = 10;
    const auto found = scoring::detect_communities(net, o);
    EXPECT_EQ(found.membership, (std::vector<int>{0, 0, 0, 1, 1, 1}));
    expect_close(found.modularity, 0.25, "2 x 0.125");
}

TEST(CommunityProfile, WrongLengthsAreUsageErrors) {
    const auto net = two_triangles();
    CommunityOptions o;
    const auto found = triangles_found(net, o);
    EXPECT_THROW(scoring::community_profiles(net, found, o, {1, 2}, {}), UsageError);
    EXPECT_THROW(scoring::community_profiles(net, found, o, {}, {"x"}), UsageError);
}

}  // namespace
}  // namespace clusterlens
