// clusterlens render: draw the network as an annotated figure, scoring it first when it has no
// scores.
#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <filesystem>
#include <ostream>

#include "graphs/atomic_file.hpp"
#include "graphs/attributes.hpp"
#include "graphs/error.hpp"
#include "src/app/figures.hpp"
#include "src/app/relations.hpp"
#include "src/cli/command_list.hpp"
#include "src/cli/options.hpp"
#include "src/cli/progress.hpp"

namespace clusterlens::cli {
namespace {

constexpr const char* kUsage =
    "usage: clusterlens render NETWORK... -o FIGURE.{svg,png,pdf,dot} [options]";

constexpr const char* kHelp =
    R"(Draws the network as an annotated figure with a legend and a title block (actors by
part, ties, the local group's E-I, mean tie strength, lock-in flag). A network without scores
is scored first with the defaults of 'clusterlens score'; a network.graphml written by score
is drawn as it is.
  shape   actor type; dashed outline = global actor (outside the region)
  size    --size-by (default betweenness);  fill  --color-by (default learning_capacity)
  ties    width and opacity by weight; local buzz solid blue, global pipelines dashed orange,
          ties outside the cluster dotted grey; strong ties drawn on top
Communities: --color-by community fills communities 1-7 (1 = the largest) in the Okabe-Ito
colours and 8+ in grey; --community-graph draws one node per community instead. Both read the
`community` attribute of score --communities, or detect leiden (10 runs, --seed) when the input
has none and say so; --communities/--resolution/--runs choose the detection as for score.
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
)";

/// The options of render itself (what to draw and how), bound to `ro` where they can be.
struct RenderCli {
    std::string out_file, layout = "concentric", labels = "top:15", relation,
                          tie_colour = "linkage";
    bool position_map = false, community_graph = false;
};

po::options_description render_options(RenderCli& r, render::RenderOptions& ro) {
    po::options_description visible("render options");
    visible.add_options()("help,h", "show this help")(
        "output,o", po::value(&r.out_file)->value_name("FIGURE"),
        "the figure: .svg, .png, .pdf or .dot (DOT with the positions, for further editing)")(
        "layout", po::value(&r.layout)->default_value("concentric")->value_name("NAME"),
        "concentric (core firms inside, assisting institutes around them, external sources "
        "outside), a Graphviz engine: sfdp (large networks), neato, fdp, dot, circo (small "
        "sparse networks only: slow on dense ones), or file: the positions the input carries "
        "(Pajek, NetDraw VNA, GraphML from Gephi or yEd, GML; kept by convert)")(
        "community-graph", po::bool_switch(&r.community_graph),
        "draw the communities instead: one node per community (area by members, labelled "
        "with number and size), links as wide as the ties between them weigh, neato; the "
        "input's `community` attribute, or leiden when it has none")(
        "position-map", po::bool_switch(&r.position_map),
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
        "labels", po::value(&r.labels)->default_value("top:15")->value_name("top:N|all|none"),
        "label the N actors with the largest size score, all actors, or none")(
        "relation", po::value(&r.relation)->value_name("NAME"),
        "draw this relation (default: the only one; required when there are several)")(
        "ego", po::value(&ro.ego)->value_name("ID"),
        "draw only this actor's neighbourhood, in rings by distance")(
        "radius", count_value(&ro.radius)->default_value(1)->value_name("R"),
        "steps from the ego to include")(
        "seed", count_value(&ro.seed)->default_value(1)->value_name("S"),
        "seed for the Graphviz engines (same input and seed, same file)")(
        "min-weight", po::value(&ro.min_weight)->default_value(0)->value_name("W"),
        "leave out ties lighter than W")(
        "top-ties", count_value(&ro.top_ties)->default_value(10000)->value_name("N"),
        "draw only the N strongest ties (0 = all); beyond ~10,000 ties a figure is a "
        "hairball and slow to open, so that is the default cap (the legend says so)")(
        "collapse-external", po::value(&ro.collapse_external)->value_name("ATTR"),
        "merge global actors into one node per value of ATTR (e.g. country, type), so "
        "pipelines read as which local actor reaches where")(
        "max-actors", count_value(&ro.max_actors, 1)->default_value(1500)->value_name("N"),
        "above N actors draw an overview of the top N by the size score (the legend says what "
        "was left out)")("tie-colour",
                         po::value(&r.tie_colour)->default_value("linkage")->value_name("WHAT"),
                         "tie colour: linkage (buzz blue, pipeline orange), dimension "
                         "(learning dimension) or any categorical tie attribute");
    return visible;
}

/// The figure format -o names (UsageError unless svg, png, pdf or dot).
std::string figure_format(const std::string& out_file) {
    std::string format = std::filesystem::path(out_file).extension().string();
    if (!format.empty()) format.erase(0, 1);
    for (auto& ch : format) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (format != "svg" && format != "png" && format != "pdf" && format != "dot")
        throw UsageError("-o '" + out_file + "': the figure must end in .svg, .png, .pdf or .dot");
    return format;
}

/// --labels top:N | all | none into `ro`.
void apply_labels(const std::string& labels, render::RenderOptions& ro) {
    if (labels == "all") {
        ro.labels = render::RenderOptions::Labels::all;
    } else if (labels == "none") {
        ro.labels = render::RenderOptions::Labels::none;
    } else {
        constexpr auto kMax = std::numeric_limits<std::size_t>::max();
        const auto n =
            labels.rfind("top:", 0) == 0 ? whole_number(labels.substr(4), 0, kMax) : std::nullopt;
        if (!n)
            throw UsageError(fmt::format(
                "--labels takes top:N (N a whole number from 0 to {}), all or none; got '{}'", kMax,
                labels));
        ro.label_top = static_cast<std::size_t>(*n);
    }
}

void print_drawn(const render::Diagram& d, const std::string& out_file, const std::string& note,
                 Streams io, bool communities) {
    auto plural = [](std::size_t k, const char* what) {
        return fmt::format("{} {}{}", k, what, k == 1 ? "" : "s");
    };
    io.out << fmt::format("wrote {}: {} and {} drawn", out_file,
                          communities ? fmt::format("{} communit{}", d.actors_drawn,
                                                    d.actors_drawn == 1 ? "y" : "ies")
                                      : plural(d.actors_drawn, "actor"),
                          plural(d.ties_drawn, communities ? "link" : "tie"));
    if (d.actors_left_out + d.ties_left_out > 0)
        io.out << fmt::format(" ({} actors and {} ties left out)", d.actors_left_out,
                              d.ties_left_out);
    io.out << fmt::format(" on a {:.1f} x {:.1f} cm page\n", d.width / 72 * 2.54,
                          d.height / 72 * 2.54);
    if (!note.empty()) io.out << "  " << note << '\n';
    for (const auto& n : d.notes) io.out << "  " << n << '\n';
}

}  // namespace

