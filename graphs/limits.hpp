// The limits every load is held to, so that no input, however small its file, makes clusterlens
// take more memory or time than the machine has: the decompressed bytes of a file, the length of
// a line, the number of actors, and the columns and cells of an actor or tie table. Hitting one
// is an input error (exit 1) that names the limit, its value and the option that raises it,
// never std::bad_alloc. The defaults fit a 24 GB machine with room for scoring (README
// 'Limits' gives the measured cost behind each).
//
// The limits travel in LoadOptions::limits; load_network and the other entry points of load.hpp
// install them for the duration of the load (InputLimitsScope), and the places that allocate
// from what the input says (LineReader, the gzip and XML paths, RawTable, the readers' declared
// counts, assembly) read them through input_limits(), so no reader signature carries them. A
// reader called outside a load gets the defaults.
#pragma once

#include <cstdint>
#include <string>

#include "graphs/error.hpp"

namespace clusterlens {

struct InputLimits {
    /// Bytes of one input file after decompression (a .gz that expands without end).
    std::uint64_t input_bytes = std::uint64_t{4} << 30;
    /// Bytes of one line of a text file (a file with no line ends at all). At most 2^32 - 1,
    /// so that a byte column always fits a SourcePos.
    std::uint64_t line_length = std::uint64_t{1} << 30;
    /// Actors of one network: declared counts (Pajek *Vertices, DL n =, matrix size), rows of
    /// an actor table, and actors created from tie ends.
    std::uint64_t actors = 5'000'000;
    /// Columns (attribute keys, ids included) of one actor or tie table.
    std::uint64_t attribute_keys = 1'000;
    /// Cells of one actor or tie table: its rows times its columns. Assembly gives every actor
    /// (tie) a value for every key, so this bounds what the network's attributes take.
    std::uint64_t attribute_cells = 100'000'000;
};

/// One limit: what it bounds, in which unit, and the option that raises it.
enum class Limit { input_bytes, line_length, actors, attribute_keys, attribute_cells };

struct LimitInfo {
    Limit limit;
    const char* option;  ///< "--max-input-bytes"
    const char* unit;    ///< "bytes", "actors"
    const char* help;    ///< what it bounds, for --help and the README
    std::uint64_t InputLimits::*member;
};
/// Every limit, in the order --help lists them.
const LimitInfo* limit_infos(std::size_t& count);
const LimitInfo& limit_info(Limit limit);

/// The limits of the load running on this thread; the defaults outside one.
const InputLimits& input_limits();

/// Makes `limits` those of this thread until destroyed (scopes nest).
class InputLimitsScope {
public:
    explicit InputLimitsScope(const InputLimits& limits);
    ~InputLimitsScope();
    InputLimitsScope(const InputLimitsScope&) = delete;
    InputLimitsScope& operator=(const InputLimitsScope&) = delete;

private:
    const InputLimits* previous_;
    InputLimits limits_;
};

/// The input error for `limit` exceeded at `pos`: "`what` is over the limit of N unit; if the
/// input is right, raise the limit with --max-... N (README 'Limits')", where `what` names the
/// thing over it ("*Vertices 20000000", "this line").
InputError limit_error(SourcePos pos, const std::string& what, Limit limit);

/// Throws limit_error when `value` exceeds the current value of `limit`.
void check_limit(std::uint64_t value, Limit limit, const SourcePos& pos, const std::string& what);

}  // namespace clusterlens
