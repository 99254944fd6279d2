// The inner loop of the QAP tests (qap.hpp): the products of one permuted dyadic matrix with a
// few fixed dyadic columns, in one pass over the dyads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace clusterlens::scoring {

/// The dense n×n matrix of dyadic values in dyad order (qap.hpp): row-major, diagonal 0,
/// symmetric when undirected. O(n²) time and memory.
std::vector<double> dense_dyadic(const std::vector<double>& values, std::size_t n, bool directed);

/// out[s] = Σ_d Z[π(i)·n + π(j)] · columns[s][d] over the dyads d = (i, j) in dyad order, for
/// s < count, with Z from dense_dyadic and perm = π. The sums are taken in a fixed order (the
/// dyads', with four partial sums for one column), so the same π gives the same bits on every
/// thread. O(N·count).
void permuted_products(const double* z, std::size_t n, bool directed, const std::uint32_t* perm,
                       const double* const* columns, std::size_t count, double* out);

/// The same for T permuted matrices at once, interleaved in `z`: element (a, b) of matrix t at
/// (a·n + b)·T + t, so that the T values a relabelling gathers together share a cache line:
/// out[t·count + s] = Σ_d Z_t[π(i)·n + π(j)] · columns[s][d], one pass over the dyads (each column
/// read once for all T matrices); unrolled when T = count ≤ 5. O(N·T·count).
void permuted_products_grid(const double* z, std::size_t terms, std::size_t n, bool directed,
                            const std::uint32_t* perm, const double* const* columns,
                            std::size_t count, double* out);

}  // namespace clusterlens::scoring
