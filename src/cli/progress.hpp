// What the commands say on stderr while they work: progress on a terminal only (loading, the
// scoring stages), and the warnings of loading and of scoring, always.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "graphs/load.hpp"
#include "graphs/network.hpp"
#include "src/cli/commands.hpp"
#include "src/score/score.hpp"

namespace clusterlens::cli {

/// True when the error stream is the process's stderr and that is a terminal (progress is
/// printed then only, never into a file or pipe).
bool progress_wanted(Streams io);

/// Loads the network; on a terminal, says what it is reading and how long it took (the whole
/// CORDIS network takes about a second).
Network load_with_progress(const std::vector<std::string>& inputs, const LoadOptions& options,
                           Streams io);

/// The line a terminal shows while the scoring stages run, one line per stage:
///   clusterlens: centrality ... 42%, about 25 s left
/// rewritten in place (carriage return) at most four times a second, and ended as
///   clusterlens: centrality ... done in 41.3 s
/// when the next stage starts ("stopped after 3.2 s" when the line is destroyed with a stage
/// still open: the stage failed, and the error follows on a line of its own). Time left is the time
/// so far scaled by the share still to do, shown once 1 % is done and a second has passed. Off
/// (prints nothing) unless `on`. The line is our own text (stage names are constants, passed
/// through terminal_safe all the same); it goes past the stream's TerminalSafeBuf, which would show
/// the carriage returns as \x0D.
class ProgressLine {
public:
    /// `now`: seconds on a steady clock (tests give their own).
    ProgressLine(std::ostream& out, bool on, std::function<double()> now = {});
    explicit ProgressLine(Streams io);  ///< on when progress_wanted(io)
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;
    ~ProgressLine();

    /// Ends the open line, if any, and starts one for `name` ("" only ends it).
    void stage(const std::string& name);
    /// The share of the current stage done, in [0, 1].
    void share(double done);
    /// Ends the open line, if any.
    void end() { stage(""); }
    /// Sets the options' progress and share callbacks to this line (when it is on).
    void attach(scoring::ScoreOptions& options);

private:
    void draw(const std::string& tail);
    std::ostream& out_;
    std::streambuf* raw_;  // where the line goes: past the stream's TerminalSafeBuf, if any
    bool on_;
    std::function<double()> now_;
    std::string stage_;
    double started_ = 0, last_draw_ = -1;
    std::size_t drawn_ = 0;  // characters of the line drawn last, to blank what is left over
};

/// The warnings of loading (path:line:col: warning: ...), one a line.
void print_warnings(const Network& net, Streams io);

/// The warnings of scoring ("clusterlens: warning: ..."), one a line.
void print_scoring_warnings(const std::vector<std::string>& warnings, Streams io);

}  // namespace clusterlens::cli
