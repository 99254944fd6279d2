#include "src/cli/commands.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "clusterlens/version.hpp"
#include "graphs/atomic_file.hpp"
#include "graphs/attributes.hpp"
#include "graphs/load.hpp"
#include "graphs/write.hpp"
#include "render/diagram.hpp"
#include "src/compare/local_global.hpp"
#include "src/compare/many_clusters.hpp"
#include "src/compare/two_networks.hpp"
#include "src/learning/lock_in.hpp"
#include "src/openness/openness.hpp"
#include "src/score/score.hpp"
#include "src/size/composition.hpp"

namespace clusterlens::cli {
namespace po = boost::program_options;

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

NETWORK is one of
  nodes.csv edges.csv   a Gephi spreadsheet pair (Id,Label,... / Source,Target,Type,Weight,...)
  FOLDER                a folder holding *nodes*.csv and *edges*.csv (.csv.gz works too)
  FILE                  .graphml .gexf .gml .net (+ .clu) .dl .vna .txt/.edgelist (any of them
                        .gz), .xlsx/.ods (nodes and edges sheets)

Run 'clusterlens COMMAND --help' for a command's options and an example.
Exit codes: 0 ok, 1 input error, 2 usage error, 3 internal error.
)";

struct Common {
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
};

po::options_description common_options(Common& c) {
    po::options_description d("input options");
    d.add_options()(
        "map,m", po::value(&c.map_file)->value_name("FILE"),
        "mapping file (TOML) saying which of your columns and values mean what; see README "
        "'Mapping files'")("format,f", po::value(&c.format)->value_name("NAME"),
                           "input format when the extension does not tell: csv, graphml, gml, "
                           "pajek, dl, vna, edgelist, gexf, json, xlsx, ods, matrix")(
        "nodes-sheet", po::value(&c.nodes_sheet)->value_name("NAME"),
        "workbook sheet (.xlsx, .ods) with the actor table (default: the sheet whose name "
        "contains 'node' or 'actor')")(
        "edges-sheet", po::value(&c.edges_sheet)->value_name("NAME"),
        "workbook sheet with the tie table (default: the only sheet, or the one whose name "
        "contains 'edge' or 'tie')")(
        "local", po::value(&c.local)->value_name("V1,V2"),
        "values of the mapping's locality column that mean local (overrides its 'local' list), "
        "e.g. --local EE")(
        "local-ignore-case", po::bool_switch(&c.local_ignore_case),
        "match the locality rule's values ignoring case (--local ee matches EE)")(
        "negative", po::value(&c.negative)->default_value("error")->value_name("POLICY"),
        "ties with a negative value (a signed network): error, drop (leave them out) or split "
        "(a relation of their own, '<relation>_negative', with positive strengths)")(
        "create-missing", po::bool_switch(&c.create_missing),
        "create actors for tie ends missing from the actor table instead of failing")(
        "decimal-comma", po::bool_switch(&c.decimal_comma),
        "in ';'- or tab-separated CSV, read ',' in numbers as the decimal point (2,5 = 2.5; "
        "detected with a warning when clear); a number with a '.' is then an error")(
        "max-errors", po::value(&c.max_errors)->default_value(20)->value_name("N"),
        "stop after N input errors");
    return d;
}

LoadOptions load_options(const Common& c) {
    LoadOptions o;
    if (!c.map_file.empty()) o.mapping = load_mapping(c.map_file);
    if (!c.format.empty()) o.format = parse_input_format(c.format);
    o.workbook.nodes_sheet = c.nodes_sheet;
    o.workbook.edges_sheet = c.edges_sheet;
    if (!c.local.empty()) {
        if (!o.mapping.locality_rule)
            throw UsageError(
                "--local needs a mapping with a locality rule ([actors.locality] "
                "column = \"...\")");
        o.mapping.locality_rule->local_values.clear();
        o.mapping.locality_rule->global_values.clear();
        std::size_t start = 0;
        while (start <= c.local.size()) {
            const auto end = c.local.find(',', start);
            const auto v =
                c.local.substr(start, end == std::string::npos ? std::string::npos : end - start);
            if (!v.empty()) o.mapping.locality_rule->local_values.push_back(v);
            if (end == std::string::npos) break;
            start = end + 1;
        }
    }
    if (c.local_ignore_case) {
        if (!o.mapping.locality_rule)
            throw UsageError(
                "--local-ignore-case needs a mapping with a locality rule ([actors.locality] "
                "column = \"...\")");
        o.mapping.locality_rule->ignore_case = true;
    }
    o.assemble.negative = parse_negative_ties(c.negative);
    if (c.max_errors == 0 || c.max_errors > 1000000)
        throw UsageError("--max-errors must be between 1 and 1000000");
    o.assemble.create_missing_actors = c.create_missing;
    if (c.decimal_comma) o.csv.decimal_comma = DecimalComma::force;
    o.assemble.max_errors = c.max_errors;
    return o;
}

/// Parses a command's options: `visible` plus the common input options, and the NETWORK
/// arguments into c.inputs. Returns false (after printing help) when --help was given.
bool parse(const std::vector<std::string>& args, po::options_description& visible, Common& c,
           po::variables_map& vm, const char* usage, const char* teaching, Streams io) {
    visible.add(common_options(c));
    po::options_description hidden;
    hidden.add_options()("input", po::value(&c.inputs)->multitoken());
    po::positional_options_description pos;
    pos.add("input", -1);
    po::options_description all;
    all.add(visible).add(hidden);
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    if (vm.count("help")) {
        io.out << usage << "\n\n" << visible << '\n' << teaching;
        return false;
    }
    po::notify(vm);
    return true;
}

/// Loads the network; on a terminal, says what it is reading and how long it took (the whole
/// CORDIS network takes about a second). Nothing is printed when stderr is a file or pipe.
Network load_with_progress(const std::vector<std::string>& inputs, const LoadOptions& options,
                           Streams io) {
    const bool tty = &io.err == &std::cerr && isatty(STDERR_FILENO) == 1;
    const auto start = std::chrono::steady_clock::now();
    if (tty)
        io.err << "clusterlens: loading " << fmt::format("{}", fmt::join(inputs, " ")) << " ..."
               << std::flush;
    try {
        auto net = load_network(inputs, options);
        if (tty) {
            const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
            io.err << fmt::format(" {} actors, {} ties in {:.2f} s\n", net.actor_count(),
                                  net.tie_count(), took.count());
        }
        return net;
    } catch (...) {
        if (tty) io.err << " failed\n";
        throw;
    }
}

void print_warnings(const Network& net, Streams io) {
    for (const auto& w : net.report().warnings) io.err << w.format() << '\n';
}

std::string percent(double share) {
    return std::isnan(share) ? "n/a" : fmt::format("{:.1f}%", 100.0 * share);
}

std::string counts(const std::map<std::string, std::size_t>& m, const char* unnamed) {
    std::string out;
    for (const auto& [k, v] : m)
        out += fmt::format("{}{} {}", out.empty() ? "" : ", ", k.empty() ? unnamed : k, v);
    return out;
}

void print_network_summary(const Network& net, const scoring::Composition& c, Streams io) {
    io.out << fmt::format("format: {}; read {}\n", net.report().format,
                          fmt::join(net.report().sources, ", "));
    if (net.metadata().count("mapping"))
        io.out << "mapping: " << net.metadata().at("mapping") << '\n';
    io.out << fmt::format("actors: {}\n", c.actors);
    io.out << "  by part:     " << counts(c.by_part, "(unspecified)") << '\n';
    io.out << "  by type:     " << counts(c.by_type, "(unspecified)") << '\n';
    io.out << "  by locality: " << counts(c.by_locality, "(unspecified)") << '\n';
    io.out << fmt::format("ties: {} ({})\n", c.ties, c.directed ? "directed" : "undirected");
    for (const auto& [rel, n] : c.by_relation)
        io.out << fmt::format("  relation {}: {} ties, density {:.4g}\n",
                              rel.empty() ? "(unnamed)" : rel, n, c.density_by_relation.at(rel));
    io.out << fmt::format("components: {}; largest {} actors ({}); isolates {}\n", c.components,
                          c.largest_component, percent(c.largest_component_share), c.isolates);
    const auto& r = net.report();
    io.out << fmt::format(
        "policies: {} self-loops dropped, {} parallel ties merged (weights summed)",
        r.self_loops_dropped, r.parallel_ties_merged);
    if (r.actors_created) io.out << fmt::format(", {} actors created", r.actors_created);
    if (r.mixed_undirected_ties)
        io.out << fmt::format(", {} undirected ties as two arcs", r.mixed_undirected_ties);
    if (r.arcs_reversed) io.out << ", arcs reversed to the knowledge-flow direction";
    io.out << '\n';
}

