// libFuzzer target: .xlsx and .ods workbooks (read_workbook through liborcus, which reads the
// zip from memory), through load_network_from_buffer; an input holding the OpenDocument mime
// type is read as .ods, any other as .xlsx. Round trips through GraphML.
//
// The decompressed-bytes limit is 64 MiB here instead of 4 GiB: the workbook reader checks the
// sizes the zip directory declares against it before liborcus, which allocates a declared
// size before reading it, sees the archive (graphs/workbook_load.cpp, check_zip_directory), so
// an entry declaring 4 GB is an input error, not a 50-second allocation past -timeout.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using clusterlens::InputFormat;
    clusterlens::LoadOptions options;
    options.limits.input_bytes = std::uint64_t{64} << 20;
    const auto bytes = clusterlens::fuzz::bytes_of(data, size);
    const bool ods = bytes.find("application/vnd.oasis.opendocument") != std::string_view::npos;
    clusterlens::fuzz::load_and_round_trip(bytes, ods ? InputFormat::ods : InputFormat::xlsx,
                                           ods ? "fuzz.ods" : "fuzz.xlsx", std::nullopt, options);
    return 0;
}
