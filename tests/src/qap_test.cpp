// QAP and MRQAP (src/stats/qap, qap_dyads): small cases worked by hand, R sna's gcor, qaptest and
// netlm on reference networks (tests/data/oracle/qap_oracle.json, made by qap_oracle.R: values
// equal to 1e-9, Monte Carlo p-values within the bound below, exact enumerations equal count for
// count), the dyadic covariates and missing values, thread-count identity, and the errors.
#include "src/stats/qap.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "graphs/error.hpp"
#include "graphs/load.hpp"
#include "src/stats/qap_dyads.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using scoring::DyadicData;
using scoring::QapOptions;

nlohmann::json oracle() {
    std::ifstream in(testing::data("oracle/qap_oracle.json"));
    return nlohmann::json::parse(in);
}

Network reference(const std::string& name) {
    return load_network({testing::data("reference/networkdata_" + name + ".graphml")}, {});
}

void expect_close(double expected, double actual, const std::string& what) {
    EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::abs(expected))) << what;
}

/// Two Monte Carlo estimates of one p from n1 and n2 permutations agree when they differ by at
/// most 4 standard errors of their difference, sqrt(p(1-p)(1/n1 + 1/n2)) at their mean p, plus
/// 1/min(n1, n2) for the discreteness (a p of 0 against 1/n). Four standard errors: a false
/// alarm about once in 16,000 comparisons.
void expect_monte_carlo(double r_value, double ours, double n1, double n2, const std::string& w) {
    const double p = (r_value + ours) / 2;
    const double bound = 4 * std::sqrt(p * (1 - p) * (1 / n1 + 1 / n2)) + 1 / std::min(n1, n2);
    EXPECT_LE(std::abs(ours - r_value), bound) << w << ": ours " << ours << ", R " << r_value;
}

std::uint32_t relation(const Network& net, const std::string& name) {
    for (std::uint32_t r = 0; r < net.relations().size(); ++r)
        if (net.relations()[r] == name) return r;
    ADD_FAILURE() << "no relation " << name;
    return 0;
}

/// One relation of its own file as the outcome, others (each the only relation of its file) as
/// predictors, then the covariates.
DyadicData reference_data(const std::vector<std::string>& files,
                          const std::vector<std::string>& covariates) {
    const auto y = reference(files[0]);
    scoring::DyadicBuild b;
    for (const auto& c : covariates) b.covariates.push_back(scoring::parse_covariate(c));
    auto set = scoring::relation_dyads(y, {0}, b);
    for (std::size_t k = files.size(); k-- > 1;) {
        const auto x = reference(files[k]);
        auto col = scoring::relation_dyads(x, {0}, {}).data.y;
        set.data.predictors.names.insert(set.data.predictors.names.begin(), files[k]);
        set.data.predictors.columns.insert(set.data.predictors.columns.begin(), col);
    }
    return set.data;
}

/// The data over the first m actors only.
DyadicData first_actors(const DyadicData& d, std::size_t m) {
    DyadicData out;
    out.actors = m;
    out.directed = d.directed;
    out.outcome = d.outcome;
    out.predictors.names = d.predictors.names;
    out.predictors.columns.assign(d.predictors.columns.size(), {});
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < m; ++j) {
            if (i == j || (!d.directed && j > i)) continue;
            const auto k = scoring::dyad_index(i, j, d.actors, d.directed);
            out.y.push_back(d.y[k]);
            for (std::size_t c = 0; c < d.predictors.columns.size(); ++c)
                out.predictors.columns[c].push_back(d.predictors.columns[c][k]);
        }
    return out;
}

TEST(Qap, DyadOrder) {
    // Directed, n = 3: (0,1) (0,2) (1,0) (1,2) (2,0) (2,1).
    EXPECT_EQ(scoring::dyad_count(3, true), 6u);
    EXPECT_EQ(scoring::dyad_index(0, 1, 3, true), 0u);
    EXPECT_EQ(scoring::dyad_index(1, 0, 3, true), 2u);
    EXPECT_EQ(scoring::dyad_index(2, 1, 3, true), 5u);
    // Undirected, n = 4: {1,0} {2,0} {2,1} {3,0} {3,1} {3,2}, either order.
    EXPECT_EQ(scoring::dyad_count(4, false), 6u);
    EXPECT_EQ(scoring::dyad_index(0, 2, 4, false), 1u);
    EXPECT_EQ(scoring::dyad_index(3, 2, 4, false), 5u);
    EXPECT_EQ(scoring::dyad_count(1, true), 0u);
}

