#include "src/cli/options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <ostream>

#include "graphs/attributes.hpp"
#include "graphs/error.hpp"

namespace clusterlens::cli {

// ---- whole numbers ----------------------------------------------------------------------------

std::optional<std::uint64_t> whole_number(const std::string& text, std::uint64_t min,
                                          std::uint64_t max) {
    if (text.empty() ||
        !std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
        return std::nullopt;
    std::uint64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || v < min || v > max)
        return std::nullopt;
    return v;
}

namespace detail {

std::uint64_t parse_count_token(const std::vector<std::string>& tokens, std::uint64_t min,
                                std::uint64_t max) {
    const std::string& text = po::validators::get_single_string(tokens);
    if (const auto v = whole_number(text, min, max)) return *v;
    // boost fills in the option's name (%canonical_option%) as the error passes through store()
    po::error_with_option_name e(fmt::format(
        "%canonical_option% takes a whole number from {} to {}; got '%value%'", min, max));
    e.set_substitute("value", text);
    throw e;
}

}  // namespace detail

namespace {
std::function<void(const po::options_description&)> g_options_listener;
}  // namespace

void set_options_listener(std::function<void(const po::options_description&)> listener) {
    g_options_listener = std::move(listener);
}

// ---- input ------------------------------------------------------------------------------------

po::options_description input_options(InputCli& c) {
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
        "max-errors", count_value(&c.max_errors, 1, 1000000)->default_value(20)->value_name("N"),
        "stop after N input errors");
    // The limits (README 'Limits'), one option each, from the table in graphs/limits.hpp.
    std::size_t count = 0;
    const LimitInfo* limits = limit_infos(count);
    for (std::size_t i = 0; i < count && i < c.limits.size(); ++i) {
        const auto& info = limits[i];
        const std::string help = std::string("limit: ") + info.help + " (default " +
                                 limit_text(InputLimits{}.*info.member, info) +
                                 "; suffixes K, M, G)";
        d.add_options()(info.option + 2, po::value(&c.limits[i])->value_name("N"), help.c_str());
    }
    return d;
}

namespace {
/// The multiplier of a K, M or G suffix: powers of 1024 for bytes, of 1000 for counts.
std::uint64_t suffix_scale(char suffix, const LimitInfo& info) {
    const std::uint64_t base = std::string(info.unit) == "bytes" ? 1024 : 1000;
    switch (std::toupper(static_cast<unsigned char>(suffix))) {
        case 'K':
            return base;
        case 'M':
            return base * base;
        case 'G':
            return base * base * base;
        default:
            return 0;
    }
}

/// A limit as the user wrote it: digits with an optional K, M or G; at least 1, at most 2^40
/// (2^32 - 1 for the line length, so that a byte column fits a position).
std::uint64_t parse_limit(const std::string& text, const LimitInfo& info) {
    const std::uint64_t most =
        info.limit == Limit::line_length ? 0xFFFFFFFFull : std::uint64_t{1} << 40;
    const auto refuse = [&]() {
        return UsageError(std::string(info.option) + " takes a whole number of " + info.unit +
                          " from 1 to " + std::to_string(most) + ", optionally with K, M or G (" +
                          (std::string(info.unit) == "bytes" ? "x1024" : "x1000") + "); got '" +
                          text + "'");
    };
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
    if (digits == 0 || digits > 13 || text.size() > digits + 1) throw refuse();
    std::uint64_t value = std::stoull(text.substr(0, digits));
    if (text.size() == digits + 1) {
        const auto scale = suffix_scale(text.back(), info);
        if (scale == 0) throw refuse();
        if (value > most / scale) throw refuse();
        value *= scale;
    }
    if (value == 0 || value > most) throw refuse();
    return value;
}
}  // namespace

std::string limit_text(std::uint64_t value, const LimitInfo& info) {
    const char* suffixes = "KMG";
    std::string suffix;
    for (int i = 3; i >= 1 && suffix.empty(); --i) {
        std::uint64_t scale = 1;
        for (int k = 0; k < i; ++k) scale *= suffix_scale('K', info);
        if (value >= scale && value % scale == 0) {
            value /= scale;
            suffix = std::string(1, suffixes[i - 1]);
        }
    }
    return std::to_string(value) + suffix;
}

