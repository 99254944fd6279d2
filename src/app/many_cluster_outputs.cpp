#include "src/app/many_cluster_outputs.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

#include "clusterlens/version.hpp"
#include "graphs/atomic_file.hpp"
#include "graphs/error.hpp"
#include "graphs/write.hpp"
#include "src/app/compare_report.hpp"
#include "src/app/tables.hpp"
#include "src/compare/two_networks.hpp"

namespace clusterlens::app {
namespace {

/// Local versus global linkage of every cluster (Bathelt et al. 2004): pipelines per local
/// actor (global linkage) x density among local actors (buzz), lines at the clusters' means.
render::QuadrantChart linkage_chart(const scoring::ManyClusters& many) {
    const auto px = scoring::compared_metric_index("pipelines_per_local_actor"),
               py = scoring::compared_metric_index("local_density");
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
    return q;
}

/// The cluster patterns (Lin, Chen & Chen 2018): mean ability x mean trigger, lines at the
/// thresholds.
render::QuadrantChart patterns_chart(const scoring::ManyClusters& many,
                                     const std::vector<std::string>& ability_columns,
                                     const std::vector<std::string>& trigger_columns) {
    render::QuadrantChart q;
    q.title = "Cluster patterns: ability x trigger (Lin, Chen & Chen 2018)";
    q.x_name = "ability (mean of " + fmt::format("{}", fmt::join(ability_columns, ", ")) + ")";
    q.y_name = "trigger (mean of " + fmt::format("{}", fmt::join(trigger_columns, ", ")) + ")";
    q.x_threshold = many.ability_threshold;
    q.y_threshold = many.trigger_threshold;
    q.top_right = "I sustainable development";
    q.bottom_right = "II ability-oriented";
    q.bottom_left = "III newborn";
    q.top_left = "IV leader-oriented";
    for (const auto& row : many.rows) q.points.push_back({row.name, row.ability, row.trigger});
    return q;
}

}  // namespace

std::vector<std::string> cluster_names(const std::vector<std::string>& paths) {
    namespace fs = std::filesystem;
    std::vector<std::string> names;
    for (const auto& in : paths) {
        auto name = fs::path(in).filename().string();
        if (name.empty()) name = fs::path(in).parent_path().filename().string();
        names.push_back(name);
    }
    for (std::size_t i = 0; i < names.size(); ++i)
        for (std::size_t k = 0; k < i; ++k)
            if (names[i] == names[k]) names[i] = paths[i];  // same folder name: the full path
    return names;
}

std::vector<std::string> write_many_clusters(const scoring::ManyClusters& many,
                                             const std::vector<std::string>& ability_columns,
                                             const std::vector<std::string>& trigger_columns,
                                             const std::string& out_dir,
                                             const FigureOptions& figure_options,
                                             const std::vector<std::string>& inputs) {
    namespace fs = std::filesystem;
    FigureSet figures(out_dir, figure_options);
    std::vector<std::string> files = {(fs::path(out_dir) / "clusters.csv").string(),
                                      (fs::path(out_dir) / "clusters.json").string()};
    for (const auto& f : figures.paths({"linkage"})) files.push_back(f);
    if (many.patterns)
        for (const auto& f : figures.paths({"patterns"})) files.push_back(f);
    if (figure_options.report.wanted) files.push_back(report_path(out_dir));
    OutputSet out(inputs);
    out.refuse_inputs(files);
    const auto& page = figure_options.page;
    {
        const auto q = linkage_chart(many);
        figures.add("linkage", [&](const std::string& format) {
            return render::render_quadrant_chart(q, format, page);
        });
    }
    if (many.patterns) {
        const auto q = patterns_chart(many, ability_columns, trigger_columns);
        figures.add("patterns", [&](const std::string& format) {
            return render::render_quadrant_chart(q, format, page);
        });
    }
    create_output_folder(out_dir);
    TextSet texts;
    auto& csv = texts.add(files[0]);
    auto& json = texts.add(files[1]);
    csv << "cluster";
    for (const auto& [metric, pointer] : scoring::compared_metrics()) csv << ',' << metric;
    if (many.patterns) csv << ",ability,trigger,pattern";
    csv << '\n';
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& row : many.rows) {
        csv << csv_text_cell(row.name);
        nlohmann::ordered_json jr = {{"cluster", row.name}};
        for (std::size_t k = 0; k < row.values.size(); ++k) {
            csv << ',' << csv_number(row.values[k]);
            jr[scoring::compared_metrics()[k].name] = json_number(row.values[k]);
        }
        if (many.patterns) {
            csv << ',' << csv_number(row.ability) << ',' << csv_number(row.trigger) << ','
                << csv_text_cell(row.pattern);
            jr["ability"] = json_number(row.ability);
            jr["trigger"] = json_number(row.trigger);
            jr["pattern"] = row.pattern;
        }
        csv << '\n';
        rows.push_back(jr);
    }
    nlohmann::ordered_json j = {{"clusterlens_version", kVersion}, {"clusters", rows}};
    if (many.patterns)
        j["patterns"] = {
            {"ability_columns", ability_columns},
            {"trigger_columns", trigger_columns},
            {"ability_threshold", json_number(many.ability_threshold)},
            {"trigger_threshold", json_number(many.trigger_threshold)},
            {"thresholds",
             many.thresholds_are_means ? "mean over the compared clusters (default)" : "given"},
            {"source",
             "Lin, Chen & Chen (2018): I high/high, II high ability, III low/low, IV "
             "high trigger"}};
    else
        j["patterns"] = "not classified: no [patterns] ability/trigger columns in the mapping";
    json << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    texts.stage(out);
    figures.stage(out);
    if (figure_options.report.wanted) {
        auto rp = report_page(CompareKind::many_clusters, figure_options.report, j);
        rp.tables = {{"clusters.csv", "The clusters, measure by measure",
                      "One row per cluster with its headline measures.", texts.text(files[0])}};
        rp.figures = {{"linkage",
                       "Each cluster by its pipelines per local actor (global linkage) and the "
                       "density among its local actors (buzz)",
                       figures.svg("linkage")}};
        if (many.patterns)
            rp.figures.push_back({"patterns",
                                  "Learning patterns: each cluster by its mean ability and "
                                  "trigger (Lin, Chen & Chen 2018)",
                                  figures.svg("patterns")});
        out.add(files.back()) << compare_report_html(rp);
    }
    out.commit_all();
    return files;
}