/// n = 3 directed, Y = {0→1, 1→2}, X = {0→1}: y = (1,0,0,1,0,0), x = (1,0,0,0,0,0) over the six
/// dyads. ȳ = 1/3, x̄ = 1/6; Sxy = 1 − 6·(1/3)(1/6) = 2/3, Sxx = 1 − 1/6 = 5/6, Syy = 2 − 2/3 = 4/3,
/// r = (2/3)/√(10/9) = 2/√10. A relabelling moves X's one arc to π⁻¹(0)→π⁻¹(1), each of the six
/// arcs once over the 3! relabellings; it lands on a Y arc in 2 of them (r* = 2/√10) and off in 4
/// (r* = (0 − 1/3)/√(10/9) = −1/√10). Exact: p_two_sided = p_greater = 2/6, p_less = 6/6.
DyadicData three_actors() {
    DyadicData d;
    d.actors = 3;
    d.outcome = "y";
    d.y = {1, 0, 0, 1, 0, 0};
    d.predictors = {{"x"}, {{1, 0, 0, 0, 0, 0}}};
    return d;
}

TEST(Qap, HandComputedCorrelationAndExactP) {
    QapOptions o;
    o.permutations = 6;  // 3! = 6 <= 6: exact
    const auto c = scoring::qap_correlation(three_actors(), o);
    EXPECT_NEAR(c.r, 2 / std::sqrt(10.0), 1e-15);
    EXPECT_TRUE(c.run.exact);
    EXPECT_EQ(c.run.permutations, 6u);
    EXPECT_DOUBLE_EQ(c.p.two_sided, 2.0 / 6);
    EXPECT_DOUBLE_EQ(c.p.greater, 2.0 / 6);
    EXPECT_DOUBLE_EQ(c.p.less, 1.0);
    EXPECT_EQ(c.dyads, 6u);
    // 5 < 3!: random relabellings, each r* one of the two values above.
    o.permutations = 5;
    const auto r = scoring::qap_correlation(three_actors(), o);
    EXPECT_FALSE(r.run.exact);
    EXPECT_EQ(r.run.permutations, 5u);
    EXPECT_DOUBLE_EQ(r.p.two_sided, r.p.greater);
    EXPECT_DOUBLE_EQ(r.p.less, 1.0);
    o.permutations = 0;  // no test
    EXPECT_TRUE(std::isnan(scoring::qap_correlation(three_actors(), o).p.two_sided));
}

TEST(Qap, NoTieAmongTheDyadsLeavesTheTestUndefined) {
    // Y = 0 on every dyad: r = 0/0 and every t = 0/0; NaN, not a p-value.
    auto d = three_actors();
    d.y.assign(6, 0.0);
    const auto c = scoring::qap_correlation(d);
    EXPECT_TRUE(std::isnan(c.r));
    EXPECT_TRUE(std::isnan(c.p.two_sided) && std::isnan(c.p.greater) && std::isnan(c.p.less));
    d.predictors.names.push_back("x2");
    d.predictors.columns.push_back({0, 1, 0, 0, 1, 0});
    for (const auto method :
         {scoring::MrqapMethod::semi_partialling, scoring::MrqapMethod::y_permutation}) {
        QapOptions o;
        o.method = method;
        const auto m = scoring::mrqap(d, o);
        EXPECT_TRUE(std::isnan(m.r2));
        for (const auto& t : m.terms) EXPECT_TRUE(std::isnan(t.p.two_sided)) << t.name;
    }
}

TEST(Qap, OnePredictorRegressionTestsAsTheCorrelation) {
    // With one predictor the slope's t is a monotone function of r (t = r√df/√(1−r²)), and
    // semi-partialling permutes x − x̄, so over all n! relabellings its p equals the
    // correlation's; permuting Y instead gives the same set of r* (π and π⁻¹), so the same p.
    const auto d = first_actors(reference_data({"ht_advice", "ht_friends"}, {}), 6);
    QapOptions o;
    o.permutations = 720;  // 6!
    const auto c = scoring::qap_correlation(d, o);
    const auto dsp = scoring::mrqap(d, o);
    o.method = scoring::MrqapMethod::y_permutation;
    const auto y = scoring::mrqap(d, o);
    ASSERT_TRUE(c.run.exact);
    for (const auto* m : {&dsp, &y}) {
        EXPECT_DOUBLE_EQ(m->terms[1].p.two_sided, c.p.two_sided);
        EXPECT_DOUBLE_EQ(m->terms[1].p.greater, c.p.greater);
        EXPECT_DOUBLE_EQ(m->terms[1].p.less, c.p.less);
    }
}

