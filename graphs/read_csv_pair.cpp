#include "graphs/csv.hpp"
#include "graphs/readers.hpp"

namespace clusterlens {

RawNetwork read_csv_pair(const std::string& nodes_path, const std::string& edges_path,
                         const CsvOptions& options) {
    RawNetwork raw;
    raw.format = "csv";
    if (!nodes_path.empty()) {
        raw.actors = read_csv_table(nodes_path, raw.warnings, options);
        raw.actors_authoritative = true;
        raw.sources.push_back(nodes_path);
    }
    if (!edges_path.empty()) {
        raw.ties = read_csv_table(edges_path, raw.warnings, options);
        raw.sources.push_back(edges_path);
    }
    return raw;
}

RawNetwork read_csv_ties(const Source& edges, const CsvOptions& options) {
    RawNetwork raw;
    raw.format = "csv";
    raw.ties = read_csv_table(edges, raw.warnings, options);
    raw.sources.push_back(edges.name);
    return raw;
}

}  // namespace clusterlens
