#include "graphs/atomic_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>

#include "graphs/error.hpp"

namespace clusterlens {
namespace fs = std::filesystem;

// ---- the registry of temporaries, read by the signal handler --------------------------------
//
// A fixed array, so the handler touches no heap and takes no lock: a slot is claimed with a
// compare-and-swap (free -> filling), its path copied in, then published (-> live); the handler
// unlinks the live ones only. More temporaries open at once than slots (a Pajek export of
// hundreds of relations) go unregistered: an interrupt leaves those, and the next write to
// their destination removes them as stale.
namespace {

constexpr int kFree = 0, kFilling = 1, kLive = 2;
constexpr std::size_t kSlots = 128;

struct Slot {
    std::atomic<int> state{kFree};
    char path[PATH_MAX];
};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs lock-free slots");

Slot g_slots[kSlots];
void (*g_created_hook)(const char*) = nullptr;

int register_temporary(const std::string& path) {
    if (path.size() >= PATH_MAX) return -1;
    for (std::size_t i = 0; i < kSlots; ++i) {
        int expected = kFree;
        if (!g_slots[i].state.compare_exchange_strong(expected, kFilling)) continue;
        std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
        g_slots[i].state.store(kLive, std::memory_order_release);
        return static_cast<int>(i);
    }
    return -1;
}

void unregister_temporary(int slot) {
    if (slot >= 0) g_slots[slot].state.store(kFree, std::memory_order_release);
}

constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_temporaries_and_reraise(int sig) {
    const int saved = errno;
    for (auto& s : g_slots)
        if (s.state.load(std::memory_order_acquire) == kLive) unlink(s.path);
    errno = saved;
    // SA_RESETHAND put the default action back; the signal is blocked until we return, so it
    // is delivered then and ends the process as it would have without us.
    raise(sig);
}

/// Blocks the cleanup signals for its lifetime, so a set of renames is not cut in two.
class BlockCleanupSignals {
public:
    BlockCleanupSignals() {
        sigset_t set;
        sigemptyset(&set);
        for (const int sig : kCleanupSignals) sigaddset(&set, sig);
        pthread_sigmask(SIG_BLOCK, &set, &old_);
    }
    ~BlockCleanupSignals() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
    BlockCleanupSignals(const BlockCleanupSignals&) = delete;
    BlockCleanupSignals& operator=(const BlockCleanupSignals&) = delete;

private:
    sigset_t old_;
};

/// Removes `dir`/.NAME.tmp-PID-XXXXXX left by a process PID that is no longer running (killed
/// outright while writing `name`). A live PID (another run writing the same file, or a reused
/// PID) keeps its file.
void remove_stale_temporaries(const fs::path& dir, const std::string& name) {
    const std::string prefix = "." + name + ".tmp-";
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string entry = it->path().filename().string();
        if (entry.size() <= prefix.size() + 7 || entry.compare(0, prefix.size(), prefix) != 0)
            continue;
        // PID, '-', the six characters of mkstemp
        const std::string rest = entry.substr(prefix.size());
        const auto dash = rest.size() - 7;
        if (rest[dash] != '-' || dash == 0 || dash > 10) continue;
        long long pid = 0;
        bool digits = true;
        for (std::size_t k = 0; k < dash && digits; ++k) {
            digits = rest[k] >= '0' && rest[k] <= '9';
            pid = pid * 10 + (rest[k] - '0');
        }
        if (!digits || pid <= 0 || pid > INT_MAX || pid == getpid()) continue;
        if (kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still running
        std::error_code rm;
        fs::remove(it->path(), rm);
    }
}

}  // namespace

void remove_temporaries_on_signals() {
    static std::once_flag once;
    std::call_once(once, [] {
        for (const int sig : kCleanupSignals) {
            struct sigaction current {};
            if (sigaction(sig, nullptr, &current) != 0 || current.sa_handler != SIG_DFL) continue;
            struct sigaction action {};
            action.sa_handler = remove_temporaries_and_reraise;
            sigemptyset(&action.sa_mask);
            for (const int other : kCleanupSignals) sigaddset(&action.sa_mask, other);
            action.sa_flags = SA_RESETHAND;
            sigaction(sig, &action, nullptr);
        }
    });
}

void set_temporary_created_hook(void (*hook)(const char* temporary)) { g_created_hook = hook; }

// ---- AtomicFile -------------------------------------------------------------------------------

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
    const fs::path target(path_);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    remove_stale_temporaries(dir, target.filename().string());
    std::string pattern =
        (dir / ("." + target.filename().string() + ".tmp-" + std::to_string(getpid()) + "-XXXXXX"))
            .string();
    int fd = -1;
    {
        const BlockCleanupSignals block;  // created and registered, or neither
        fd = mkstemp(pattern.data());
        if (fd >= 0) slot_ = register_temporary(pattern);
    }
    if (fd < 0)
        throw UsageError("cannot write " + path_ + ": " + std::strerror(errno) +
                         " (does the folder exist and is it writable?)");
    std::error_code ec;
    if (fs::is_directory(target, ec)) {
        close(fd);
        std::remove(pattern.c_str());
        unregister_temporary(slot_);
        throw UsageError("cannot write " + path_ + ": it is a folder; choose a file name");
    }
    temp_ = pattern;
    close(fd);
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_) {
        std::remove(temp_.c_str());
        unregister_temporary(slot_);
        throw BackendError("cannot write " + path_ + ": cannot open a temporary file");
    }
    if (g_created_hook) g_created_hook(temp_.c_str());
}

