#include "src/communities/profile.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <ostream>
#include <set>

#include "graphs/attributes.hpp"
#include "graphs/error.hpp"
#include "graphs/write.hpp"

namespace clusterlens::scoring {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

double ratio(double a, double b) { return b > 0 ? a / b : nan; }

double ei_of(double e, double i) { return e + i > 0 ? (e - i) / (e + i) : nan; }

void check_length(std::size_t got, std::size_t want, const char* what) {
    if (got != 0 && got != want)
        throw UsageError(std::string("community profiles: ") + what + " has " +
                         std::to_string(got) + " values for " + std::to_string(want));
}

/// Labels as small ints for NMI/ARI, over the actors whose text label is not empty.
PartitionAgreement agreement(const std::string& name, const std::vector<int>& membership,
                             const std::vector<std::string>& labels) {
    std::vector<int> a, b;
    std::map<std::string, int> code;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i].empty()) continue;
        a.push_back(membership[i]);
        b.push_back(code.emplace(labels[i], static_cast<int>(code.size())).first->second);
    }
    PartitionAgreement out{name, a.size(), nan, nan};
    if (a.size() >= 2) {
        out.nmi = nmi(a, b);
        out.adjusted_rand = adjusted_rand(a, b);
    }
    return out;
}

/// The distinct keys get(0..n-1) gives, sorted: the columns of one kind.
template <class Get>
std::vector<std::string> keys_of(std::size_t n, Get get) {
    std::set<std::string> s;
    for (std::size_t i = 0; i < n; ++i) s.insert(get(i));
    return {s.begin(), s.end()};
}

std::string column_name(const std::string& prefix, const std::string& key) {
    return prefix + (key.empty() ? "unspecified" : key);
}

}  // namespace

std::vector<CommunityProfile> community_profiles(const Network& net, const CommunityResult& found,
                                                 const CommunityOptions& options,
                                                 const std::vector<double>& betweenness,
                                                 const std::vector<std::string>& tie_dimension) {
    const std::size_t n = net.actor_count();
    const auto& c = found.membership;
    if (c.size() != n) throw UsageError("community profiles: no membership for the actors");
    check_length(betweenness.size(), n, "betweenness");
    check_length(tie_dimension.size(), net.tie_count(), "the learning dimensions");
    std::vector<CommunityProfile> rows(found.count);
    for (std::size_t k = 0; k < rows.size(); ++k) rows[k].community = static_cast<int>(k) + 1;
    std::vector<std::vector<std::size_t>> members(found.count);
    for (std::size_t i = 0; i < n; ++i) {
        const Actor& x = net.actor(i);
        auto& row = rows.at(static_cast<std::size_t>(c[i]));
        members[static_cast<std::size_t>(c[i])].push_back(i);
        ++row.size;
        row.focal += x.focal ? 1 : 0;
        ++row.by_part[std::string(to_string(x.part))];
        ++row.by_type[x.type];
        ++row.by_locality[std::string(to_string(x.locality))];
    }
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const auto ci = static_cast<std::size_t>(c[net.source(e)]);
        const auto cj = static_cast<std::size_t>(c[net.target(e)]);
        const double w = net.weight(e);
        if (ci == cj) {
            ++rows[ci].internal_ties;
            rows[ci].internal_weight += w;
            if (!tie_dimension.empty()) ++rows[ci].learning_dimensions[tie_dimension[e]];
        } else {
            for (const auto k : {ci, cj}) {
                ++rows[k].external_ties;
                rows[k].external_weight += w;
            }
        }
    }
    const auto terms = modularity_terms(net, c, options.resolution, options.weighted);
    for (std::size_t k = 0; k < rows.size(); ++k) {
        auto& row = rows[k];
        const double s = static_cast<double>(row.size);
        const double pairs = net.directed() ? s * (s - 1) : s * (s - 1) / 2;
        row.internal_density = ratio(static_cast<double>(row.internal_ties), pairs);
        row.mean_strength_inside =
            ratio(row.internal_weight, static_cast<double>(row.internal_ties));
        row.mean_strength_outside =
            ratio(row.external_weight, static_cast<double>(row.external_ties));
        row.ei =
            ei_of(static_cast<double>(row.external_ties), static_cast<double>(row.internal_ties));
        row.ei_valued = ei_of(row.external_weight, row.internal_weight);
        row.modularity_contribution = k < terms.size() ? terms[k] : nan;
        if (betweenness.empty()) continue;
        auto m = members[k];
        std::stable_sort(m.begin(), m.end(), [&](std::size_t a, std::size_t b) {
            return betweenness[a] > betweenness[b];
        });
        for (const auto i : m) {
            if (row.top_brokers.size() == 3 || !(betweenness[i] > 0)) break;
            row.top_brokers.push_back(i);
        }
    }
    return rows;
}

