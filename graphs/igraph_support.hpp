// igraph discipline: igraph's default error handler aborts the process. Every igraph call of
// clusterlens runs inside an IgraphHandlerScope, which sets handlers that record the first
// message, free igraph's FINALLY stack and return, and restores the handlers that were set
// before when it ends: clusterlens is a guest in a process that may hold R igraph or
// python-igraph with handlers of their own. The C++ code checks the returned code and throws
// BackendError only after the C call has returned, so no exception ever crosses a C frame.
// Debian's igraph 0.10 is not thread-safe (its handlers are process-wide too): igraph must only
// be called from one thread at a time.
#pragma once

#include <igraph.h>

#include <cstdint>
#include <string>
#include <utility>

namespace clusterlens {

/// While alive, clusterlens' igraph error and warning handlers are the ones igraph calls; the
/// destructor puts back the handlers it found. Scopes nest (an inner one restores the outer's).
class IgraphHandlerScope {
public:
    IgraphHandlerScope() noexcept;
    ~IgraphHandlerScope();
    IgraphHandlerScope(const IgraphHandlerScope&) = delete;
    IgraphHandlerScope& operator=(const IgraphHandlerScope&) = delete;

private:
    igraph_error_handler_t* previous_error_;
    igraph_warning_handler_t* previous_warning_;
};

/// Throws BackendError("<what>: igraph: <message>") if `code` is not IGRAPH_SUCCESS. Only for
/// the code of a call made inside an IgraphHandlerScope (igraph_call does both): outside one,
/// igraph may already have aborted, so a call there is a BackendError even when it succeeded.
void igraph_check(igraph_error_t code, const char* what);

/// Calls igraph `function(args...)` inside an IgraphHandlerScope and checks its code:
/// igraph_call("coreness", igraph_coreness, graph, cores.get(), IGRAPH_ALL). The one way
/// clusterlens calls an igraph function that can fail.
template <class Function, class... Args>
void igraph_call(const char* what, Function&& function, Args&&... args) {
    const IgraphHandlerScope scope;
    igraph_check(std::forward<Function>(function)(std::forward<Args>(args)...), what);
}

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

/// igraph's default random number generator replaced, for this object's lifetime, by a private
/// PCG32 (igraph 0.10's default type) seeded with `seed`; the previous default is put back on
/// destruction, its state untouched. So a randomised igraph call gives the same result whatever
/// ran before it in the process (a library user scoring twice, a test running commands
/// in-process), and leaves nothing behind for the next. Not thread-safe (igraph's default RNG is
/// global): one at a time, as every igraph call here. igraph 0.10's igraph_rng_set_default()
/// copies the struct it is given into its own default (igraph_rng_default() never returns the
/// pointer passed in), so the previous default is kept here by value, not by pointer: a pointer
/// to the default would see our generator after the swap and "restore" it, leaving igraph's
/// default on freed state.
class ScopedIgraphRng {
public:
    explicit ScopedIgraphRng(std::uint64_t seed);
    ~ScopedIgraphRng();
    ScopedIgraphRng(const ScopedIgraphRng&) = delete;
    ScopedIgraphRng& operator=(const ScopedIgraphRng&) = delete;
    /// Seeds the private generator again (the next run of a repeated method).
    void seed(std::uint64_t seed);

private:
    igraph_rng_t rng_{};
    igraph_rng_t previous_{};  // a copy of igraph's default as it was (type, state pointer)
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
