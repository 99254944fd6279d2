// clusterlens report: score a network and write one self-contained HTML file with its findings,
// its figures (explorable) and its tables.
#include <fmt/format.h>

#include <filesystem>
#include <ostream>

#include "graphs/atomic_file.hpp"
#include "graphs/error.hpp"
#include "src/app/figures.hpp"
#include "src/app/relations.hpp"
#include "src/app/report.hpp"
#include "src/cli/command_list.hpp"
#include "src/cli/options.hpp"
#include "src/cli/progress.hpp"

namespace clusterlens::cli {
namespace {

constexpr const char* kUsage = "usage: clusterlens report NETWORK... -o REPORT.html [options]";

constexpr const char* kHelp =
    R"(Scores the network (as clusterlens score does, with its defaults unless given) and writes
one HTML file that holds everything a reader needs, to hand to a cluster manager or a colleague:
  the network, explorable: the annotated diagram render draws, with its legend; pan (drag) and
    zoom (wheel, + and -); hover an actor for its name, part, type, locality and scores; click
    it (or search and press Enter) for its ego network and pipelines; show or hide buzz,
    pipelines, local and global actors and parts; views: concentric rings, the position map of
    the firm typology, pipelines by country (global actors merged per country) and communities
  the findings in words: the headline (actors by part, ties, cluster openness, lock-in with the
    indicators that fired and their rules), buzz versus pipelines, the firm roles with their
    thresholds, the top brokers and gatekeepers, the learning-capacity weights, each number
    with a line that says what it means and the method's source
  the actor and tie tables: sort by any column, filter, download what is shown as CSV
  every figure downloadable as SVG and PNG from the page
With several relations, every relation is scored on its own (as score does) and the page has a
switch that shows one relation at a time; --relation NAME reports only that one.
The file needs no network connection (no external font, script or image): send it by e-mail or
on a USB stick; it opens in any current browser and prints to PDF. The same input and options
give the same bytes.

Big networks: above --max-actors the figures draw an overview of the top actors by
betweenness (the legend says what was left out), at most --top-ties ties, and the ties table
lists the --max-tie-rows strongest ties.

Examples (the bundled Estonian climate cluster):
  clusterlens report examples/cordis_ee_climate/data --map examples/cordis_ee_climate/cordis.toml -o report.html
  clusterlens report network.net -o report.html --title "Biotech cluster, wave 2"
)";

struct ReportCli {
    std::string out_file, relation, title, layout_note;
    std::size_t max_actors = 1500, top_ties = 10000, max_tie_rows = 20000, seed = 1;
};

po::options_description report_options(ReportCli& r) {
    po::options_description visible("report options");
    visible.add_options()("help,h", "show this help")(
        "output,o", po::value(&r.out_file)->value_name("REPORT.html"), "the report (.html)")(
        "title", po::value(&r.title)->value_name("TEXT"),
        "the report's title (default: the input's name)")(
        "relation", po::value(&r.relation)->value_name("NAME"),
        "report only this relation (default: every relation, each scored on its own, with a "
        "switch on the page)")(
        "max-actors", count_value(&r.max_actors, 1)->default_value(1500)->value_name("N"),
        "figures: above N actors draw an overview of the top N by betweenness")(
        "top-ties", count_value(&r.top_ties)->default_value(10000)->value_name("N"),
        "figures: draw only the N strongest ties (0 = all)")(
        "max-tie-rows", count_value(&r.max_tie_rows, 1)->default_value(20000)->value_name("N"),
        "the ties table lists the N strongest ties (the CSV of score has all)")(
        "seed", count_value(&r.seed)->default_value(1)->value_name("S"),
        "seed for the permutation tests, community detection and Graphviz layouts");
    return visible;
}

/// The report's file name must end in .html (or .htm).
void check_report_name(const std::string& out_file) {
    auto ext = std::filesystem::path(out_file).extension().string();
    for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (ext != ".html" && ext != ".htm")
        throw UsageError("-o '" + out_file + "': the report is one HTML file; name it *.html");
}

/// The views of one relation's network section, drawn from its scores.
std::vector<app::ReportView> relation_views(const Network& one,
                                            const scoring::ScoredRelation& scored,
                                            const ReportCli& r, Streams io) {
    // The figures: the views of the network section.
    render::RenderOptions ro;
    ro.relation = one.relations().front();
    ro.seed = r.seed;
    ro.max_actors = r.max_actors;
    ro.top_ties = r.top_ties;
    bool parts = false, countries = scored.network.actor_attributes().find("country") != nullptr;
    for (std::size_t i = 0; i < one.actor_count() && !parts; ++i)
        parts = one.actor(i).part != Part::unspecified;
    const bool firms = scored.cluster.typology.firms > 0;
    std::vector<app::ReportView> views;
    auto add = [&](std::string name, std::string caption, std::string description,
                   render::RenderOptions o) {
        if (progress_wanted(io)) io.err << "clusterlens: drawing " << caption << '\n';
        views.push_back({std::move(name), std::move(caption), std::move(description),
                         app::draw_scored(scored, o, "svg")});
    };
    {
        auto o = ro;
        if (!parts) o.layout = render::Layout::sfdp;
        add("concentric", parts ? "Concentric" : "Network",
            parts ? "The network in rings: core firms inside, assisting institutes around them, "
                    "external sources outside; area by betweenness, fill by learning capacity."
                  : "The network (sfdp layout: no actor has a part); area by betweenness, fill "
                    "by learning capacity.",
            o);
    }
    if (firms) {
        auto o = ro;
        o.layout = render::Layout::position_map;
        add("position-map", "Position map",
            "The firm typology: each cluster firm by its local contacts (x) and outside tie "
            "weight (y), with the thresholds and the four roles.",
            o);
    }
    if (countries) {
        auto o = ro;
        o.collapse_external = "country";
        if (!parts) o.layout = render::Layout::sfdp;
        add("countries", "Pipelines by country",
            "Global actors merged into one node per country, so pipelines read as which local "
            "actor reaches where.",
            o);
    }
    if (scored.cluster.communities) {
        auto o = ro;
        o.color_by = "community";
        o.layout = render::Layout::sfdp;
        add("communities", "Communities",
            fmt::format("Communities (leiden, modularity {:.3f}, seed {}): fill by community, "
                        "1 = the largest; sfdp layout.",
                        scored.cluster.communities->modularity, r.seed),
            o);
    }

    return views;
}

}  // namespace

