#include "render/graphviz_support.hpp"

#include <cstdlib>
#include <mutex>

#include "graphs/error.hpp"

namespace clusterlens::render {
namespace {

std::string& messages() {
    static std::string m;
    return m;
}

int capture(char* text) {
    if (text != nullptr) messages() += text;
    return 0;
}

struct ContextDeleter {
    void operator()(GVC_t* c) const noexcept {
        if (c != nullptr) gvFreeContext(c);
    }
};

/// Releases a layout when the rendering is done or fails.
struct LayoutGuard {
    GVC_t* gvc;
    Agraph_t* graph;
    bool active = false;
    ~LayoutGuard() {
        if (active) gvFreeLayout(gvc, graph);
    }
};

}  // namespace

GVC_t* graphviz_context() {
    static std::unique_ptr<GVC_t, ContextDeleter> context;
    static std::once_flag once;
    std::call_once(once, [] {
        agseterr(AGWARN);
        agseterrf(&capture);
        context.reset(gvContext());
    });
    if (!context) throw BackendError("graphviz: cannot create a context");
    return context.get();
}

std::string take_graphviz_messages() {
    std::string out;
    out.swap(messages());
    return out;
}

GraphPtr read_dot(const std::string& dot) {
    graphviz_context();
    take_graphviz_messages();
    GraphPtr g(agmemread(dot.c_str()));
    if (!g) {
        auto msg = take_graphviz_messages();
        while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
        throw BackendError("graphviz: cannot read DOT" +
                           (msg.empty() ? std::string() : ": " + msg));
    }
    return g;
}

std::string layout_and_render(Agraph_t* graph, const std::string& engine,
                              const std::string& format) {
    GVC_t* gvc = graphviz_context();
    take_graphviz_messages();
    LayoutGuard guard{gvc, graph};
    if (gvLayout(gvc, graph, engine.c_str()) != 0)
        throw BackendError("graphviz: layout with '" + engine +
                           "' failed: " + take_graphviz_messages());
    guard.active = true;
    char* data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(gvc, graph, format.c_str(), &data, &length) != 0 || data == nullptr) {
        if (data != nullptr) gvFreeRenderData(data);
        throw BackendError("graphviz: rendering '" + format +
                           "' failed: " + take_graphviz_messages());
    }
    std::string out(data, length);
    gvFreeRenderData(data);
    return out;
}

}  // namespace clusterlens::render