nlohmann::ordered_json summary_json(const Network& net, const scoring::Composition& c) {
    nlohmann::ordered_json j;
    j["clusterlens_version"] = kVersion;
    j["format"] = net.report().format;
    j["sources"] = net.report().sources;
    if (net.metadata().count("mapping")) j["mapping"] = net.metadata().at("mapping");
    j["actors"] = c.actors;
    j["ties"] = c.ties;
    j["directed"] = c.directed;
    j["actors_by_part"] = c.by_part;
    j["actors_by_type"] = c.by_type;
    j["actors_by_locality"] = c.by_locality;
    j["ties_by_relation"] = c.by_relation;
    nlohmann::ordered_json dens;
    for (const auto& [k, v] : c.density_by_relation)
        dens[k] = std::isnan(v) ? nlohmann::ordered_json() : nlohmann::ordered_json(v);
    j["density_by_relation"] = dens;
    j["components"] = c.components;
    j["largest_component"] = c.largest_component;
    j["largest_component_share"] = c.largest_component_share;
    j["isolates"] = c.isolates;
    const auto& r = net.report();
    j["self_loops_dropped"] = r.self_loops_dropped;
    j["parallel_ties_merged"] = r.parallel_ties_merged;
    j["actors_created"] = r.actors_created;
    j["undirected_ties_as_two_arcs"] = r.mixed_undirected_ties;
    j["arcs_reversed"] = r.arcs_reversed;
    std::vector<std::string> warnings;
    for (const auto& w : r.warnings) warnings.push_back(w.format());
    j["warnings"] = warnings;
    return j;
}

// ---- validate ---------------------------------------------------------------------------

int cmd_validate(const std::vector<std::string>& args, Streams io) {
    Common c;
    std::string json_path;
    po::options_description visible("validate options");
    visible.add_options()("help,h", "show this help")(
        "json", po::value(&json_path)->value_name("FILE"), "also write the report as JSON to FILE");
    po::variables_map vm;
    if (!parse(
            args, visible, c, vm, "usage: clusterlens validate NETWORK... [options]",
            R"(Loads the network, applies the input policies and reports actors by part, type and locality,
ties by relation, density, components and every warning. On errors it lists them all (up to
--max-errors) as path:line:col: error: ..., and exits 1.

Policies: self-loops are dropped and parallel ties of one relation summed (both reported);
weights must be numbers > 0 (empty = 1), negative ones follow --negative (a signed network:
error, drop, or split into a relation of their own); actor ids must be unique; a tie to an
unknown actor is an error unless --create-missing.

Example (the bundled Estonian climate cluster from EU CORDIS):
  clusterlens validate examples/cordis_ee_climate/data --map examples/cordis_ee_climate/cordis.toml
)",
            io))
        return 0;
    if (c.inputs.empty())
        throw UsageError("validate needs a NETWORK; see clusterlens validate --help");
    const auto options = load_options(c);
    const auto net = load_with_progress(c.inputs, options, io);
    const auto comp = scoring::composition(net);
    print_warnings(net, io);
    print_network_summary(net, comp, io);
    if (!json_path.empty()) {
        const auto files = resolve_inputs(c.inputs, options).all();
        refuse_overwriting_inputs({json_path}, files);
        AtomicFile f(json_path);
        f.stream() << summary_json(net, comp).dump(2) << '\n';
        f.commit();
        io.out << "report: " << json_path << '\n';
    }
    io.out << fmt::format("OK: {} actors, {} ties, {} warnings\n", comp.actors, comp.ties,
                          net.report().warnings.size());
    return 0;
}

// ---- convert ----------------------------------------------------------------------------

/// The index of the relation named `name`; UsageError listing the relations when there is none.
std::uint32_t relation_named(const Network& net, const std::string& name) {
    const auto& names = net.relations();
    const auto it = std::find(names.begin(), names.end(), name);
    if (it != names.end()) return static_cast<std::uint32_t>(it - names.begin());
    std::string list;
    for (const auto& r : names)
        list += (list.empty() ? "" : ", ") + (r.empty() ? std::string("(unnamed)") : r);
    throw UsageError("no relation named '" + name + "'; the network's relations are: " + list);
}

int cmd_convert(const std::vector<std::string>& args, Streams io) {
    Common c;
    std::string out_path, relation;
    po::options_description visible("convert options");
    visible.add_options()("help,h", "show this help")(
        "output,o", po::value(&out_path)->value_name("OUT"),
        "output: .graphml .gexf (Gephi, GEXF 1.2) .gml .json (NetworkX node-link) .net (Pajek) .dl "
        "(UCINET) .vna .txt (edge list), or a folder for the Gephi CSV pair (nodes.csv, "
        "edges.csv)")("relation", po::value(&relation)->value_name("NAME"),
                      "write only the ties of this relation (every actor stays)");
    po::variables_map vm;
    if (!parse(
            args, visible, c, vm, "usage: clusterlens convert NETWORK... -o OUT [options]",
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
)",
            io))
        return 0;
    if (c.inputs.empty())
        throw UsageError("convert needs a NETWORK; see clusterlens convert --help");
    if (out_path.empty()) throw UsageError("convert needs -o OUT; see clusterlens convert --help");
    const auto options = load_options(c);
    const auto inputs = resolve_inputs(c.inputs, options).all();
    refuse_overwriting_inputs(output_files_for(out_path), inputs);  // before the (long) load
    const auto loaded = load_with_progress(c.inputs, options, io);
    print_warnings(loaded, io);
    const auto net =
        relation.empty() ? loaded : loaded.select_relation(relation_named(loaded, relation));
    const auto written = write_network(net, out_path, inputs);
    for (const auto& w : written) io.out << "wrote " << w << '\n';
    io.out << fmt::format("OK: {} actors, {} ties\n", net.actor_count(), net.tie_count());
    return 0;
}

// ---- score ------------------------------------------------------------------------------

/// The lock-in thresholds, shared by score and compare.
po::options_description lock_in_options(scoring::LockInOptions& o) {
    po::options_description d(
        "lock-in thresholds (an indicator fires when its value crosses them)");
    d.add_options()("lockin-ei", po::value(&o.ei_threshold)->default_value(-0.5)->value_name("X"),
                    "lock-in fires when the local group's E-I <= X")(
        "lockin-pipelines", po::value(&o.pipelines_threshold)->default_value(1.0)->value_name("X"),
        "lock-in fires when pipelines per local actor < X")(
        "lockin-concentration",
        po::value(&o.concentration_threshold)->default_value(0.5)->value_name("X"),
        "lock-in fires when pipeline concentration (HHI) >= X")(
        "lockin-density", po::value(&o.density_threshold)->default_value(0.5)->value_name("X"),
        "lock-in fires when local density >= X")(
        "lockin-min", po::value(&o.min_fired)->default_value(2)->value_name("K"),
        "lock-in flag when at least K indicators fire");
    return d;
}

std::vector<double> parse_weights(const std::string& text) {
    std::vector<double> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = text.find(',', start);
        const auto part =
            text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        const auto v = parse_number(part);
        if (!v) throw UsageError("--lc-weights takes four numbers a,b,c,d; got '" + text + "'");
        out.push_back(*v);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    if (out.size() != 4)
        throw UsageError("--lc-weights takes four numbers a,b,c,d; got '" + text + "'");
    return out;
}

/// The definitions a measure is computed with, shared by score, render and compare, so a
/// figure and its table use the same ones.
struct MeasureCli {
    std::string groups = "locality", lc_weights;
    double strong = std::nan(""), internal = std::nan(""), external = std::nan("");
};

po::options_description measure_options(scoring::ScoreOptions& so, MeasureCli& m) {
    po::options_description d("measure definitions (the same in score, render and compare)");
    d.add_options()("weighted-paths", po::bool_switch(&so.centrality.weighted_paths),
                    "betweenness and closeness along paths of length 1/weight (default: binary "
                    "paths)")("ego-model", po::bool_switch(&so.burt.ego_model),
                              "Burt constraint within each ego network (UCINET's ego model) "
                              "instead of the whole network")(
        "groups", po::value(&m.groups)->default_value("locality")->value_name("ATTR"),
        "partition for Gould-Fernandez brokerage: locality, part, type, group, stage or any "
        "actor attribute")("strong-threshold", po::value(&m.strong)->value_name("W"),
                           "ties with weight >= W are strong (default: weight above the median)")(
        "internal-threshold", po::value(&m.internal)->value_name("X"),
        "typology: high internal connectivity from X local contacts (default: the firms' mean)")(
        "external-threshold", po::value(&m.external)->value_name("X"),
        "typology: high external openness from X outside strength (default: the firms' mean)")(
        "lc-weights", po::value(&m.lc_weights)->value_name("a,b,c,d"),
        "learning-capacity weights for centrality, size, openness, tie strength (default 0.25 "
        "each)");
    return d;
}

void apply_measures(const MeasureCli& m, scoring::ScoreOptions& so) {
    so.groups = m.groups;
    so.ties.strong_threshold = m.strong;
    so.typology.internal_threshold = m.internal;
    so.typology.external_threshold = m.external;
    if (!m.lc_weights.empty()) {
        const auto w = parse_weights(m.lc_weights);
        so.learning_capacity = {w[0], w[1], w[2], w[3]};
    }
}

/// The names of measure options given on the command line (not left at their defaults).
std::vector<std::string> measure_options_given(const po::variables_map& vm) {
    std::vector<std::string> given;
    for (const char* name :
         {"weighted-paths", "ego-model", "groups", "strong-threshold", "internal-threshold",
          "external-threshold", "lc-weights", "lockin-ei", "lockin-pipelines",
          "lockin-concentration", "lockin-density", "lockin-min"}) {
        const auto it = vm.find(name);
        if (it == vm.end() || it->second.defaulted()) continue;
        if ((std::string(name) == "weighted-paths" || std::string(name) == "ego-model") &&
            !it->second.as<bool>())
            continue;
        given.push_back(std::string("--") + name);
    }
    return given;
}

