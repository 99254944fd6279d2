// libFuzzer target: a Pajek .net with a .clu partition (read_pajek with clu_paths), loaded by
// load_network as `clusterlens validate net.net dept.clu` loads them; the input's first two bytes
// say where it splits into the two files (fuzz_common.hpp), written to /dev/shm since the
// partition reader takes paths. Round trips through GraphML and Pajek.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace clusterlens;
    const auto bytes = fuzz::bytes_of(data, size);
    if (bytes.size() > fuzz::max_input) return 0;
    const auto [net_bytes, clu_bytes] = fuzz::split(bytes);
    const auto& dir = fuzz::temp_dir();
    const std::vector<std::string> files{dir.put("fuzz.net", net_bytes),
                                         dir.put("dept.clu", clu_bytes)};
    const auto net =
        fuzz::accept("load", [&] { return load_network(files, fuzz::fuzz_options()); });
    if (net) fuzz::round_trips(*net, InputFormat::pajek);
    return 0;
}
