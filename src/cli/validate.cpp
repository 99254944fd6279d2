// clusterlens validate: load a network, report what is in it and every problem found.
#include <fmt/format.h>

#include <ostream>

#include "graphs/atomic_file.hpp"
#include "graphs/error.hpp"
#include "src/app/validation_report.hpp"
#include "src/cli/command_list.hpp"
#include "src/cli/options.hpp"
#include "src/cli/progress.hpp"

namespace clusterlens::cli {
namespace {

constexpr const char* kUsage = "usage: clusterlens validate NETWORK... [options]";

constexpr const char* kHelp =
    R"(Loads the network, applies the input policies and reports actors by part, type and locality,
ties by relation, density, components and every warning. On errors it lists them all (up to
--max-errors) as path:line:col: error: ..., and exits 1.

Policies: self-loops are dropped and parallel ties of one relation summed (both reported);
weights must be numbers > 0 (empty = 1), negative ones follow --negative (a signed network:
error, drop, or split into a relation of their own); actor ids must be unique; a tie to an
unknown actor is an error unless --create-missing.

Example (the bundled Estonian climate cluster from EU CORDIS):
  clusterlens validate examples/cordis_ee_climate/data --map examples/cordis_ee_climate/cordis.toml
)";

}  // namespace

int cmd_validate(const std::vector<std::string>& args, Streams io) {
    InputCli c;
    std::string json_path;
    po::options_description visible("validate options");
    visible.add_options()("help,h", "show this help")(
        "json", po::value(&json_path)->value_name("FILE"), "also write the report as JSON to FILE");
    po::variables_map vm;
    if (!parse(args, visible, c, vm, kUsage, kHelp, io)) return 0;
    if (c.inputs.empty())
        throw UsageError("validate needs a NETWORK; see clusterlens validate --help");
    const auto options = load_options(c);
    if (!json_path.empty())  // before the (long) load
        check_output_file(json_path, with_given_paths(resolve_inputs(c.inputs, options).all(), c));
    const auto net = load_with_progress(c.inputs, options, io);
    const auto comp = scoring::composition(net);
    print_warnings(net, io);
    app::print_network_summary(net, comp, io.out);
    if (!json_path.empty()) {
        app::write_validation_report(net, comp, json_path, resolve_inputs(c.inputs, options).all());
        io.out << "report: " << json_path << '\n';
    }
    io.out << fmt::format("OK: {} actors, {} ties, {} warnings\n", comp.actors, comp.ties,
                          net.report().warnings.size());
    return 0;
}

}  // namespace clusterlens::cli
