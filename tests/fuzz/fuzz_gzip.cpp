// libFuzzer target: gzip input (text_input.cpp's in-memory inflate, several members, trailing
// bytes, truncation), through load_network_from_buffer under a name without an extension, so
// the decompressed text goes to whichever reader its content suggests (detect_format.cpp).
// An input that is not gzip already is compressed first, whole and cut short, so the mutations
// reach the text behind the decompression too.
#include <zlib.h>

#include "fuzz_common.hpp"

namespace {
/// `text` gzip-compressed (one member).
std::string gzip(std::string_view text) {
    z_stream z{};
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        clusterlens::fuzz::finding("deflateInit2 failed");
    std::string out(deflateBound(&z, static_cast<uLong>(text.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    z.avail_in = static_cast<uInt>(text.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    if (deflate(&z, Z_FINISH) != Z_STREAM_END) clusterlens::fuzz::finding("deflate failed");
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace clusterlens;
    const auto bytes = fuzz::bytes_of(data, size);
    if (bytes.size() > fuzz::max_input) return 0;
    if (is_gzip(bytes)) {
        fuzz::load_and_round_trip(bytes, InputFormat::automatic, "fuzz.gz");
        return 0;
    }
    const auto packed = gzip(bytes);
    fuzz::load_and_round_trip(packed, InputFormat::automatic, "fuzz.gz");
    fuzz::load_and_round_trip(std::string_view(packed).substr(0, packed.size() / 2),
                              InputFormat::automatic, "fuzz.gz");
    return 0;
}
