// libFuzzer target: the --map mapping file (load_mapping, toml++), then a CSV tie table loaded
// with the mapping it gave: the input's first two bytes say where it splits into the TOML text
// (written to /dev/shm, as load_mapping takes a path) and the table (fuzz_common.hpp). Round
// trips through GraphML.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace clusterlens;
    const auto bytes = fuzz::bytes_of(data, size);
    if (bytes.size() > fuzz::max_input) return 0;
    const auto parts = fuzz::split(bytes);
    const auto toml = parts.first, table = parts.second;
    const auto path = fuzz::temp_dir().put("map.toml", toml);
    LoadOptions options = fuzz::fuzz_options();
    bool mapped = false;
    fuzz::accept("load_mapping", [&] {
        options.mapping = load_mapping(path);
        mapped = true;
        return Network();
    });
    if (!mapped) return 0;
    // [files] names the tables of a folder; a buffer holds the one tie table.
    options.mapping.nodes_file.clear();
    options.mapping.edges_file.clear();
    const auto net = fuzz::accept("load", [&] {
        return load_network_from_buffer(table, InputFormat::automatic, "fuzz.csv", options);
    });
    if (net) fuzz::round_trips(*net);
    return 0;
}
