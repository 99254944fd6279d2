// An interrupted command leaves nothing behind (issue 12: `.NAME.tmp-*` files stayed). The
// command runs in a child process that stops right after creating its output's temporary
// file (a test hook), and is then signalled as a user or a scheduler would.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "../graphs/test_files.hpp"
#include "cli_run.hpp"
#include "graphs/atomic_file.hpp"
#include "src/cli/commands.hpp"

namespace clusterlens {
namespace {
using testing::slurp;
using testing::TempDir;
namespace fs = std::filesystem;

int g_ready = -1;

void tell_and_wait(const char*) {
    const char byte = 1;
    if (write(g_ready, &byte, 1) != 1) _exit(98);
    for (;;) pause();
}

/// Runs `args` in a child that waits once its first temporary file exists; returns its pid.
pid_t start_stopped_at_first_temporary(const std::vector<std::string>& args) {
    int ready[2];
    EXPECT_EQ(pipe(ready), 0);
    const pid_t pid = fork();
    if (pid == 0) {
        close(ready[0]);
        g_ready = ready[1];
        set_temporary_created_hook(&tell_and_wait);
        std::ostringstream out, err;
        _exit(cli::run(args, {out, err}));
    }
    close(ready[1]);
    char byte = 0;
    EXPECT_EQ(read(ready[0], &byte, 1), 1) << "the command did not reach its output";
    close(ready[0]);
    return pid;
}

int ended_by(pid_t pid, int sig) {
    kill(pid, sig);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status) ? WTERMSIG(status) : -1;
}

std::vector<std::string> names_in(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

constexpr const char* kEdges = "Source,Target\na,b\nb,c\n";

TEST(InterruptedRun, SigtermMidWriteLeavesTheOldOutputAndNoTemporary) {
    TempDir dir;
    const auto in = dir.file("in/edges.csv", kEdges);
    const auto out = dir.file("out/net.graphml", "old");
    const pid_t pid = start_stopped_at_first_temporary({"convert", in, "-o", out});
    EXPECT_EQ(names_in(dir.path("out")).size(), 2u);  // the temporary is there
    EXPECT_EQ(ended_by(pid, SIGTERM), SIGTERM);
    EXPECT_EQ(names_in(dir.path("out")), std::vector<std::string>{"net.graphml"});
    EXPECT_EQ(slurp(out), "old");
}

TEST(InterruptedRun, Kill9ThenASecondRunLeavesNothing) {
    TempDir dir;
    const auto in = dir.file("in/edges.csv", kEdges);
    const auto out = dir.path("out");
    const pid_t pid = start_stopped_at_first_temporary({"score", in, "-o", out});
    EXPECT_EQ(ended_by(pid, SIGKILL), SIGKILL);
    EXPECT_EQ(names_in(out).size(), 1u);  // the killed run's temporary of actors.csv
    const auto r = testing::run({"score", in, "-o", out});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(names_in(out), (std::vector<std::string>{"actors.csv", "network.graphml",
                                                       "summary.json", "ties.csv"}));
}

}  // namespace
}  // namespace clusterlens