AtomicFile::~AtomicFile() {
    if (!committed_) {
        out_.close();
        std::remove(temp_.c_str());
        unregister_temporary(slot_);
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
    unregister_temporary(slot_);  // after the rename: a signal in between unlinks nothing
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
    const BlockCleanupSignals block;  // an interrupt waits until every file is in place
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

// ---- checking outputs before the work ---------------------------------------------------------

namespace {

/// The path made absolute, with symbolic links of its existing part resolved and no trailing
/// separator, for comparing where two paths are.
fs::path where(const std::string& p) {
    std::error_code ec;
    fs::path w = fs::weakly_canonical(fs::absolute(p, ec), ec);
    if (ec) w = fs::absolute(p, ec).lexically_normal();
    if (!w.has_filename() && w.has_relative_path()) w = w.parent_path();
    return w;
}

/// True when `inner` is `outer` or below it.
bool within(const fs::path& inner, const fs::path& outer) {
    auto i = inner.begin();
    for (auto o = outer.begin(); o != outer.end(); ++o, ++i)
        if (i == inner.end() || *i != *o) return false;
    return true;
}

constexpr const char* kApart =
    "; choose an output folder apart from the inputs (clusterlens never writes among its "
    "inputs)";

/// UsageError unless this process can create files in `dir` (an existing folder): tried with a
/// probe file, created and removed at once, since permissions alone do not tell (root, ACLs,
/// read-only mounts, /proc).
void require_writable(const fs::path& dir, const std::string& what) {
    std::string probe =
        (dir / (".clusterlens-probe-" + std::to_string(getpid()) + "-XXXXXX")).string();
    int fd = -1, error = 0;
    {
        const BlockCleanupSignals block;  // never left behind
        fd = mkstemp(probe.data());
        error = errno;
        if (fd >= 0) {
            close(fd);
            unlink(probe.c_str());
        }
    }
    if (fd < 0)
        throw UsageError(what + ": cannot write in " + dir.string() + ": " + std::strerror(error) +
                         "; choose a folder you can write in");
}

}  // namespace

void check_output_folder(const std::string& dir, const std::vector<std::string>& inputs) {
    const auto out = where(dir);
    std::vector<fs::path> in;
    for (const auto& p : inputs) in.push_back(where(p));
    for (std::size_t k = 0; k < in.size(); ++k)
        if (in[k] == out)
            throw UsageError("output folder " + dir + " is the input " + inputs[k] + kApart);
    for (std::size_t k = 0; k < in.size(); ++k)
        if (within(out, in[k]))
            throw UsageError("output folder " + dir + " is inside the input " + inputs[k] + kApart);
    // A folder that holds an input further down (`score data/edges.csv -o .`) is fine: no output
    // replaces an input (OutputSet refuses that per file) and the input folder stays as it was.
    std::error_code ec;
    const bool exists = fs::exists(dir, ec);
    if (exists && !fs::is_directory(dir, ec))
        throw UsageError("output folder " + dir + " is a file; choose a folder name");
    // The folder, or the nearest of its parents that exists, must be a folder we can write in.
    fs::path existing = fs::absolute(dir, ec).lexically_normal();
    while (!fs::exists(existing, ec) && existing.has_relative_path())
        existing =
            existing.has_filename() ? existing.parent_path() : existing.parent_path().parent_path();
    if (!fs::is_directory(existing, ec))
        throw UsageError("cannot create folder " + dir + ": " + existing.string() +
                         " is a file; choose another output folder");
    require_writable(existing,
                     (exists ? "cannot write in folder " : "cannot create folder ") + dir);
}

void check_output_file(const std::string& path, const std::vector<std::string>& inputs) {
    std::error_code ec;
    if (fs::is_directory(path, ec))
        throw UsageError("cannot write " + path + ": it is a folder; choose a file name");
    refuse_overwriting_inputs({path}, inputs);
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(dir, ec))
        throw UsageError("cannot write " + path + ": there is no folder " + dir.string() +
                         "; create it first or choose another path");
    require_writable(dir, "cannot write " + path);
}

}  // namespace clusterlens
