#include "src/stats/qap_kernel.hpp"

#include <algorithm>

namespace clusterlens::scoring {
namespace {

/// The row the next i gathers from, asked for a cache line at a time while this row is summed.
/// Within a row the gathers are random (π(j)), so on a matrix larger than the cache the
/// hardware would fetch it line by line on demand, one memory latency each; prefetched, the
/// latency overlaps the arithmetic (top20 cut, 973 actors: see tests/bench/RESULTS.md).
struct RowAhead {
    const double* at = nullptr;
    const double* end = nullptr;
    void start(const double* z, const std::uint32_t* perm, std::size_t i, std::size_t n,
               std::size_t width) {
        at = end = nullptr;
        if (i + 1 >= n) return;
        at = z + static_cast<std::size_t>(perm[i + 1]) * n * width;
        end = at + n * width;
    }
    void step() {
        if (at < end) {
            __builtin_prefetch(at, 0, 3);
            at += 8;  // 64-byte lines
        }
    }
};

/// One column: four partial sums break the chain of dependent additions.
void products_one(const double* z, std::size_t n, bool directed, const std::uint32_t* perm,
                  const double* c, double* out) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    RowAhead ahead;
    auto span = [&](const double* row, std::size_t from, std::size_t to, const double*& col) {
        std::size_t j = from;
        for (; j + 4 <= to; j += 4, col += 4) {
            ahead.step();
            s0 += row[perm[j]] * col[0];
            s1 += row[perm[j + 1]] * col[1];
            s2 += row[perm[j + 2]] * col[2];
            s3 += row[perm[j + 3]] * col[3];
        }
        for (; j < to; ++j, ++col) s0 += row[perm[j]] * col[0];
    };
    const double* col = c;
    for (std::size_t i = 0; i < n; ++i) {
        const double* row = z + static_cast<std::size_t>(perm[i]) * n;
        ahead.start(z, perm, i, n, 1);
        span(row, 0, i, col);
        if (directed) span(row, i + 1, n, col);
    }
    *out = (s0 + s1) + (s2 + s3);
}

/// S columns at once: one gathered value, S products.
template <std::size_t S>
void products_fixed(const double* z, std::size_t n, bool directed, const std::uint32_t* perm,
                    const double* const* columns, double* out) {
    double acc[S] = {};
    const double* cols[S];
    std::copy(columns, columns + S, cols);
    std::size_t d = 0;
    RowAhead ahead;
    auto span = [&](const double* row, std::size_t from, std::size_t to) {
        for (std::size_t j = from; j < to; ++j, ++d) {
            ahead.step();
            const double v = row[perm[j]];
            for (std::size_t s = 0; s < S; ++s) acc[s] += v * cols[s][d];
        }
    };
    for (std::size_t i = 0; i < n; ++i) {
        const double* row = z + static_cast<std::size_t>(perm[i]) * n;
        ahead.start(z, perm, i, n, 1);
        span(row, 0, i);
        if (directed) span(row, i + 1, n);
    }
    std::copy(acc, acc + S, out);
}

/// T interleaved matrices × S columns in one pass: one gathered cache line and S column reads
/// per dyad.
template <std::size_t T, std::size_t S>
void products_grid(const double* z, std::size_t n, bool directed, const std::uint32_t* perm,
                   const double* const* columns, double* out) {
    double acc[T][S] = {};
    const double* cols[S];
    std::copy(columns, columns + S, cols);
    const double* row = nullptr;
    std::size_t d = 0;
    RowAhead ahead;
    auto span = [&](std::size_t from, std::size_t to) {
        for (std::size_t j = from; j < to; ++j, ++d) {
            ahead.step();
            const double* v = row + static_cast<std::size_t>(perm[j]) * T;
            double c[S];
            for (std::size_t s = 0; s < S; ++s) c[s] = cols[s][d];
            for (std::size_t t = 0; t < T; ++t)
                for (std::size_t s = 0; s < S; ++s) acc[t][s] += v[t] * c[s];
        }
    };
    for (std::size_t i = 0; i < n; ++i) {
        row = z + static_cast<std::size_t>(perm[i]) * n * T;
        ahead.start(z, perm, i, n, T);
        span(0, i);
        if (directed) span(i + 1, n);
    }
    for (std::size_t t = 0; t < T; ++t) std::copy(acc[t], acc[t] + S, out + t * S);
}

/// Any T and S (more than 5 predictors): the same sums, not unrolled.
void products_grid_any(const double* z, std::size_t terms, std::size_t n, bool directed,
                       const std::uint32_t* perm, const double* const* columns, std::size_t count,
                       double* out) {
    std::vector<double> acc(terms * count, 0.0);
    const double* row = nullptr;
    std::size_t d = 0;
    RowAhead ahead;
    auto span = [&](std::size_t from, std::size_t to) {
        for (std::size_t j = from; j < to; ++j, ++d) {
            ahead.step();
            const double* v = row + static_cast<std::size_t>(perm[j]) * terms;
            for (std::size_t t = 0; t < terms; ++t)
                for (std::size_t s = 0; s < count; ++s) acc[t * count + s] += v[t] * columns[s][d];
        }
    };
    for (std::size_t i = 0; i < n; ++i) {
        row = z + static_cast<std::size_t>(perm[i]) * n * terms;
        ahead.start(z, perm, i, n, terms);
        span(0, i);
        if (directed) span(i + 1, n);
    }
    std::copy(acc.begin(), acc.end(), out);
}

}  // namespace

std::vector<double> dense_dyadic(const std::vector<double>& values, std::size_t n, bool directed) {
    std::vector<double> z(n * n, 0.0);
    std::size_t d = 0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < (directed ? n : i); ++j) {
            if (j == i) continue;
            z[i * n + j] = values[d];
            if (!directed) z[j * n + i] = values[d];
            ++d;
        }
    return z;
}

void permuted_products(const double* z, std::size_t n, bool directed, const std::uint32_t* perm,
                       const double* const* columns, std::size_t count, double* out) {
    // Up to four columns per pass (the gathered value is reused; more would spill registers).
    for (std::size_t s = 0; s < count;) {
        const std::size_t left = count - s;
        switch (left >= 4 ? 4 : left) {
            case 1:
                products_one(z, n, directed, perm, columns[s], out + s);
                s += 1;
                break;
            case 2:
                products_fixed<2>(z, n, directed, perm, columns + s, out + s);
                s += 2;
                break;
            case 3:
                products_fixed<3>(z, n, directed, perm, columns + s, out + s);
                s += 3;
                break;
            default:
                products_fixed<4>(z, n, directed, perm, columns + s, out + s);
                s += 4;
                break;
        }
    }
}

void permuted_products_grid(const double* z, std::size_t terms, std::size_t n, bool directed,
                            const std::uint32_t* perm, const double* const* columns,
                            std::size_t count, double* out) {
    if (terms == count) switch (count) {
            case 2:
                return products_grid<2, 2>(z, n, directed, perm, columns, out);
            case 3:
                return products_grid<3, 3>(z, n, directed, perm, columns, out);
            case 4:
                return products_grid<4, 4>(z, n, directed, perm, columns, out);
            case 5:
                return products_grid<5, 5>(z, n, directed, perm, columns, out);
            default:
                break;
        }
    products_grid_any(z, terms, n, directed, perm, columns, count, out);
}

}  // namespace clusterlens::scoring
