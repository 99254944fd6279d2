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

}  // namespace
}  // namespace clusterlens
