// Tests of read_gml on hand-written files (tests/data/gml): the supported syntax, positions of
// cells, and every syntax error with its exact message.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "graphs/load.hpp"
#include "graphs/readers.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using testing::corpus;
using testing::data;

std::string at(const RawTable& t, const std::string& name, std::size_t row) {
    const auto& names = t.names();
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
        ADD_FAILURE() << "no column " << name;
        return "<missing column>";
    }
    return t.cell(static_cast<std::size_t>(it - names.begin()), row);
}

std::uint32_t col_of(const RawTable& t, const std::string& name, std::size_t row) {
    const int c = t.find(name);
    return c < 0 ? 0xFFFFFFFFu : t.col_pos(static_cast<std::size_t>(c), row);
}

std::string error_of(const std::string& path) {
    try {
        read_gml(path);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

TEST(ReadGmlTest, BasicFile) {
    // Expected cells and positions read off tests/data/gml/basic.gml by hand.
    const auto path = data("gml/basic.gml");
    const RawNetwork net = read_gml(path);
    EXPECT_EQ(net.format, "gml");
    EXPECT_EQ(net.sources, std::vector<std::string>{path});
    EXPECT_TRUE(net.actors_authoritative);
    ASSERT_TRUE(net.directed.has_value());
    EXPECT_TRUE(*net.directed);
    EXPECT_TRUE(net.warnings.empty());

    ASSERT_EQ(net.actors.rows(), 3u);
    // size and dept are plain attributes; node 1's graphics [ x 1.0 y -2 ] is its position,
    // x as written and y negated (GML graphics: y down, Creator is not Gephi): x 1, y 2.
    EXPECT_EQ(net.actors.names(),
              (std::vector<std::string>{"Id", "Label", "size", "dept", "x", "y"}));
    EXPECT_EQ(at(net.actors, "x", 0), "1");
    EXPECT_EQ(at(net.actors, "y", 0), "2");
    EXPECT_EQ(at(net.actors, "x", 1), "");
    EXPECT_EQ(at(net.actors, "Id", 0), "1");
    EXPECT_EQ(at(net.actors, "Label", 0), "Alpha \"A\" & Co");  // &quot; and &amp;
    EXPECT_EQ(at(net.actors, "size", 0), "2.5");
    EXPECT_EQ(net.actors.line(0), 7u);           // the line of "node ["
    EXPECT_EQ(col_of(net.actors, "Id", 0), 8u);  // "    id 1": the value starts in column 8
    EXPECT_EQ(at(net.actors, "dept", 1), "r<d");
    EXPECT_EQ(col_of(net.actors, "dept", 1), 33u);
    EXPECT_EQ(at(net.actors, "Id", 2), "three");                    // string ids are kept as text
    EXPECT_EQ(at(net.actors, "Label", 2), "Caf\xC3\xA9 \xC3\xA9");  // &#233; and &#xE9;

    ASSERT_EQ(net.ties.rows(), 3u);
    EXPECT_EQ(net.ties.names(),
              (std::vector<std::string>{"Source", "Target", "Weight", "kind", "type_attr", "w"}));
    EXPECT_EQ(at(net.ties, "Source", 0), "1");
    EXPECT_EQ(at(net.ties, "Target", 0), "2");
    EXPECT_EQ(at(net.ties, "Weight", 0), "2.5");
    EXPECT_EQ(net.ties.line(0), 15u);
    EXPECT_EQ(col_of(net.ties, "Weight", 0), 35u);
    EXPECT_EQ(at(net.ties, "Target", 1), "three");
    EXPECT_EQ(at(net.ties, "Weight", 1), "3");          // "value" is the weight too
    EXPECT_EQ(at(net.ties, "kind", 1), "multi\nline");  // a string over two lines
    EXPECT_EQ(net.ties.line(1), 16u);
    EXPECT_EQ(at(net.ties, "Target", 2), "99");         // unknown node: assembly reports it
    EXPECT_EQ(at(net.ties, "type_attr", 2), "friend");  // never read as the Type column
    EXPECT_EQ(at(net.ties, "w", 2), "NaN");
    EXPECT_EQ(at(net.ties, "Weight", 2), "");
}

TEST(ReadGmlTest, Latin1IsConvertedWithWarning) {
    const auto path = data("gml/latin1.gml");
    const RawNetwork net = read_gml(path);
    ASSERT_EQ(net.actors.rows(), 1u);
    EXPECT_EQ(at(net.actors, "Label", 0), "Caf\xC3\xA9");
    ASSERT_EQ(net.warnings.size(), 1u);
    EXPECT_EQ(net.warnings[0].format(),
              path +
                  ":2: warning: text is not valid UTF-8; read as Windows-1252 (Excel's Western "
                  "European encoding, which includes Latin-1) and converted to UTF-8 (save the "
                  "file as UTF-8 to silence this)");
    EXPECT_FALSE(net.directed.has_value());  // no "directed" key
}

TEST(ReadGmlTest, UnclosedListIsReportedAtItsBracket) {
    // node [ id 2 is closed by the last ']', so graph's '[' (line 1, column 7) stays open.
    const auto path = data("gml/unclosed_list.gml");
    EXPECT_EQ(error_of(path), path +
                                  ":1:7: error: the list opened here with '[' is never closed; "
                                  "add the missing ']'");
}

TEST(ReadGmlTest, ExtraClosingBracket) {
    const auto path = data("gml/extra_bracket.gml");
    EXPECT_EQ(error_of(path),
              path + ":4:1: error: ']' closes no open list; remove it or add the missing '['");
}

TEST(ReadGmlTest, MissingValue) {
    const auto path = data("gml/missing_value.gml");
    EXPECT_EQ(error_of(path), path +
                                  ":2:21: error: 'label' has no value (found ']'); write a "
                                  "number, a \"string\" or a [ list ] after it");
}

TEST(ReadGmlTest, UnterminatedString) {
    const auto path = data("gml/unterminated_string.gml");
    EXPECT_EQ(error_of(path), path +
                                  ":2:21: error: string is never closed; add the closing '\"' "
                                  "(write a quote inside a string as &quot;)");
}

TEST(ReadGmlTest, BadNumber) {
    const auto path = data("gml/bad_number.gml");
    EXPECT_EQ(error_of(path), path +
                                  ":2:13: error: '1.2.3' is not a number; write numbers like 3, "
                                  "-2 or 0.5, and text in double quotes");
}

TEST(ReadGmlTest, NodeWithoutId) {
    const auto path = data("gml/node_without_id.gml");
    EXPECT_EQ(error_of(path), path +
                                  ":3:3: error: node has no id; give every node a unique id "
                                  "(node [ id 1 label \"A\" ])");
}

TEST(ReadGmlTest, NoGraph) {
    const auto path = data("gml/no_graph.gml");
    EXPECT_EQ(error_of(path), path +
                                  ": error: no 'graph [ ... ]' found; a GML file holds graph [ "
                                  "node [ id 1 ] edge [ source 1 target 2 ] ]");
}

TEST(ReadGmlTest, EmptyFile) {
    const auto path = data("gml/empty.gml");
    EXPECT_EQ(error_of(path), path +
                                  ": error: the file is empty; a GML file holds graph [ node [ "
                                  "id 1 ] node [ id 2 ] edge [ source 1 target 2 ] ]");
}

TEST(ReadGmlTest, DeepNestingDoesNotExhaustTheStack) {
    // 200000 nested lists inside a node: skipped without recursion, then reported unclosed.
    const std::string path = ::testing::TempDir() + "clusterlens_deep.gml";
    {
        std::ofstream out(path);
        out << "graph [ node [ id 1 ";
        for (int i = 0; i < 200000; ++i) out << "a [ ";
        out << "\n";
    }
    EXPECT_EQ(error_of(path), path +
                                  ":1:800019: error: the list opened here with '[' is never "
                                  "closed; add the missing ']'");
}

// Gephi's label.gml (shared corpus, MANIFEST.md): ids written as unquoted words, `id A`.
// Expected 3 actors and 2 ties as NetworkX 3.6 reads the file (read_gml: nodes Node A..C,
// edges B-A and C-A); the ids, ends and labels are read off the file by eye.
TEST(ReadGmlTest, UnquotedWordIdsFromGephi) {
    const auto path = corpus("gml/label.gml");
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "corpus file missing: " << path;
    const RawNetwork raw = read_gml(path);
    ASSERT_EQ(raw.actors.rows(), 3u);
    EXPECT_EQ(at(raw.actors, "Id", 0), "A");
    EXPECT_EQ(at(raw.actors, "Id", 2), "C");
    EXPECT_EQ(at(raw.actors, "Label", 1), "Node B");
    EXPECT_EQ(col_of(raw.actors, "Id", 0), 7u);  // "   id A": A in column 7
    ASSERT_EQ(raw.ties.rows(), 2u);
    EXPECT_EQ(at(raw.ties, "Source", 0), "B");
    EXPECT_EQ(at(raw.ties, "Target", 0), "A");
    EXPECT_EQ(at(raw.ties, "Source", 1), "C");
    EXPECT_EQ(at(raw.ties, "Target", 1), "A");

    const Network net = load_network({path}, {});
    EXPECT_EQ(net.actor_count(), 3u);
    EXPECT_EQ(net.tie_count(), 2u);
    EXPECT_EQ(net.actor(0).label, "Node A");
}

// Numeric ids keep working next to word ids, and a word elsewhere is still a missing value.
TEST(ReadGmlTest, WordIdsNumericIdsAndWordValues) {
    const std::string path = ::testing::TempDir() + "clusterlens_gml_word_ids.gml";
    std::ofstream(path) << "graph [\n node [ id 1 ]\n node [ id b2 ]\n edge [ source 1 target "
                           "b2 ]\n]\n";
    const RawNetwork raw = read_gml(path);
    ASSERT_EQ(raw.actors.rows(), 2u);
    EXPECT_EQ(at(raw.actors, "Id", 0), "1");
    EXPECT_EQ(at(raw.actors, "Id", 1), "b2");
    EXPECT_EQ(at(raw.ties, "Target", 0), "b2");

    std::ofstream(path) << "graph [\n node [ id 1 label Alpha ]\n]\n";
    EXPECT_EQ(error_of(path), path +
                                  ":2:20: error: 'label' has no value (found 'Alpha'); write a "
                                  "number, a \"string\" or a [ list ] after it");
}

}  // namespace
}  // namespace clusterlens