TEST(Qap, CorrelationsEqualSnaGcorAndQaptest) {
    const auto json = oracle();
    const auto sampson_path = testing::corpus("ucinet/SAMPSON.DAT");
    for (const auto& c : json["correlations"]) {
        const std::string name = c["name"];
        DyadicData d;
        if (name.rfind("ht", 0) == 0) {
            d = reference_data({"ht_advice", "ht_friends"}, {});
        } else if (name.rfind("flo", 0) == 0) {
            d = reference_data({"flo_marriage", "flo_business"}, {});
        } else {
            if (!std::filesystem::exists(sampson_path)) continue;  // the shared corpus
            const auto net = load_network({sampson_path}, {});
            scoring::DyadicBuild b;
            b.binary = name.find("binary") != std::string::npos;
            d = scoring::relation_dyads(net, {relation(net, "SAMPLK3"), relation(net, "SAMPLK1")},
                                        b)
                    .data;
        }
        QapOptions o;
        const auto r = scoring::qap_correlation(d, o);
        expect_close(c["r"], r.r, name + " r");
        ASSERT_FALSE(r.run.exact);
        const double n_r = c["reps"];
        expect_monte_carlo(c["p_two_sided"], r.p.two_sided, n_r, 10000, name + " two-sided");
        expect_monte_carlo(c["p_greater"], r.p.greater, n_r, 10000, name + " greater");
        expect_monte_carlo(c["p_less"], r.p.less, n_r, 10000, name + " less");
    }
}

TEST(Qap, RegressionsEqualSnaNetlm) {
    const auto json = oracle();
    for (const auto& c : json["regressions"]) {
        const std::string name = c["name"];
        const bool ht = name.rfind("ht", 0) == 0;
        const auto d = ht ? reference_data({"ht_advice", "ht_friends", "ht_reports"},
                                           {"same:dept", "diff:age"})
                          : reference_data({"flo_marriage", "flo_business"}, {"diff:wealth"});
        ASSERT_EQ(d.y.size(), c["dyads"].get<std::size_t>()) << name;
        QapOptions o;
        o.method = c["nullhyp"] == "qapy" ? scoring::MrqapMethod::y_permutation
                                          : scoring::MrqapMethod::semi_partialling;
        const auto m = scoring::mrqap(d, o);
        ASSERT_EQ(m.terms.size(), c["coef"].size()) << name;
        for (std::size_t j = 0; j < m.terms.size(); ++j) {
            const auto what = name + " " + std::string(c["nullhyp"]) + " " + m.terms[j].name;
            expect_close(c["coef"][j], m.terms[j].coef, what + " coefficient");
            expect_close(c["t"][j], m.terms[j].t, what + " t");
            expect_close(c["se"][j], m.terms[j].se, what + " se");
            if (j > 0) expect_close(c["beta"][j], m.terms[j].beta, what + " beta");
            const double n_r = c["reps"];
            expect_monte_carlo(c["p_two_sided"][j], m.terms[j].p.two_sided, n_r, 10000,
                               what + " two-sided");
            expect_monte_carlo(c["p_greater"][j], m.terms[j].p.greater, n_r, 10000,
                               what + " greater");
            expect_monte_carlo(c["p_less"][j], m.terms[j].p.less, n_r, 10000, what + " less");
        }
        expect_close(c["r2"], m.r2, name + " R2");
        expect_close(c["adj_r2"], m.adj_r2, name + " adjusted R2");
    }
}

