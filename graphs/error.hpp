// Error types of clusterlens. The libraries never print and never exit: they throw one of these,
// and the command-line front end maps them to exit codes (input 1, usage 2, internal 3).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace clusterlens {

/// Base of every error clusterlens throws on purpose.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Where in an input file something was found. line/column are 1-based; 0 means "unknown"
/// (then the printed form leaves that part out).
struct SourcePos {
    std::string path;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

/// Formats "path:line:col" leaving out unknown parts ("path:line" or "path").
std::string format_pos(const SourcePos& pos);

/// `text` safe to print on a terminal: every character that controls the terminal or the layout
/// of the line instead of showing is written as an escape, so data quoted in a message cannot set
/// the window title, clear the screen, break the line or reorder the text around it. Escaped:
/// the C0 controls (tab and line feed too) and DEL as \xNN (ESC is \x1B); the C1 controls
/// U+0080..U+009F, the bidirectional embeddings, overrides and isolates (U+202A..U+202E,
/// U+2066..U+2069), the invisible characters (U+00AD, U+200B..U+200F, U+2028, U+2029, U+FEFF)
/// as \uNNNN; bytes that are not UTF-8 as \xNN. Everything else is copied. InputError,
/// Warning::format() and the command line's output use it.
std::string terminal_safe(std::string_view text);

/// A defect in the user's data or files. Prints as `path:line:col: error: message`.
class InputError : public Error {
public:
    InputError(SourcePos pos, std::string message);
    const SourcePos& pos() const noexcept { return pos_; }
    const std::string& message() const noexcept { return message_; }

private:
    SourcePos pos_;
    std::string message_;
};

/// Several input errors found in one pass (validation reports them all, up to a limit).
class InputErrors : public Error {
public:
    InputErrors(std::vector<InputError> errors, bool truncated);
    const std::vector<InputError>& errors() const noexcept { return errors_; }
    /// True when more errors existed than the limit allowed to collect.
    bool truncated() const noexcept { return truncated_; }

private:
    std::vector<InputError> errors_;
    bool truncated_;
};

/// Misuse of options or arguments (exit code 2).
class UsageError : public Error {
public:
    using Error::Error;
};

/// A failure reported by igraph, Graphviz or the operating system that is not the user's data.
class BackendError : public Error {
public:
    using Error::Error;
};

/// A warning about the input: something was accepted but changed (a dropped self-loop, summed
/// parallel ties, a Windows-1252 file read as such).
struct Warning {
    SourcePos pos;
    std::string message;
    std::string format() const;  ///< `path:line:col: warning: message`
};

/// Collects input errors up to a limit, then stops the load by throwing InputErrors.
class ErrorCollector {
public:
    explicit ErrorCollector(std::size_t limit = 20) : limit_(limit == 0 ? 1 : limit) {}
    /// Records an error; throws InputErrors when the limit is reached.
    void add(InputError error);
    bool empty() const noexcept { return errors_.empty(); }
    /// Throws InputErrors if any error was recorded.
    void throw_if_any();

private:
    std::size_t limit_;
    std::vector<InputError> errors_;
};

}  // namespace clusterlens
