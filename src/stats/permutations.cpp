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

}  // namespace

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
