// libFuzzer target: a Gephi CSV pair (read_csv_pair), nodes.csv and edges.csv loaded by
// load_network as the user names them; the input's first two bytes say where it splits into the
// two files (fuzz_common.hpp), which go to a folder in /dev/shm since the pair reader takes
// paths. Round trips through GraphML and through the CSV pair writer.
#include "fuzz_common.hpp"

namespace {
using namespace clusterlens;

/// Writes `net` as a CSV pair and loads it back: the same counts, or a finding.
void csv_pair_round_trip(const Network& net) {
    const auto nodes =
        fuzz::written(net, [](const Network& n, std::ostream& o) { write_csv_nodes(n, o); });
    const auto edges =
        fuzz::written(net, [](const Network& n, std::ostream& o) { write_csv_edges(n, o); });
    if (!nodes || !edges) return;
    const auto& dir = fuzz::temp_dir();
    const std::vector<std::string> files{dir.put("back_nodes.csv", *nodes),
                                         dir.put("back_edges.csv", *edges)};
    std::optional<Network> back;
    std::string why;
    try {
        back = load_network(files, fuzz::fuzz_options());
    } catch (const std::exception& e) {
        why = e.what();
    }
    const auto before = fuzz::counts_of(net, false);
    if (!back)
        fuzz::finding("round trip through a CSV pair: the written files are refused: " + why +
                      "\n--- nodes\n" + *nodes + "--- edges\n" + *edges);
    const auto after = fuzz::counts_of(*back, false);
    if (!(before == after))
        fuzz::finding("round trip through a CSV pair: " + before.text() + " written, " +
                      after.text() + " read back\n--- nodes\n" + *nodes + "--- edges\n" + *edges);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto bytes = fuzz::bytes_of(data, size);
    if (bytes.size() > fuzz::max_input) return 0;
    const auto [nodes, edges] = fuzz::split(bytes);
    const auto& dir = fuzz::temp_dir();
    const std::vector<std::string> files{dir.put("nodes.csv", nodes), dir.put("edges.csv", edges)};
    const auto net =
        fuzz::accept("load", [&] { return load_network(files, fuzz::fuzz_options()); });
    if (!net) return 0;
    fuzz::round_trips(*net);
    csv_pair_round_trip(*net);
    return 0;
}
