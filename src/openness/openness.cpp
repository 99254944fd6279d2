#include "src/openness/openness.hpp"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <random>
#include <thread>
#include <utility>

namespace clusterlens::scoring {
namespace {

constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();

/// (E - I)/(E + I); NaN when E + I = 0.
double ei_ratio(double external, double internal) {
    const double total = external + internal;
    return total > 0 ? (external - internal) / total : nan_value;
}

/// Uniform draw in [0, bound] from raw 64-bit outputs, by rejection (no modulo bias). Written
/// out so that the sequence does not depend on the standard library's distribution code.
std::uint64_t draw_at_most(std::mt19937_64& rng, std::uint64_t bound) {
    constexpr std::uint64_t top = std::numeric_limits<std::uint64_t>::max();
    if (bound == top) return rng();
    const std::uint64_t range = bound + 1;
    std::uint64_t x = rng();
    // Accept x <= limit, the last value below the largest multiple of range representable:
    // limit = top - (top % range + 1) % range >= top - range + 1, so a draw up to that needs
    // no division to be accepted (all but about range/2^64 of them; the same draws as
    // computing limit first, two divisions fewer per draw: 35 % of the E-I test's time).
    if (x > top - range + 1) {
        const std::uint64_t limit = top - (top % range + 1) % range;
        while (x > limit) x = rng();
    }
    return x % range;
}

}  // namespace

std::vector<std::string> locality_groups(const Network& net) {
    std::vector<std::string> out;
    out.reserve(net.actor_count());
    for (const auto& a : net.actors()) out.emplace_back(to_string(a.locality));
    return out;
}

OpennessScores openness(const Network& net) {
    require_one_relation(net, "openness");
    const std::size_t n = net.actor_count();
    OpennessScores s;
    s.ext_ties.assign(n, 0.0);
    s.ext_strength.assign(n, 0.0);
    std::vector<double> strength(n, 0.0);              // s_i
    std::vector<double> e_bin(n, 0.0), i_bin(n, 0.0);  // E_i, I_i counted in ties
    std::vector<double> e_val(n, 0.0), i_val(n, 0.0);  // E_i, I_i as summed weights

    // Each tie is seen from both of its ends.
    const auto visit = [&](std::size_t i, std::size_t other, double w) {
        strength[i] += w;
        const Locality li = net.actor(i).locality;
        const Locality lo = net.actor(other).locality;
        if (lo == Locality::global) {
            s.ext_ties[i] += 1;
            s.ext_strength[i] += w;
        }
        if (li == Locality::unspecified || lo == Locality::unspecified) return;
        if (li == lo) {
            i_bin[i] += 1;
            i_val[i] += w;
        } else {
            e_bin[i] += 1;
            e_val[i] += w;
        }
    };
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const std::size_t a = net.source(e), b = net.target(e);
        visit(a, b, net.weight(e));
        visit(b, a, net.weight(e));
    }

    s.ext_share.resize(n);
    s.ei.resize(n);
    s.ei_valued.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        s.ext_share[i] = strength[i] > 0 ? s.ext_strength[i] / strength[i] : nan_value;
        const bool known = net.actor(i).locality != Locality::unspecified;
        s.ei[i] = known ? ei_ratio(e_bin[i], i_bin[i]) : nan_value;
        s.ei_valued[i] = known ? ei_ratio(e_val[i], i_val[i]) : nan_value;
    }
    return s;
}

ActorEi actor_ei(const Network& net, const std::vector<std::string>& groups) {
    require_one_relation(net, "actor_ei");
    const std::size_t n = net.actor_count();
    if (groups.size() != n)
        throw UsageError("actor_ei: " + std::to_string(groups.size()) + " group labels for " +
                         std::to_string(n) + " actors");
    std::vector<double> e_bin(n, 0.0), i_bin(n, 0.0), e_val(n, 0.0), i_val(n, 0.0);
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const std::size_t a = net.source(e), b = net.target(e);
        if (groups[a].empty() || groups[b].empty()) continue;
        const double w = net.weight(e);
        auto& bin = groups[a] == groups[b] ? i_bin : e_bin;
        auto& val = groups[a] == groups[b] ? i_val : e_val;
        bin[a] += 1;
        bin[b] += 1;
        val[a] += w;
        val[b] += w;
    }
    ActorEi out;
    out.binary.resize(n);
    out.valued.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const bool known = !groups[i].empty();
        out.binary[i] = known ? ei_ratio(e_bin[i], i_bin[i]) : nan_value;
        out.valued[i] = known ? ei_ratio(e_val[i], i_val[i]) : nan_value;
    }
    return out;
}

