// The option groups of the clusterlens commands, each bound to the options struct it fills, so
// score, render and compare take the same definitions with the same names and help.
#pragma once

#include <array>
#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "graphs/load.hpp"
#include "render/diagram.hpp"
#include "src/cli/commands.hpp"
#include "src/score/score.hpp"

namespace clusterlens::cli {
namespace po = boost::program_options;

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

}  // namespace clusterlens::cli