LoadOptions load_options(const InputCli& c) {
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
    std::size_t count = 0;
    const LimitInfo* limits = limit_infos(count);
    for (std::size_t i = 0; i < count && i < c.limits.size(); ++i)
        if (!c.limits[i].empty()) o.limits.*limits[i].member = parse_limit(c.limits[i], limits[i]);
    return o;
}

bool parse(const std::vector<std::string>& args, po::options_description& visible, InputCli& c,
           po::variables_map& vm, const char* usage, const char* teaching, Streams io) {
    visible.add(input_options(c));
    po::options_description hidden;
    hidden.add_options()("input", po::value(&c.inputs)->multitoken());
    po::positional_options_description pos;
    pos.add("input", -1);
    po::options_description all;
    all.add(visible).add(hidden);
    if (g_options_listener) g_options_listener(all);
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    if (vm.count("help")) {
        io.out << usage << "\n\n" << visible << '\n' << teaching;
        return false;
    }
    po::notify(vm);
    return true;
}

std::vector<std::string> with_given_paths(std::vector<std::string> inputs, const InputCli& c) {
    inputs.insert(inputs.end(), c.inputs.begin(), c.inputs.end());
    if (!c.map_file.empty()) inputs.push_back(c.map_file);
    return inputs;
}

// ---- measure definitions --------------------------------------------------------------------

void add_centrality_options(po::options_description& d, scoring::CentralityOptions& o) {
    d.add_options()("weighted-paths", po::bool_switch(&o.weighted_paths),
                    "betweenness and closeness along paths of length 1/weight (default: binary "
                    "paths)")("closeness-samples",
                              count_value(&o.closeness_samples)->value_name("K"),
                              "estimate closeness from K random pivots (Eppstein & Wang 2004) "
                              "instead of all n; the bound and closeness_se go to the summary "
                              "and actors.csv");
}

void add_burt_options(po::options_description& d, scoring::BurtOptions& o) {
    d.add_options()("ego-model", po::bool_switch(&o.ego_model),
                    "Burt constraint within each ego network (UCINET's ego model) instead of the "
                    "whole network");
}

void add_brokerage_options(po::options_description& d, std::string& groups) {
    d.add_options()("groups", po::value(&groups)->default_value("locality")->value_name("ATTR"),
                    "partition for Gould-Fernandez brokerage: locality, part, type, group, stage "
                    "or any actor attribute; other than locality, also an E-I index on it "
                    "(ei_groups in actors.csv and summary.json)");
}

void add_tie_strength_options(po::options_description& d, scoring::TieStrengthOptions& o) {
    d.add_options()("strong-threshold", po::value(&o.strong_threshold)->value_name("W"),
                    "ties with weight >= W are strong (default: weight above the median)");
}

void add_typology_options(po::options_description& d, scoring::TypologyOptions& o) {
    d.add_options()(
        "internal-threshold", po::value(&o.internal_threshold)->value_name("X"),
        "typology: high internal connectivity from X local contacts (default: the firms' mean)")(
        "external-threshold", po::value(&o.external_threshold)->value_name("X"),
        "typology: high external openness from X outside strength (default: the firms' mean)");
}

void add_learning_capacity_options(po::options_description& d, std::string& weights) {
    d.add_options()("lc-weights", po::value(&weights)->value_name("a,b,c,d|fitted:COL"),
                    "learning-capacity weights for centrality, size, openness, tie strength "
                    "(default 0.25 each), or fitted:COL to estimate them from the numeric actor "
                    "attribute COL (standardised OLS coefficients scaled to sum 1 in absolute "
                    "value; negative ones kept and reported)");
}

po::options_description measure_options(scoring::ScoreOptions& so, MeasureCli& m) {
    po::options_description d("measure definitions (the same in score, render and compare)");
    add_centrality_options(d, so.centrality);
    add_burt_options(d, so.burt);
    add_brokerage_options(d, so.groups);
    add_tie_strength_options(d, so.ties);
    add_typology_options(d, so.typology);
    add_learning_capacity_options(d, m.lc_weights);
    return d;
}

namespace {

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

}  // namespace

