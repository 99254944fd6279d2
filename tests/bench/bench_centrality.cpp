// Benchmark (reports, never asserts): each centrality measure on a network, by default the whole
// CORDIS H2020 network (35,871 organisations, 796,670 ties) with the CORDIS example mapping.
// Target: every measure, exact betweenness included, in <= 120 s on the 2-core machine.
//
// Usage: bench_centrality [--runs N] [--weighted] [--dump FILE] [NETWORK [MAPPING]]
//   --runs N     repetitions; medians are printed (default 3)
//   --weighted   also time betweenness/closeness with weighted paths (one run per thread count)
//   --dump FILE  write "id,betweenness,closeness" of the 2-thread binary run (for comparing with
//                a peer, see centrality_cordis.sh)
//   --order      only exact binary betweenness + closeness on 2 threads, one search per source
//                in the input's vertex order (as before issue 16), one by one on the graph
//                renumbered breadth-first, and as clusterlens runs them (renumbered, 8 sources
//                per search), interleaved RUNS times: medians, ratios to the first, and whether
//                each gives the same values as the first
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "graphs/load.hpp"
#include "src/centrality/centrality.hpp"
#include "src/centrality/centrality_detail.hpp"

namespace cl = clusterlens;
namespace sc = clusterlens::scoring;

namespace {

double seconds_of(const std::function<void()>& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t k = v.size();
    return k % 2 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 3;
    bool weighted = false, order = false;
    std::string dump;
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--runs" && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else if (a == "--weighted") {
            weighted = true;
        } else if (a == "--order") {
            order = true;
        } else if (a == "--dump" && i + 1 < argc) {
            dump = argv[++i];
        } else {
            positional.push_back(a);
        }
    }
    const std::string root = CLUSTERLENS_SOURCE_DIR;
    const std::string network =
        positional.size() > 0 ? positional[0] : root + "/../shared/data/cordis-h2020/network";
    const std::string mapping =
        positional.size() > 1 ? positional[1] : root + "/examples/cordis_ee_climate/cordis.toml";
    try {
        cl::LoadOptions options;
        options.mapping = cl::load_mapping(mapping);
        cl::Network net;
        const double load = seconds_of([&] { net = cl::load_network({network}, options); });
        std::cout << "network: " << network << "\n"
                  << "actors " << net.actor_count() << ", ties " << net.tie_count() << ", load "
                  << std::fixed << std::setprecision(2) << load << " s\n"
                  << "runs: " << runs << " (medians, wall clock)\n";

        if (order) {
            const auto csr = sc::detail::make_csr(net, false);
            sc::CentralityOptions o;
            o.threads = 2;
            const sc::detail::SweepPlan plans[] = {{false, false}, {true, false}, {true, true}};
            const char* names[] = {"one by one in input order", "one by one breadth-first",
                                   "breadth-first in batches of 8"};
            std::vector<double> times[3];
            sc::detail::PathScores result[3];
            for (int r = 0; r < runs; ++r)
                for (int p = 0; p < 3; ++p)
                    times[p].push_back(
                        seconds_of([&] { result[p] = sc::detail::path_scores(csr, o, plans[p]); }));
            bool same = true;
            std::cout << std::setprecision(3);
            for (int p = 0; p < 3; ++p) {
                const bool bits = result[p].betweenness == result[0].betweenness &&
                                  result[p].closeness == result[0].closeness;
                same = same && bits;
                std::cout << names[p] << ": " << median(times[p]) << " s, ratio "
                          << median(times[0]) / median(times[p])
                          << (bits ? ", the same values" : ", DIFFERENT values") << "\n";
            }
            return same ? 0 : 1;
        }
        std::map<std::string, std::vector<double>> times;
        std::vector<std::string> names;
        auto time = [&](const std::string& name, const std::function<void()>& f) {
            if (!times.count(name)) names.push_back(name);
            times[name].push_back(seconds_of(f));
        };
        sc::CentralityScores scores;
        sc::detail::PathScores paths;
        for (int r = 0; r < runs; ++r) {
            time("degree, in/out-degree, strength",
                 [&] { sc::detail::degree_scores(net, scores); });
            sc::detail::Csr csr;
            time("CSR copy", [&] { csr = sc::detail::make_csr(net, false); });
            for (const unsigned threads : {1U, 2U}) {
                sc::CentralityOptions o;
                o.threads = threads;
                time("betweenness + closeness, exact, " + std::to_string(threads) + " thread(s)",
                     [&] { paths = sc::detail::path_scores(csr, o); });
            }
            time("eigenvector", [&] { scores.eigenvector = sc::detail::eigenvector_scores(net); });
            time("pagerank", [&] { scores.pagerank = sc::detail::pagerank_scores(net); });
            time("coreness", [&] { scores.coreness = sc::detail::coreness_scores(net); });
            time("transitivity", [&] { (void)sc::transitivity(net); });
            time("centrality(), everything, 2 threads", [&] {
                sc::CentralityOptions o;
                o.threads = 2;
                scores = sc::centrality(net, o);
                (void)sc::freeman_centralization(net, scores);
            });
        }
        if (weighted) {
            const auto csr = sc::detail::make_csr(net, true);
            for (const unsigned threads : {1U, 2U}) {
                sc::CentralityOptions o;
                o.threads = threads;
                o.weighted_paths = true;
                time("betweenness + closeness, weighted paths, " + std::to_string(threads) +
                         " thread(s)",
                     [&] { (void)sc::detail::path_scores(csr, o); });
            }
        }
        for (const auto& name : names)
            std::cout << std::setw(50) << std::left << name << std::right << std::setw(9)
                      << std::setprecision(3) << median(times[name]) << " s\n";
        if (!dump.empty()) {
            std::ofstream out(dump);
            out << std::setprecision(17) << "id,betweenness,closeness\n";
            for (std::size_t v = 0; v < net.actor_count(); ++v)
                out << net.actor(v).id << ',' << paths.betweenness[v] << ',' << paths.closeness[v]
                    << '\n';
        }
    } catch (const std::exception& e) {
        std::cerr << "bench_centrality: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