/// How figures are printed: the same options for render and for every figure compare writes.
struct FigureCli {
    std::string width, height, legend = "right", style = "colour", label_by;
    std::string title;  ///< render: any text or none; compare: none only
    double font_size = 9;
    std::string formats = "svg,png";
};

po::options_description figure_options(FigureCli& f, bool compare) {
    po::options_description d(compare ? "figure options (every figure compare writes)"
                                      : "figure options (print size and style)");
    d.add_options()("width", po::value(&f.width)->value_name("SIZE"),
                    "page width with a unit: 17cm, 180mm, 7in, 500pt (default: the drawing's "
                    "own size, at most 16in); the network is scaled to fit, text keeps its size")(
        "height", po::value(&f.height)->value_name("SIZE"),
        "page height with a unit (default: what the drawing needs at that width)")(
        "font-size", po::value(&f.font_size)->default_value(9)->value_name("PT"),
        "text size in points at the printed size (titles 1.5x); the smallest text in the "
        "figure")("legend", po::value(&f.legend)->default_value("right")->value_name("WHERE"),
                  "legend right, bottom (in columns under the drawing) or none")(
        "style", po::value(&f.style)->default_value("colour")->value_name("NAME"),
        "colour (colour-blind-safe palettes) or greyscale (greys, line styles and shapes, for "
        "print in black and white)")(
        "label-by", po::value(&f.label_by)->value_name("ATTR"),
        "label text from this actor attribute (e.g. a short code column; default: the label, "
        "else the id)");
    if (compare)
        d.add_options()("title", po::value(&f.title)->value_name("none"),
                        "none: leave out every figure's title block")(
            "figure-format", po::value(&f.formats)->default_value("svg,png")->value_name("LIST"),
            "figure formats, comma-separated: svg, png, pdf, dot");
    else
        d.add_options()("title", po::value(&f.title)->value_name("TEXT"),
                        "title of the figure; none: no title block (for a paper's own caption)");
    return d;
}

/// Page options from the figure options; `title` is cleared when it says none.
render::PageOptions page_options(FigureCli& f) {
    render::PageOptions p;
    if (!f.width.empty()) p.width = render::parse_length(f.width, "--width");
    if (!f.height.empty()) p.height = render::parse_length(f.height, "--height");
    if (!(f.font_size >= 4 && f.font_size <= 72) || f.font_size != std::floor(f.font_size))
        throw UsageError(fmt::format(
            "--font-size {} must be a whole number of points from 4 to 72 (Graphviz draws text "
            "in whole points)",
            f.font_size));
    p.font_size = f.font_size;
    p.legend = render::parse_legend(f.legend);
    if (f.style == "greyscale" || f.style == "grayscale")
        p.greyscale = true;
    else if (f.style != "colour" && f.style != "color")
        throw UsageError("--style '" + f.style + "' is not a style; choose colour or greyscale");
    if (f.title == "none") {
        p.title = false;
        f.title.clear();
    }
    return p;
}

std::vector<std::string> figure_formats(const std::string& list) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        const auto end = list.find(',', start);
        auto f = list.substr(start, end == std::string::npos ? std::string::npos : end - start);
        for (auto& ch : f) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (f != "svg" && f != "png" && f != "pdf" && f != "dot")
            throw UsageError("--figure-format '" + list +
                             "': each format must be svg, png, pdf or dot");
        if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

/// compare needs to know which actors are in the region.
void require_locality(const Network& net, const std::string& input) {
    for (std::size_t i = 0; i < net.actor_count(); ++i)
        if (net.actor(i).locality != Locality::unspecified) return;
    throw InputError(
        {input},
        "no actor has a locality (local or global), so there is no local buzz, no pipeline and "
        "no lock-in to compare; map a locality column in a mapping file ([actors.locality] "
        "column = \"country\", local = [\"EE\"]) or give --local with such a mapping");
}

void print_score_summary(const scoring::ScoredRelation& r, Streams io) {
    const auto& s = r.summary;
    auto num = [](const nlohmann::ordered_json& v) {
        return v.is_null() ? std::string("n/a") : fmt::format("{:.4g}", v.get<double>());
    };
    auto percent = [](const nlohmann::ordered_json& v) {
        return v.is_null() ? std::string("n/a") : fmt::format("{:.1f}%", 100 * v.get<double>());
    };
    io.out << fmt::format(
        "relation {}: {} actors, {} ties, density {}\n",
        s["relation"].get<std::string>().empty() ? "(unnamed)" : s["relation"].get<std::string>(),
        s["actors"].get<std::size_t>(), s["ties"].get<std::size_t>(), num(s["density"]));
    io.out << fmt::format(
        "  cluster openness (E-I of the local group): {}; whole-network E-I {} (p upper {}, {} "
        "permutations)\n",
        num(s["ei_locality"]["cluster_openness"]), num(s["ei_locality"]["whole_binary"]),
        num(s["ei_locality"]["p_upper_binary"]),
        s["ei_locality"]["permutations"].get<std::size_t>());
    io.out << fmt::format("  pipelines: {}, concentration (HHI) {}, reach through gatekeepers {}\n",
                          s["pipelines"]["count"].get<std::size_t>(),
                          num(s["pipelines"]["concentration_hhi"]),
                          num(s["pipelines"]["gatekeeper_reach_share"]));
    io.out << fmt::format(
        "  centralization: degree {}, betweenness {}, closeness {}; transitivity {}\n",
        num(s["centralization"]["degree"]), num(s["centralization"]["betweenness"]),
        num(s["centralization"]["closeness"]), num(s["transitivity"]));
    if (s["betweenness"].contains("error")) {
        const auto& e = s["betweenness"]["error"];
        io.out << fmt::format(
            "  betweenness estimated from {} of {} sources: standard error {} (median) to {} "
            "(max) of the value for the top {} actors; betweenness_se in actors.csv\n",
            s["betweenness"]["sources"].get<std::size_t>(), s["actors"].get<std::size_t>(),
            percent(e["median_relative_se"]), percent(e["max_relative_se"]),
            e["top_actors"].get<std::size_t>());
    }
    std::string roles;
    for (const auto& [k, v] : s["typology"]["counts"].items())
        roles += fmt::format("{}{} {}", roles.empty() ? "" : ", ", k, v.get<std::size_t>());
    io.out << fmt::format("  firm roles ({} firms; thresholds internal {} external {}): {}\n",
                          s["typology"]["firms"].get<std::size_t>(),
                          num(s["typology"]["internal_threshold"]),
                          num(s["typology"]["external_threshold"]), roles.empty() ? "none" : roles);
    std::string fired;
    for (const auto& i : s["lock_in"]["indicators"])
        if (i["fired"].get<bool>())
            fired += (fired.empty() ? "" : ", ") + i["name"].get<std::string>();
    io.out << fmt::format("  lock-in: {} ({} of 4 indicators fired{}{})\n",
                          s["lock_in"]["flag"].get<bool>() ? "YES" : "no",
                          s["lock_in"]["fired"].get<std::size_t>(), fired.empty() ? "" : ": ",
                          fired);
}

