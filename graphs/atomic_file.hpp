// Outputs are written to a temporary file next to the destination and renamed into place on
// commit(), so a failed run never leaves a half-written file or destroys the previous one, and
// an interrupted one leaves no temporary behind (remove_temporaries_on_signals).
#pragma once

#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace clusterlens {

class AtomicFile {
public:
    /// Creates the temporary file `.NAME.tmp-PID-XXXXXX` next to `path` (UsageError if the
    /// folder does not exist, is not writable, or the path is a folder), first removing the
    /// temporaries of `path` that processes no longer running left (a run killed outright).
    explicit AtomicFile(std::string path);
    ~AtomicFile();  ///< removes the temporary file unless committed
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    std::ostream& stream() { return out_; }
    /// Flushes and closes the temporary file, checking that every byte was written, without
    /// renaming it yet (so several files can be finished first and then committed together).
    void finish();
    /// Flushes, closes and renames into place; BackendError on any write failure.
    void commit();
    const std::string& path() const noexcept { return path_; }

private:
    std::string path_;
    std::string temp_;
    int slot_ = -1;  ///< its place in the registry of temporaries (-1: not registered)
    std::ofstream out_;
    bool committed_ = false;
    bool finished_ = false;
};

/// Several outputs that replace their files together: each is written to its temporary file,
/// and commit_all() first finishes every one (checking every byte was written) and only then
/// renames them into place, so a write failure in one file commits none. Files not committed
/// are removed when the set goes away, leaving any previous outputs untouched.
class OutputSet {
public:
    /// `inputs`: the files of the run's input, which no output may name.
    explicit OutputSet(std::vector<std::string> inputs = {});

    /// Throws UsageError when one of `paths` names an input file. add() checks each path too;
    /// this is for checking every path before long work, ahead of adding them.
    void refuse_inputs(const std::vector<std::string>& paths) const;
    /// Creates the temporary file for `path` (AtomicFile's errors; UsageError when `path` is
    /// an input) and returns the stream to write it with.
    std::ostream& add(const std::string& path);
    /// Finishes every file, then renames each into place, in the order added; BackendError on
    /// any write failure (then none is renamed).
    void commit_all();
    /// The paths added, in order.
    std::vector<std::string> paths() const;

private:
    std::vector<std::string> inputs_;
    std::vector<std::unique_ptr<AtomicFile>> files_;
};

/// Removes every temporary file AtomicFile has open when the process gets SIGINT, SIGTERM or
/// SIGHUP, then ends the process with that signal as it would have ended without the handler.
/// The handler is async-signal-safe: it only unlinks the paths of a fixed registry that
/// AtomicFile fills and empties. Installed once, and only for signals left at their default
/// (an ignored SIGHUP under nohup stays ignored). SIGKILL cannot be caught: the next write to
/// the same destination removes what such a run left (AtomicFile's constructor).
void remove_temporaries_on_signals();

/// For tests: called with the temporary's path right after AtomicFile created and registered
/// it, before anything is written (nullptr: no hook).
void set_temporary_created_hook(void (*hook)(const char* temporary));

/// Checks, before any long work, that `dir` can be a run's output folder: it exists as a
/// folder clusterlens can write in, or can be created (its nearest existing parent is such a
/// folder), and it is apart from the run's inputs (`inputs`: the paths as given, folders
/// included, and the files they name): not an input, not inside an input folder, holding no
/// input. UsageError saying which and what to do. Creates nothing.
void check_output_folder(const std::string& dir, const std::vector<std::string>& inputs);

/// The same for an output file: not a folder, in an existing folder clusterlens can write in,
/// and not one of `inputs`.
void check_output_file(const std::string& path, const std::vector<std::string>& inputs);

/// Throws UsageError if any output path names the same file as an input path.
void refuse_overwriting_inputs(const std::vector<std::string>& outputs,
                               const std::vector<std::string>& inputs);

/// Creates the output folder `dir` (and its parents) if missing; UsageError when that fails or
/// a file of that name is in the way.
void create_output_folder(const std::string& dir);

}  // namespace clusterlens
