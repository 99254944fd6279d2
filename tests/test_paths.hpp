#pragma once
#include <string>

namespace clusterlens::testing {
inline std::string data(const std::string& rel) {
    return std::string(CLUSTERLENS_TEST_DATA) + "/" + rel;
}
inline std::string example(const std::string& rel) {
    return std::string(CLUSTERLENS_EXAMPLES) + "/" + rel;
}
}  // namespace clusterlens::testing
