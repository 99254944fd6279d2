// Interrupted writes (issue 12): a run stopped by SIGINT, SIGTERM or SIGHUP while writing leaves
// the previous output and no temporary; one killed outright (SIGKILL) leaves its temporary, and
// the next write to the same destination removes it. Each writer is a child process stopped
// half-way through its file, so the signal lands mid-write every time.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <string>
#include <vector>

#include "graphs/atomic_file.hpp"
#include "test_files.hpp"

namespace clusterlens {
namespace {
using testing::slurp;
using testing::TempDir;
namespace fs = std::filesystem;

std::vector<std::string> names_in(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

/// Starts a child that, with the cleanup handler installed when `cleanup`, opens an AtomicFile
/// for `path`, writes half of it, flushes, tells us and waits to be signalled. Returns its pid.
pid_t start_half_written(const std::string& path, bool cleanup) {
    int ready[2];
    EXPECT_EQ(pipe(ready), 0);
    const pid_t pid = fork();
    if (pid == 0) {
        close(ready[0]);
        if (cleanup) remove_temporaries_on_signals();
        AtomicFile f(path);
        f.stream() << "half of the new conte" << std::flush;
        const char byte = 1;
        if (write(ready[1], &byte, 1) != 1) _exit(2);
        for (;;) pause();
    }
    close(ready[1]);
    char byte = 0;
    EXPECT_EQ(read(ready[0], &byte, 1), 1) << "the writer did not start";
    close(ready[0]);
    return pid;
}

int killed_by(pid_t pid, int sig) {
    kill(pid, sig);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status) ? WTERMSIG(status) : -1;
}

class InterruptedWrites : public ::testing::TestWithParam<int> {};

TEST_P(InterruptedWrites, ASignalMidWriteLeavesTheOldFileAndNoTemporary) {
    TempDir dir;
    const auto p = dir.file("out.txt", "old");
    const pid_t pid = start_half_written(p, true);
    // The temporary is there while the writer works, and carries the writer's pid.
    const auto during = names_in(dir.path());
    ASSERT_EQ(during.size(), 2u);
    EXPECT_EQ(during[0].rfind(".out.txt.tmp-" + std::to_string(pid) + "-", 0), 0u) << during[0];
    EXPECT_EQ(killed_by(pid, GetParam()), GetParam());  // it still ends by the signal
    EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"out.txt"});
    EXPECT_EQ(slurp(p), "old");
}

INSTANTIATE_TEST_SUITE_P(Signals, InterruptedWrites, ::testing::Values(SIGTERM, SIGINT, SIGHUP),
                         [](const auto& param_info) {
                             return std::string(param_info.param == SIGTERM  ? "SIGTERM"
                                                : param_info.param == SIGINT ? "SIGINT"
                                                                             : "SIGHUP");
                         });

TEST(InterruptedWritesKill9, TheNextWriteRemovesTheTemporaryAKilledWriterLeft) {
    TempDir dir;
    const auto p = dir.file("out.txt", "old");
    const pid_t pid = start_half_written(p, true);
    EXPECT_EQ(killed_by(pid, SIGKILL), SIGKILL);  // no handler runs: its temporary stays
    ASSERT_EQ(names_in(dir.path()).size(), 2u);
    {
        AtomicFile f(p);  // the writer is gone: its temporary is removed
        f.stream() << "new";
        f.commit();
    }
    EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"out.txt"});
    EXPECT_EQ(slurp(p), "new");
}

TEST(InterruptedWritesKill9, OnlyTemporariesOfWritersNoLongerRunningAreRemoved) {
    TempDir dir;
    const auto p = dir.path("out.txt");
    const pid_t gone = fork();
    if (gone == 0) _exit(0);
    waitpid(gone, nullptr, 0);
    const auto stale = dir.file(".out.txt.tmp-" + std::to_string(gone) + "-a1B2c3", "x");
    const auto alive = dir.file(".out.txt.tmp-" + std::to_string(getppid()) + "-a1B2c3", "x");
    const auto mine = dir.file(".out.txt.tmp-" + std::to_string(getpid()) + "-a1B2c3", "x");
    const auto other_file = dir.file(".other.txt.tmp-" + std::to_string(gone) + "-a1B2c3", "x");
    const auto no_pid = dir.file(".out.txt.tmp-a1B2c3", "x");  // not ours to judge
    AtomicFile f(p);
    f.stream() << "new";
    f.commit();
    EXPECT_FALSE(fs::exists(stale));
    EXPECT_TRUE(fs::exists(alive));
    EXPECT_TRUE(fs::exists(mine));
    EXPECT_TRUE(fs::exists(other_file));
    EXPECT_TRUE(fs::exists(no_pid));
}

TEST(InterruptedWritesKill9, WithoutTheHandlerASignalLeavesTheTemporary) {
    // What the handler is for (and the check that these tests can fail): the default action
    // ends the writer without removing anything; the next write tidies up.
    TempDir dir;
    const auto p = dir.file("out.txt", "old");
    const pid_t pid = start_half_written(p, false);
    EXPECT_EQ(killed_by(pid, SIGTERM), SIGTERM);
    EXPECT_EQ(names_in(dir.path()).size(), 2u);
    AtomicFile f(p);
    EXPECT_EQ(names_in(dir.path()).size(), 2u);  // the stale one gone, our own there
}

}  // namespace
}  // namespace clusterlens
