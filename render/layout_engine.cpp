#include <fcntl.h>
#include <fmt/format.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "graphs/error.hpp"
#include "render/graphviz_support.hpp"
#include "render/layout_process.hpp"
#include "render/layouts.hpp"

extern char** environ;

namespace clusterlens::render {
namespace {

std::string& layout_program() {
    static std::string program;
    return program;
}

const char* engine_name(Layout layout) {
    return layout == Layout::sfdp    ? "sfdp"
           : layout == Layout::neato ? "neato"
           : layout == Layout::fdp   ? "fdp"
           : layout == Layout::dot   ? "dot"
                                     : "circo";
}

/// The bare network Graphviz lays out: nodes n0..n{k-1} of the view's widths, no labels.
GraphPtr layout_graph(const View& v, std::uint64_t seed) {
    GraphPtr g(
        agopen(const_cast<char*>("layout"), v.directed ? Agdirected : Agundirected, nullptr));
    agattr(g.get(), AGRAPH, const_cast<char*>("start"),
           const_cast<char*>(std::to_string(seed % 1000000007).c_str()));
    agattr(g.get(), AGRAPH, const_cast<char*>("overlap"), const_cast<char*>("prism"));
    agattr(g.get(), AGRAPH, const_cast<char*>("splines"), const_cast<char*>("false"));
    agattr(g.get(), AGNODE, const_cast<char*>("fixedsize"), const_cast<char*>("true"));
    auto* width = agattr(g.get(), AGNODE, const_cast<char*>("width"), const_cast<char*>("0.2"));
    auto* height = agattr(g.get(), AGNODE, const_cast<char*>("height"), const_cast<char*>("0.2"));
    agattr(g.get(), AGNODE, const_cast<char*>("label"), const_cast<char*>(""));
    agattr(g.get(), AGNODE, const_cast<char*>("shape"), const_cast<char*>("circle"));
    std::vector<Agnode_t*> nodes;
    for (std::size_t i = 0; i < v.nodes.size(); ++i) {
        auto* n = agnode(g.get(), const_cast<char*>(("n" + std::to_string(i)).c_str()), 1);
        const auto w = fmt::format("{:.3f}", v.nodes[i].width);
        agxset(n, width, const_cast<char*>(w.c_str()));
        agxset(n, height, const_cast<char*>(w.c_str()));
        nodes.push_back(n);
    }
    for (const auto& e : v.edges) agedge(g.get(), nodes[e.a], nodes[e.b], nullptr, 1);
    return g;
}

/// Lays `g` out here. sfdp draws its start positions from the C library's generators without
/// reseeding them from `start`: seed them, so a layout does not depend on what ran before it.
void lay_out_here(Agraph_t* g, const char* engine, std::uint64_t seed,
                  const std::function<void(Agnode_t*)>& take) {
    GVC_t* gvc = graphviz_context();
    take_graphviz_messages();
    srand48(static_cast<long>(seed % 2147483647));
    std::srand(static_cast<unsigned>(seed % 2147483647));
    LayoutGuard guard{gvc, g};
    if (gvLayout(gvc, g, engine) != 0)
        throw BackendError(std::string("graphviz: layout with ") + engine +
                           " failed: " + take_graphviz_messages());
    guard.active = true;
    for (auto* n = agfstnode(g); n != nullptr; n = agnxtnode(g, n)) take(n);
}

std::string graph_as_dot(Agraph_t* g) {
    char* buffer = nullptr;
    std::size_t size = 0;
    FILE* f = open_memstream(&buffer, &size);
    if (f == nullptr) return {};
    const bool ok = agwrite(g, f) == 0;
    std::fclose(f);
    std::string out = ok ? std::string(buffer, size) : std::string();
    std::free(buffer);
    return out;
}

/// A position snapped to a grid of 1/64 pt (exact in binary). Graphviz's fdp and sfdp give the
/// same graph and seed positions that differ by about 1e-12 pt from run to run (summation order:
/// sfdp's follows the heap addresses, fdp's varies even with address randomisation off); the
/// label placement then decided a borderline case the other way in about one run in eight
/// on a loaded machine (ctest outputs_identical_across_threads). On the grid two runs agree
/// unless a coordinate lies within 1e-12 of a grid boundary (about 1e-10 per coordinate), and
/// 1/64 pt (0.005 mm) is far below what a figure shows.
double on_grid(double x) { return std::round(x * 64.0) / 64.0; }

/// In-memory file holding `text`, positioned at its start; -1 on failure.
int memory_file(const std::string& text) {
    const int fd = memfd_create("clusterlens-layout", MFD_CLOEXEC);
    if (fd < 0) return -1;
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t w = write(fd, text.data() + done, text.size() - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            close(fd);
            return -1;
        }
        done += static_cast<std::size_t>(w);
    }
    lseek(fd, 0, SEEK_SET);
    return fd;
}

/// Runs `program __layout engine` on `dot`; its stdout, or nothing when it could not run or
/// failed (the caller lays out here instead). Exceptions only for a layout error the child
/// reported, so the message is Graphviz's.
bool lay_out_in_child(const std::string& program, const std::string& dot, const char* engine,
                      std::string& answer) {
    const int in = memory_file(dot);
    if (in < 0) return false;
    const int out = memfd_create("clusterlens-positions", MFD_CLOEXEC);
    if (out < 0) {
        close(in);
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in, 0);
    posix_spawn_file_actions_adddup2(&actions, out, 1);
    std::string arg0 = program, arg1 = "__layout", arg2 = engine;
    char* argv[] = {arg0.data(), arg1.data(), arg2.data(), nullptr};
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(in);
    int status = 0;
    bool ok = rc == 0;
    if (ok) {
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        ok = WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 1);
    }
    if (ok) {
        lseek(out, 0, SEEK_SET);
        char buf[65536];
        for (;;) {
            const ssize_t r = read(out, buf, sizeof buf);
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) break;
            answer.append(buf, static_cast<std::size_t>(r));
        }
        if (WEXITSTATUS(status) == 1) {
            close(out);
            const auto at = answer.find("error: ");
            throw BackendError(at == std::string::npos ? "graphviz: layout failed"
                                                       : answer.substr(at + 7));
        }
    }
    close(out);
    return ok;
}

}  // namespace

