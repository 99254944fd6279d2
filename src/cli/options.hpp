// The option groups of the clusterlens commands, each bound to the options struct it fills, so
// score, render and compare take the same definitions with the same names and help.
#pragma once

#include <array>
#include <boost/program_options.hpp>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "graphs/load.hpp"
#include "render/diagram.hpp"
#include "src/cli/commands.hpp"
#include "src/score/score.hpp"

namespace clusterlens::cli {
namespace po = boost::program_options;

// ---- whole numbers ----------------------------------------------------------------------------

/// `text` as a whole number from `min` to `max`: decimal digits only (no sign, no spaces, no
/// fraction), so "-1" is refused rather than wrapped to 18446744073709551615. nullopt when it is
/// not one.
std::optional<std::uint64_t> whole_number(const std::string& text, std::uint64_t min,
                                          std::uint64_t max);

namespace detail {
/// The token of a whole-number option as T; a program_options error naming the option (boost
/// adds the name), the range and the value when it is not a whole number from min to max.
std::uint64_t parse_count_token(const std::vector<std::string>& tokens, std::uint64_t min,
                                std::uint64_t max);

template <class T>
class CountValue final : public po::typed_value<T> {
public:
    CountValue(T* target, T min, T max) : po::typed_value<T>(target), min_(min), max_(max) {}
    void xparse(boost::any& store, const std::vector<std::string>& tokens) const override {
        store = static_cast<T>(parse_count_token(tokens, min_, max_));
    }

private:
    T min_, max_;
};
}  // namespace detail

/// The value of every whole-number option of every command (the one parser for them): a whole
/// number from `min` to `max`, else a usage error (exit 2) "--NAME takes a whole number from
/// MIN to MAX; got 'TEXT'". Used like po::value: count_value(&n)->default_value(5).
template <class T>
po::typed_value<T>* count_value(T* target, std::type_identity_t<T> min = 0,
                                std::type_identity_t<T> max = std::numeric_limits<T>::max()) {
    static_assert(std::is_integral_v<T> && std::is_unsigned_v<T> && !std::is_same_v<T, bool>);
    return new detail::CountValue<T>(target, min, max);
}

/// For tests: called by parse() with every option of the command being parsed (its own, the
/// shared groups and the input options) before the arguments are read; nullptr for none.
void set_options_listener(std::function<void(const po::options_description&)> listener);

// ---- input ------------------------------------------------------------------------------------

/// The input options every command takes, and the NETWORK arguments.
struct InputCli {
    std::vector<std::string> inputs;
    std::string map_file;
    std::string format;
    std::string nodes_sheet, edges_sheet;
    std::string local;
    bool local_ignore_case = false;
    std::string negative = "error";
    bool create_missing = false;
    bool decimal_comma = false;
    std::size_t max_errors = 20;
    /// The --max-... limits as given (limit_infos() order; "" = the default), parsed by
    /// load_options so that a negative number is refused rather than wrapped.
    std::array<std::string, 5> limits;
};

po::options_description input_options(InputCli& c);

/// A limit's value as --help shows it: 4294967296 bytes as 4G, 10000000 actors as 10M.
std::string limit_text(std::uint64_t value, const LimitInfo& info);

/// The load options the input options say (UsageError for a bad combination or value).
LoadOptions load_options(const InputCli& c);

/// Parses a command's options: `visible` plus the input options, and the NETWORK arguments
/// into c.inputs. Returns false (after printing `usage`, the options and `teaching`) when
/// --help was given.
bool parse(const std::vector<std::string>& args, po::options_description& visible, InputCli& c,
           po::variables_map& vm, const char* usage, const char* teaching, Streams io);

/// `inputs` (the files the NETWORK arguments name) and the arguments as given (folders too):
/// what an output must keep apart from (check_output_folder, check_output_file).
std::vector<std::string> with_given_paths(std::vector<std::string> inputs, const InputCli& c);

// ---- measure definitions: one group per options struct, composed by measure_options --------

void add_centrality_options(po::options_description& d, scoring::CentralityOptions& o);
void add_burt_options(po::options_description& d, scoring::BurtOptions& o);
void add_brokerage_options(po::options_description& d, std::string& groups);
void add_tie_strength_options(po::options_description& d, scoring::TieStrengthOptions& o);
void add_typology_options(po::options_description& d, scoring::TypologyOptions& o);
/// --lc-weights a,b,c,d as given; apply_measures parses it into LearningCapacityOptions.
void add_learning_capacity_options(po::options_description& d, std::string& weights);

/// What measure_options binds outside ScoreOptions (parsed by apply_measures).
struct MeasureCli {
    std::string lc_weights;
};

/// The definitions a measure is computed with, shared by score, render and compare, so a
/// figure and its table use the same ones.
po::options_description measure_options(scoring::ScoreOptions& so, MeasureCli& m);
/// Puts what measure_options bound outside ScoreOptions into it (UsageError for bad weights).
void apply_measures(const MeasureCli& m, scoring::ScoreOptions& so);
/// The names of measure options given on the command line (not left at their defaults).
std::vector<std::string> measure_options_given(const po::variables_map& vm);

/// Community detection as the options say: the method (empty = none asked for in score), its
/// resolution and the number of runs; the seed is the command's --seed.
struct CommunityCli {
    std::string method;
    double resolution = 1;
    std::size_t runs = 10;
};
/// --communities METHOD, --resolution G, --runs R (score; `communities` with a default method).
po::options_description community_options(CommunityCli& c, bool method_default);
/// The CommunityOptions they say, with `seed`; nullopt when no method was given. UsageError for
/// an unknown method or a bad resolution (detect_communities' own checks, before any loading).
std::optional<scoring::CommunityOptions> community_from(const CommunityCli& c, std::uint64_t seed);

/// The lock-in thresholds, shared by score, render and compare.
po::options_description lock_in_options(scoring::LockInOptions& o);

// ---- figures --------------------------------------------------------------------------------

/// How figures are printed: the same options for render and for every figure compare writes.
struct FigureCli {
    std::string width, height, legend = "right", style = "colour", label_by;
    std::string title;  ///< render: any text or none; compare: none only
    double font_size = 9;
    std::string formats = "svg,png";
};

po::options_description figure_options(FigureCli& f, bool compare);
/// Page options from the figure options; `title` is cleared when it says none.
render::PageOptions page_options(FigureCli& f);
/// The formats of --figure-format (UsageError for one that is not svg, png, pdf or dot).
std::vector<std::string> figure_formats(const std::string& list);

/// The command line as a report prints it ("clusterlens COMMAND", then the arguments; those
/// holding a space or a quote quoted).
std::string command_line(const std::string& command, const std::vector<std::string>& args);

/// A network's name for a report's title: the input's name without its extension, or its
/// folder's when it is a generic "data" or "network" (examples/cordis_ee_climate/data ->
/// cordis_ee_climate).
std::string network_title(const std::string& input);

}  // namespace clusterlens::cli
