// clusterlens convert: load a network and write it in another format.
#include <fmt/format.h>

#include <ostream>

#include "graphs/atomic_file.hpp"
#include "graphs/error.hpp"
#include "graphs/write.hpp"
#include "src/app/relations.hpp"
#include "src/cli/command_list.hpp"
#include "src/cli/options.hpp"
#include "src/cli/progress.hpp"

namespace clusterlens::cli {
namespace {

constexpr const char* kUsage = "usage: clusterlens convert NETWORK... -o OUT [options]";

constexpr const char* kHelp =
    R"(Loads the network (with the same checks as validate) and writes it in the format the output's
extension names. Every actor and tie attribute goes along where the format can hold it
(GraphML, GML, JSON, CSV, VNA). Pajek keeps ids, labels, ties, weights and relations, and
writes the model fields (part, type, locality, focal, stage, group) and whole-number actor
attributes as partitions next to OUT.net (OUT.part.clu, ...); with several relations it also
writes OUT.<relation>.net per relation, the files igraph and NetworkX read. DL keeps the
labels (as UCINET's labels), ties, weights and relations.
The output is written to a temporary file and renamed into place: a failed run leaves any
existing file untouched. An output that is one of the inputs is refused.

Example: the CORDIS case as GraphML for Gephi
  clusterlens convert examples/cordis_ee_climate/data --map examples/cordis_ee_climate/cordis.toml -o out/ee.graphml
)";

}  // namespace

int cmd_convert(const std::vector<std::string>& args, Streams io) {
    InputCli c;
    std::string out_path, relation;
    po::options_description visible("convert options");
    visible.add_options()("help,h", "show this help")(
        "output,o", po::value(&out_path)->value_name("OUT"),
        "output: .graphml .gexf (Gephi, GEXF 1.2) .gml .json (NetworkX node-link) .net (Pajek) .dl "
        "(UCINET) .vna .txt (edge list), or a folder for the Gephi CSV pair (nodes.csv, "
        "edges.csv)")("relation", po::value(&relation)->value_name("NAME"),
                      "write only the ties of this relation (every actor stays)")(
        "csv-safe",
        "CSV pair: write text cells that start with = + - @ (which a spreadsheet would run as a "
        "formula) with a leading apostrophe, for opening in a spreadsheet; without it the cells "
        "hold the data exactly, for Gephi and other readers");
    po::variables_map vm;
    if (!parse(args, visible, c, vm, kUsage, kHelp, io)) return 0;
    if (c.inputs.empty())
        throw UsageError("convert needs a NETWORK; see clusterlens convert --help");
    if (out_path.empty()) throw UsageError("convert needs -o OUT; see clusterlens convert --help");
    const auto options = load_options(c);
    const auto inputs = resolve_inputs(c.inputs, options).all();
    // Every output checked before the (long) load: a folder for a CSV pair, else files.
    const auto apart = with_given_paths(inputs, c);
    if (output_format_for(out_path) == OutputFormat::csv_pair)
        check_output_folder(out_path, apart);
    else
        for (const auto& f : output_files_for(out_path)) check_output_file(f, apart);
    const auto loaded = load_with_progress(c.inputs, options, io);
    print_warnings(loaded, io);
    const auto net =
        relation.empty() ? loaded : loaded.select_relation(app::relation_named(loaded, relation));
    const auto written = write_network(
        net, out_path, inputs, vm.count("csv-safe") ? CsvCells::spreadsheet_safe : CsvCells::exact);
    for (const auto& w : written) io.out << "wrote " << w << '\n';
    io.out << fmt::format("OK: {} actors, {} ties\n", net.actor_count(), net.tie_count());
    return 0;
}

}  // namespace clusterlens::cli
