// What the fuzz targets share: what counts as a finding, the temporary files of the targets
// that need a second file, and the round trip.
//
// A finding is whatever a user would see as a failure of clusterlens rather than of their file:
// a crash, a sanitizer report, a hang or a memory blow-up (libFuzzer's -timeout and
// -rss_limit_mb), and an escape other than a refusal of the input: the loader may succeed, or
// throw InputError/InputErrors (exit 1) or UsageError (exit 2); a BackendError or any other
// exception is the "internal error ... (please report this)" of exit 3 and aborts the run here.
// A round trip (write the network in a format, read it back) that loses or invents actors,
// ties or relations, or is refused, is a finding too.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graphs/error.hpp"
#include "graphs/load.hpp"
#include "graphs/text_input.hpp"
#include "graphs/write.hpp"

namespace clusterlens::fuzz {

/// The largest input a target reads (the run scripts also pass -max_len): the readers have no
/// input limits of their own yet, and a finding should be a bug, not a big file.
inline constexpr std::size_t max_input = 1 << 16;

/// The options every target loads with: the defaults, but at most 10,000 actors. A count
/// declared in a few bytes is within the default limit and loads fast in a release build
/// (`*Vertices 42000`: 0.11 s, and 0.8 s for the round trips through the seven formats), but
/// under ASan and coverage the round trips took longer than the 10 s a run may take (long runs
/// of 2026-12-03: `*Vertices 331332` at a 5 M limit, then `*Vertices 42000` at 50,000): a
/// timeout should be a bug, not a big declared count. Declared counts at full size are
/// tests/bench/hostile_inputs.sh's.
inline LoadOptions fuzz_options() {
    LoadOptions o;
    o.limits.actors = 10'000;
    return o;
}

/// libFuzzer's input as bytes.
inline std::string_view bytes_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// Splits an input in two for the targets that read two files: its first two bytes give the
/// length of the first part (big-endian, cut to what follows), the rest is the second; a
/// mutation of those bytes moves the border. tests/fuzz/make_seeds.py writes seeds this way.
inline std::pair<std::string_view, std::string_view> split(std::string_view bytes) {
    if (bytes.size() < 2) return {};  // null views: the readers take them (cb2c4a7)
    const auto rest = bytes.substr(2);
    const std::size_t length =
        static_cast<unsigned char>(bytes[0]) * 256u + static_cast<unsigned char>(bytes[1]);
    const auto at = std::min(length, rest.size());
    return {rest.substr(0, at), rest.substr(at)};
}

[[noreturn]] inline void finding(const std::string& what) {
    std::fprintf(stderr, "\n==clusterlens fuzz finding== %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

/// Runs `load` and returns its network, or nullopt when it refuses the input the way a user's
/// file is refused. Anything else is a finding named after `what`.
template <class Load>
std::optional<Network> accept(const char* what, Load&& load) {
    try {
        return load();
    } catch (const InputErrors&) {
    } catch (const InputError&) {
    } catch (const UsageError&) {
    } catch (const BackendError& e) {
        finding(std::string(what) + ": backend error (exit 3): " + e.what());
    } catch (const std::exception& e) {
        finding(std::string(what) + ": internal error (exit 3): " + e.what());
    } catch (...) {
        finding(std::string(what) + ": a non-standard exception");
    }
    return std::nullopt;
}

/// A folder of this process's own in /dev/shm (memory, no disk) for the targets whose readers
/// take a second file by path; removed at exit.
class TempDir {
public:
    TempDir() {
        namespace fs = std::filesystem;
        const fs::path base = fs::exists("/dev/shm") ? "/dev/shm" : fs::temp_directory_path();
        dir_ = base / ("clusterlens-fuzz-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    /// Writes `bytes` to the file `name` in the folder and returns its path.
    std::string put(const std::string& name, std::string_view bytes) const {
        const auto path = (dir_ / name).string();
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush()) finding("cannot write the temporary file " + path);
        return path;
    }

private:
    std::filesystem::path dir_;
};

inline TempDir& temp_dir() {
    static TempDir dir;
    return dir;
}

/// Actors with at least one tie (an edge list cannot hold the others).
inline std::size_t tied_actors(const Network& net) {
    std::vector<bool> tied(net.actor_count(), false);
    for (std::size_t e = 0; e < net.tie_count(); ++e)
        tied[net.source(e)] = tied[net.target(e)] = true;
    std::size_t n = 0;
    for (const bool t : tied) n += t;
    return n;
}

struct Counts {
    std::size_t actors = 0, ties = 0, relations = 0;
    bool directed = false;
    bool operator==(const Counts&) const = default;
    std::string text() const {
        return std::to_string(actors) + " actors, " + std::to_string(ties) + " ties, " +
               std::to_string(relations) + " relations, " + (directed ? "directed" : "undirected");
    }
};

/// The relations that hold a tie. A relation can be left with none (its only ties were
/// self-loops, dropped); every format stores relations on ties, so such a relation cannot be
/// written and is not counted.
inline std::size_t tied_relations(const Network& net) {
    std::set<std::uint32_t> with_ties;
    for (std::size_t e = 0; e < net.tie_count(); ++e) with_ties.insert(net.relation(e));
    return with_ties.size();
}

inline Counts counts_of(const Network& net, bool only_tied) {
    return Counts{only_tied ? tied_actors(net) : net.actor_count(), net.tie_count(),
                  tied_relations(net), net.directed()};
}

/// The text `write` writes for `net`, or nullopt when the writer refuses the network
/// (UsageError: the format cannot hold it, e.g. several relations in an edge list).
template <class Write>
std::optional<std::string> written(const Network& net, Write&& write) {
    std::ostringstream out;
    try {
        write(net, out);
    } catch (const UsageError&) {
        return std::nullopt;
    }
    return out.str();
}

/// Writes `net` with `write`, reads the text back as `format` and compares the counts: the
/// actors (only those with a tie for an edge list), the ties, the relations and the direction.
/// A refusal of the written file, or other counts, is a finding.
template <class Write>
void round_trip(const Network& net, const char* name, InputFormat format, Write&& write) {
    const bool only_tied = format == InputFormat::edgelist;
    if (only_tied && net.tie_count() == 0) return;  // an edge list of no ties is empty
    const auto text = written(net, write);
    if (!text) return;
    const auto before = counts_of(net, only_tied);
    std::optional<Network> back;
    std::string why;
    try {
        back = load_network_from_buffer(*text, format, std::string("round_trip.") + name);
    } catch (const std::exception& e) {
        why = e.what();
    }
    if (!back)
        finding(std::string("round trip through ") + name +
                ": the written file is refused: " + why + "\n--- written\n" + *text);
    const auto after = counts_of(*back, only_tied);
    if (!(before == after))
        finding(std::string("round trip through ") + name + ": " + before.text() + " written, " +
                after.text() + " read back\n--- written\n" + *text);
}

/// The round trips every target makes with a network it loaded: through GraphML (what
/// `convert` and `score` write for Gephi) and through `also`'s writer when the format read has
/// one of its own.
inline void round_trips(const Network& net, std::optional<InputFormat> also = std::nullopt) {
    using F = InputFormat;
    round_trip(net, "graphml", F::graphml,
               [](const Network& n, std::ostream& o) { write_graphml(n, o); });
    if (!also) return;
    switch (*also) {
        case F::gexf:
            round_trip(net, "gexf", F::gexf,
                       [](const Network& n, std::ostream& o) { write_gexf(n, o); });
            break;
        case F::gml:
            round_trip(net, "gml", F::gml,
                       [](const Network& n, std::ostream& o) { write_gml(n, o); });
            break;
        case F::json:
            round_trip(net, "json", F::json,
                       [](const Network& n, std::ostream& o) { write_json(n, o); });
            break;
        case F::pajek:
            round_trip(net, "net", F::pajek,
                       [](const Network& n, std::ostream& o) { write_pajek(n, o); });
            break;
        case F::dl:
            round_trip(net, "dl", F::dl, [](const Network& n, std::ostream& o) { write_dl(n, o); });
            break;
        case F::vna:
            round_trip(net, "vna", F::vna,
                       [](const Network& n, std::ostream& o) { write_vna(n, o); });
            break;
        case F::edgelist:
            round_trip(net, "txt", F::edgelist,
                       [](const Network& n, std::ostream& o) { write_edge_list(n, o); });
            break;
        default:
            break;
    }
}

/// The whole path of one buffer: load it as `format` under `display_name` (the format may also
/// come from the name's extension or the content), then the round trips.
inline void load_and_round_trip(std::string_view bytes, InputFormat format,
                                const std::string& display_name,
                                std::optional<InputFormat> also = std::nullopt,
                                const LoadOptions& options = fuzz_options()) {
    if (bytes.size() > max_input) return;
    const auto net = accept(
        "load", [&] { return load_network_from_buffer(bytes, format, display_name, options); });
    if (net) round_trips(*net, also);
}

}  // namespace clusterlens::fuzz
