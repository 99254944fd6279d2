// igraph discipline: a failing igraph call returns through clusterlens' handler (no abort), the
// message is kept, and the C++ layer throws only after the call returned; the handlers are
// clusterlens' only while a call runs, and the ones set before (a host's) come back after.
#include "graphs/igraph_support.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "graphs/error.hpp"

namespace clusterlens {
namespace {

TEST(IgraphSupport, FailingCallBecomesBackendErrorWithIgraphsMessage) {
    IgraphGraph g(3, false);
    igraph_vector_int_t edges;
    igraph_integer_t bad[] = {0, 7};  // vertex 7 does not exist
    igraph_vector_int_view(&edges, bad, 2);
    try {
        igraph_call("adding ties", igraph_add_edges, g.get(), &edges, nullptr);
        FAIL() << "no error";
    } catch (const BackendError& e) {
        const std::string what = e.what();
        EXPECT_EQ(what.rfind("adding ties: igraph: ", 0), 0u) << what;
        EXPECT_NE(what.find("Invalid vertex ID"), std::string::npos) << what;
    }
    // The graph is still usable afterwards, and a later success does not repeat the old message.
    igraph_integer_t good[] = {0, 1};
    igraph_vector_int_view(&edges, good, 2);
    EXPECT_NO_THROW(igraph_call("adding ties", igraph_add_edges, g.get(), &edges, nullptr));
    EXPECT_EQ(igraph_ecount(g.get()), 1);
}

TEST(IgraphSupport, GraphIsCopyableAndMovable) {
    IgraphGraph a(4, true);
    IgraphGraph b(a);
    EXPECT_EQ(igraph_vcount(b.get()), 4);
    EXPECT_TRUE(igraph_is_directed(b.get()));
    IgraphGraph c(std::move(a));
    EXPECT_EQ(igraph_vcount(c.get()), 4);
    b = c;
    EXPECT_EQ(igraph_vcount(b.get()), 4);
}

// ---- the handlers are scoped ----------------------------------------------------------------

// A host process (R igraph, python-igraph) with handlers of its own; they count their calls.
int host_errors = 0, host_warnings = 0;
void host_error_handler(const char*, const char*, int, igraph_error_t) {
    ++host_errors;
    IGRAPH_FINALLY_FREE();
}
void host_warning_handler(const char*, const char*, int) { ++host_warnings; }

// igraph only says which handler is set by returning it when another is set.
igraph_error_handler_t* current_error_handler() {
    auto* current = igraph_set_error_handler(&host_error_handler);
    igraph_set_error_handler(current);
    return current;
}
igraph_warning_handler_t* current_warning_handler() {
    auto* current = igraph_set_warning_handler(&host_warning_handler);
    igraph_set_warning_handler(current);
    return current;
}

class HostHandlers : public ::testing::Test {
protected:
    void SetUp() override {
        saved_error_ = igraph_set_error_handler(&host_error_handler);
        saved_warning_ = igraph_set_warning_handler(&host_warning_handler);
        host_errors = host_warnings = 0;
    }
    void TearDown() override {
        igraph_set_error_handler(saved_error_);
        igraph_set_warning_handler(saved_warning_);
    }

private:
    igraph_error_handler_t* saved_error_ = nullptr;
    igraph_warning_handler_t* saved_warning_ = nullptr;
};

TEST_F(HostHandlers, ScopeSetsOursAndRestoresTheHosts) {
    {
        const IgraphHandlerScope outer;
        auto* ours = current_error_handler();
        EXPECT_NE(ours, &host_error_handler);
        EXPECT_NE(current_warning_handler(), &host_warning_handler);
        {
            const IgraphHandlerScope inner;  // nested: restores the outer scope's, ours
            EXPECT_EQ(current_error_handler(), ours);
        }
        EXPECT_EQ(current_error_handler(), ours);
    }
    EXPECT_EQ(current_error_handler(), &host_error_handler);
    EXPECT_EQ(current_warning_handler(), &host_warning_handler);
}

TEST_F(HostHandlers, FailingCallUsesOursAndLeavesTheHostsInPlace) {
    IgraphGraph g(2, false);
    igraph_vector_int_t edges;
    igraph_integer_t bad[] = {0, 9};
    igraph_vector_int_view(&edges, bad, 2);
    EXPECT_THROW(igraph_call("adding ties", igraph_add_edges, g.get(), &edges, nullptr),
                 BackendError);
    EXPECT_EQ(host_errors, 0);  // the error went to clusterlens' handler, not the host's
    EXPECT_EQ(current_error_handler(), &host_error_handler);
    EXPECT_EQ(current_warning_handler(), &host_warning_handler);
    // The host's own calls still reach the host's handlers.
    EXPECT_NE(igraph_add_edges(g.get(), &edges, nullptr), IGRAPH_SUCCESS);
    EXPECT_EQ(host_errors, 1);
}

TEST(IgraphSupport, CheckOutsideAScopeIsRefused) {
    try {
        igraph_check(IGRAPH_SUCCESS, "counting");
        FAIL() << "no error";
    } catch (const BackendError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "counting: igraph called outside an IgraphHandlerScope (use igraph_call)");
    }
}

TEST(ScopedIgraphRng, SameSeedSameDrawsAndDefaultRestored) {
    const auto draws = [] {
        std::vector<igraph_integer_t> d;
        RNG_BEGIN();  // as igraph's randomised functions do: seeds from the clock if unseeded
        for (int k = 0; k < 4; ++k) d.push_back(RNG_INTEGER(0, 1000000));
        return d;
    };
    igraph_rng_seed(igraph_rng_default(), 5);
    const auto expected_after = draws();  // the default's stream from seed 5
    igraph_rng_seed(igraph_rng_default(), 5);
    std::vector<igraph_integer_t> first, again;
    {
        ScopedIgraphRng rng(9);
        first = draws();
        rng.seed(9);
        again = draws();
    }
    EXPECT_EQ(first, again);  // reseeding restarts the stream
    // The default was left where it was: its next draws are still seed 5's.
    EXPECT_EQ(draws(), expected_after);
    {
        ScopedIgraphRng rng(9);  // and a second private generator starts as the first did
        EXPECT_EQ(draws(), first);
    }
}

}  // namespace
}  // namespace clusterlens