int cmd_score(const std::vector<std::string>& args, Streams io) {
    Common c;
    std::string out_dir, relation;
    scoring::ScoreOptions so;
    MeasureCli measures;
    std::size_t permutations = 10000, samples = 0;
    std::uint64_t seed = 1;
    unsigned threads = 0;
    bool timings = false;
    po::options_description visible("score options");
    visible.add_options()("help,h", "show this help")(
        "output,o", po::value(&out_dir)->value_name("OUTDIR"),
        "folder for actors.csv, ties.csv, summary.json and network.graphml (one subfolder per "
        "relation when there are several)")("relation", po::value(&relation)->value_name("NAME"),
                                            "score only this relation")(
        "betweenness-samples", po::value(&samples)->value_name("K"),
        "estimate betweenness from K random sources (Brandes & Pich 2007) instead of all n; "
        "the standard error goes to actors.csv (betweenness_se) and the summary")(
        "threads", po::value(&threads)->value_name("N"),
        "threads for betweenness (default: all cores)")(
        "permutations", po::value(&permutations)->default_value(10000)->value_name("N"),
        "permutations for the E-I test (0 = no test)")(
        "seed", po::value(&seed)->default_value(1)->value_name("S"),
        "seed for permutations and sampling")(
        "timings", po::bool_switch(&timings),
        "print the seconds each scoring stage took to stderr (for benchmarks)");
    visible.add(measure_options(so, measures));
    visible.add(lock_in_options(so.lock_in));
    po::variables_map vm;
    if (!parse(args, visible, c, vm, "usage: clusterlens score NETWORK... -o OUTDIR [options]",
               R"(Scores every actor and tie of the network and writes, atomically:
  OUTDIR/actors.csv      one row per actor: degree, in/out-degree, strength, betweenness,
                         closeness (harmonic), eigenvector, pagerank, coreness, constraint,
                         effective size, efficiency, hierarchy, ego size and density, ties and
                         strength to global actors, E-I, Gould-Fernandez roles and z, firm
                         typology, learning capacity (empty cell = undefined)
  OUTDIR/ties.csv        one row per tie: strength class, Onnela overlap, local bridge,
                         learning dimension, linkage (buzz | pipeline | extra_local)
  OUTDIR/summary.json    network-level results, every option and default used
  OUTDIR/network.graphml the network with every score as an attribute (opens in Gephi)
With several relations each is scored separately, in OUTDIR/<relation>/.

Example (the bundled Estonian climate cluster):
  clusterlens score examples/cordis_ee_climate/data --map examples/cordis_ee_climate/cordis.toml -o out/ee
)",
               io))
        return 0;
    if (c.inputs.empty()) throw UsageError("score needs a NETWORK; see clusterlens score --help");
    if (out_dir.empty()) throw UsageError("score needs -o OUTDIR; see clusterlens score --help");
    if (vm.count("betweenness-samples") && samples < 2)
        throw UsageError(
            "--betweenness-samples needs K >= 2 sources (the error estimate needs two); "
            "leave it out for exact betweenness");
    apply_measures(measures, so);
    so.ei.permutations = permutations;
    so.ei.seed = seed;
    so.centrality.seed = seed;
    so.centrality.betweenness_samples = samples;
    so.centrality.threads = threads;
    const bool tty = &io.err == &std::cerr && isatty(STDERR_FILENO) == 1;
    if (tty)
        so.progress = [&](const std::string& stage) {
            io.err << "clusterlens: " << stage << " ...\n";
        };
    const auto options = load_options(c);
    const auto inputs = resolve_inputs(c.inputs, options).all();
    const auto net = load_with_progress(c.inputs, options, io);
    print_warnings(net, io);
    std::vector<std::uint32_t> chosen;
    for (std::uint32_t r = 0; r < net.relations().size(); ++r)
        if (relation.empty() || net.relations()[r] == relation) chosen.push_back(r);
    if (chosen.empty()) {
        std::string names;
        for (const auto& r : net.relations())
            names += (names.empty() ? "" : ", ") + (r.empty() ? std::string("(unnamed)") : r);
        throw UsageError("no relation named '" + relation + "'; relations: " + names);
    }
    // Score everything first, then write: a failure leaves no partial output.
    std::vector<std::pair<std::string, scoring::ScoredRelation>> results;
    for (const auto r : chosen) {
        const auto one = net.select_relation(r);
        std::string dir = out_dir;
        if (chosen.size() > 1) {
            std::string name = net.relations()[r].empty() ? "unnamed" : net.relations()[r];
            for (auto& ch : name)
                if (ch == '/' || ch == '\\' || ch == ':') ch = '_';
            dir = (std::filesystem::path(out_dir) / name).string();
        }
        results.emplace_back(dir, scoring::score_relation(one, so));
        for (const auto& w : results.back().second.warnings)
            io.err << "clusterlens: warning: " << w << '\n';
        if (timings)
            for (const auto& [stage, seconds] : results.back().second.timings)
                io.err << fmt::format("timing: {}: {:.3f} s\n", stage, seconds);
    }
    for (const auto& [dir, scored] : results) {
        print_score_summary(scored, io);
        for (const auto& f : scoring::write_scored(scored, dir, inputs))
            io.out << "wrote " << f << '\n';
    }
    io.out << fmt::format("OK: {} actors, {} ties, {} relation(s) scored\n", net.actor_count(),
                          net.tie_count(), results.size());
    return 0;
}

/// The one relation to draw or compare: --relation, or the only one.
Network pick_relation(const Network& net, const std::string& relation) {
    std::uint32_t chosen = 0;
    if (!relation.empty()) {
        const auto& names = net.relations();
        const auto it = std::find(names.begin(), names.end(), relation);
        if (it == names.end())
            throw UsageError("no relation named '" + relation +
                             "'; relations: " + fmt::format("{}", fmt::join(names, ", ")));
        chosen = static_cast<std::uint32_t>(it - names.begin());
    } else if (net.relations().size() > 1) {
        throw UsageError("the network has several relations (" +
                         fmt::format("{}", fmt::join(net.relations(), ", ")) +
                         "); choose one with --relation");
    }
    return net.select_relation(chosen);
}

// ---- render -----------------------------------------------------------------------------

/// True when the network already carries the scores `clusterlens score` writes.
bool has_scores(const Network& net) {
    for (const char* name : {"betweenness", "learning_capacity", "internal_connectivity"})
        if (net.actor_attributes().find(name) == nullptr) return false;
    return net.tie_attributes().find("linkage") != nullptr;
}

/// Title-block numbers from a score summary (the values summary.json holds).
render::Headline headline_from_summary(const nlohmann::ordered_json& s) {
    render::Headline h;
    for (const char* part : {"core", "assisting", "external", "unspecified"})
        if (s["actors_by_part"].contains(part))
            h.actors_by_part.emplace_back(part, s["actors_by_part"][part].get<std::size_t>());
    h.ties = s["ties"].get<std::size_t>();
    h.actors = s["actors"].get<std::size_t>();
    h.locality_known =
        s["actors_by_locality"].contains("local") || s["actors_by_locality"].contains("global");
    const auto& ei = s["ei_locality"]["cluster_openness"];
    h.local_ei = ei.is_null() ? std::nan("") : ei.get<double>();
    const auto& mw = s["tie_strength"]["mean_weight"];
    h.mean_tie_strength = mw.is_null() ? std::nan("") : mw.get<double>();
    h.lock_in = !h.locality_known ? -1 : s["lock_in"]["flag"].get<bool>() ? 1 : 0;
    return h;
}

/// The same numbers from a network scored earlier (e.g. network.graphml from score), computed
/// by the functions score uses for summary.json.
render::Headline headline_from_network(const Network& net, const scoring::LockInOptions& lo) {
    render::Headline h;
    const auto comp = scoring::composition(net);
    for (const char* part : {"core", "assisting", "external", "unspecified"})
        if (comp.by_part.count(part)) h.actors_by_part.emplace_back(part, comp.by_part.at(part));
    h.ties = comp.ties;
    h.actors = comp.actors;
    h.locality_known = comp.by_locality.count("local") || comp.by_locality.count("global");
    scoring::EiOptions eo;
    eo.permutations = 0;
    const auto ei = scoring::ei_index(net, scoring::locality_groups(net), eo);
    h.local_ei = ei.group_binary.count("local") ? ei.group_binary.at("local") : std::nan("");
    double sum = 0;
    for (const double w : net.weights()) sum += w;
    h.mean_tie_strength =
        net.tie_count() ? sum / static_cast<double>(net.tie_count()) : std::nan("");
    h.lock_in = !h.locality_known ? -1 : scoring::lock_in(net, lo).lock_in ? 1 : 0;
    return h;
}

