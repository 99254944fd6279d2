// Issue 16, item 4: a progress line on a terminal during long stages (which stage, share done,
// time left), off when the output is not a terminal. ProgressLine is driven here with a clock
// of the test's own; tests/cli/progress_tty.sh runs the command under a pseudo-terminal.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "src/cli/progress.hpp"

namespace clusterlens {
namespace {

using cli::ProgressLine;

TEST(ProgressLine, ShowsTheStageTheShareAndTheTimeLeftThenTheTimeTaken) {
    std::ostringstream out;
    double now = 100;
    {
        ProgressLine line(out, true, [&] { return now; });
        line.stage("centrality");
        EXPECT_EQ(out.str(), "\rclusterlens: centrality ...");
        now = 100.5;
        line.share(0.004);  // under 1 % and a second: no estimate yet
        EXPECT_EQ(out.str().substr(out.str().rfind('\r')), "\rclusterlens: centrality ... 0%");
        now = 110;
        line.share(0.25);  // 10 s for a quarter: 30 s to go
        EXPECT_EQ(out.str().substr(out.str().rfind('\r')),
                  "\rclusterlens: centrality ... 25%, about 30 s left");
        now = 110.1;
        const auto before = out.str();
        line.share(0.3);  // within a quarter of a second of the last: not drawn
        EXPECT_EQ(out.str(), before);
        now = 112;
        line.share(0.02);  // 12 s for 2 %: 588 s, shown in minutes
        EXPECT_EQ(out.str().substr(out.str().rfind('\r')),
                  "\rclusterlens: centrality ... 2%, about 10 min left");
        now = 141.25;
        line.stage("structural holes");
        // The shorter line blanks what the longer one left.
        const auto text = out.str();
        EXPECT_NE(text.find("\rclusterlens: centrality ... done in 41.2 s       \n"
                            "\rclusterlens: structural holes ..."),
                  std::string::npos)
            << text;
        now = 142;
    }  // destroyed with a stage open (the stage failed): the line says so and ends
    EXPECT_NE(out.str().find("structural holes ... stopped after 0.8 s"), std::string::npos);
    EXPECT_EQ(out.str().back(), '\n');
}

TEST(ProgressLine, EndsTheLineWhenTheStagesAreOver) {
    std::ostringstream out;
    double now = 0;
    ProgressLine line(out, true, [&] { return now; });
    line.stage("brokerage");
    now = 2;
    line.stage("");  // score_relation's last call
    EXPECT_EQ(out.str(),
              "\rclusterlens: brokerage ...\rclusterlens: brokerage ... done in 2.0 s\n");
    line.share(0.5);  // no stage open: nothing
    line.end();
    EXPECT_EQ(out.str(),
              "\rclusterlens: brokerage ...\rclusterlens: brokerage ... done in 2.0 s\n");
}

TEST(ProgressLine, PrintsNothingWhenOff) {
    std::ostringstream out;
    {
        ProgressLine line(out, false);
        scoring::ScoreOptions so;
        line.attach(so);
        EXPECT_FALSE(so.progress);  // the scoring code is not even asked to report
        EXPECT_FALSE(so.share);
        line.stage("centrality");
        line.share(0.5);
    }
    EXPECT_EQ(out.str(), "");
}

TEST(ProgressLine, AttachedOptionsDriveTheLine) {
    std::ostringstream out;
    double now = 0;
    ProgressLine line(out, true, [&] { return now; });
    scoring::ScoreOptions so;
    line.attach(so);
    ASSERT_TRUE(so.progress && so.share);
    so.progress("centrality");
    now = 4;
    so.share(0.5);
    EXPECT_EQ(out.str().substr(out.str().rfind('\r')),
              "\rclusterlens: centrality ... 50%, about 4 s left");
    so.progress("");
    EXPECT_EQ(out.str().back(), '\n');
}

}  // namespace
}  // namespace clusterlens
