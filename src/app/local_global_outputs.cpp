#include "src/app/local_global_outputs.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <ostream>
#include <utility>

#include "clusterlens/version.hpp"
#include "graphs/atomic_file.hpp"
#include "graphs/write.hpp"
#include "src/app/compare_report.hpp"
#include "src/app/summary_reads.hpp"

namespace clusterlens::app {

std::vector<MetricRow> local_global_rows(const Network& one,
                                         const scoring::LocalGlobalComparison& cmp,
                                         const scoring::ScoredRelation& scored) {
    const double nan = std::nan("");
    auto d = [](std::size_t v) { return static_cast<double>(v); };
    std::vector<MetricRow> rows = {
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
    append_lock_in_rows(scored.cluster, rows);
    return rows;
}

namespace {

/// The four figures: each side alone, the firm roles, and both sides overlaid.
void draw_local_global(const Network& one, const scoring::ScoredRelation& scored,
                       FigureSet& figures) {
    render::RenderOptions ro;
    ro.relation = one.relations().front();
    ro.page = figures.options().page;
    ro.label_by = figures.options().label_by;
    const auto headline = headline_from_summary(scored.cluster);
    apply_typology_thresholds(scored.cluster, ro);
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
}

}  // namespace

LocalGlobalOutput write_local_global(const Network& one, const scoring::LocalGlobalComparison& cmp,
                                     const scoring::ScoredRelation& scored, std::size_t top,
                                     const std::string& out_dir,
                                     const FigureOptions& figure_options,
                                     const std::vector<std::string>& inputs) {
    namespace fs = std::filesystem;
    LocalGlobalOutput result;
    result.rows = local_global_rows(one, cmp, scored);
    const auto& rows = result.rows;
    FigureSet figures(out_dir, figure_options);
    auto& files = result.files;
    files = {(fs::path(out_dir) / "comparison.csv").string(),
             (fs::path(out_dir) / "comparison.json").string(),
             (fs::path(out_dir) / "local_actors.csv").string()};
    for (const auto& f : figures.paths({"buzz", "pipelines", "position_map", "local_global"}))
        files.push_back(f);
    if (figure_options.report.wanted) files.push_back(report_path(out_dir));
    OutputSet out(inputs);
    out.refuse_inputs(files);
    // Figures first (they may fail), then every file is committed together.
    draw_local_global(one, scored, figures);

    create_output_folder(out_dir);
    TextSet texts;
    auto& csv = texts.add(files[0]);
    auto& json = texts.add(files[1]);
    auto& actors = texts.add(files[2]);
    csv << "metric,local,global,cluster,definition\n";
    nlohmann::ordered_json metrics = nlohmann::ordered_json::array();
    for (const auto& r : rows) {
        csv << r.metric << ',' << csv_number(r.local) << ',' << csv_number(r.global) << ','
            << csv_number(r.cluster) << ',' << csv_text_cell(r.definition) << '\n';
        metrics.push_back({{"metric", r.metric},
                           {"local", json_number(r.local)},
                           {"global", json_number(r.global)},
                           {"cluster", json_number(r.cluster)},
                           {"definition", r.definition}});
    }
    actors << "id,label,type,part,local_degree,local_betweenness,pipelines,"
              "pipeline_strength,pipeline_share,typology\n";
    nlohmann::ordered_json holders = nlohmann::ordered_json::array();
    for (const auto& a : cmp.local_rows) {
        const Actor& x = one.actor(a.actor);
        actors << csv_text_cell(x.id) << ',' << csv_text_cell(x.label) << ',' << x.type << ','
               << to_string(x.part) << ',' << csv_number(a.local_degree) << ','
               << csv_number(a.local_betweenness) << ',' << csv_number(a.pipelines) << ','
               << csv_number(a.pipeline_strength) << ',' << csv_number(a.pipeline_share) << ','
               << a.typology << '\n';
        if (holders.size() < top && a.pipelines > 0)
            holders.push_back({{"id", x.id},
                               {"pipelines", a.pipelines},
                               {"share", json_number(a.pipeline_share)},
                               {"typology", a.typology}});
    }
    nlohmann::ordered_json j = {{"clusterlens_version", kVersion},
                                {"relation", one.relations().front()},
                                {"local_actors", cmp.local_actors},
                                {"global_actors", cmp.global_actors},
                                {"unspecified_actors", cmp.unspecified_actors},
                                {"metrics", metrics},
                                {"top_pipeline_holders", holders},
                                {"lock_in", lock_in_section(scored.cluster)},
                                {"options",
                                 {{"strong_threshold", json_number(cmp.strong_threshold)},
                                  {"strong_rule", cmp.threshold_is_median ? "weight > median weight"
                                                                          : "weight >= threshold"},
                                  {"typology_thresholds", typology_section(scored.cluster)}}}};
    json << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    texts.stage(out);
    figures.stage(out);
    if (figure_options.report.wanted) {
        auto page = report_page(CompareKind::local_global, figure_options.report, j);
        page.tables = {{"comparison.csv", "Buzz and pipelines, measure by measure",
                        "One row per measure: its value among the local actors (buzz), between "
                        "local and global actors (pipelines), over the whole cluster, and what it "
                        "means.",
                        texts.text(files[0])},
                       {"local_actors.csv", "Local actors",
                        "One row per local actor: its degree and betweenness within the buzz, its "
                        "pipelines and their strength and share, its role.",
                        texts.text(files[2])}};
        page.figures = {
            {"buzz", "Local buzz: the ties among local actors", figures.svg("buzz")},
            {"pipelines", "Global pipelines: the ties between local and global actors",
             figures.svg("pipelines")},
            {"position_map", "Firm roles: internal connectivity against external openness",
             figures.svg("position_map")},
            {"local_global", "Buzz and pipelines overlaid, partners merged by type",
             figures.svg("local_global")}};
        out.add(files.back()) << compare_report_html(page);
    }
    out.commit_all();
    return result;
}

void print_local_global(const LocalGlobalOutput& output, const scoring::LocalGlobalComparison& cmp,
                        const scoring::ScoredRelation& scored, std::ostream& out) {
    const auto& rows = output.rows;
    auto num = [](double v) {
        return std::isfinite(v) ? fmt::format("{:.4g}", v) : std::string("n/a");
    };
    out << fmt::format("local vs global ({} local, {} global actors)\n", cmp.local_actors,
                       cmp.global_actors);
    out << fmt::format("  {:<24}{:>12}{:>12}\n", "", "buzz", "pipelines");
    for (std::size_t k = 1; k < 8; ++k)
        out << fmt::format("  {:<24}{:>12}{:>12}\n", rows[k].metric, num(rows[k].local),
                           num(rows[k].global));
    out << fmt::format("  pipeline concentration (HHI) {}; gatekeeper dependence {}; lock-in {}\n",
                       num(cmp.pipeline_concentration), num(cmp.gatekeeper_dependence),
                       scored.cluster.lock_in.lock_in ? "YES" : "no");
    for (const auto& f : output.files) out << "wrote " << f << '\n';
}

}  // namespace clusterlens::app