int cmd_render(const std::vector<std::string>& args, Streams io) {
    Common c;
    std::string out_file, layout = "concentric", labels = "top:15", relation,
                          tie_colour = "linkage";
    bool position_map = false;
    render::RenderOptions ro;
    FigureCli figure;
    scoring::ScoreOptions so;  // the defaults of `clusterlens score`, unless given
    MeasureCli measures;
    po::options_description visible("render options");
    visible.add_options()("help,h", "show this help")(
        "output,o", po::value(&out_file)->value_name("FIGURE"),
        "the figure: .svg, .png, .pdf or .dot (DOT with the positions, for further editing)")(
        "layout", po::value(&layout)->default_value("concentric")->value_name("NAME"),
        "concentric (core firms inside, assisting institutes around them, external sources "
        "outside), a Graphviz engine: sfdp (large networks), neato, fdp, dot, circo (small "
        "sparse networks only: slow on dense ones), or file: the positions the input carries "
        "(Pajek, NetDraw VNA, GraphML from Gephi or yEd, GML; kept by convert)")(
        "position-map", po::bool_switch(&position_map),
        "draw the firm typology instead: firms by local internal connectivity (x) and "
        "external openness (y), with the quadrant lines and names")(
        "size-by", po::value(&ro.size_by)->default_value("betweenness")->value_name("ATTR"),
        "node area by this numeric score (who is central / brokers)")(
        "color-by", po::value(&ro.color_by)->default_value("learning_capacity")->value_name("ATTR"),
        "node fill: numeric -> sequential colour-blind-safe scale (viridis), text -> "
        "qualitative palette (Okabe-Ito)")(
        "shape-by", po::value(&ro.shape_by)->default_value("type")->value_name("ATTR"),
        "node shape: type (firm, focal firm, university/research, government, intermediary) "
        "or any categorical attribute")(
        "labels", po::value(&labels)->default_value("top:15")->value_name("top:N|all|none"),
        "label the N actors with the largest size score, all actors, or none")(
        "relation", po::value(&relation)->value_name("NAME"),
        "draw this relation (default: the only one; required when there are several)")(
        "ego", po::value(&ro.ego)->value_name("ID"),
        "draw only this actor's neighbourhood, in rings by distance")(
        "radius", po::value(&ro.radius)->default_value(1)->value_name("R"),
        "steps from the ego to include")(
        "seed", po::value(&ro.seed)->default_value(1)->value_name("S"),
        "seed for the Graphviz engines (same input and seed, same file)")(
        "min-weight", po::value(&ro.min_weight)->default_value(0)->value_name("W"),
        "leave out ties lighter than W")(
        "top-ties", po::value(&ro.top_ties)->default_value(10000)->value_name("N"),
        "draw only the N strongest ties (0 = all); beyond ~10,000 ties a figure is a "
        "hairball and slow to open, so that is the default cap (the legend says so)")(
        "collapse-external", po::value(&ro.collapse_external)->value_name("ATTR"),
        "merge global actors into one node per value of ATTR (e.g. country, type), so "
        "pipelines read as which local actor reaches where")(
        "max-actors", po::value(&ro.max_actors)->default_value(1500)->value_name("N"),
        "above N actors draw an overview of the top N by the size score (the legend says what "
        "was left out)")("tie-colour",
                         po::value(&tie_colour)->default_value("linkage")->value_name("WHAT"),
                         "tie colour: linkage (buzz blue, pipeline orange), dimension "
                         "(learning dimension) or any categorical tie attribute");
    visible.add(figure_options(figure, false));
    visible.add(measure_options(so, measures));
    visible.add(lock_in_options(so.lock_in));
    po::variables_map vm;
    if (!parse(
            args, visible, c, vm,
            "usage: clusterlens render NETWORK... -o FIGURE.{svg,png,pdf,dot} [options]",
            R"(Draws the network as an annotated figure with a legend and a title block (actors by
part, ties, the local group's E-I, mean tie strength, lock-in flag). A network without scores
is scored first with the defaults of 'clusterlens score'; a network.graphml written by score
is drawn as it is.
  shape   actor type; dashed outline = global actor (outside the region)
  size    --size-by (default betweenness);  fill  --color-by (default learning_capacity)
  ties    width and opacity by weight; local buzz solid blue, global pipelines dashed orange,
          ties outside the cluster dotted grey; strong ties drawn on top
Dense networks (a CORDIS projection makes every project a clique): use --top-ties,
--min-weight or --collapse-external country; above --max-actors an overview is drawn.
A network without parts (a plain Pajek, UCINET or GraphML file) is drawn with sfdp.

For a paper: --width 17cm --font-size 7 gives a 17 cm wide page whose smallest text is 7 pt
(the network is scaled to the room the title and legend leave); --title none leaves the title
block to your caption; --legend bottom suits a column; --style greyscale prints in black and
white; .pdf and .svg are exactly that size, and the same input and options give the same bytes.

Examples (the bundled Estonian climate cluster):
  clusterlens render examples/cordis_ee_climate/data --map examples/cordis_ee_climate/cordis.toml -o ee.svg
  clusterlens render out/cordis_ee_climate/network.graphml --position-map -o roles.svg
  clusterlens render out/cordis_ee_climate/network.graphml --collapse-external country --top-ties 400 -o ee.png
  clusterlens render out/cordis_ee_climate/network.graphml -o ee.pdf --width 17cm --font-size 7 --legend bottom
)",
            io))
        return 0;
    if (c.inputs.empty()) throw UsageError("render needs a NETWORK; see clusterlens render --help");
    if (out_file.empty())
        throw UsageError(
            "render needs -o FIGURE.svg (or .png, .pdf, .dot); see clusterlens render --help");
    std::string format = std::filesystem::path(out_file).extension().string();
    if (!format.empty()) format.erase(0, 1);
    for (auto& ch : format) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (format != "svg" && format != "png" && format != "pdf" && format != "dot")
        throw UsageError("-o '" + out_file + "': the figure must end in .svg, .png, .pdf or .dot");
    ro.layout = position_map ? render::Layout::position_map : render::parse_layout(layout);
    if (position_map && vm["layout"].defaulted() == false)
        throw UsageError("--position-map places actors itself; leave out --layout");
    if (labels == "all") {
        ro.labels = render::RenderOptions::Labels::all;
    } else if (labels == "none") {
        ro.labels = render::RenderOptions::Labels::none;
    } else {
        const auto n = labels.rfind("top:", 0) == 0 ? parse_number(labels.substr(4)) : std::nullopt;
        if (!n || *n < 0 || *n != std::floor(*n))
            throw UsageError("--labels takes top:N, all or none; got '" + labels + "'");
        ro.label_top = static_cast<std::size_t>(*n);
    }
    // linkage (default) | dimension | any categorical tie attribute
    ro.tie_colour_by = tie_colour == "linkage"     ? std::string()
                       : tie_colour == "dimension" ? std::string("learning_dimension")
                                                   : tie_colour;
    if (ro.max_actors == 0) throw UsageError("--max-actors must be at least 1");
    ro.page = page_options(figure);
    ro.title = figure.title;
    ro.label_by = figure.label_by;
    apply_measures(measures, so);

    const auto options = load_options(c);
    const auto inputs = resolve_inputs(c.inputs, options).all();
    refuse_overwriting_inputs({out_file}, inputs);
    const auto net = load_with_progress(c.inputs, options, io);
    print_warnings(net, io);
    const auto one = pick_relation(net, relation);
    ro.relation = one.relations().front();
    std::string note;
    if (vm["layout"].defaulted() && !position_map) {
        bool parts = false;
        for (std::size_t i = 0; i < one.actor_count() && !parts; ++i)
            parts = one.actor(i).part != Part::unspecified;
        if (!parts) {
            ro.layout = render::Layout::sfdp;
            note =
                "no actor has a part (core, assisting, external): drawn with sfdp "
                "(--layout concentric draws rings by locality)";
        }
    }
    render::Diagram d;
    if (has_scores(one)) {
        const auto given = measure_options_given(vm);
        if (!given.empty())
            throw UsageError(fmt::format(
                "{} change how measures are computed, but {} already holds the scores of "
                "clusterlens score; render the raw input with these options, or score it with "
                "them first",
                fmt::join(given, ", "), c.inputs.front()));
        d = render::render_network(one, headline_from_network(one, so.lock_in), ro, format);
    } else {
        const bool tty = &io.err == &std::cerr && isatty(STDERR_FILENO) == 1;
        if (tty)
            io.err << "clusterlens: no scores in the input; scoring first (as clusterlens score)\n";
        const auto scored = scoring::score_relation(one, so);
        for (const auto& w : scored.warnings) io.err << "clusterlens: warning: " << w << '\n';
        const auto& ty = scored.summary["typology"];
        if (!ty["internal_threshold"].is_null())
            ro.internal_threshold = ty["internal_threshold"].get<double>();
        if (!ty["external_threshold"].is_null())
            ro.external_threshold = ty["external_threshold"].get<double>();
        d = render::render_network(scored.network, headline_from_summary(scored.summary), ro,
                                   format);
    }
    AtomicFile file(out_file);
    file.stream() << d.bytes;
    file.finish();
    file.commit();
    auto plural = [](std::size_t k, const char* what) {
        return fmt::format("{} {}{}", k, what, k == 1 ? "" : "s");
    };
    io.out << fmt::format("wrote {}: {} and {} drawn", out_file, plural(d.actors_drawn, "actor"),
                          plural(d.ties_drawn, "tie"));
    if (d.actors_left_out + d.ties_left_out > 0)
        io.out << fmt::format(" ({} actors and {} ties left out)", d.actors_left_out,
                              d.ties_left_out);
    io.out << fmt::format(" on a {:.1f} x {:.1f} cm page\n", d.width / 72 * 2.54,
                          d.height / 72 * 2.54);
    if (!note.empty()) io.out << "  " << note << '\n';
    for (const auto& n : d.notes) io.out << "  " << n << '\n';
    return 0;
}

// ---- compare ----------------------------------------------------------------------------

std::string csv_number(double v) { return std::isfinite(v) ? format_number(v) : std::string(); }

/// The networks compare's arguments name: one per argument, except that Pajek .clu partitions
/// go with the .net before them (`A.net A.clu B.net B.clu`, as validate and score take them)
/// and two .csv files alone are one Gephi CSV pair.
std::vector<std::vector<std::string>> networks_of(const std::vector<std::string>& inputs) {
    auto ends_with = [](const std::string& p, std::initializer_list<const char*> exts) {
        auto lower = p;
        for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        for (const char* ext : exts) {
            const std::string e(ext);
            if (lower.size() >= e.size() &&
                lower.compare(lower.size() - e.size(), e.size(), e) == 0)
                return true;
        }
        return false;
    };
    auto is_csv = [&](const std::string& p) {
        return ends_with(p, {".csv", ".csv.gz", ".tsv", ".tsv.gz"});
    };
    if (inputs.size() == 2 && is_csv(inputs[0]) && is_csv(inputs[1])) return {inputs};
    std::vector<std::vector<std::string>> out;
    for (const auto& in : inputs) {
        if (ends_with(in, {".clu", ".clu.gz"})) {
            if (out.empty() || !ends_with(out.back().front(), {".net", ".net.gz", ".paj"}))
                throw UsageError("partition " + in +
                                 " must follow the Pajek .net file it belongs to (compare "
                                 "A.net A.clu B.net B.clu)");
            out.back().push_back(in);
        } else {
            out.push_back({in});
        }
    }
    return out;
}

bool several_networks(const std::vector<std::string>& inputs) {
    return networks_of(inputs).size() > 1;
}

/// Figures in every requested format: (path, bytes), drawn before anything is written.
struct FigureFiles {
    std::string dir;
    std::vector<std::string> formats;
    render::PageOptions page;
    std::vector<std::pair<std::string, std::string>> files;
    std::vector<std::unique_ptr<AtomicFile>> staged;

    std::vector<std::string> paths(const std::vector<std::string>& stems) const {
        std::vector<std::string> out;
        for (const auto& stem : stems)
            for (const auto& f : formats)
                out.push_back((std::filesystem::path(dir) / (stem + "." + f)).string());
        return out;
    }
    /// Draws `stem` once per format with draw(format).
    template <class Draw>
    void add(const std::string& stem, Draw draw) {
        for (const auto& f : formats)
            files.emplace_back((std::filesystem::path(dir) / (stem + "." + f)).string(), draw(f));
    }
    /// Writes every figure to its temporary file (after the folder exists); commit() renames.
    void finish() {
        for (const auto& [path, bytes] : files) {
            staged.push_back(std::make_unique<AtomicFile>(path));
            staged.back()->stream() << bytes;
            staged.back()->finish();
        }
    }
    void commit() {
        for (auto& f : staged) f->commit();
    }
};

