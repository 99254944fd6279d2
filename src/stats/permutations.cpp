#include "src/stats/permutations.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <limits>
#include <numeric>
#include <thread>
#include <vector>

namespace clusterlens::scoring {

namespace {

/// splitmix64 (Steele, Lea & Flood 2014): one step of the state, one output.
std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

/// xoshiro256** with its state from splitmix64 of (seed, k).
class Xoshiro {
public:
    Xoshiro(std::uint64_t seed, std::uint64_t k) {
        std::uint64_t sm = seed;
        std::uint64_t mixed = splitmix64(sm) ^ k;
        for (auto& word : s_) word = splitmix64(mixed);
    }
    std::uint64_t operator()() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

private:
    std::uint64_t s_[4];
};

/// Uniform draw in [0, bound] by rejection (no modulo bias).
std::uint64_t draw_at_most(Xoshiro& rng, std::uint64_t bound) {
    const std::uint64_t range = bound + 1;
    const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t limit = max - (max % range + 1) % range;
    std::uint64_t x = rng();
    while (x > limit) x = rng();
    return x % range;
}

/// The limit draw_at_most uses for `bound`: draws above it are rejected.
std::uint64_t limit_of(std::uint64_t bound) {
    const std::uint64_t range = bound + 1;
    const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    return max - (max % range + 1) % range;
}

#if defined(__SIZEOF_INT128__)
constexpr bool kFastRemainder = true;
__extension__ typedef unsigned __int128 u128;  // GCC and clang; __extension__: no -Wpedantic
std::uint64_t mul_high(std::uint64_t a, std::uint64_t b) {
    return static_cast<std::uint64_t>((static_cast<u128>(a) * b) >> 64);
}
#else
constexpr bool kFastRemainder = false;  // no 128-bit product: a division per draw
std::uint64_t mul_high(std::uint64_t, std::uint64_t) { return 0; }
#endif

/// x mod d for the divisor d the bound was made for.
std::uint64_t remainder_of(std::uint64_t x, std::uint64_t d, const PermutationDrawer::Bound& b) {
    if (!kFastRemainder) return x % d;
    if (b.magic == 0) return x & (d - 1);  // a power of two
    const std::uint64_t t = mul_high(b.magic, x);
    const std::uint64_t q = b.add ? (((x - t) >> 1) + t) >> b.shift : t >> b.shift;
    return x - q * d;
}

}  // namespace

PermutationDrawer::PermutationDrawer(std::size_t n) : bounds_(n) {
    for (std::size_t j = 1; j < n; ++j) {
        Bound& b = bounds_[j];
        const std::uint64_t d = j + 1;  // draws in [0, j]: remainders mod j + 1
        b.limit = limit_of(j);
        if ((d & (d - 1)) == 0 || !kFastRemainder) continue;
#if defined(__SIZEOF_INT128__)
        // l = ⌊log2 d⌋; m = ⌊2^(64+l) / d⌋ with remainder r (libdivide's u64 generator).
        std::uint32_t l = 63;
        while ((d >> l) == 0) --l;
        const u128 numerator = static_cast<u128>(1) << (64 + l);
        std::uint64_t m = static_cast<std::uint64_t>(numerator / d);
        const std::uint64_t r = static_cast<std::uint64_t>(numerator % d);
        if (d - r < (std::uint64_t{1} << l)) {
            b.add = false;
        } else {
            m += m;
            const std::uint64_t twice = r + r;
            if (twice >= d || twice < r) ++m;
            b.add = true;
        }
        b.magic = m + 1;
        b.shift = l;
#endif
    }
}

std::uint64_t PermutationDrawer::remainder(std::uint64_t x, std::size_t bound) const {
    return remainder_of(x, bound + 1, bounds_[bound]);
}

void PermutationDrawer::operator()(std::uint64_t seed, std::uint64_t k,
                                   std::span<std::uint32_t> out) const {
    std::iota(out.begin(), out.end(), std::uint32_t{0});
    Xoshiro rng(seed, k);
    for (std::size_t j = out.size(); j > 1; --j) {  // as random_permutation, draw by draw
        const Bound& b = bounds_[j - 1];
        std::uint64_t x = rng();
        while (x > b.limit) x = rng();
        const auto pick = static_cast<std::size_t>(remainder_of(x, j, b));  // x mod j
        std::swap(out[j - 1], out[pick]);
    }
}

void random_permutation(std::uint64_t seed, std::uint64_t k, std::span<std::uint32_t> out) {
    std::iota(out.begin(), out.end(), std::uint32_t{0});
    Xoshiro rng(seed, k);
    for (std::size_t j = out.size(); j > 1; --j) {
        const auto pick = static_cast<std::size_t>(draw_at_most(rng, j - 1));
        std::swap(out[j - 1], out[pick]);
    }
}

std::uint64_t factorial_at_most(std::size_t n, std::uint64_t cap) {
    std::uint64_t f = 1;
    for (std::size_t i = 2; i <= n; ++i) {
        if (f > cap / i) return 0;
        f *= i;
    }
    return f <= cap ? f : 0;
}

void lexicographic_permutation(std::uint64_t k, std::span<std::uint32_t> out) {
    const std::size_t n = out.size();
    std::vector<std::uint32_t> left(n);
    std::iota(left.begin(), left.end(), std::uint32_t{0});
    // Digit i of k in the factorial number system picks among the n − i values left.
    std::vector<std::uint64_t> digits(n, 0);
    for (std::size_t radix = 1; radix <= n; ++radix) {
        digits[n - radix] = k % radix;
        k /= radix;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const auto d = static_cast<std::ptrdiff_t>(digits[i]);
        out[i] = left[static_cast<std::size_t>(d)];
        left.erase(left.begin() + d);
    }
}

void parallel_blocks(std::size_t count, std::size_t blocks, unsigned threads,
                     const std::function<void(std::size_t, std::size_t, std::size_t)>& work) {
    if (count == 0) return;
    blocks = std::clamp<std::size_t>(blocks, 1, count);
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, blocks));
    std::atomic<std::size_t> next{0};
    std::vector<std::exception_ptr> errors(threads);
    auto run = [&](unsigned t) {
        try {
            for (std::size_t b = next++; b < blocks; b = next++)
                work(b, count * b / blocks, count * (b + 1) / blocks);
        } catch (...) {
            errors[t] = std::current_exception();
            next = blocks;
        }
    };
    if (threads == 1) {
        run(0);
    } else {
        std::vector<std::thread> pool;
        for (unsigned t = 0; t < threads; ++t) pool.emplace_back(run, t);
        for (auto& th : pool) th.join();
    }
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
}

}  // namespace clusterlens::scoring
