#include "graphs/limits.hpp"

namespace clusterlens {

namespace {
const LimitInfo kLimits[] = {
    {Limit::input_bytes, "--max-input-bytes", "bytes",
     "bytes of one input file after decompression (a .gz bomb)", &InputLimits::input_bytes},
    {Limit::line_length, "--max-line-length", "bytes",
     "bytes of one line of a text file (at most 4294967295)", &InputLimits::line_length},
    {Limit::actors, "--max-input-actors", "actors",
     "actors of the network: declared (Pajek *Vertices, DL n =), listed or named by ties",
     &InputLimits::actors},
    {Limit::attribute_keys, "--max-attribute-keys", "columns",
     "attribute keys (columns, ids included) of the actor table or of the tie table",
     &InputLimits::attribute_keys},
    {Limit::attribute_cells, "--max-attribute-cells", "cells",
     "rows x columns of the actor table or of the tie table (each element holds a value for "
     "each key)",
     &InputLimits::attribute_cells},
};

const InputLimits kDefaults{};
thread_local const InputLimits* g_current = nullptr;
}  // namespace

const LimitInfo* limit_infos(std::size_t& count) {
    count = sizeof kLimits / sizeof kLimits[0];
    return kLimits;
}

const LimitInfo& limit_info(Limit limit) {
    for (const auto& info : kLimits)
        if (info.limit == limit) return info;
    return kLimits[0];
}

const InputLimits& input_limits() { return g_current != nullptr ? *g_current : kDefaults; }

InputLimitsScope::InputLimitsScope(const InputLimits& limits)
    : previous_(g_current), limits_(limits) {
    g_current = &limits_;
}

InputLimitsScope::~InputLimitsScope() { g_current = previous_; }

InputError limit_error(SourcePos pos, const std::string& what, Limit limit) {
    const auto& info = limit_info(limit);
    return InputError(std::move(pos), what + " is over the limit of " +
                                          std::to_string(input_limits().*info.member) + " " +
                                          info.unit +
                                          "; if the input is right, raise the limit with " +
                                          info.option + " N (README 'Limits')");
}

void check_limit(std::uint64_t value, Limit limit, const SourcePos& pos, const std::string& what) {
    if (value > input_limits().*limit_info(limit).member) throw limit_error(pos, what, limit);
}

}  // namespace clusterlens