int cmd_render(const std::vector<std::string>& args, Streams io) {
    InputCli c;
    RenderCli r;
    render::RenderOptions ro;
    FigureCli figure;
    scoring::ScoreOptions so;  // the defaults of `clusterlens score`, unless given
    MeasureCli measures;
    CommunityCli communities;
    auto visible = render_options(r, ro);
    visible.add(community_options(communities, false));
    visible.add(figure_options(figure, false));
    visible.add(measure_options(so, measures));
    visible.add(lock_in_options(so.lock_in));
    po::variables_map vm;
    if (!parse(args, visible, c, vm, kUsage, kHelp, io)) return 0;
    if (c.inputs.empty()) throw UsageError("render needs a NETWORK; see clusterlens render --help");
    if (r.out_file.empty())
        throw UsageError(
            "render needs -o FIGURE.svg (or .png, .pdf, .dot); see clusterlens render --help");
    const auto format = figure_format(r.out_file);
    ro.layout = r.position_map ? render::Layout::position_map : render::parse_layout(r.layout);
    if (r.position_map && vm["layout"].defaulted() == false)
        throw UsageError("--position-map places actors itself; leave out --layout");
    apply_labels(r.labels, ro);
    // linkage (default) | dimension | any categorical tie attribute
    ro.tie_colour_by = r.tie_colour == "linkage"     ? std::string()
                       : r.tie_colour == "dimension" ? std::string("learning_dimension")
                                                     : r.tie_colour;
    ro.page = page_options(figure);
    ro.title = figure.title;
    ro.label_by = figure.label_by;
    apply_measures(measures, so);
    const bool method_given = !communities.method.empty();
    const bool wants_communities = ro.color_by == "community" || r.community_graph;
    if (method_given && !wants_communities)
        throw UsageError("--communities applies to --color-by community and --community-graph");
    if (r.community_graph && r.position_map)
        throw UsageError("--community-graph and --position-map are different figures; ask for one");
    if (!method_given) communities.method = "leiden";
    const auto detection = community_from(communities, ro.seed).value();  // checked before loading

    const auto options = load_options(c);
    const auto inputs = resolve_inputs(c.inputs, options).all();
    check_output_file(r.out_file, with_given_paths(inputs, c));  // before the long work
    const auto net = load_with_progress(c.inputs, options, io);
    print_warnings(net, io);
    auto one = app::pick_relation(net, r.relation);
    // --color-by community on an input without one: detect them (leiden unless --communities).
    const bool detect = wants_communities && one.actor_attributes().find("community") == nullptr;
    if (!detect && method_given)
        throw UsageError(
            "the input already has a `community` attribute; leave out --communities (or render "
            "the raw input with it)");
    ro.relation = one.relations().front();
    std::string note;
    if (vm["layout"].defaulted() && !r.position_map) {
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
    if (app::has_scores(one)) {
        const auto given = measure_options_given(vm);
        if (!given.empty())
            throw UsageError(fmt::format(
                "{} change how measures are computed, but {} already holds the scores of "
                "clusterlens score; render the raw input with these options, or score it with "
                "them first",
                fmt::join(given, ", "), c.inputs.front()));
        if (detect) {
            const auto found = app::add_communities(one, detection);
            io.out << app::communities_note(found.method, found.runs, found.seed, found.best_seed,
                                            found.count, found.modularity)
                   << '\n';
        }
        d = r.community_graph ? app::draw_community_graph(one, so.lock_in, ro, format)
                              : app::draw_prescored(one, so.lock_in, ro, format);
    } else {
        if (progress_wanted(io))
            io.err << "clusterlens: no scores in the input; scoring first (as clusterlens score)\n";
        if (detect) so.communities = detection;
        const auto scored = scoring::score_relation(one, so);
        if (detect && scored.cluster.communities) {
            const auto& cs = *scored.cluster.communities;
            io.out << app::communities_note(cs.method, cs.runs, cs.seed, cs.best_seed, cs.count,
                                            cs.modularity)
                   << '\n';
        }
        print_scoring_warnings(scored.warnings, io);
        d = r.community_graph ? app::draw_community_graph(scored.network, so.lock_in, ro, format)
                              : app::draw_scored(scored, ro, format);
    }
    app::write_figure(d, r.out_file);
    print_drawn(d, r.out_file, r.community_graph ? "" : note, io, r.community_graph);
    return 0;
}

}  // namespace clusterlens::cli
