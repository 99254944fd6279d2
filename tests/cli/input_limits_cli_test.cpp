// The limits of issue 12 through the command line: each option raises its limit, a limit hit is
// exit 1 naming the option, a bad value is a usage error (never a wrapped unsigned), and --help
// lists every limit with its default. The library side: tests/graphs/input_limits_test.cpp.
#include <gtest/gtest.h>

#include "tests/cli_run.hpp"
#include "tests/graphs/test_files.hpp"

namespace clusterlens {
namespace {
using testing::TempDir;

TEST(InputLimitsCli, PajekVerticesRefusedThenRaised) {
    TempDir dir;
    const auto net = dir.file("big.net", "*Vertices 10\n*Edges\n1 2\n");
    auto r = testing::run({"validate", net, "--max-input-actors", "9"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("big.net:1:11: error: *Vertices 10 is over the limit of 9 actors; if the "
                         "input is right, raise the limit with --max-input-actors N"),
              std::string::npos)
        << r.err;
    r = testing::run({"validate", net, "--max-input-actors", "10"});
    EXPECT_EQ(r.code, 0) << r.err;
}

TEST(InputLimitsCli, NegativeOrMalformedLimitIsAUsageError) {
    TempDir dir;
    const auto net = dir.file("e.txt", "a b\n");
    for (const char* bad : {"-5", "0", "1.5", "12X", "99999999999999999"}) {
        const auto r = testing::run({"validate", net, "--max-attribute-keys", bad});
        EXPECT_EQ(r.code, 2) << bad << ": " << r.err;
    }
    EXPECT_EQ(testing::run({"validate", net, "--max-line-length", "5G"}).code, 2);  // > 2^32 - 1
    EXPECT_EQ(testing::run({"validate", net, "--max-input-bytes", "2K"}).code, 0);
    EXPECT_EQ(testing::run({"validate", net, "--max-input-bytes", "2"}).code, 1);
}

TEST(InputLimitsCli, HelpListsEveryLimitWithItsDefault) {
    const auto r = testing::run({"validate", "--help"});
    EXPECT_EQ(r.code, 0);
    for (const char* text :
         {"--max-input-bytes", "(default 4G;", "--max-line-length", "(default 1G;",
          "--max-input-actors", "(default 5M;", "--max-attribute-keys", "(default 1K;",
          "--max-attribute-cells", "(default 100M;"})
        EXPECT_NE(r.out.find(text), std::string::npos) << text << "\n" << r.out;
}

}  // namespace
}  // namespace clusterlens
