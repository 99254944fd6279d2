// run(): the overview, --version, dispatch to the commands, and errors mapped to exit codes
// (0 ok, 1 input error, 2 usage error, 3 internal error). A command whose report could not be
// written (stdout on a full disk) has not succeeded; an interrupted one leaves no temporary.
#include <boost/program_options.hpp>
#include <cerrno>
#include <cstring>
#include <ostream>

#include "clusterlens/version.hpp"
#include "graphs/atomic_file.hpp"
#include "graphs/error.hpp"
#include "src/cli/command_list.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/terminal_output.hpp"

namespace clusterlens::cli {
namespace {

constexpr const char* kOverview =
    R"(clusterlens — network analysis for industrial-cluster innovation networks

Loads a cluster's actors (core firms, assisting institutes, external sources) and ties from the
files you already have, checks them, and converts between formats. Scoring, diagrams and
local-versus-global comparison build on the same model.

usage: clusterlens COMMAND [OPTIONS] NETWORK...

commands:
  validate   load a network, report what is in it and every problem found
  convert    load a network and write it in another format
  score      score every actor and tie: centrality, structural holes, openness, brokerage,
             tie strength, firm roles, learning capacity, lock-in
  render     draw the network as an annotated figure (SVG, PNG, PDF or DOT) with a legend:
             concentric rings of core, assisting and external actors, the position map,
             ego views, Graphviz layouts
  compare    local versus global linkage structure of one cluster: buzz and pipelines side
             by side, who holds the pipelines, gatekeeper dependence, lock-in, figures
  communities  cohesive subgroups: Leiden, Louvain, Infomap, walktrap or label propagation,
             seeded and repeated, each community's composition; maximal cliques
  explain    regress an actor outcome on network positions, with permutation p-values
             (Freedman-Lane or, as UCINET, outcome permutation)
  qap        QAP correlation and MRQAP: do two relations, or two waves, go together?
  report     one HTML file to hand over: the findings in words, the network to explore
             (hover, search, ego networks, toggles), sortable tables, figures to download

NETWORK is one of
  nodes.csv edges.csv   a Gephi spreadsheet pair (Id,Label,... / Source,Target,Type,Weight,...)
  FOLDER                a folder holding *nodes*.csv and *edges*.csv (.csv.gz works too)
  FILE                  .graphml .gexf .gml .net (+ .clu) .dl .vna .txt/.edgelist (any of them
                        .gz), .xlsx/.ods (nodes and edges sheets)

Run 'clusterlens COMMAND --help' for a command's options and an example.
Exit codes: 0 ok, 1 input error, 2 usage error, 3 internal error.
)";

int dispatch(const std::vector<std::string>& args, Streams io) {
    if (args.empty()) {  // a usage error: the overview goes to stderr
        io.err << kOverview;
        return 2;
    }
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        io.out << kOverview;
        return 0;
    }
    if (args[0] == "--version") {
        io.out << "clusterlens " << kVersion << '\n';
        return 0;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "validate") return cmd_validate(rest, io);
    if (args[0] == "convert") return cmd_convert(rest, io);
    if (args[0] == "score") return cmd_score(rest, io);
    if (args[0] == "explain") return cmd_explain(rest, io);
    if (args[0] == "render") return cmd_render(rest, io);
    if (args[0] == "compare") return cmd_compare(rest, io);
    if (args[0] == "communities") return cmd_communities(rest, io);
    if (args[0] == "qap") return cmd_qap(rest, io);
    if (args[0] == "report") return cmd_report(rest, io);
    throw UsageError("unknown command '" + args[0] +
                     "'; commands: validate, convert, score, render, compare, communities, "
                     "explain, qap, report (see clusterlens --help)");
}

int run_command(const std::vector<std::string>& args, Streams io) {
    try {
        try {
            return dispatch(args, io);
        } catch (const boost::program_options::error& e) {
            throw UsageError(e.what());
        }
    } catch (const InputErrors& e) {
        for (const auto& err : e.errors()) io.err << err.what() << '\n';
        if (e.truncated())
            io.err << "clusterlens: stopped after " << e.errors().size()
                   << " errors (raise --max-errors to see more)\n";
        return 1;
    } catch (const InputError& e) {
        io.err << e.what() << '\n';
        return 1;
    } catch (const UsageError& e) {
        io.err << "clusterlens: usage error: " << terminal_safe(e.what()) << '\n';
        return 2;
    } catch (const BackendError& e) {
        io.err << "clusterlens: error: " << terminal_safe(e.what()) << '\n';
        return 3;
    } catch (const std::exception& e) {
        io.err << "clusterlens: internal error: " << terminal_safe(e.what())
               << " (please report this)\n";
        return 3;
    }
}

/// What became of the streams: what the command printed on stdout is its result (a report, a
/// list of the files written), so a failed write there, found when it is flushed at the end, is
/// an error like a failed output file (exit 3, said on stderr). When stderr itself cannot be
/// written the exit code alone tells (3, unless the command failed already).
int check_streams(int code, Streams io) {
    errno = 0;
    io.out.flush();
    if (!io.out) {
        int e = errno;
        if (e == 0) {  // it failed earlier, and a failed stream flushes nothing: try once more
            io.out.clear();
            io.out.flush();
            e = errno;
            io.out.setstate(std::ios::badbit);
        }
        io.err << "clusterlens: error: cannot write to standard output: "
               << (e != 0 ? std::strerror(e) : "write failed")
               << "; the command's report is incomplete (is the disk full?)\n";
        if (code == 0) code = 3;
    }
    io.err.flush();
    if (!io.err && code == 0) code = 3;
    return code;
}

}  // namespace

int run(const std::vector<std::string>& args, Streams io) {
    remove_temporaries_on_signals();
    // Everything printed, messages and reports alike, with control characters escaped; the
    // streams are checked while the filters are in place (swapping a buffer back clears them).
    const TerminalSafeStream safe_out(io.out), safe_err(io.err);
    return check_streams(run_command(args, io), io);
}

}  // namespace clusterlens::cli
