// Generator of a large co-participation network shaped like CORDIS (issue 12, issue 16): actors
// take part in projects, and every project is a clique of its members; two actors sharing k
// projects get one tie of weight k. Seeded (mt19937_64, whose output the standard fixes) and
// single-threaded, so one seed gives the same files on every run.
//
//   project size s:   P(s) ∝ s^-2.8 on 2..100 (many small consortia, a few of a hundred)
//   actor activity:   x_i Pareto(α = 1.6, x_min = 1) capped at sqrt(ACTORS); members are drawn
//                     ∝ x_i, so a few actors (the "CNRS" of the network) are in a thousand
//                     projects (uncapped, one actor of 1M was tied to 300k others)
//   coverage:         each project also takes never-used actors at the rate that uses every actor
//                     by the time the tie target is reached, so (almost) no actor is isolated
//   attributes:       locality local for 10% of actors; type firm 40%, university 20%,
//                     research 20%, government 8%, intermediary 12% (active actors lean to
//                     university and research); part from locality and type (README, Input)
//
// Writes OUT/nodes.csv (Id,Label,part,type,locality) and OUT/edges.csv (Source,Target,Weight),
// clusterlens' native CSV pair, undirected. Prints the counts, the largest degree and Σ deg².
// Usage: gen_projects ACTORS TIES SEED OUT_DIR      (e.g. 1000000 10000000 1 /dev/shm/gen)
// Build: g++ -O2 -std=c++20 tests/bench/gen_projects.cpp -o gen_projects (score_generated.sh)
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

