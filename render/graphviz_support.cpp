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

std::vector<std::pair<double, double>> measure_labels(const std::vector<std::string>& html) {
    std::vector<std::pair<double, double>> out;
    if (html.empty()) return out;
    GVC_t* gvc = graphviz_context();
    take_graphviz_messages();
    GraphPtr g(agopen(const_cast<char*>("measure"), Agundirected, nullptr));
    auto* shape =
        agattr(g.get(), AGNODE, const_cast<char*>("shape"), const_cast<char*>("plaintext"));
    auto* margin = agattr(g.get(), AGNODE, const_cast<char*>("margin"), const_cast<char*>("0"));
    auto* width = agattr(g.get(), AGNODE, const_cast<char*>("width"), const_cast<char*>("0"));
    auto* height = agattr(g.get(), AGNODE, const_cast<char*>("height"), const_cast<char*>("0"));
    auto* pos = agattr(g.get(), AGNODE, const_cast<char*>("pos"), const_cast<char*>("0,0"));
    auto* label = agattr(g.get(), AGNODE, const_cast<char*>("label"), const_cast<char*>(""));
    (void)shape, (void)margin, (void)width, (void)height, (void)pos;
    std::vector<Agnode_t*> nodes;
    for (std::size_t i = 0; i < html.size(); ++i) {
        auto* n = agnode(g.get(), const_cast<char*>(("t" + std::to_string(i)).c_str()), 1);
        char* h = agstrdup_html(g.get(), const_cast<char*>(html[i].c_str()));
        agxset(n, label, h);
        agstrfree(g.get(), h);
        nodes.push_back(n);
    }
    LayoutGuard guard{gvc, g.get()};
    if (gvLayout(gvc, g.get(), "nop2") != 0)
        throw BackendError("graphviz: measuring text failed: " + take_graphviz_messages());
    guard.active = true;
    for (auto* n : nodes) out.emplace_back(ND_width(n) * 72.0, ND_height(n) * 72.0);
    return out;
}

}  // namespace clusterlens::render
