#include "graphs/atomic_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "graphs/error.hpp"

namespace clusterlens {
namespace fs = std::filesystem;

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
    const fs::path target(path_);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string pattern = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0)
        throw UsageError("cannot write " + path_ + ": " + std::strerror(errno) +
                         " (does the folder exist and is it writable?)");
    std::error_code ec;
    if (fs::is_directory(target, ec)) {
        close(fd);
        std::remove(pattern.c_str());
        throw UsageError("cannot write " + path_ + ": it is a folder; choose a file name");
    }
    close(fd);
    temp_ = pattern;
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_) {
        std::remove(temp_.c_str());
        throw BackendError("cannot write " + path_ + ": cannot open a temporary file");
    }
}

AtomicFile::~AtomicFile() {
    if (!committed_) {
        out_.close();
        std::remove(temp_.c_str());
    }
}

void AtomicFile::finish() {
    if (finished_) return;
    out_.flush();
    const bool ok = static_cast<bool>(out_);
    out_.close();
    if (!ok || out_.fail())
        throw BackendError("cannot write " + path_ + ": write failed (disk full?)");
    finished_ = true;
}

void AtomicFile::commit() {
    finish();
    // mkstemp creates 0600 files; give the output the usual permissions (umask applies).
    const mode_t mask = umask(0);
    umask(mask);
    fs::permissions(temp_, static_cast<fs::perms>(0666 & ~mask), fs::perm_options::replace);
    if (std::rename(temp_.c_str(), path_.c_str()) != 0)
        throw BackendError("cannot write " + path_ + ": " + std::strerror(errno));
    committed_ = true;
}

OutputSet::OutputSet(std::vector<std::string> inputs) : inputs_(std::move(inputs)) {}

void OutputSet::refuse_inputs(const std::vector<std::string>& paths) const {
    refuse_overwriting_inputs(paths, inputs_);
}

std::ostream& OutputSet::add(const std::string& path) {
    refuse_inputs({path});
    files_.push_back(std::make_unique<AtomicFile>(path));
    return files_.back()->stream();
}

void OutputSet::commit_all() {
    for (auto& f : files_) f->finish();
    for (auto& f : files_) f->commit();
}

std::vector<std::string> OutputSet::paths() const {
    std::vector<std::string> out;
    for (const auto& f : files_) out.push_back(f->path());
    return out;
}

void refuse_overwriting_inputs(const std::vector<std::string>& outputs,
                               const std::vector<std::string>& inputs) {
    for (const auto& out : outputs) {
        std::error_code ec;
        const auto o = fs::weakly_canonical(out, ec);
        for (const auto& in : inputs) {
            std::error_code ec2;
            const bool same = (fs::exists(out, ec2) && fs::equivalent(out, in, ec2)) ||
                              (!ec && o == fs::weakly_canonical(in, ec2));
            if (same)
                throw UsageError("output " + out + " is the input " + in +
                                 "; choose another output path (clusterlens never overwrites "
                                 "its input)");
        }
    }
}

void create_output_folder(const std::string& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec || !std::filesystem::is_directory(dir))
        throw UsageError("cannot create folder " + dir + ": " +
                         (ec ? ec.message() : std::string("a file of that name exists")));
}

}  // namespace clusterlens
