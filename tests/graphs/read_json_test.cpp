// NetworkX node-link JSON. The small file below is what networkx.node_link_data gives for a
// MultiDiGraph with integer node ids (NetworkX 2.8 writes "key" on multigraph links); the
// expected cells are read off it by hand.
#include <gtest/gtest.h>

#include "graphs/load.hpp"
#include "graphs/readers.hpp"
#include "tests/graphs/reader_test_helpers.hpp"

namespace clusterlens {
namespace {
using testing::cell;
using testing::column;
using testing::error_of;
using testing::temp_file;
using V = std::vector<std::string>;

TEST(ReadJson, NodeLinkAsNetworkxWritesIt) {
    const auto path = temp_file("nl.json",
                                R"({"directed": true, "multigraph": true, "graph": {},
 "nodes": [{"id": 1, "label": "Acme", "size": 2.5, "tags": [1, 2]}, {"id": 2, "focal": true}],
 "links": [{"source": 1, "target": 2, "weight": 2, "relation": "advice", "key": 0},
           {"source": 1, "target": 2, "relation": "trust", "type": "formal", "key": 1}]})");
    const RawNetwork raw = read_json(path);
    EXPECT_EQ(column(raw.actors, "Id"), (V{"1", "2"}));
    EXPECT_EQ(column(raw.actors, "Label"), (V{"Acme", ""}));
    EXPECT_EQ(column(raw.actors, "size"), (V{"2.5", ""}));
    EXPECT_EQ(column(raw.actors, "focal"), (V{"", "true"}));
    EXPECT_EQ(column(raw.ties, "Weight"), (V{"2", ""}));
    EXPECT_EQ(column(raw.ties, "relation"), (V{"advice", "trust"}));
    EXPECT_EQ(column(raw.ties, "type_attr"), (V{"", "formal"}));  // not the tie direction
    EXPECT_EQ(raw.directed, std::optional<bool>(true));
    ASSERT_EQ(raw.warnings.size(), 1u);
    EXPECT_EQ(raw.warnings[0].format(),
              path +
                  ": warning: values that are lists or objects are left out (first: "
                  "nodes[0].tags); only numbers, text and true/false become columns");
    const auto net = load_network({path}, {});
    EXPECT_EQ(net.relations(), (V{"advice", "trust"}));
    EXPECT_TRUE(net.actor(1).focal);
}

TEST(ReadJson, Errors) {
    const auto broken = temp_file("broken.json", "{\"nodes\": [\n  {\"id\": 1},\n  oops]}\n");
    EXPECT_EQ(
        error_of([&] { read_json(broken); }).rfind(broken + ":3:3: error: malformed JSON (", 0), 0u)
        << error_of([&] { read_json(broken); });
    const auto no_id = temp_file("noid.json", R"({"nodes": [{"name": "a"}], "links": []})");
    EXPECT_EQ(error_of([&] { read_json(no_id); }),
              no_id + ": error: nodes[0] has no \"id\"; every node needs one");
    const auto other = temp_file("other.json", R"([1, 2, 3])");
    EXPECT_EQ(error_of([&] { read_json(other); }),
              other +
                  ": error: not node-link JSON: expected an object with \"nodes\" and "
                  "\"links\" (as networkx.node_link_data writes)");
}

}  // namespace
}  // namespace clusterlens