double uniform01(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

/// Index i with cumulative[i-1] <= u·total < cumulative[i].
std::size_t draw(const std::vector<double>& cumulative, double u) {
    const double x = u * cumulative.back();
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
    return std::min<std::size_t>(static_cast<std::size_t>(it - cumulative.begin()),
                                 cumulative.size() - 1);
}

void fail(const std::string& what) {
    std::fprintf(stderr, "gen_projects: %s\n", what.c_str());
    std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) fail("usage: gen_projects ACTORS TIES SEED OUT_DIR");
    const auto n = static_cast<std::size_t>(std::strtoull(argv[1], nullptr, 10));
    const auto target = static_cast<std::size_t>(std::strtoull(argv[2], nullptr, 10));
    const auto seed = static_cast<std::uint64_t>(std::strtoull(argv[3], nullptr, 10));
    const std::string out = argv[4];
    if (n < 3 || n >= (std::size_t{1} << 31) || target < 1) fail("need 3 <= ACTORS < 2^31");
    std::mt19937_64 rng(seed);

    // Project sizes: cumulative P(s) ∝ s^-2.8, s = 2..100; E[s] and E[s(s-1)/2].
    constexpr int kMinSize = 2, kMaxSize = 100;
    std::vector<double> size_cum;
    double mean_size = 0, mean_pairs = 0, total = 0;
    for (int s = kMinSize; s <= kMaxSize; ++s) {
        const double p = std::pow(s, -2.8);
        total += p;
        mean_size += p * s;
        mean_pairs += p * s * (s - 1) / 2.0;
        size_cum.push_back(total);
    }
    mean_size /= total;
    mean_pairs /= total;

    // Activity weights and the order in which never-used actors join.
    std::vector<double> activity_cum(n);
    std::vector<double> activity(n);
    double sum = 0;
    const double cap = std::sqrt(static_cast<double>(n));
    for (std::size_t i = 0; i < n; ++i) {
        activity[i] = std::min(std::pow(1.0 - uniform01(rng), -1.0 / 1.6), cap);
        sum += activity[i];
        activity_cum[i] = sum;
    }
    std::vector<std::uint32_t> fresh(n);
    for (std::size_t i = 0; i < n; ++i) fresh[i] = static_cast<std::uint32_t>(i);
    std::shuffle(fresh.begin(), fresh.end(), rng);
    std::vector<char> used(n, 0);
    std::size_t next_fresh = 0;

    // Projects until the raw pair count (with repeats) reaches the target plus the share that
    // repeats (re-estimated after each batch by sorting and counting).
    std::vector<std::uint64_t> pairs;
    std::vector<std::uint32_t> members;
    std::size_t unique = 0, projects = 0;
    double repeat_factor = 1.0;  // raw pairs per distinct pair so far
    while (unique < target) {
        const std::size_t batch_goal =
            pairs.size() +
            static_cast<std::size_t>(static_cast<double>(target - unique) * repeat_factor) + 1000;
        while (pairs.size() < batch_goal) {
            const int s = kMinSize + static_cast<int>(draw(size_cum, uniform01(rng)));
            // Fresh actors at the rate that spends them all over the expected remaining slots.
            const double remaining_projects = std::max(
                1.0,
                (static_cast<double>(target) * repeat_factor - static_cast<double>(pairs.size())) /
                    mean_pairs);
            const double p_fresh = std::min(
                1.0, static_cast<double>(n - next_fresh) / (remaining_projects * mean_size));
            members.clear();
            while (members.size() < static_cast<std::size_t>(s)) {
                std::uint32_t a;
                if (next_fresh < n && uniform01(rng) < p_fresh) {
                    a = fresh[next_fresh++];
                    if (used[a]) continue;
                } else {
                    a = static_cast<std::uint32_t>(draw(activity_cum, uniform01(rng)));
                }
                if (std::find(members.begin(), members.end(), a) != members.end()) continue;
                members.push_back(a);
                used[a] = 1;
            }
            for (std::size_t i = 0; i < members.size(); ++i)
                for (std::size_t j = i + 1; j < members.size(); ++j) {
                    const std::uint64_t lo = std::min(members[i], members[j]);
                    const std::uint64_t hi = std::max(members[i], members[j]);
                    pairs.push_back(lo << 32 | hi);
                }
            ++projects;
        }
        std::vector<std::uint64_t> sorted = pairs;
        std::sort(sorted.begin(), sorted.end());
        unique =
            static_cast<std::size_t>(std::unique(sorted.begin(), sorted.end()) - sorted.begin());
        repeat_factor = static_cast<double>(pairs.size()) / static_cast<double>(unique);
    }
    std::sort(pairs.begin(), pairs.end());

    // Attributes.
    static const char* const kTypes[] = {"firm", "university", "research", "government",
                                         "intermediary"};
    static const double kTypeCum[] = {0.40, 0.60, 0.80, 0.88, 1.0};
    static const double kActiveCum[] = {0.15, 0.50, 0.85, 0.92, 1.0};  // activity > 20
    std::FILE* nodes = std::fopen((out + "/nodes.csv").c_str(), "w");
    if (nodes == nullptr) fail("cannot write " + out + "/nodes.csv");
    std::fputs("Id,Label,part,type,locality\n", nodes);
    for (std::size_t i = 0; i < n; ++i) {
        const bool local = uniform01(rng) < 0.10;
        const double* cum = activity[i] > 20 ? kActiveCum : kTypeCum;
        const double u = uniform01(rng);
        std::size_t t = 0;
        while (t < 4 && u >= cum[t]) ++t;
        const char* part = !local ? "external" : t == 0 ? "core" : "assisting";
        std::fprintf(nodes, "a%zu,actor %zu,%s,%s,%s\n", i, i, part, kTypes[t],
                     local ? "local" : "global");
    }
    if (std::fclose(nodes) != 0) fail("write error on nodes.csv");

    std::FILE* edges = std::fopen((out + "/edges.csv").c_str(), "w");
    if (edges == nullptr) fail("cannot write " + out + "/edges.csv");
    std::fputs("Source,Target,Weight\n", edges);
    std::vector<std::uint64_t> degree(n, 0);
    std::size_t ties = 0, max_weight = 0;
    for (std::size_t i = 0; i < pairs.size();) {
        std::size_t j = i;
        while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
        const auto a = pairs[i] >> 32, b = pairs[i] & 0xffffffffu;
        std::fprintf(edges, "a%llu,a%llu,%zu\n", static_cast<unsigned long long>(a),
                     static_cast<unsigned long long>(b), j - i);
        ++degree[a], ++degree[b], ++ties;
        max_weight = std::max(max_weight, j - i);
        i = j;
    }
    if (std::fclose(edges) != 0) fail("write error on edges.csv");

    std::uint64_t max_degree = 0, isolates = 0;
    double sum_sq = 0;
    for (const auto d : degree) {
        max_degree = std::max(max_degree, d);
        isolates += d == 0;
        sum_sq += static_cast<double>(d) * static_cast<double>(d);
    }
    std::printf(
        "gen_projects: seed %llu: %zu actors (%llu isolated), %zu projects, %zu ties "
        "(max weight %zu), max degree %llu, sum deg^2 %.3g\n",
        static_cast<unsigned long long>(seed), n, static_cast<unsigned long long>(isolates),
        projects, ties, max_weight, static_cast<unsigned long long>(max_degree), sum_sq);
    return 0;
}
