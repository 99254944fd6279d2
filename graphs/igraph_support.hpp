// igraph discipline: igraph's default error handler aborts the process. clusterlens installs a
// handler that records the first message, frees igraph's FINALLY stack and returns; the C++ code
// checks the returned code and throws BackendError only after the C call has returned, so no
// exception ever crosses a C frame.
#pragma once

#include <igraph.h>

#include <string>
#include <utility>

namespace clusterlens {

/// Installs clusterlens' igraph error and warning handlers and the attribute-free setup.
/// Idempotent; called by every entry point that uses igraph. Debian's igraph 0.10 is not
/// thread-safe: igraph must only be called from one thread at a time.
void igraph_init_once();

/// Throws BackendError("<what>: <igraph message>") if `code` is not IGRAPH_SUCCESS.
void igraph_check(igraph_error_t code, const char* what);

/// Warnings igraph emitted since the last call (drained).
std::string igraph_take_warnings();

/// RAII owner of an igraph_t.
class IgraphGraph {
public:
    IgraphGraph();  ///< an empty undirected graph
    IgraphGraph(igraph_integer_t n, bool directed);
    ~IgraphGraph();
    IgraphGraph(const IgraphGraph& other);
    IgraphGraph& operator=(const IgraphGraph& other);
    IgraphGraph(IgraphGraph&& other) noexcept;
    IgraphGraph& operator=(IgraphGraph&& other) noexcept;

    igraph_t* get() noexcept { return &graph_; }
    const igraph_t* get() const noexcept { return &graph_; }

private:
    igraph_t graph_{};
    bool owned_ = false;
};

/// RAII owner of an igraph_vector_int_t.
class IgraphIntVector {
public:
    explicit IgraphIntVector(igraph_integer_t size = 0);
    ~IgraphIntVector();
    IgraphIntVector(const IgraphIntVector&) = delete;
    IgraphIntVector& operator=(const IgraphIntVector&) = delete;
    igraph_vector_int_t* get() noexcept { return &v_; }
    const igraph_vector_int_t* get() const noexcept { return &v_; }

private:
    igraph_vector_int_t v_{};
};

}  // namespace clusterlens
