#include "graphs/igraph_support.hpp"

#include <cstdarg>
#include <cstdio>
#include <mutex>

#include "graphs/error.hpp"

namespace clusterlens {
namespace {

// The first message of the current failing call (igraph calls the handler once per stack level).
thread_local std::string g_error_message;
thread_local bool g_error_pending = false;
thread_local std::string g_warnings;

void record_error(const char* reason, const char* file, int line, igraph_error_t code) {
    if (!g_error_pending) {
        g_error_pending = true;
        g_error_message = std::string(igraph_strerror(code));
        if (reason != nullptr && *reason != '\0') g_error_message += std::string(": ") + reason;
        if (file != nullptr)
            g_error_message += " [" + std::string(file) + ":" + std::to_string(line) + "]";
    }
    IGRAPH_FINALLY_FREE();  // free what igraph registered; never throw or longjmp from here
}

void record_warning(const char* reason, const char* /*file*/, int /*line*/) {
    if (!g_warnings.empty()) g_warnings += '\n';
    g_warnings += reason != nullptr ? reason : "(no message)";
}

}  // namespace

void igraph_init_once() {
    static std::once_flag once;
    std::call_once(once, [] {
        igraph_set_error_handler(&record_error);
        igraph_set_warning_handler(&record_warning);
    });
}

void igraph_check(igraph_error_t code, const char* what) {
    if (code == IGRAPH_SUCCESS) {
        g_error_pending = false;
        return;
    }
    std::string message = g_error_pending ? g_error_message : std::string(igraph_strerror(code));
    g_error_pending = false;
    g_error_message.clear();
    throw BackendError(std::string(what) + ": igraph: " + message);
}

std::string igraph_take_warnings() {
    std::string out;
    out.swap(g_warnings);
    return out;
}

IgraphGraph::IgraphGraph() : IgraphGraph(0, false) {}

IgraphGraph::IgraphGraph(igraph_integer_t n, bool directed) {
    igraph_init_once();
    igraph_check(igraph_empty(&graph_, n, directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED),
                 "creating a graph");
    owned_ = true;
}

IgraphGraph::~IgraphGraph() {
    if (owned_) igraph_destroy(&graph_);
}

IgraphGraph::IgraphGraph(const IgraphGraph& other) {
    igraph_check(igraph_copy(&graph_, &other.graph_), "copying a graph");
    owned_ = true;
}

IgraphGraph& IgraphGraph::operator=(const IgraphGraph& other) {
    if (this != &other) {
        IgraphGraph copy(other);
        *this = std::move(copy);
    }
    return *this;
}

IgraphGraph::IgraphGraph(IgraphGraph&& other) noexcept
    : graph_(other.graph_), owned_(other.owned_) {
    other.owned_ = false;
    other.graph_ = igraph_t{};
}

IgraphGraph& IgraphGraph::operator=(IgraphGraph&& other) noexcept {
    if (this != &other) {
        if (owned_) igraph_destroy(&graph_);
        graph_ = other.graph_;
        owned_ = other.owned_;
        other.owned_ = false;
        other.graph_ = igraph_t{};
    }
    return *this;
}

IgraphIntVector::IgraphIntVector(igraph_integer_t size) {
    igraph_init_once();
    igraph_check(igraph_vector_int_init(&v_, size), "allocating a vector");
}

IgraphIntVector::~IgraphIntVector() { igraph_vector_int_destroy(&v_); }

}  // namespace clusterlens
