// igraph discipline: a failing igraph call returns through clusterlens' handler (no abort), the
// message is kept, and the C++ layer throws only after the call returned.
#include "graphs/igraph_support.hpp"

#include <gtest/gtest.h>

#include "graphs/error.hpp"

namespace clusterlens {
namespace {

TEST(IgraphSupport, FailingCallBecomesBackendErrorWithIgraphsMessage) {
    IgraphGraph g(3, false);
    igraph_vector_int_t edges;
    igraph_integer_t bad[] = {0, 7};  // vertex 7 does not exist
    igraph_vector_int_view(&edges, bad, 2);
    try {
        igraph_check(igraph_add_edges(g.get(), &edges, nullptr), "adding ties");
        FAIL() << "no error";
    } catch (const BackendError& e) {
        const std::string what = e.what();
        EXPECT_EQ(what.rfind("adding ties: igraph: ", 0), 0u) << what;
        EXPECT_NE(what.find("Invalid vertex ID"), std::string::npos) << what;
    }
    // The graph is still usable afterwards, and a later success does not repeat the old message.
    igraph_integer_t good[] = {0, 1};
    igraph_vector_int_view(&edges, good, 2);
    EXPECT_NO_THROW(igraph_check(igraph_add_edges(g.get(), &edges, nullptr), "adding ties"));
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

}  // namespace
}  // namespace clusterlens
