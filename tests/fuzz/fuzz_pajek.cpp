// libFuzzer target: the Pajek .net reader (read_pajek), from a buffer in memory through
// load_network_from_buffer (the format and assembly a user's .net file gets), then the round trips
// of fuzz_common.hpp.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using clusterlens::InputFormat;
    clusterlens::fuzz::load_and_round_trip(clusterlens::fuzz::bytes_of(data, size),
                                           InputFormat::pajek, "fuzz.net", InputFormat::pajek);
    return 0;
}