TEST(Qap, ExactEnumerationEqualsRByHand) {
    const auto json = oracle();
    const auto& e = json["exact"];
    ASSERT_EQ(e.size(), 5u);
    QapOptions o;  // 10,000 >= 7! = 5040: exact
    auto expect_counts = [](const nlohmann::json& c, const scoring::PermutationP& p,
                            const std::string& what) {
        const double n = 5040;  // 7!
        EXPECT_DOUBLE_EQ(p.two_sided, c["count_two_sided"].get<double>() / n) << what;
        EXPECT_DOUBLE_EQ(p.greater, c["count_greater"].get<double>() / n) << what;
        EXPECT_DOUBLE_EQ(p.less, c["count_less"].get<double>() / n) << what;
    };
    const auto ht = first_actors(reference_data({"ht_advice", "ht_friends"}, {}), 7);
    const auto flo = first_actors(reference_data({"flo_marriage", "flo_business"}, {}), 7);
    for (const auto& [data, c] : {std::pair{&ht, &e[0]}, std::pair{&flo, &e[1]}}) {
        const auto r = scoring::qap_correlation(*data, o);
        ASSERT_TRUE(r.run.exact);
        ASSERT_EQ(r.run.permutations, 5040u);
        expect_close((*c)["r"], r.r, (*c)["name"]);
        expect_counts(*c, r.p, (*c)["name"]);
    }
    // Regressions: ht directed by semi-partialling and by permuting Y, flo undirected.
    const auto ht_age = first_actors(reference_data({"ht_advice", "ht_friends"}, {"diff:age"}), 7);
    const auto flo_wealth =
        first_actors(reference_data({"flo_marriage", "flo_business"}, {"diff:wealth"}), 7);
    const std::vector<std::pair<const DyadicData*, scoring::MrqapMethod>> fits = {
        {&ht_age, scoring::MrqapMethod::semi_partialling},
        {&ht_age, scoring::MrqapMethod::y_permutation},
        {&flo_wealth, scoring::MrqapMethod::semi_partialling}};
    for (std::size_t c = 0; c < fits.size(); ++c) {
        const auto& expected = e[c + 2];
        o.method = fits[c].second;
        const auto m = scoring::mrqap(*fits[c].first, o);
        ASSERT_TRUE(m.run.exact);
        ASSERT_EQ(m.terms.size(), expected["terms"].size());
        for (std::size_t j = 0; j < m.terms.size(); ++j) {
            const auto what = std::string(expected["name"]) + " " + m.terms[j].name;
            expect_close(expected["terms"][j]["t"], m.terms[j].t, what + " t");
            expect_counts(expected["terms"][j], m.terms[j].p, what);
        }
    }
}

TEST(Qap, SameResultsForAnyThreadCount) {
    const auto d = reference_data({"ht_advice", "ht_friends", "ht_reports"}, {"same:dept"});
    QapOptions o;
    o.permutations = 3000;
    o.seed = 7;
    std::vector<scoring::Mrqap> runs;
    for (const unsigned t : {1u, 2u, 3u, 0u}) {
        o.threads = t;
        runs.push_back(scoring::mrqap(d, o));
    }
    for (const auto& r : runs)
        for (std::size_t j = 0; j < r.terms.size(); ++j) {
            EXPECT_EQ(r.terms[j].p.two_sided, runs[0].terms[j].p.two_sided);
            EXPECT_EQ(r.terms[j].p.greater, runs[0].terms[j].p.greater);
            EXPECT_EQ(r.terms[j].p.less, runs[0].terms[j].p.less);
        }
    o.seed = 8;  // another seed, other relabellings: some p differs
    const auto other = scoring::mrqap(d, o);
    bool differs = false;
    for (std::size_t j = 0; j < other.terms.size(); ++j)
        differs = differs || other.terms[j].p.two_sided != runs[0].terms[j].p.two_sided ||
                  other.terms[j].p.greater != runs[0].terms[j].p.greater;
    EXPECT_TRUE(differs);
}

/// Four actors a b c d, directed ties a→b (2), b→c (1), c→a (3); attributes: type firm, firm,
/// university, firm; locality local, local, global, unspecified for d; size 10, 20, 50, missing.
Network four_actors() {
    std::vector<Actor> actors(4);
    const char* ids[] = {"a", "b", "c", "d"};
    const char* types[] = {"firm", "firm", "university", "firm"};
    const Locality loc[] = {Locality::local, Locality::local, Locality::global,
                            Locality::unspecified};
    for (std::size_t i = 0; i < 4; ++i) {
        actors[i].id = ids[i];
        actors[i].type = types[i];
        actors[i].locality = loc[i];
    }
    auto net = Network::build(actors, true, {0, 1, 1, 2, 2, 0}, {2, 1, 3}, {"knows"}, {0, 0, 0});
    net.actor_attributes().set_numbers("size", {10, 20, 50, std::nan("")});
    net.actor_attributes().set_texts("city", {"Tartu", "Tallinn", "Tallinn", "x"});
    return net;
}