int compare_two_networks(const Common& c, const std::string& out_dir, const std::string& relation,
                         const scoring::ScoreOptions& so, const std::string& match,
                         FigureFiles& figures, Streams io) {
    scoring::TwoNetworkOptions to;
    if (match == "id")
        to.match = scoring::ActorMatch::id;
    else if (match == "label")
        to.match = scoring::ActorMatch::label;
    else if (match != "auto")
        throw UsageError("--match takes id, label or auto, not '" + match + "'");
    const auto networks = networks_of(c.inputs);
    to.path_a = networks[0][0];
    to.path_b = networks[1][0];
    const auto options = load_options(c);
    std::vector<std::string> inputs;
    std::vector<scoring::ScoredRelation> scored;
    for (const auto& group : networks) {
        const auto& in = group[0];
        for (const auto& f : resolve_inputs(group, options).all()) inputs.push_back(f);
        const auto net = load_with_progress(group, options, io);
        print_warnings(net, io);
        require_locality(net, in);
        scored.push_back(scoring::score_relation(pick_relation(net, relation), so));
        for (const auto& w : scored.back().warnings)
            io.err << "clusterlens: warning: " << w << '\n';
    }
    const auto cmp = scoring::compare_two(scored[0], scored[1], to);
    namespace fs = std::filesystem;
    std::vector<std::string> files = {(fs::path(out_dir) / "comparison.csv").string(),
                                      (fs::path(out_dir) / "comparison.json").string(),
                                      (fs::path(out_dir) / "actors.csv").string(),
                                      (fs::path(out_dir) / "ties.csv").string()};
    for (const auto& f : figures.paths({"change"})) files.push_back(f);
    refuse_overwriting_inputs(files, inputs);
    render::RenderOptions ro;
    ro.color_by = "change";
    ro.tie_colour_by = "change";
    ro.relation = cmp.change.relations().front();
    ro.page = figures.page;
    ro.title = fmt::format(
        "What changed from {} to {} (title numbers: {})", fs::path(to.path_a).filename().string(),
        fs::path(to.path_b).filename().string(), fs::path(to.path_b).filename().string());
    const auto headline = headline_from_summary(scored[1].summary);
    figures.add("change", [&](const std::string& format) {
        return render::render_network(cmp.change, headline, ro, format).bytes;
    });
    create_output_folder(out_dir);
    AtomicFile csv(files[0]), json(files[1]), actors(files[2]), ties(files[3]);
    auto jnum = [](double v) {
        return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr);
    };
    csv.stream() << "metric,a,b,change\n";
    nlohmann::ordered_json metrics = nlohmann::ordered_json::array();
    for (const auto& m : cmp.metrics) {
        csv.stream() << m.metric << ',' << csv_number(m.a) << ',' << csv_number(m.b) << ','
                     << csv_number(m.change) << '\n';
        metrics.push_back(
            {{"metric", m.metric}, {"a", jnum(m.a)}, {"b", jnum(m.b)}, {"change", jnum(m.change)}});
    }
    actors.stream() << "id,label,status,ext_share_a,ext_share_b,brokerage_total_a,"
                       "brokerage_total_b,gatekeeper_a,gatekeeper_b,typology_a,typology_b\n";
    for (const auto& a : cmp.actors)
        actors.stream() << csv_field(a.id) << ',' << csv_field(a.label) << ',' << a.status << ','
                        << csv_number(a.ext_share_a) << ',' << csv_number(a.ext_share_b) << ','
                        << csv_number(a.brokerage_a) << ',' << csv_number(a.brokerage_b) << ','
                        << csv_number(a.gatekeeper_a) << ',' << csv_number(a.gatekeeper_b) << ','
                        << a.typology_a << ',' << a.typology_b << '\n';
    ties.stream() << "source,target,status,weight_a,weight_b\n";
    for (const auto& t : cmp.ties)
        ties.stream() << csv_field(t.source) << ',' << csv_field(t.target) << ',' << t.status << ','
                      << csv_number(t.weight_a) << ',' << csv_number(t.weight_b) << '\n';
    const nlohmann::ordered_json j = {
        {"clusterlens_version", kVersion},
        {"a", to.path_a},
        {"b", to.path_b},
        {"metrics", metrics},
        {"actors",
         {{"kept", cmp.actors_kept}, {"gained", cmp.actors_gained}, {"lost", cmp.actors_lost}}},
        {"ties", {{"kept", cmp.ties_kept}, {"gained", cmp.ties_gained}, {"lost", cmp.ties_lost}}},
        {"typology_changes", cmp.typology_changes},
        {"matching", cmp.matching + "; ties by their ends' " +
                         (cmp.matched_by_label ? "labels" : "ids") +
                         " (unordered when undirected)"},
        {"matched_by", cmp.matched_by_label ? "label" : "id"}};
    json.stream() << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                  << '\n';
    for (auto* f : {&csv, &json, &actors, &ties}) f->finish();
    figures.finish();
    for (auto* f : {&csv, &json, &actors, &ties}) f->commit();
    figures.commit();
    io.out << cmp.matching << '\n';
    io.out << fmt::format(
        "A {} -> B {}: actors kept {}, gained {}, lost {}; ties kept {}, gained {}, lost {}; "
        "typology changed for {} firm(s)\n",
        to.path_a, to.path_b, cmp.actors_kept, cmp.actors_gained, cmp.actors_lost, cmp.ties_kept,
        cmp.ties_gained, cmp.ties_lost, cmp.typology_changes);
    for (const auto& f : files) io.out << "wrote " << f << '\n';
    return 0;
}

