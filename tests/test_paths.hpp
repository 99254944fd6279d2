#pragma once
#include <string>

namespace clusterlens::testing {
inline std::string data(const std::string& rel) {
    return std::string(CLUSTERLENS_TEST_DATA) + "/" + rel;
}
inline std::string example(const std::string& rel) {
    return std::string(CLUSTERLENS_EXAMPLES) + "/" + rel;
}
/// A file of the shared corpus of real-world inputs, ../shared/corpus from the repository root
/// (provenance in its MANIFEST.md). Tests that use it skip when the folder is absent.
inline std::string corpus(const std::string& rel) {
    return std::string(CLUSTERLENS_CORPUS) + "/" + rel;
}
}  // namespace clusterlens::testing