TEST(QapDyads, CovariatesAndMissingValues) {
    scoring::DyadicBuild b;
    for (const char* c : {"same_type", "both_local", "diff:size", "same:city"})
        b.covariates.push_back(scoring::parse_covariate(c));
    const auto set = scoring::relation_dyads(four_actors(), {0}, b);
    // d has no locality (both_local) and no size: left out with its 3·2 = 6 of the 12 dyads.
    ASSERT_EQ(set.data.actors, 3u);
    EXPECT_EQ(set.dyads_dropped, 6u);
    ASSERT_EQ(set.dropped_actors, std::vector<std::string>{"d"});
    EXPECT_EQ(set.dropped_because, std::vector<std::string>{"both_local"});
    EXPECT_EQ(set.data.outcome, "knows");
    // Dyads (a,b) (a,c) (b,a) (b,c) (c,a) (c,b).
    EXPECT_EQ(set.data.y, (std::vector<double>{2, 0, 0, 1, 3, 0}));
    const auto& cols = set.data.predictors.columns;
    ASSERT_EQ(set.data.predictors.names,
              (std::vector<std::string>{"same_type", "both_local", "diff:size", "same:city"}));
    EXPECT_EQ(cols[0], (std::vector<double>{1, 0, 1, 0, 0, 0}));        // a, b firms
    EXPECT_EQ(cols[1], (std::vector<double>{1, 0, 1, 0, 0, 0}));        // a, b local
    EXPECT_EQ(cols[2], (std::vector<double>{10, 40, 10, 30, 40, 30}));  // |10−20|, |10−50|, ...
    EXPECT_EQ(cols[3], (std::vector<double>{0, 0, 0, 1, 0, 1}));        // b, c in Tallinn
    b.binary = true;
    EXPECT_EQ(scoring::relation_dyads(four_actors(), {0}, b).data.y,
              (std::vector<double>{1, 0, 0, 1, 1, 0}));
}

TEST(QapDyads, WavesMatchActorsAndKeepThoseInBoth) {
    // B lists the actors in another order and lacks d; A's ties must follow the ids.
    const auto a = four_actors();
    std::vector<Actor> actors(3);
    const char* ids[] = {"c", "a", "b"};
    for (std::size_t i = 0; i < 3; ++i) actors[i].id = ids[i];
    const auto b = Network::build(actors, true, {1, 2}, {5}, {"knows"}, {0});  // a→b
    const auto set = scoring::wave_dyads(a, 0, b, 0, {}, {});
    EXPECT_EQ(set.matching, "actors matched by id");
    EXPECT_EQ(set.only_in_a, 1u);
    EXPECT_EQ(set.only_in_b, 0u);
    ASSERT_EQ(set.actor_ids, (std::vector<std::string>{"c", "a", "b"}));
    // Dyads in B's order: (c,a) (c,b) (a,c) (a,b) (b,c) (b,a).
    EXPECT_EQ(set.data.y, (std::vector<double>{0, 0, 0, 5, 0, 0}));
    EXPECT_EQ(set.data.predictors.columns[0], (std::vector<double>{3, 0, 0, 2, 1, 0}));
    EXPECT_EQ(set.data.outcome, "B:knows");
    EXPECT_EQ(set.data.predictors.names[0], "A:knows");
}

std::string usage_message(const std::function<void()>& f) {
    try {
        f();
    } catch (const UsageError& e) {
        return e.what();
    }
    return "(no UsageError)";
}

TEST(QapDyads, Errors) {
    const auto net = four_actors();
    EXPECT_EQ(usage_message([] { scoring::parse_covariate("same_size"); }),
              "--covariates: unknown covariate 'same_size'; the covariates are same_locality, "
              "same_type, same_part, both_local, same:ATTR and diff:ATTR (ATTR an actor "
              "attribute)");
    scoring::DyadicBuild b;
    b.covariates = {scoring::parse_covariate("diff:weight")};
    EXPECT_EQ(usage_message([&] { scoring::relation_dyads(net, {0}, b); }),
              "--covariates diff:weight: no actor attribute 'weight'; the actors have type, "
              "part, locality, stage, group, focal, size, city");
    b.covariates = {scoring::parse_covariate("diff:city")};
    EXPECT_EQ(usage_message([&] { scoring::relation_dyads(net, {0}, b); }),
              "--covariates diff:city needs a numeric attribute; 'city' is 'Tartu' for actor a "
              "(use same:city for a category)");
    EXPECT_EQ(usage_message([&] {
                  scoring::relation_dyads(net, {0, 0}, {});
              }),
              "--relations: 'knows' is listed twice");
    // same_type and same:type are the same column: collinear, named, in dyadic words.
    b.covariates = {scoring::parse_covariate("same_type"), scoring::parse_covariate("same:type")};
    const auto d = scoring::relation_dyads(net, {0}, b).data;
    EXPECT_EQ(usage_message([&] { scoring::mrqap(d, {}); }),
              "predictors are collinear: 'same:type' is a linear combination of same_type; drop "
              "one of them from the predictors");
    auto one = d;
    one.predictors.names.pop_back();
    one.predictors.columns.pop_back();
    EXPECT_EQ(usage_message([&] { scoring::mrqap(one, {}), scoring::qap_correlation(d, {}); }),
              "qap correlation takes one predictor, not 2");
}

}  // namespace
}  // namespace clusterlens
