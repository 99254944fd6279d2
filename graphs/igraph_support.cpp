#include "graphs/igraph_support.hpp"

#include <cstdarg>
#include <cstdio>

#include "graphs/error.hpp"

namespace clusterlens {
namespace {

// The first message of the current failing call (igraph calls the handler once per stack level).
thread_local std::string g_error_message;
thread_local bool g_error_pending = false;
thread_local std::string g_warnings;
thread_local int g_scope_depth = 0;  // IgraphHandlerScopes alive on this thread

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

IgraphHandlerScope::IgraphHandlerScope() noexcept
    : previous_error_(igraph_set_error_handler(&record_error)),
      previous_warning_(igraph_set_warning_handler(&record_warning)) {
    ++g_scope_depth;
}

IgraphHandlerScope::~IgraphHandlerScope() {
    --g_scope_depth;
    igraph_set_warning_handler(previous_warning_);
    igraph_set_error_handler(previous_error_);
}

void igraph_check(igraph_error_t code, const char* what) {
    if (g_scope_depth == 0)
        throw BackendError(std::string(what) +
                           ": igraph called outside an IgraphHandlerScope (use igraph_call)");
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
    igraph_call("creating a graph", igraph_empty, &graph_, n,
                directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED);
    owned_ = true;
}

IgraphGraph::~IgraphGraph() {
    if (owned_) igraph_destroy(&graph_);
}

IgraphGraph::IgraphGraph(const IgraphGraph& other) {
    igraph_call("copying a graph", igraph_copy, &graph_, &other.graph_);
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
    igraph_call("allocating a vector", igraph_vector_int_init, &v_, size);
}

IgraphIntVector::~IgraphIntVector() { igraph_vector_int_destroy(&v_); }

ScopedIgraphRng::ScopedIgraphRng(std::uint64_t seed) : previous_(*igraph_rng_default()) {
    igraph_call("creating a random number generator", igraph_rng_init, &rng_,
                &igraph_rngtype_pcg32);
    igraph_rng_set_default(&rng_);
    try {
        this->seed(seed);
    } catch (...) {
        igraph_rng_set_default(&previous_);
        igraph_rng_destroy(&rng_);
        throw;
    }
}

ScopedIgraphRng::~ScopedIgraphRng() {
    igraph_rng_set_default(&previous_);
    igraph_rng_destroy(&rng_);
}

void ScopedIgraphRng::seed(std::uint64_t seed) {
    // Through the default, igraph's copy of rng_: it shares rng_'s state, and its is_seeded
    // flag is the one igraph's RNG_BEGIN() reads (left false, the first randomised call would
    // seed the generator from the clock).
    igraph_call("seeding igraph's random number generator", igraph_rng_seed, igraph_rng_default(),
                static_cast<igraph_uint_t>(seed));
}

}  // namespace clusterlens