void set_layout_process(const std::string& program) { layout_program() = program; }

int layout_process_main(const std::string& engine) {
    try {
        std::string dot((std::istreambuf_iterator<char>(std::cin)), {});
        auto g = read_dot(dot);
        const char* seed = agget(g.get(), const_cast<char*>("start"));
        const std::uint64_t s = seed != nullptr ? std::strtoull(seed, nullptr, 10) : 1;
        std::string out;
        lay_out_here(g.get(), engine.c_str(), s, [&](Agnode_t* n) {
            out += fmt::format("{} {:.17g} {:.17g}\n", agnameof(n), ND_coord(n).x, ND_coord(n).y);
        });
        std::cout << out << std::flush;
        return std::cout ? 0 : 2;
    } catch (const std::exception& e) {
        std::cout << "error: " << e.what() << std::flush;
        return 1;
    }
}

void engine_layout(View& v, Layout layout, std::uint64_t seed) {
    GraphPtr g = layout_graph(v, seed);
    const char* engine = engine_name(layout);
    const std::string& program = layout_program();
    if (!program.empty()) {
        std::string answer;
        if (lay_out_in_child(program, graph_as_dot(g.get()), engine, answer)) {
            std::vector<int> seen(v.nodes.size(), 0);
            std::istringstream lines(answer);
            std::string name;
            double x = 0, y = 0;
            std::size_t placed = 0;
            while (lines >> name >> x >> y) {
                const std::size_t i = std::strtoull(name.c_str() + 1, nullptr, 10);
                if (name.empty() || name[0] != 'n' || i >= v.nodes.size() || seen[i]) break;
                seen[i] = 1;
                v.nodes[i].x = on_grid(x);
                v.nodes[i].y = on_grid(y);
                ++placed;
            }
            if (placed == v.nodes.size()) return;
        }
        // The child could not run or answered something else: lay out here.
    }
    std::unordered_map<Agnode_t*, std::size_t> index;
    std::size_t i = 0;
    for (auto* n = agfstnode(g.get()); n != nullptr; n = agnxtnode(g.get(), n)) index[n] = i++;
    lay_out_here(g.get(), engine, seed, [&](Agnode_t* n) {
        const std::size_t k = index.at(n);
        v.nodes[k].x = on_grid(ND_coord(n).x);
        v.nodes[k].y = on_grid(ND_coord(n).y);
    });
}

}  // namespace clusterlens::render