int cmd_report(const std::vector<std::string>& args, Streams io) {
    InputCli c;
    ReportCli r;
    scoring::ScoreOptions so;
    MeasureCli measures;
    auto visible = report_options(r);
    visible.add(measure_options(so, measures));
    visible.add(lock_in_options(so.lock_in));
    po::variables_map vm;
    if (!parse(args, visible, c, vm, kUsage, kHelp, io)) return 0;
    if (c.inputs.empty()) throw UsageError("report needs a NETWORK; see clusterlens report --help");
    if (r.out_file.empty())
        throw UsageError("report needs -o REPORT.html; see clusterlens report --help");
    check_report_name(r.out_file);
    apply_measures(measures, so);
    so.ei.seed = r.seed;
    so.centrality.seed = r.seed;
    ProgressLine line(io);  // on a terminal: the stage, its share done and the time left
    line.attach(so);
    CommunityCli cc;
    cc.method = "leiden";
    so.communities = community_from(cc, r.seed);

    const auto options = load_options(c);
    const auto inputs = resolve_inputs(c.inputs, options).all();
    check_output_file(r.out_file, with_given_paths(inputs, c));  // before the long work
    const auto net = load_with_progress(c.inputs, options, io);
    print_warnings(net, io);
    if (app::has_scores(net))
        throw UsageError(
            c.inputs.front() +
            " already holds the scores of clusterlens score; report scores the network itself: "
            "give it the input score read (e.g. the data folder and its --map)");
    // Every relation unless one is named, each scored on its own (as score does).
    const auto indices = app::relations_to_score(net, r.relation);
    std::vector<scoring::ScoredRelation> scored;
    scored.reserve(indices.size());
    std::vector<std::vector<app::ReportView>> views;
    if (indices.size() > 1)
        io.err << "clusterlens: reporting every relation (" << indices.size()
               << "), each scored on its own; --relation NAME reports one\n";
    for (const auto k : indices) {
        const auto one = app::pick_relation(net, net.relations()[k]);
        if (progress_wanted(io))
            io.err << "clusterlens: scoring " << net.relations()[k] << " (as clusterlens score)\n";
        scored.push_back(scoring::score_relation(one, so));
        print_scoring_warnings(scored.back().warnings, io);
        views.push_back(relation_views(one, scored.back(), r, io));
    }

    app::ReportPage page;
    page.title = r.title.empty() ? network_title(c.inputs.front()) : r.title;
    page.input = c.inputs.front();
    page.command = command_line("report", args);
    std::size_t figures = 0;
    for (std::size_t k = 0; k < scored.size(); ++k) {
        figures += views[k].size();
        page.relations.push_back({&scored[k], std::move(views[k])});
    }
    page.max_tie_rows = r.max_tie_rows;
    const auto html = app::report_html(page);
    OutputSet out(with_given_paths(inputs, c));
    out.add(r.out_file) << html;
    out.commit_all();
    io.out << fmt::format("wrote {}: {} actors, {} ties, {}{} figure(s), {:.1f} MB\n", r.out_file,
                          scored.front().network.actor_count(), net.tie_count(),
                          scored.size() > 1 ? fmt::format("{} relations, ", scored.size()) : "",
                          figures, static_cast<double>(html.size()) / 1e6);
    return 0;
}

}  // namespace clusterlens::cli
