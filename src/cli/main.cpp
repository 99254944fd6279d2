// clusterlens command-line entry: parses nothing itself; maps errors to exit codes
// (0 ok, 1 input error, 2 usage error, 3 internal error).
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "render/layout_process.hpp"
#include "src/cli/commands.hpp"

namespace {

/// Transparent huge pages for the heap. Loading a large network makes a few hundred MB of small
/// allocations; with 4 KB pages the kernel spent a quarter of loading the whole CORDIS network
/// faulting them in (60,000 page faults; 7,700 with huge pages, and the load 2.4 times faster:
/// tests/bench/RESULTS.md). glibc (2.35 and later) puts the heap on huge pages only when the
/// GLIBC_TUNABLES environment variable says so at start, so the program starts itself again,
/// once, with glibc.malloc.hugetlb=1 added, when the kernel gives huge pages on request
/// ("madvise"). Nothing else changes: same arguments, streams and exit code.
/// CLUSTERLENS_HUGEPAGES=0 turns it off; it is never done under the sanitizers (their allocator
/// ignores the tunable).
void restart_with_huge_pages(char** argv) {
#if defined(__linux__) && defined(__GLIBC__) &&                     \
    (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 35)) && \
    !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    if (const char* off = std::getenv("CLUSTERLENS_HUGEPAGES"); off && std::strcmp(off, "0") == 0)
        return;
    // Under valgrind the restarted program would run outside it (no --trace-children).
    if (const char* preload = std::getenv("LD_PRELOAD");
        preload && std::strstr(preload, "vgpreload") != nullptr)
        return;
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    if (tunables && std::strstr(tunables, "glibc.malloc.hugetlb") != nullptr) return;  // done
    std::ifstream thp("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string mode;
    std::getline(thp, mode);
    if (mode.find("[madvise]") == std::string::npos) return;  // always: no need; never: no use
    std::string value = tunables && *tunables ? std::string(tunables) + ":" : std::string();
    value += "glibc.malloc.hugetlb=1";
    if (setenv("GLIBC_TUNABLES", value.c_str(), 1) != 0) return;
    execv("/proc/self/exe", argv);
    unsetenv("GLIBC_TUNABLES");  // exec failed: carry on as we are
    if (tunables) setenv("GLIBC_TUNABLES", tunables, 1);
#else
    (void)argv;
#endif
}

}  // namespace

int main(int argc, char** argv) {
    // A child started by the renderer to lay a network out in a fresh process
    // (render/layout_process.hpp); not a command users type.
    if (argc == 3 && std::strcmp(argv[1], "__layout") == 0)
        return clusterlens::render::layout_process_main(argv[2]);
    restart_with_huge_pages(argv);
    clusterlens::render::set_layout_process("/proc/self/exe");
    std::vector<std::string> args(argv + 1, argv + argc);
    return clusterlens::cli::run(args, {std::cout, std::cerr});
}
