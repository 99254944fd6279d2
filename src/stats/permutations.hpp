// Permutations for the permutation tests of `explain` and `qap`, the same for any thread count
// and on every platform.
//
// Random: permutation k (k = 0, 1, …) of 0..n−1 for a seed is a Fisher–Yates shuffle of the
// identity driven by its own generator, xoshiro256** (Blackman & Vigna 2021, ACM TOMS 47(4))
// whose state is four splitmix64 outputs from (seed, k). So permutation k does not depend on
// which thread draws it or on the permutations before it, and a seed gives the same p-values
// everywhere. The bounded draws reject (no modulo bias) and are written here, not taken from
// <random>'s distributions, whose algorithms differ between standard libraries.
//
// Exact: with n! ≤ the permutations asked for, a test can enumerate all n! permutations
// instead (lexicographic_permutation, the factorial number system), and its p-value is then
// exact rather than an estimate.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace clusterlens::scoring {

/// Writes permutation k of 0..out.size()−1 for `seed` into `out`. O(n).
void random_permutation(std::uint64_t seed, std::uint64_t k, std::span<std::uint32_t> out);

/// random_permutation for one n and many (seed, k): the same permutations, bit for bit, about
/// three times faster. The bounded draws of the shuffle (bounds n, n−1, …, 2, the same for
/// every permutation) are precomputed once: each bound's rejection limit, and for its remainder
/// a multiplier and shift (Granlund & Montgomery 1994, PLDI; the round-up method of libdivide)
/// in place of a 64-bit division per draw. O(n) memory.
class PermutationDrawer {
public:
    explicit PermutationDrawer(std::size_t n);
    std::size_t size() const { return bounds_.size(); }
    /// random_permutation(seed, k, out) with out.size() == size(). O(n).
    void operator()(std::uint64_t seed, std::uint64_t k, std::span<std::uint32_t> out) const;
    /// x mod (bound + 1) as the draws compute it (1 ≤ bound < size()); for tests.
    std::uint64_t remainder(std::uint64_t x, std::size_t bound) const;

    struct Bound {
        std::uint64_t limit = 0;  ///< largest draw accepted
        std::uint64_t magic = 0;  ///< multiplier (0: a power of two, mask instead)
        std::uint32_t shift = 0;
        bool add = false;
    };

private:
    std::vector<Bound> bounds_;  ///< bounds_[j] for the draw in [0, j] (j ≥ 1)
};

/// n! when it is at most `cap`, else 0. O(n).
std::uint64_t factorial_at_most(std::size_t n, std::uint64_t cap);

/// Writes the k-th permutation (k < n!, counting from 0 = the identity) of 0..out.size()−1 in
/// lexicographic order into `out`. O(n²).
void lexicographic_permutation(std::uint64_t k, std::span<std::uint32_t> out);

/// Calls work(block, first, last) for `blocks` consecutive blocks covering [0, count), on up
/// to `threads` threads (0: the hardware's). The blocks do not depend on `threads`, so results
/// gathered per block (or per index) combine the same for any thread count. The first
/// exception a block throws is rethrown after every thread has stopped.
void parallel_blocks(std::size_t count, std::size_t blocks, unsigned threads,
                     const std::function<void(std::size_t, std::size_t, std::size_t)>& work);

}  // namespace clusterlens::scoring