int compare_many_networks(const Common& c, const std::string& out_dir, const std::string& relation,
                          const scoring::ScoreOptions& so, double ability_threshold,
                          double trigger_threshold, FigureFiles& figures, Streams io) {
    namespace fs = std::filesystem;
    const auto options = load_options(c);
    std::vector<std::string> inputs, names, paths;
    std::vector<scoring::ScoredRelation> scored;
    for (const auto& group : networks_of(c.inputs)) {
        const auto& in = group[0];
        paths.push_back(in);
        for (const auto& f : resolve_inputs(group, options).all()) inputs.push_back(f);
        auto name = fs::path(in).filename().string();
        if (name.empty()) name = fs::path(in).parent_path().filename().string();
        names.push_back(name);
        const auto net = load_with_progress(group, options, io);
        print_warnings(net, io);
        require_locality(net, in);
        scored.push_back(scoring::score_relation(pick_relation(net, relation), so));
        for (const auto& w : scored.back().warnings)
            io.err << "clusterlens: warning: " << w << '\n';
    }
    for (std::size_t i = 0; i < names.size(); ++i)
        for (std::size_t k = 0; k < i; ++k)
            if (names[i] == names[k]) names[i] = paths[i];  // same folder name: the full path
    const auto many = scoring::compare_many(names, scored, options.mapping.ability_columns,
                                            options.mapping.trigger_columns, ability_threshold,
                                            trigger_threshold);
    std::vector<std::string> files = {(fs::path(out_dir) / "clusters.csv").string(),
                                      (fs::path(out_dir) / "clusters.json").string()};
    for (const auto& f : figures.paths({"linkage"})) files.push_back(f);
    if (many.patterns)
        for (const auto& f : figures.paths({"patterns"})) files.push_back(f);
    refuse_overwriting_inputs(files, inputs);
    // Local versus global linkage of every cluster (Bathelt et al. 2004): pipelines per local
    // actor (global linkage) x density among local actors (buzz), lines at the clusters' means.
    {
        const auto& metrics = scoring::compared_metrics();
        auto index_of = [&](const char* name) {
            for (std::size_t k = 0; k < metrics.size(); ++k)
                if (metrics[k].first == name) return k;
            throw BackendError(std::string("compare: no metric ") + name);
        };
        const auto px = index_of("pipelines_per_local_actor"), py = index_of("local_density");
        render::QuadrantChart q;
        q.title = "Local versus global linkage of the clusters";
        q.x_name = "pipelines per local actor (global linkage)";
        q.y_name = "density among local actors (local buzz)";
        double sx = 0, sy = 0;
        std::size_t n = 0;
        for (const auto& row : many.rows) {
            q.points.push_back({row.name, row.values[px], row.values[py]});
            if (std::isfinite(row.values[px]) && std::isfinite(row.values[py]))
                sx += row.values[px], sy += row.values[py], ++n;
        }
        q.x_threshold = n ? sx / static_cast<double>(n) : 0;
        q.y_threshold = n ? sy / static_cast<double>(n) : 0;
        q.top_right = "buzz and pipelines";
        q.bottom_right = "pipeline-led";
        q.bottom_left = "weakly linked";
        q.top_left = "buzz-led";
        figures.add("linkage", [&](const std::string& format) {
            return render::render_quadrant_chart(q, format, figures.page);
        });
    }
    if (many.patterns) {
        render::QuadrantChart q;
        q.title = "Cluster patterns: ability x trigger (seed 001)";
        q.x_name = "ability (mean of " +
                   fmt::format("{}", fmt::join(options.mapping.ability_columns, ", ")) + ")";
        q.y_name = "trigger (mean of " +
                   fmt::format("{}", fmt::join(options.mapping.trigger_columns, ", ")) + ")";
        q.x_threshold = many.ability_threshold;
        q.y_threshold = many.trigger_threshold;
        q.top_right = "I sustainable development";
        q.bottom_right = "II ability-oriented";
        q.bottom_left = "III newborn";
        q.top_left = "IV leader-oriented";
        for (const auto& row : many.rows) q.points.push_back({row.name, row.ability, row.trigger});
        figures.add("patterns", [&](const std::string& format) {
            return render::render_quadrant_chart(q, format, figures.page);
        });
    }
    create_output_folder(out_dir);
    AtomicFile csv(files[0]), json(files[1]);
    auto jnum = [](double v) {
        return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr);
    };
    csv.stream() << "cluster";
    for (const auto& [metric, pointer] : scoring::compared_metrics()) csv.stream() << ',' << metric;
    if (many.patterns) csv.stream() << ",ability,trigger,pattern";
    csv.stream() << '\n';
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& row : many.rows) {
        csv.stream() << csv_field(row.name);
        nlohmann::ordered_json jr = {{"cluster", row.name}};
        for (std::size_t k = 0; k < row.values.size(); ++k) {
            csv.stream() << ',' << csv_number(row.values[k]);
            jr[scoring::compared_metrics()[k].first] = jnum(row.values[k]);
        }
        if (many.patterns) {
            csv.stream() << ',' << csv_number(row.ability) << ',' << csv_number(row.trigger) << ','
                         << csv_field(row.pattern);
            jr["ability"] = jnum(row.ability);
            jr["trigger"] = jnum(row.trigger);
            jr["pattern"] = row.pattern;
        }
        csv.stream() << '\n';
        rows.push_back(jr);
    }
    nlohmann::ordered_json j = {{"clusterlens_version", kVersion}, {"clusters", rows}};
    if (many.patterns)
        j["patterns"] = {
            {"ability_columns", options.mapping.ability_columns},
            {"trigger_columns", options.mapping.trigger_columns},
            {"ability_threshold", jnum(many.ability_threshold)},
            {"trigger_threshold", jnum(many.trigger_threshold)},
            {"thresholds",
             many.thresholds_are_means ? "mean over the compared clusters (default)" : "given"},
            {"source",
             "seed 001: I high/high, II high ability, III low/low, IV "
             "high trigger"}};
    else
        j["patterns"] = "not classified: no [patterns] ability/trigger columns in the mapping";
    json.stream() << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                  << '\n';
    for (auto* f : {&csv, &json}) f->finish();
    figures.finish();
    for (auto* f : {&csv, &json}) f->commit();
    figures.commit();
    auto num = [](double v) {
        return std::isfinite(v) ? fmt::format("{:.3g}", v) : std::string("n/a");
    };
    auto count = [](double v) {
        return std::isfinite(v) ? fmt::format("{:.0f}", v) : std::string("n/a");
    };
    io.out << fmt::format("{:<16}{:>8}{:>8}{:>10}{:>10}{:>8}  {}\n", "cluster", "actors", "ties",
                          "openness", "pipelines", "lock-in", many.patterns ? "pattern" : "");
    for (const auto& row : many.rows)
        io.out << fmt::format("{:<16}{:>8}{:>8}{:>10}{:>10}{:>8}  {}\n", row.name,
                              count(row.values[0]), count(row.values[1]), num(row.values[8]),
                              count(row.values[10]), row.values[22] > 0 ? "YES" : "no",
                              row.pattern);
    if (many.patterns)
        io.out << fmt::format("pattern thresholds: ability {}, trigger {} ({})\n",
                              num(many.ability_threshold), num(many.trigger_threshold),
                              many.thresholds_are_means ? "means over the clusters" : "given");
    for (const auto& f : files) io.out << "wrote " << f << '\n';
    return 0;
}

