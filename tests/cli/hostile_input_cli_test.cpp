// Hostile text through the command line (issue 12): escape sequences in the data never reach the
// terminal raw, score's tables neutralise spreadsheet formulas, GraphML and GEXF read from a
// pipe, and an edge list with a header-like first tie survives convert.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <thread>

#include "../graphs/test_files.hpp"
#include "cli_run.hpp"

namespace clusterlens {
namespace {
using testing::run;
using testing::slurp;
using testing::TempDir;

// ESC ] 0 ; title BEL sets the window title; ESC [ 2 J clears the screen.
const std::string kTitle = "\x1b]0;title\x07";
const std::string kClear = "\x1b[2J";

bool has_control(const std::string& s) {
    for (const char c : s)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f) return true;
    return false;
}

TEST(TerminalEscapesCli, ErrorsAndReportsShowThemEscaped) {
    const TempDir dir;
    // An id holding escapes is refused (control characters: XML cannot hold them), and the
    // error quoting it shows them escaped ...
    const std::string id = "x" + kTitle + kClear;
    dir.file("bad/nodes.csv", "Id\n" + id + "\ny\n");
    dir.file("bad/edges.csv", "Source,Target\n" + id + ",y\n");
    auto r = run({"validate", dir.path("bad")});
    EXPECT_EQ(r.code, 1);
    EXPECT_FALSE(has_control(r.err)) << r.err;
    EXPECT_NE(r.err.find("actor id 'x\\x1B]0;title\\x07\\x1B[2J' holds the control character "
                         "U+001B"),
              std::string::npos)
        << r.err;
    // ... so is a relation name ...
    dir.file("rel/edges.csv", "Source,Target,relation\na,b,r" + kTitle + kClear + "\n");
    r = run({"validate", dir.path("rel")});
    EXPECT_EQ(r.code, 1);
    EXPECT_FALSE(has_control(r.err)) << r.err;
    EXPECT_NE(r.err.find("relation name 'r\\x1B]0;title\\x07\\x1B[2J'"), std::string::npos)
        << r.err;
    // ... and a label, which is accepted, reaches the report on stdout escaped.
    dir.file("ok/nodes.csv", "Id,Label\na,A" + kTitle + kClear + "\nb,B\n");
    dir.file("ok/edges.csv", "Source,Target\na,b\n");
    r = run({"score", dir.path("ok"), "-o", dir.path("out"), "--permutations", "0"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_FALSE(has_control(r.out)) << r.out;
}

TEST(CsvFormulaInjectionCli, ScoreTablesNeutraliseFormulas) {
    const TempDir dir;
    dir.file("n/nodes.csv", "Id,Label\na,=HYPERLINK(\"http://x\")\nb,@SUM(1)\nc,-0.5\n");
    dir.file("n/edges.csv", "Source,Target\na,b\nb,c\n");
    const auto r = run({"score", dir.path("n"), "-o", dir.path("out"), "--permutations", "0"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto actors = slurp(dir.path("out/actors.csv"));
    EXPECT_NE(actors.find("a,\"'=HYPERLINK(\"\"http://x\"\")\","), std::string::npos) << actors;
    EXPECT_NE(actors.find("b,\"'@SUM(1)\","), std::string::npos) << actors;
    EXPECT_NE(actors.find("c,-0.5,"), std::string::npos) << actors;  // a number stays one
}

TEST(XmlFromPipeCli, ValidateReadsGraphmlAndGexfFromAFifo) {
    const TempDir dir;
    dir.file("n/edges.csv", "Source,Target\na,b\nb,c\n");
    for (const char* ext : {"graphml", "gexf"}) {
        SCOPED_TRACE(ext);
        const auto file = dir.path(std::string("n.") + ext);
        ASSERT_EQ(run({"convert", dir.path("n"), "-o", file}).code, 0);
        const auto fifo = dir.path(std::string(ext) + ".fifo");
        ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
        const std::string text = slurp(file);
        std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << text; });
        const auto r = run({"validate", fifo, "--format", ext});
        writer.join();
        EXPECT_EQ(r.code, 0) << r.err;
        EXPECT_NE(r.out.find("OK: 3 actors, 2 ties"), std::string::npos) << r.out << r.err;
    }
}

TEST(EdgeListHeaderTieCli, ConvertAndValidateKeepTheTie) {
    const TempDir dir;
    dir.file("n/edges.csv", "Source,Target\nfrom,to\nto,x\n");
    ASSERT_EQ(run({"convert", dir.path("n"), "-o", dir.path("t.txt")}).code, 0);
    const auto r = run({"validate", dir.path("t.txt")});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("OK: 3 actors, 2 ties"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace clusterlens
