// libFuzzer target: .xlsx and .ods workbooks (read_workbook through liborcus, which reads the
// zip from memory), through load_network_from_buffer; an input holding the OpenDocument mime
// type is read as .ods, any other as .xlsx. Round trips through GraphML.
#include "fuzz_common.hpp"

namespace {
std::uint32_t le32(std::string_view b, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 4; i-- > 0;) v = v << 8 | static_cast<unsigned char>(b[at + i]);
    return v;
}

/// A known gap, skipped until its fix lands (tests/fuzz/findings/README.md): liborcus 0.17
/// allocates the size a zip entry's header declares before reading it, so an 897-byte file
/// declaring 1.8 GB takes 50 s and the memory. True when a local or central header declares an
/// entry larger than the input (compressed) or than 64 MiB (uncompressed).
bool declares_huge_entry(std::string_view b) {
    const auto limit = std::uint32_t{64} << 20;
    for (std::size_t at = b.find("PK"); at != std::string_view::npos; at = b.find("PK", at + 1)) {
        if (at + 28 > b.size()) break;
        const bool local = b[at + 2] == '\x03' && b[at + 3] == '\x04';
        const bool central = b[at + 2] == '\x01' && b[at + 3] == '\x02';
        if (!local && !central) continue;
        const auto compressed = le32(b, at + (local ? 18 : 20));
        const auto uncompressed = le32(b, at + (local ? 22 : 24));
        if (compressed > b.size() || uncompressed > limit) return true;
    }
    return false;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using clusterlens::InputFormat;
    const auto bytes = clusterlens::fuzz::bytes_of(data, size);
    if (declares_huge_entry(bytes)) return 0;
    const bool ods = bytes.find("application/vnd.oasis.opendocument") != std::string_view::npos;
    clusterlens::fuzz::load_and_round_trip(bytes, ods ? InputFormat::ods : InputFormat::xlsx,
                                           ods ? "fuzz.ods" : "fuzz.xlsx");
    return 0;
}