int cmd_compare(const std::vector<std::string>& args, Streams io) {
    Common c;
    std::string out_dir, relation, match = "auto";
    double ability_threshold = std::nan(""), trigger_threshold = std::nan("");
    std::size_t top = 5;
    scoring::ScoreOptions so;
    MeasureCli measures;
    FigureCli figure;
    so.ei.permutations = 0;  // the comparison reports no p-values
    po::options_description visible("compare options");
    visible.add_options()("help,h", "show this help")(
        "output,o", po::value(&out_dir)->value_name("OUTDIR"),
        "folder for comparison.csv, comparison.json, local_actors.csv and the figures")(
        "relation", po::value(&relation)->value_name("NAME"),
        "compare this relation (required when there are several)")(
        "match", po::value(&match)->value_name("id|label|auto"),
        "two networks: match actors by id, by label, or auto (default): by label when either "
        "network's ids are positions (Pajek vertex numbers, n0, n1, ...) and labels are unique")(
        "top", po::value(&top)->default_value(5)->value_name("N"),
        "pipeline holders listed in the report")(
        "ability-threshold", po::value(&ability_threshold)->value_name("X"),
        "many clusters: high ability from X (default: the mean over the clusters)")(
        "trigger-threshold", po::value(&trigger_threshold)->value_name("X"),
        "many clusters: high trigger from X (default: the mean over the clusters)");
    visible.add(figure_options(figure, true));
    visible.add(measure_options(so, measures));
    visible.add(lock_in_options(so.lock_in));
    po::variables_map vm;
    if (!parse(
            args, visible, c, vm,
            "usage: clusterlens compare NETWORK [NETWORK_B [NETWORK_C ...]] -o OUTDIR [options]",
            R"(Splits one cluster's network into its local sub-network (ties among local actors: buzz)
and its pipelines (ties between local and global actors) and reports them side by side:
  OUTDIR/comparison.csv    tidy table: metric, local (buzz), global (pipelines), cluster, definition
  OUTDIR/comparison.json   the same, the pipeline holders, lock-in indicators, options
  OUTDIR/local_actors.csv  per local actor: local degree and betweenness (within the buzz
                           sub-network), pipelines, pipeline strength and share, typology
  OUTDIR/buzz.svg, pipelines.svg, position_map.svg   the two sides drawn, and the firm roles
  OUTDIR/local_global.svg  both sides overlaid (partners abroad merged per type)
Gatekeeper dependence = share of the global actors reached only through technological
gatekeepers: the external reach lost if the gatekeepers were removed.

With two networks A B (two clusters, or two waves of one cluster; give a CSV pair as its
folder, and Pajek partitions after their .net: A.net A.clu B.net B.clu), both are scored and
compared. Actors are matched by id, or by label when either
network's ids are positions (Pajek vertex numbers; n0, n1, ...; 1..n in order) and every actor
has a label unique within its network (--match id|label|auto); ties by their ends:
  OUTDIR/comparison.csv    metric, a, b, change (b - a) for every headline measure
  OUTDIR/actors.csv        each actor kept, gained or lost, with openness (ext_share),
                           brokerage and typology in A and in B
  OUTDIR/ties.csv          each tie kept, gained or lost, with its weights
  OUTDIR/comparison.json   the same counts and metrics;  OUTDIR/change.svg  the figure

With three or more networks (many clusters), one row per cluster, ready for a paper's table:
  OUTDIR/clusters.csv, clusters.json   the headline measures of each cluster
  OUTDIR/linkage.svg   each cluster by pipelines per local actor (global linkage) and
                       density among local actors (buzz), lines at the clusters' means
When the mapping names ability and trigger columns ([patterns] ability = [...], trigger =
[...]; seed 001), each cluster's mean ability and trigger and its pattern (I sustainable
development, II ability-oriented, III newborn, IV leader-oriented) are added, with the
thresholds used, and OUTDIR/patterns.svg draws the quadrant chart.

Example (the bundled Estonian climate cluster):
  clusterlens compare examples/cordis_ee_climate/data --map examples/cordis_ee_climate/cordis.toml -o out/ee_compare
)",
            io))
        return 0;
    if (c.inputs.empty())
        throw UsageError("compare needs a NETWORK; see clusterlens compare --help");
    if (out_dir.empty())
        throw UsageError("compare needs -o OUTDIR; see clusterlens compare --help");
    apply_measures(measures, so);
    FigureFiles figures;
    figures.dir = out_dir;
    figures.page = page_options(figure);
    if (!figure.title.empty())
        throw UsageError("compare titles its figures itself; --title takes only none here");
    figures.formats = figure_formats(figure.formats);
    const bool two = networks_of(c.inputs).size() == 2;
    if (vm.count("match") && !two)
        throw UsageError("--match applies to two networks (compare A B), not to one or many");
    if (two) return compare_two_networks(c, out_dir, relation, so, match, figures, io);
    if (several_networks(c.inputs))
        return compare_many_networks(c, out_dir, relation, so, ability_threshold, trigger_threshold,
                                     figures, io);
    const auto options = load_options(c);
    const auto inputs = resolve_inputs(c.inputs, options).all();
    const auto net = load_with_progress(c.inputs, options, io);
    print_warnings(net, io);
    require_locality(net, c.inputs.front());
    const auto one = pick_relation(net, relation);
    scoring::LocalGlobalOptions lo;
    lo.strong_threshold = measures.strong;
    const auto cmp = scoring::compare_local_global(one, lo);
    const auto scored = scoring::score_relation(one, so);
    for (const auto& w : scored.warnings) io.err << "clusterlens: warning: " << w << '\n';
    const auto& lock = scored.summary["lock_in"];

    // comparison.csv rows: metric, local (buzz), global (pipelines), cluster, definition.
    struct Row {
        std::string metric;
        double local, global, cluster;
        std::string definition;
    };
    const double nan = std::nan("");
    auto d = [](std::size_t v) { return static_cast<double>(v); };
    std::vector<Row> rows = {
        {"actors", d(cmp.buzz.actors), d(cmp.pipelines.actors), d(one.actor_count()),
         "local: local actors; global: local actors and the global actors they reach"},
        {"ties", d(cmp.buzz.ties), d(cmp.pipelines.ties), d(one.tie_count()),
         "local: ties among local actors (buzz); global: local-global ties (pipelines)"},
        {"strength", cmp.buzz.strength, cmp.pipelines.strength, nan, "sum of tie weights"},
        {"density", cmp.buzz.density, cmp.pipelines.density, nan,
         "local: ties / possible local pairs; global: ties / (local actors x global actors)"},
        {"mean_tie_strength", cmp.buzz.mean_strength, cmp.pipelines.mean_strength, nan,
         "strength / ties"},
        {"strong_tie_share", cmp.buzz.strong_share, cmp.pipelines.strong_share, nan,
         cmp.threshold_is_median
             ? fmt::format("share of ties with weight > {} (the median weight)",
                           format_number(cmp.strong_threshold))
             : fmt::format("share of ties with weight >= {}", format_number(cmp.strong_threshold))},
        {"degree_centralization", cmp.buzz.centralization, cmp.pipelines.centralization, nan,
         "Freeman over local actors' partners on that side (global: max (n_L-1) n_G)"},
        {"components", d(cmp.buzz.components), d(cmp.pipelines.components), nan,
         "connected components of that side's graph (isolated local actors count)"},
        {"extra_local_ties", nan, nan, d(cmp.extra_local_ties),
         "global-global ties (neither side)"},
        {"pipeline_concentration_hhi", nan, nan, cmp.pipeline_concentration,
         "Herfindahl of local actors' shares of the pipelines"},
        {"global_actors_reached", nan, nan, d(cmp.global_reached),
         "global actors with at least one pipeline"},
        {"gatekeeper_dependence", nan, nan, cmp.gatekeeper_dependence,
         "share of reached global actors whose every local partner is a technological "
         "gatekeeper"}};
    for (const auto& ind : lock["indicators"])
        rows.push_back({"lockin_" + ind["name"].get<std::string>(), nan, nan,
                        ind["value"].is_null() ? nan : ind["value"].get<double>(),
                        "fires when " + ind["rule"].get<std::string>() +
                            (ind["fired"].get<bool>() ? " (fired)" : " (not fired)")});
    rows.push_back(
        {"lockin_flag", nan, nan, lock["flag"].get<bool>() ? 1.0 : 0.0,
         fmt::format("1 when at least {} indicators fire", lock["min_fired"].get<std::size_t>())});

    namespace fs = std::filesystem;
    std::vector<std::string> files = {(fs::path(out_dir) / "comparison.csv").string(),
                                      (fs::path(out_dir) / "comparison.json").string(),
                                      (fs::path(out_dir) / "local_actors.csv").string()};
    for (const auto& f : figures.paths({"buzz", "pipelines", "position_map", "local_global"}))
        files.push_back(f);
    refuse_overwriting_inputs(files, inputs);
    // Figures first (they may fail), then every file is committed together.
    render::RenderOptions ro;
    ro.relation = one.relations().front();
    ro.page = figures.page;
    ro.label_by = figure.label_by;
    const auto headline = headline_from_summary(scored.summary);
    const auto& ty = scored.summary["typology"];
    if (!ty["internal_threshold"].is_null())
        ro.internal_threshold = ty["internal_threshold"].get<double>();
    if (!ty["external_threshold"].is_null())
        ro.external_threshold = ty["external_threshold"].get<double>();
    auto buzz_o = ro;
    buzz_o.only_local = true;
    buzz_o.labels = render::RenderOptions::Labels::all;
    buzz_o.title = "Local buzz: ties among local actors";
    auto pipe_o = ro;
    pipe_o.only_linkage = "pipeline";
    pipe_o.top_ties = 10000;
    pipe_o.title = "Global pipelines: ties between local and global actors";
    auto map_o = ro;
    map_o.layout = render::Layout::position_map;
    map_o.title = "Firm roles: internal connectivity x external openness";
    // Both sides overlaid: local actors in the centre, buzz solid, pipelines dashed.
    auto both_o = ro;
    both_o.collapse_external = "type";  // partners merged per type, so pipelines stay readable
    both_o.title = "Local buzz and global pipelines (partners merged by type)";
    for (const auto& [stem, view] :
         std::vector<std::pair<std::string, const render::RenderOptions*>>{
             {"buzz", &buzz_o},
             {"pipelines", &pipe_o},
             {"position_map", &map_o},
             {"local_global", &both_o}})
        figures.add(stem, [&](const std::string& format) {
            return render::render_network(scored.network, headline, *view, format).bytes;
        });

    create_output_folder(out_dir);
    AtomicFile csv(files[0]), json(files[1]), actors(files[2]);
    csv.stream() << "metric,local,global,cluster,definition\n";
    nlohmann::ordered_json metrics = nlohmann::ordered_json::array();
    auto jnum = [](double v) {
        return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr);
    };
    for (const auto& r : rows) {
        csv.stream() << r.metric << ',' << csv_number(r.local) << ',' << csv_number(r.global) << ','
                     << csv_number(r.cluster) << ',' << csv_field(r.definition) << '\n';
        metrics.push_back({{"metric", r.metric},
                           {"local", jnum(r.local)},
                           {"global", jnum(r.global)},
                           {"cluster", jnum(r.cluster)},
                           {"definition", r.definition}});
    }
    actors.stream() << "id,label,type,part,local_degree,local_betweenness,pipelines,"
                       "pipeline_strength,pipeline_share,typology\n";
    nlohmann::ordered_json holders = nlohmann::ordered_json::array();
    for (const auto& a : cmp.local_rows) {
        const Actor& x = one.actor(a.actor);
        actors.stream() << csv_field(x.id) << ',' << csv_field(x.label) << ',' << x.type << ','
                        << to_string(x.part) << ',' << csv_number(a.local_degree) << ','
                        << csv_number(a.local_betweenness) << ',' << csv_number(a.pipelines) << ','
                        << csv_number(a.pipeline_strength) << ',' << csv_number(a.pipeline_share)
                        << ',' << a.typology << '\n';
        if (holders.size() < top && a.pipelines > 0)
            holders.push_back({{"id", x.id},
                               {"pipelines", a.pipelines},
                               {"share", jnum(a.pipeline_share)},
                               {"typology", a.typology}});
    }
    nlohmann::ordered_json j = {{"clusterlens_version", kVersion},
                                {"relation", one.relations().front()},
                                {"local_actors", cmp.local_actors},
                                {"global_actors", cmp.global_actors},
                                {"unspecified_actors", cmp.unspecified_actors},
                                {"metrics", metrics},
                                {"top_pipeline_holders", holders},
                                {"lock_in", lock},
                                {"options",
                                 {{"strong_threshold", jnum(cmp.strong_threshold)},
                                  {"strong_rule", cmp.threshold_is_median ? "weight > median weight"
                                                                          : "weight >= threshold"},
                                  {"typology_thresholds", ty}}}};
    json.stream() << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                  << '\n';
    for (auto* f : {&csv, &json, &actors}) f->finish();
    figures.finish();
    for (auto* f : {&csv, &json, &actors}) f->commit();
    figures.commit();

    auto num = [](double v) {
        return std::isfinite(v) ? fmt::format("{:.4g}", v) : std::string("n/a");
    };
    io.out << fmt::format("local vs global ({} local, {} global actors)\n", cmp.local_actors,
                          cmp.global_actors);
    io.out << fmt::format("  {:<24}{:>12}{:>12}\n", "", "buzz", "pipelines");
    for (std::size_t k = 1; k < 8; ++k)
        io.out << fmt::format("  {:<24}{:>12}{:>12}\n", rows[k].metric, num(rows[k].local),
                              num(rows[k].global));
    io.out << fmt::format(
        "  pipeline concentration (HHI) {}; gatekeeper dependence {}; lock-in {}\n",
        num(cmp.pipeline_concentration), num(cmp.gatekeeper_dependence),
        lock["flag"].get<bool>() ? "YES" : "no");
    for (const auto& f : files) io.out << "wrote " << f << '\n';
    return 0;
}

}  // namespace

int run(const std::vector<std::string>& args, Streams io) {
    try {
        try {
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
            if (args[0] == "render") return cmd_render(rest, io);
            if (args[0] == "compare") return cmd_compare(rest, io);
            throw UsageError("unknown command '" + args[0] +
                             "'; commands: validate, convert, score, render, compare (see "
                             "clusterlens --help)");
        } catch (const po::error& e) {
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
        io.err << "clusterlens: usage error: " << e.what() << '\n';
        return 2;
    } catch (const BackendError& e) {
        io.err << "clusterlens: error: " << e.what() << '\n';
        return 3;
    } catch (const std::exception& e) {
        io.err << "clusterlens: internal error: " << e.what() << " (please report this)\n";
        return 3;
    }
}

}  // namespace clusterlens::cli