void apply_measures(const MeasureCli& m, scoring::ScoreOptions& so) {
    if (m.lc_weights.rfind("fitted:", 0) == 0) {
        so.learning_capacity.fitted_outcome = m.lc_weights.substr(7);
        if (so.learning_capacity.fitted_outcome.empty())
            throw UsageError(
                "--lc-weights fitted: needs the outcome column after the colon, e.g. "
                "fitted:patents");
    } else if (!m.lc_weights.empty()) {
        const auto w = parse_weights(m.lc_weights);
        so.learning_capacity = {w[0], w[1], w[2], w[3], {}};
    }
}

std::vector<std::string> measure_options_given(const po::variables_map& vm) {
    std::vector<std::string> given;
    for (const char* name :
         {"weighted-paths", "closeness-samples", "ego-model", "groups", "strong-threshold",
          "internal-threshold", "external-threshold", "lc-weights", "lockin-ei", "lockin-pipelines",
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

po::options_description community_options(CommunityCli& c, bool method_default) {
    po::options_description d("community detection (cohesive subgroups)");
    auto* method = po::value(&c.method)->value_name("METHOD");
    if (method_default) method->default_value("leiden");
    d.add_options()("communities", method,
                    "detect communities: leiden (modularity objective), louvain, infomap, "
                    "walktrap or label_propagation; each actor's `community` (1 = the largest) "
                    "and, in score and communities, the table communities.csv")(
        "resolution", po::value(&c.resolution)->default_value(1.0)->value_name("G"),
        "modularity resolution for leiden and louvain (> 1: smaller communities)")(
        "runs", count_value(&c.runs, 1, 100000)->default_value(10)->value_name("R"),
        "runs with seeds S..S+R-1; the best by modularity is kept and the agreement between "
        "runs reported (community_stability)");
    return d;
}

std::optional<scoring::CommunityOptions> community_from(const CommunityCli& c, std::uint64_t seed) {
    if (c.method.empty()) {
        // --runs or --resolution changed from their defaults without a method would do nothing.
        if (c.runs != 10 || c.resolution != 1)
            throw UsageError(std::string(c.runs != 10 ? "--runs" : "--resolution") +
                             " needs --communities METHOD (e.g. --communities leiden)");
        return std::nullopt;
    }
    static const std::vector<std::string> methods = {"leiden", "louvain", "infomap", "walktrap",
                                                     "label_propagation"};
    if (std::find(methods.begin(), methods.end(), c.method) == methods.end())
        throw UsageError(
            "--communities takes leiden, louvain, infomap, walktrap or "
            "label_propagation; got '" +
            c.method + "'");
    if (!(c.resolution > 0) || !std::isfinite(c.resolution))
        throw UsageError(fmt::format(
            "--resolution takes a number > 0 (1 = Newman's modularity); got {}", c.resolution));
    if (c.resolution != 1 && c.method != "leiden" && c.method != "louvain")
        throw UsageError("--resolution applies to leiden and louvain only; " + c.method +
                         " optimises its own objective (leave --resolution out)");
    scoring::CommunityOptions o;
    o.method = c.method;
    o.resolution = c.resolution;
    o.runs = c.runs;
    o.seed = seed;
    return o;
}

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
        "lockin-min", count_value(&o.min_fired, 0, 4)->default_value(2)->value_name("K"),
        "lock-in flag when at least K indicators fire");
    return d;
}

// ---- figures --------------------------------------------------------------------------------

po::options_description figure_options(FigureCli& f, bool compare) {
    po::options_description d(compare ? "figure options (every figure the command writes)"
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

std::string command_line(const std::string& command, const std::vector<std::string>& args) {
    std::string s = "clusterlens " + command;
    for (const auto& a : args)
        s += ' ' + (a.find_first_of(" \t\"'") == std::string::npos ? a : "\"" + a + "\"");
    return s;
}

std::string network_title(const std::string& input) {
    namespace fs = std::filesystem;
    fs::path p = fs::path(input).lexically_normal();
    if (p.filename().empty()) p = p.parent_path();
    for (int k = 0; k < 3 && !p.empty(); ++k) {
        const auto stem = p.stem().string();
        if (stem != "data" && stem != "network" && stem != "." && !stem.empty()) return stem;
        p = p.parent_path();
    }
    return input;
}

}  // namespace clusterlens::cli
