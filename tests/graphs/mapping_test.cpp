// Mapping files: the shipped CORDIS mapping and the errors a mistyped mapping gets.
#include "graphs/mapping.hpp"

#include <gtest/gtest.h>

#include "graphs/error.hpp"
#include "test_files.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {
using testing::TempDir;

TEST(Mapping, ShippedCordisMapping) {
    const auto m = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
    EXPECT_EQ(m.actor_id, "pic");
    EXPECT_EQ(m.type, "activity_type");
    EXPECT_EQ(m.type_values.at("PRC"), "firm");
    EXPECT_EQ(m.type_values.at("HES"), "university");
    EXPECT_EQ(m.type_values.at("REC"), "research");
    EXPECT_EQ(m.type_values.at("PUB"), "government");
    EXPECT_EQ(m.type_values.at("OTH"), "intermediary");
    ASSERT_TRUE(m.locality_rule.has_value());
    EXPECT_EQ(m.locality_rule->column, "country");
    EXPECT_EQ(m.locality_rule->local_values, std::vector<std::string>{"EE"});
    EXPECT_EQ(m.source, "source_pic");
    EXPECT_EQ(m.directed, std::optional<bool>(false));
    EXPECT_FALSE(m.reverse_arcs);
}

TEST(Mapping, KnowledgeFlowAndGlobalRule) {
    TempDir dir;
    const auto m =
        load_mapping(dir.file("m.toml",
                              "[actors.locality]\ncolumn = \"region\"\nglobal = [\"abroad\"]\n"
                              "[ties]\ndirected = true\nknowledge_flow = \"target_to_source\"\n"));
    EXPECT_TRUE(m.reverse_arcs);
    EXPECT_EQ(m.locality_rule->global_values, std::vector<std::string>{"abroad"});
}

std::string error_of(const std::string& path) {
    try {
        load_mapping(path);
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(Mapping, PatternColumns) {
    TempDir dir;
    const auto p =
        dir.file("p.toml", "[patterns]\nability = [\"mgmt\", \"design\"]\ntrigger = [\"lead\"]\n");
    const auto m = load_mapping(p);
    EXPECT_EQ(m.ability_columns, (std::vector<std::string>{"mgmt", "design"}));
    EXPECT_EQ(m.trigger_columns, (std::vector<std::string>{"lead"}));
}

TEST(Mapping, Errors) {
    TempDir dir;
    auto p = dir.file("a.toml", "[actor]\nid = \"x\"\n");
    EXPECT_EQ(error_of(p), p + ":1:1: error: unknown key 'actor' in the mapping file; accepted "
                               "keys: actors, files, patterns, ties");
    p = dir.file("b.toml", "[ties]\ndirected = \"no\"\n");
    EXPECT_EQ(error_of(p), p + ":2:12: error: 'directed' must be true or false");
    p = dir.file("c.toml", "[actors.part_values]\nSME = \"centre\"\n");
    EXPECT_EQ(error_of(p), p + ":2:7: error: 'centre' is not a known value for part_values; "
                               "accepted: core, assisting, external");
    p = dir.file("d.toml", "[actors.locality]\ncolumn = \"country\"\n");
    EXPECT_EQ(
        error_of(p),
        p + ":1:1: error: [actors.locality] needs exactly one of local = [...] or global = [...]");
    p = dir.file("e.toml", "[actors]\nid = \n");
    EXPECT_NE(error_of(p).find(":2:"), std::string::npos);  // TOML syntax error with its line
    p = dir.file("f.toml", "[patterns]\nability = [\"m\"]\n");
    EXPECT_EQ(error_of(p), p + ":1:1: error: [patterns] needs both ability = [...] and trigger = "
                               "[...] (the actor columns holding each kind of score)");
    p = dir.file("g.toml", "[patterns]\nability = [\"m\"]\ntriggers = [\"l\"]\n");
    EXPECT_NE(error_of(p).find("unknown key 'triggers' in [patterns]"), std::string::npos)
        << error_of(p);
}

}  // namespace
}  // namespace clusterlens
