// A command whose report cannot be written has not succeeded (issue 12: `validate ... >
// /dev/full` exited 0). Every command, --help and --version included, exits 3 and says so on
// stderr when standard output fails.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <sstream>
#include <streambuf>
#include <string>

#include "../graphs/test_files.hpp"
#include "cli_run.hpp"
#include "src/cli/commands.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {
using testing::slurp;
using testing::TempDir;

/// A stream buffer like a full disk: it takes nothing.
class FullDisk : public std::streambuf {
protected:
    int_type overflow(int_type) override { return traits_type::eof(); }
    std::streamsize xsputn(const char*, std::streamsize) override { return 0; }
    int sync() override { return -1; }
};

const std::string kData = testing::example("cordis_ee_climate/data");
const std::string kMap = testing::example("cordis_ee_climate/cordis.toml");

TEST(StdoutFailure, EveryCommandExitsThreeWhenItsReportCannotBeWritten) {
    TempDir dir;
    const std::vector<std::vector<std::string>> commands = {
        {"validate", kData, "--map", kMap},
        {"convert", kData, "--map", kMap, "-o", dir.path("net.graphml")},
        {"score", kData, "--map", kMap, "-o", dir.path("score"), "--permutations", "0"},
        {"render", kData, "--map", kMap, "-o", dir.path("figure.svg")},
        {"compare", kData, "--map", kMap, "-o", dir.path("compare"), "--figure-format", "svg"},
        {"explain", kData, "--map", kMap, "--outcome", "degree", "--predictors", "closeness", "-o",
         dir.path("explain"), "--permutations", "0", "--figure-format", "svg"},
        {"--help"},
        {"--version"},
        {"score", "--help"},
    };
    for (const auto& args : commands) {
        FullDisk full;
        std::ostream out(&full);
        std::ostringstream err;
        const int code = cli::run(args, {out, err});
        EXPECT_EQ(code, 3) << args[0] << ": " << err.str();
        EXPECT_NE(err.str().find("clusterlens: error: cannot write to standard output: "),
                  std::string::npos)
            << args[0] << ": " << err.str();
    }
}

TEST(StdoutFailure, AFailedCommandKeepsItsExitCode) {
    FullDisk full;
    std::ostream out(&full);
    std::ostringstream err;
    EXPECT_EQ(cli::run({"validate", "--no-such-option"}, {out, err}), 2);
}

TEST(StdoutFailure, DevFullIsAnErrorNamingStandardOutput) {
    // The real thing: the process's stdout on /dev/full, through std::cout and C stdio.
    if (access("/dev/full", W_OK) != 0) GTEST_SKIP() << "no /dev/full";
    TempDir dir;
    const auto err_path = dir.path("stderr.txt");
    const pid_t pid = fork();
    if (pid == 0) {
        const int full = open("/dev/full", O_WRONLY);
        const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (full < 0 || err < 0 || dup2(full, 1) < 0 || dup2(err, 2) < 0) _exit(99);
        const int code = cli::run({"validate", kData, "--map", kMap}, {std::cout, std::cerr});
        std::fflush(nullptr);
        _exit(code);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 3);
    EXPECT_EQ(slurp(err_path),
              "clusterlens: error: cannot write to standard output: No space left on device; the "
              "command's report is incomplete (is the disk full?)\n");
}

}  // namespace
}  // namespace clusterlens