void print_many_clusters(const scoring::ManyClusters& many, const std::vector<std::string>& files,
                         std::ostream& out) {
    auto num = [](double v) {
        return std::isfinite(v) ? fmt::format("{:.3g}", v) : std::string("n/a");
    };
    auto count = [](double v) {
        return std::isfinite(v) ? fmt::format("{:.0f}", v) : std::string("n/a");
    };
    out << fmt::format("{:<16}{:>8}{:>8}{:>10}{:>10}{:>8}  {}\n", "cluster", "actors", "ties",
                       "openness", "pipelines", "lock-in", many.patterns ? "pattern" : "");
    using scoring::compared_metric_index;
    const auto actors = compared_metric_index("actors"), ties = compared_metric_index("ties"),
               openness = compared_metric_index("cluster_openness_local_ei"),
               pipelines = compared_metric_index("pipelines"),
               lock_in = compared_metric_index("lock_in_flag");
    for (const auto& row : many.rows)
        out << fmt::format("{:<16}{:>8}{:>8}{:>10}{:>10}{:>8}  {}\n", row.name,
                           count(row.values[actors]), count(row.values[ties]),
                           num(row.values[openness]), count(row.values[pipelines]),
                           row.values[lock_in] > 0 ? "YES" : "no", row.pattern);
    if (many.patterns)
        out << fmt::format("pattern thresholds: ability {}, trigger {} ({})\n",
                           num(many.ability_threshold), num(many.trigger_threshold),
                           many.thresholds_are_means ? "means over the clusters" : "given");
    for (const auto& f : files) out << "wrote " << f << '\n';
}

}  // namespace clusterlens::app
