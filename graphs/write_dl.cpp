// Writing UCINET DL (fullmatrix with labels, one matrix per relation).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "graphs/text_input.hpp"
#include "graphs/write.hpp"
#include "graphs/write_columns.hpp"

namespace clusterlens {
namespace fs = std::filesystem;
using writer::ActorColumns;
using writer::quoted;
using writer::TieColumns;

// ---- UCINET DL ---------------------------------------------------------------------------

namespace {
/// The names a DL file gives the actors: the labels (what UCINET and NetDraw show), or the ids
/// when two labels are the same ignoring case (UCINET ignores case, so they would be one actor).
std::vector<std::string> dl_names(const Network& net) {
    for (const bool labels : {true, false}) {
        std::vector<std::string> names;
        std::set<std::string> seen;
        for (const auto& a : net.actors()) {
            names.push_back(labels && !a.label.empty() ? a.label : a.id);
            if (!seen.insert(ascii_lower(names.back())).second) break;
        }
        if (names.size() == net.actor_count() && seen.size() == names.size()) return names;
    }
    throw UsageError(
        "two actor ids differ only in upper and lower case, which UCINET takes as one actor; "
        "write GraphML, GML, JSON, VNA or a CSV folder instead");
}
}  // namespace

void write_dl(const Network& net, std::ostream& out) {
    const std::size_t n = net.actor_count();
    const std::size_t k = net.relations().size();
    const auto names = dl_names(net);
    auto label_list = [&](auto get) {
        for (std::size_t i = 0; i < n; ++i) out << (i ? ",\n" : "") << quoted(get(i), "UCINET DL");
        out << '\n';
    };
    if (k == 1) {
        out << "dl n=" << n << "\nformat = edgelist1\nlabels:\n";
        label_list([&](std::size_t i) { return names[i]; });
        out << "data:\n";
        for (std::size_t e = 0; e < net.tie_count(); ++e) {
            out << (net.source(e) + 1) << ' ' << (net.target(e) + 1) << ' '
                << format_number(net.weight(e)) << '\n';
            if (!net.directed())
                out << (net.target(e) + 1) << ' ' << (net.source(e) + 1) << ' '
                    << format_number(net.weight(e)) << '\n';
        }
        return;
    }
    if (n > 5000)
        throw UsageError(
            "DL export of several relations writes full matrices and is limited to "
            "5000 actors; export one relation or use GraphML");
    out << "dl n=" << n << " nm=" << k << "\nformat = fullmatrix\nlabels:\n";
    label_list([&](std::size_t i) { return names[i]; });
    out << "matrix labels:\n";
    for (std::size_t r = 0; r < k; ++r)
        out << (r ? ",\n" : "")
            << quoted(net.relations()[r].empty() ? "r" + std::to_string(r + 1) : net.relations()[r],
                      "UCINET DL");
    out << "\ndata:\n";
    std::vector<double> m(n * n);
    for (std::size_t r = 0; r < k; ++r) {
        std::fill(m.begin(), m.end(), 0.0);
        for (std::size_t e = 0; e < net.tie_count(); ++e) {
            if (net.relation(e) != r) continue;
            m[net.source(e) * n + net.target(e)] = net.weight(e);
            if (!net.directed()) m[net.target(e) * n + net.source(e)] = net.weight(e);
        }
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = 0; j < n; ++j)
                out << (j ? " " : "") << format_number(m[i * n + j]);
            out << '\n';
        }
    }
}

}  // namespace clusterlens
