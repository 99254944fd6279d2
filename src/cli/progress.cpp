#include "src/cli/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>

#include "graphs/error.hpp"
#include "src/cli/terminal_output.hpp"

namespace clusterlens::cli {

bool progress_wanted(Streams io) { return &io.err == &std::cerr && isatty(STDERR_FILENO) == 1; }

Network load_with_progress(const std::vector<std::string>& inputs, const LoadOptions& options,
                           Streams io) {
    const bool tty = progress_wanted(io);
    const auto start = std::chrono::steady_clock::now();
    if (tty)
        io.err << "clusterlens: loading " << fmt::format("{}", fmt::join(inputs, " ")) << " ..."
               << std::flush;
    try {
        auto net = load_network(inputs, options);
        if (tty) {
            const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
            io.err << fmt::format(" {} actors, {} ties in {:.2f} s\n", net.actor_count(),
                                  net.tie_count(), took.count());
        }
        return net;
    } catch (...) {
        if (tty) io.err << " failed\n";
        throw;
    }
}

namespace {
double steady_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

/// "about 25 s left", "about 3 min left": rounded up, coarser as it grows.
std::string time_left(double seconds) {
    if (seconds < 60) return fmt::format("about {} s left", static_cast<long>(std::ceil(seconds)));
    if (seconds < 3600)
        return fmt::format("about {} min left", static_cast<long>(std::ceil(seconds / 60)));
    return fmt::format("about {:.1f} h left", seconds / 3600);
}
}  // namespace

ProgressLine::ProgressLine(std::ostream& out, bool on, std::function<double()> now)
    : out_(out), raw_(out.rdbuf()), on_(on), now_(now ? std::move(now) : steady_seconds) {
    if (const auto* safe = dynamic_cast<TerminalSafeBuf*>(out.rdbuf())) raw_ = safe->target();
}

ProgressLine::ProgressLine(Streams io) : ProgressLine(io.err, progress_wanted(io)) {}

ProgressLine::~ProgressLine() {
    // Reached with a stage open only when the stage failed (score_relation ends the last).
    if (!on_ || stage_.empty()) return;
    try {
        draw(fmt::format("stopped after {:.1f} s", now_() - started_));
        raw_->sputc('\n');
        raw_->pubsync();
    } catch (...) {  // a destructor must not throw; the line is only cosmetic
    }
}

void ProgressLine::draw(const std::string& tail) {
    const std::string line =
        terminal_safe("clusterlens: " + stage_ + " ..." + (tail.empty() ? "" : " " + tail));
    std::string text = "\r" + line;
    if (line.size() < drawn_) text.append(drawn_ - line.size(), ' ');
    drawn_ = std::max(drawn_, line.size());
    out_.flush();  // what the stream holds goes first
    raw_->sputn(text.data(), static_cast<std::streamsize>(text.size()));
    raw_->pubsync();
}

void ProgressLine::stage(const std::string& name) {
    if (!on_) return;
    const double now = now_();
    if (!stage_.empty()) {
        draw(fmt::format("done in {:.1f} s", now - started_));
        raw_->sputc('\n');
        raw_->pubsync();
    }
    stage_ = name;
    started_ = now;
    last_draw_ = -1;
    drawn_ = 0;
    if (!stage_.empty()) draw("");
}

void ProgressLine::share(double done) {
    if (!on_ || stage_.empty()) return;
    const double now = now_();
    if (last_draw_ >= 0 && now - last_draw_ < 0.25) return;
    last_draw_ = now;
    done = std::clamp(done, 0.0, 1.0);
    const double elapsed = now - started_;
    std::string tail = fmt::format("{}%", static_cast<int>(std::floor(done * 100)));
    if (done >= 0.01 && done < 1 && elapsed >= 1)
        tail += ", " + time_left(elapsed * (1 - done) / done);
    draw(tail);
}

void ProgressLine::attach(scoring::ScoreOptions& options) {
    if (!on_) return;
    options.progress = [this](const std::string& name) { stage(name); };
    options.share = [this](double done) { share(done); };
}

void print_warnings(const Network& net, Streams io) {
    for (const auto& w : net.report().warnings) io.err << w.format() << '\n';
}

void print_scoring_warnings(const std::vector<std::string>& warnings, Streams io) {
    for (const auto& w : warnings) io.err << "clusterlens: warning: " << w << '\n';
}

}  // namespace clusterlens::cli
