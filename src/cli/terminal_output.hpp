// What the command line prints goes through terminal_safe (graphs/error.hpp) on its way out, so
// an actor name, relation, file name or message that carries escape sequences or other control
// characters from the data is shown escaped (\x1B) instead of acting on the terminal. One place
// for every command: run() wraps both streams for the whole run.
#pragma once

#include <ostream>
#include <streambuf>
#include <string>

namespace clusterlens::cli {

/// A streambuf that passes text on to `target` line by line with terminal_safe applied to each
/// line (the line feeds that end the lines stay); flush passes on what is pending, except the
/// bytes of a UTF-8 sequence cut by the flush, which wait for the rest.
class TerminalSafeBuf : public std::streambuf {
public:
    explicit TerminalSafeBuf(std::streambuf* target) : target_(target) {}
    ~TerminalSafeBuf() override;
    TerminalSafeBuf(const TerminalSafeBuf&) = delete;
    TerminalSafeBuf& operator=(const TerminalSafeBuf&) = delete;
    /// Writes everything pending, cut sequences too (escaped as bytes).
    void finish();
    /// The buffer the safe text goes to: for the progress line's own carriage returns, which
    /// are written there directly after a flush (ProgressLine), never from the data.
    std::streambuf* target() const { return target_; }

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

private:
    bool emit(std::size_t end, bool line_end);
    std::streambuf* target_;
    std::string pending_;
};

/// Puts a TerminalSafeBuf between `stream` and its buffer for this object's lifetime (the stream
/// object stays the same, so checks such as `&err == &std::cerr` still hold).
class TerminalSafeStream {
public:
    explicit TerminalSafeStream(std::ostream& stream);
    ~TerminalSafeStream();
    TerminalSafeStream(const TerminalSafeStream&) = delete;
    TerminalSafeStream& operator=(const TerminalSafeStream&) = delete;

private:
    std::ostream& stream_;
    std::streambuf* original_;
    TerminalSafeBuf buf_;
};

}  // namespace clusterlens::cli