CommunitySummary community_summary(const Network& net, const CommunityResult& found,
                                   const CommunityOptions& options) {
    CommunitySummary s{found.method,
                       found.resolution,
                       options.weighted,
                       found.seed,
                       found.best_seed,
                       found.runs,
                       found.count,
                       found.modularity,
                       found.mean_nmi,
                       found.mean_ari,
                       {},
                       {}};
    s.sizes.assign(found.count, 0);
    for (const int label : found.membership) ++s.sizes.at(static_cast<std::size_t>(label));
    const std::size_t n = net.actor_count();
    std::vector<std::string> locality(n), type(n), part(n);
    for (std::size_t i = 0; i < n; ++i) {
        locality[i] = to_string(net.actor(i).locality);
        type[i] = net.actor(i).type;
        part[i] = to_string(net.actor(i).part);
    }
    s.agreement = {agreement("locality", found.membership, locality),
                   agreement("type", found.membership, type),
                   agreement("part", found.membership, part)};
    return s;
}

void write_community_table(const Network& net, const std::vector<CommunityProfile>& profiles,
                           const std::vector<std::string>& tie_dimension, std::ostream& out) {
    const std::size_t n = net.actor_count();
    const auto parts =
        keys_of(n, [&](std::size_t i) { return std::string(to_string(net.actor(i).part)); });
    const auto types = keys_of(n, [&](std::size_t i) { return net.actor(i).type; });
    const auto localities =
        keys_of(n, [&](std::size_t i) { return std::string(to_string(net.actor(i).locality)); });
    const auto dims =
        keys_of(tie_dimension.size(), [&](std::size_t e) { return tie_dimension[e]; });
    out << "community,size,focal";
    for (const auto& k : parts) out << ',' << column_name("part_", k);
    for (const auto& k : types) out << ',' << column_name("type_", k);
    for (const auto& k : localities) out << ',' << column_name("locality_", k);
    out << ",internal_ties,external_ties,internal_density,mean_strength_inside,"
           "mean_strength_outside,ei,ei_valued,modularity_contribution,top_brokers";
    for (const auto& k : dims) out << ',' << column_name("ties_", k);
    out << '\n';
    auto count = [](const std::map<std::string, std::size_t>& m, const std::string& key) {
        const auto it = m.find(key);
        return it == m.end() ? std::size_t{0} : it->second;
    };
    auto num = [](double v) { return std::isnan(v) ? std::string() : format_number(v); };
    for (const auto& row : profiles) {
        out << row.community << ',' << row.size << ',' << row.focal;
        for (const auto& k : parts) out << ',' << count(row.by_part, k);
        for (const auto& k : types) out << ',' << count(row.by_type, k);
        for (const auto& k : localities) out << ',' << count(row.by_locality, k);
        out << ',' << row.internal_ties << ',' << row.external_ties << ','
            << num(row.internal_density) << ',' << num(row.mean_strength_inside) << ','
            << num(row.mean_strength_outside) << ',' << num(row.ei) << ',' << num(row.ei_valued)
            << ',' << num(row.modularity_contribution) << ',';
        std::string brokers;
        for (const auto i : row.top_brokers) {
            const Actor& x = net.actor(i);
            brokers += (brokers.empty() ? "" : "; ") + (x.label.empty() ? x.id : x.label);
        }
        out << csv_text_cell(brokers);
        for (const auto& k : dims) out << ',' << count(row.learning_dimensions, k);
        out << '\n';
    }
}

}  // namespace clusterlens::scoring
