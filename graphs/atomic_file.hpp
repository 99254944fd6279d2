// Outputs are written to a temporary file next to the destination and renamed into place on
// commit(), so a failed run never leaves a half-written file or destroys the previous one.
#pragma once

#include <fstream>
#include <string>
#include <vector>

namespace clusterlens {

class AtomicFile {
public:
    /// Creates the temporary file (UsageError if the folder does not exist, is not writable, or
    /// the path is a folder).
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
    std::ofstream out_;
    bool committed_ = false;
    bool finished_ = false;
};

/// Throws UsageError if any output path names the same file as an input path.
void refuse_overwriting_inputs(const std::vector<std::string>& outputs,
                               const std::vector<std::string>& inputs);

/// Creates the output folder `dir` (and its parents) if missing; UsageError when that fails or
/// a file of that name is in the way.
void create_output_folder(const std::string& dir);

}  // namespace clusterlens
