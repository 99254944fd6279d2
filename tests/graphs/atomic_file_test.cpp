// Outputs: atomic replacement, no partial files, inputs never overwritten.
#include "graphs/atomic_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "graphs/error.hpp"
#include "test_files.hpp"

namespace clusterlens {
namespace {
using testing::slurp;
using testing::TempDir;

TEST(AtomicFile, CommitReplacesTheOldFile) {
    TempDir dir;
    const auto p = dir.file("out.txt", "old");
    {
        AtomicFile f(p);
        f.stream() << "new";
        EXPECT_EQ(slurp(p), "old");  // not visible before commit
        f.commit();
    }
    EXPECT_EQ(slurp(p), "new");
}

TEST(AtomicFile, FailureBeforeCommitLeavesTheOldFileAndNoTemporary) {
    TempDir dir;
    const auto p = dir.file("out.txt", "old");
    try {
        AtomicFile f(p);
        f.stream() << "half";
        throw std::runtime_error("failure mid-way");
    } catch (const std::runtime_error&) {
    }
    EXPECT_EQ(slurp(p), "old");
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++files;
    EXPECT_EQ(files, 1u);
}

TEST(AtomicFile, MissingFolderOrAFolderPathIsAUsageError) {
    TempDir dir;
    EXPECT_THROW(AtomicFile(dir.path("no/such/folder/out.txt")), UsageError);
    EXPECT_THROW(AtomicFile(dir.path()), UsageError);  // a folder
}

TEST(AtomicFile, OutputEqualToInputIsRefused) {
    TempDir dir;
    const auto in = dir.file("net.graphml", "x");
    EXPECT_THROW(refuse_overwriting_inputs({in}, {in}), UsageError);
    EXPECT_THROW(refuse_overwriting_inputs({dir.path("./net.graphml")}, {in}), UsageError);
    EXPECT_NO_THROW(refuse_overwriting_inputs({dir.path("other.graphml")}, {in}));
}

std::size_t files_in(const std::string& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
    return n;
}

TEST(OutputSet, CommitAllReplacesEveryFileTogether) {
    TempDir dir;
    const auto a = dir.file("a.csv", "old a");
    const auto b = dir.path("b.json");  // new
    OutputSet out;
    out.add(a) << "new a";
    out.add(b) << "new b";
    EXPECT_EQ(slurp(a), "old a");  // nothing visible before commit_all
    EXPECT_FALSE(std::filesystem::exists(b));
    EXPECT_EQ(out.paths(), (std::vector<std::string>{a, b}));
    out.commit_all();
    EXPECT_EQ(slurp(a), "new a");
    EXPECT_EQ(slurp(b), "new b");
    EXPECT_EQ(files_in(dir.path()), 2u);  // no temporary left
}

TEST(OutputSet, AWriteFailureInOneFileCommitsNone) {
    TempDir dir;
    const auto a = dir.file("a.csv", "old a");
    const auto b = dir.file("b.csv", "old b");
    const auto c = dir.path("c.csv");
    {
        OutputSet out;
        out.add(a) << "new a";
        auto& s = out.add(b);
        s << "new b";
        s.setstate(std::ios::badbit);  // what a full disk does to the stream
        out.add(c) << "new c";
        EXPECT_THROW(out.commit_all(), BackendError);
    }
    EXPECT_EQ(slurp(a), "old a");  // written before the failing file, still not committed
    EXPECT_EQ(slurp(b), "old b");
    EXPECT_FALSE(std::filesystem::exists(c));
    EXPECT_EQ(files_in(dir.path()), 2u);  // every temporary removed
}

TEST(OutputSet, ASetNeverCommittedLeavesTheOldFilesAndNoTemporary) {
    TempDir dir;
    const auto a = dir.file("a.csv", "old a");
    {
        OutputSet out;
        out.add(a) << "new a";
        out.add(dir.path("b.csv")) << "new b";
    }
    EXPECT_EQ(slurp(a), "old a");
    EXPECT_EQ(files_in(dir.path()), 1u);
}

TEST(OutputSet, AnInputPathIsRefused) {
    TempDir dir;
    const auto in = dir.file("net.graphml", "x");
    OutputSet out({in});
    EXPECT_THROW(out.refuse_inputs({dir.path("ok.csv"), dir.path("./net.graphml")}), UsageError);
    EXPECT_NO_THROW(out.refuse_inputs({dir.path("ok.csv")}));
    EXPECT_THROW(out.add(in), UsageError);
    EXPECT_TRUE(out.paths().empty());
    out.commit_all();
    EXPECT_EQ(slurp(in), "x");
}

}  // namespace
}  // namespace clusterlens