EiResult ei_index(const Network& net, const std::vector<std::string>& groups,
                  const EiOptions& options, const std::function<void(double)>& progress,
                  unsigned threads) {
    require_one_relation(net, "ei_index");
    const std::size_t n = net.actor_count();
    if (groups.size() != n)
        throw UsageError("ei_index: " + std::to_string(groups.size()) + " group labels for " +
                         std::to_string(n) + " actors");

    // Groups as codes 1..k in label order (std::map); 0 = unknown ("").
    std::map<std::string, std::uint32_t> code_of;
    for (const auto& g : groups)
        if (!g.empty()) code_of.emplace(g, 0);
    std::vector<std::string> names(1);
    for (auto& [name, code] : code_of) {
        code = static_cast<std::uint32_t>(names.size());
        names.push_back(name);
    }
    std::vector<std::uint32_t> label(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        if (!groups[i].empty()) label[i] = code_of.at(groups[i]);

    // The ties that count: both ends known. Their ends and weights, packed for the test loop.
    std::vector<std::uint32_t> tie_a, tie_b;
    std::vector<double> tie_w;
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const std::size_t a = net.source(e), b = net.target(e);
        if (label[a] == 0 || label[b] == 0) continue;
        tie_a.push_back(static_cast<std::uint32_t>(a));
        tie_b.push_back(static_cast<std::uint32_t>(b));
        tie_w.push_back(net.weight(e));
    }
    const std::size_t m = tie_w.size();

    // Observed: whole network (E, I over all counted ties) and per group g (E_g: one end in g,
    // I_g: both ends in g).
    const std::size_t k = names.size();
    std::vector<double> ge_bin(k, 0), gi_bin(k, 0), ge_val(k, 0), gi_val(k, 0);
    double e_bin = 0, i_bin = 0, e_val = 0, i_val = 0;
    for (std::size_t t = 0; t < m; ++t) {
        const std::uint32_t ga = label[tie_a[t]], gb = label[tie_b[t]];
        const double w = tie_w[t];
        if (ga == gb) {
            i_bin += 1;
            i_val += w;
            gi_bin[ga] += 1;
            gi_val[ga] += w;
        } else {
            e_bin += 1;
            e_val += w;
            ge_bin[ga] += 1, ge_bin[gb] += 1;
            ge_val[ga] += w, ge_val[gb] += w;
        }
    }
    EiResult r;
    r.whole_binary = ei_ratio(e_bin, i_bin);
    r.whole_valued = ei_ratio(e_val, i_val);
    for (std::size_t g = 1; g < k; ++g) {
        r.group_binary[names[g]] = ei_ratio(ge_bin[g], gi_bin[g]);
        r.group_valued[names[g]] = ei_ratio(ge_val[g], gi_val[g]);
    }
    r.permutations = options.permutations;
    r.seed = options.seed;
    r.p_binary = r.p_valued = r.p_binary_lower = r.p_valued_lower = nan_value;
    r.perm_mean_binary = r.perm_mean_valued = nan_value;
    if (options.permutations == 0 || m == 0) return r;

    // Permutation test. E + I (count and weight) is the same in every permutation, since only
    // known labels move among the actors carrying them; so EI_perm >= EI_obs <=> E_perm >=
    // E_obs, compared on the external totals (exactly for counts, within 1e-12 relative for
    // weights, which may be summed in another rounding).
    std::vector<std::size_t> known;  // actors whose label is shuffled
    for (std::size_t i = 0; i < n; ++i)
        if (label[i] != 0) known.push_back(i);
    std::vector<std::uint32_t> pool(known.size());
    for (std::size_t j = 0; j < known.size(); ++j) pool[j] = label[known[j]];
    std::vector<std::uint32_t> perm_label = label;
    const double total_bin = e_bin + i_bin, total_val = e_val + i_val;
    const double tol_val = 1e-12 * total_val;

    // E_perm without visiting every tie: let L be the label most actors carry. A tie is
    // external when its ends differ, so E = Σ_{u: label(u) ≠ L} Σ_{v ~ u, label(v) ≠ label(u)}
    // (1 if label(v) = L, else ½): ties between two non-L actors are seen from both ends. Only
    // the actors holding a non-L label in this permutation are visited, so a permutation costs
    // O(Σ of their degrees) instead of O(m) (on the whole CORDIS network with Estonia local:
    // about 10k instead of 800k). Sums are kept doubled (2 and 1) so counts stay exact.
    std::vector<std::size_t> count_of(k, 0);
    for (const auto x : pool) ++count_of[x];
    const auto big = static_cast<std::uint32_t>(std::max_element(count_of.begin(), count_of.end()) -
                                                count_of.begin());
    std::vector<std::size_t> off(n + 1, 0);
    for (std::size_t t = 0; t < m; ++t) ++off[tie_a[t] + 1], ++off[tie_b[t] + 1];
    for (std::size_t i = 0; i < n; ++i) off[i + 1] += off[i];
    std::vector<std::uint32_t> nbr(off[n]);
    std::vector<double> nbr_w(off[n]);
    {
        std::vector<std::size_t> fill(off.begin(), off.end() - 1);
        for (std::size_t t = 0; t < m; ++t) {
            nbr[fill[tie_a[t]]] = tie_b[t], nbr_w[fill[tie_a[t]]++] = tie_w[t];
            nbr[fill[tie_b[t]]] = tie_a[t], nbr_w[fill[tie_b[t]]++] = tie_w[t];
        }
    }
    std::vector<std::uint32_t> holders;  // actors with a non-L label in this permutation
    holders.reserve(known.size());

    std::mt19937_64 rng(options.seed);
    std::size_t ge_count_bin = 0, le_count_bin = 0, ge_count_val = 0, le_count_val = 0;
    double sum_ei_bin = 0, sum_ei_val = 0;
    // A permutation is its draws (Fisher-Yates: for j = last..1 swap pool[j] with
    // pool[U{0..j}]; the generator and a division each, half the time) and then the swaps and
    // the count. The draws depend on the generator only, not on the pool, so with two threads
    // one draws the next permutations while the other swaps and counts: the same draws in the
    // same order, the same p-values.
    const std::size_t draws = pool.size() > 1 ? pool.size() - 1 : 0;
    const bool all_known = known.size() == n;  // then known[j] = j
    auto draw_permutation = [&](std::uint32_t* picks) {
        for (std::size_t j = pool.size(), i = 0; j > 1; --j, ++i)
            picks[i] = static_cast<std::uint32_t>(draw_at_most(rng, j - 1));
    };
    auto count_permutation = [&](std::size_t p, const std::uint32_t* picks) {
        for (std::size_t j = pool.size(), i = 0; j > 1; --j, ++i)
            std::swap(pool[j - 1], pool[picks[i]]);
        holders.clear();
        const std::uint32_t* lab = pool.data();  // every actor's group known: pool is the labels
        if (!all_known) {
            for (std::size_t j = 0; j < known.size(); ++j) perm_label[known[j]] = pool[j];
            lab = perm_label.data();
        }
        for (std::size_t j = 0; j < known.size(); ++j)
            if (pool[j] != big) holders.push_back(static_cast<std::uint32_t>(known[j]));
        std::size_t pe_twice = 0;
        double pe_val_twice = 0;
        for (const std::uint32_t u : holders) {
            const std::uint32_t lu = lab[u];
            for (std::size_t a = off[u]; a < off[u + 1]; ++a) {
                const std::uint32_t lv = lab[nbr[a]];
                const std::size_t c = lv == lu ? 0 : (lv == big ? 2 : 1);
                pe_twice += c;
                pe_val_twice += static_cast<double>(c) * nbr_w[a];
            }
        }
        const std::size_t pe_count = pe_twice / 2;
        const double pe_val = pe_val_twice / 2;
        const auto pe_bin = static_cast<double>(pe_count);
        ge_count_bin += pe_bin >= e_bin ? 1 : 0;
        le_count_bin += pe_bin <= e_bin ? 1 : 0;
        ge_count_val += pe_val >= e_val - tol_val ? 1 : 0;
        le_count_val += pe_val <= e_val + tol_val ? 1 : 0;
        // EI = (E - I)/(E + I) = (2E - total)/total.
        sum_ei_bin += (2 * pe_bin - total_bin) / total_bin;
        sum_ei_val += (2 * pe_val - total_val) / total_val;
        if (progress && (p + 1) % 64 == 0)
            progress(static_cast<double>(p + 1) / static_cast<double>(options.permutations));
    };
    if (threads == 0) threads = std::thread::hardware_concurrency();
    if (threads < 2 || options.permutations < 2 || draws < 1024) {
        std::vector<std::uint32_t> picks(draws);
        for (std::size_t p = 0; p < options.permutations; ++p) {
            draw_permutation(picks.data());
            count_permutation(p, picks.data());
        }
    } else {
        // A ring of kSlots permutations' draws: the drawing thread fills slot p mod kSlots
        // once the counting one (this thread) is done with permutation p - kSlots.
        constexpr std::size_t kSlots = 4;
        std::vector<std::uint32_t> ring(kSlots * draws);
        std::mutex ring_mutex;
        std::condition_variable cv;
        std::size_t drawn = 0, counted = 0;
        std::thread drawer([&] {
            for (std::size_t p = 0; p < options.permutations; ++p) {
                {
                    std::unique_lock<std::mutex> lock(ring_mutex);
                    cv.wait(lock, [&] { return p - counted < kSlots; });
                }
                draw_permutation(ring.data() + (p % kSlots) * draws);
                {
                    const std::lock_guard<std::mutex> lock(ring_mutex);
                    drawn = p + 1;
                }
                cv.notify_all();
            }
        });
        for (std::size_t p = 0; p < options.permutations; ++p) {
            {
                std::unique_lock<std::mutex> lock(ring_mutex);
                cv.wait(lock, [&] { return drawn > p; });
            }
            count_permutation(p, ring.data() + (p % kSlots) * draws);
            {
                const std::lock_guard<std::mutex> lock(ring_mutex);
                counted = p + 1;
            }
            cv.notify_all();
        }
        drawer.join();
    }
    const auto perms = static_cast<double>(options.permutations);
    r.p_binary = static_cast<double>(ge_count_bin) / perms;
    r.p_binary_lower = static_cast<double>(le_count_bin) / perms;
    r.p_valued = static_cast<double>(ge_count_val) / perms;
    r.p_valued_lower = static_cast<double>(le_count_val) / perms;
    r.perm_mean_binary = sum_ei_bin / perms;
    r.perm_mean_valued = sum_ei_val / perms;
    return r;
}

}  // namespace clusterlens::scoring
