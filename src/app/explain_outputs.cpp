#include "src/app/explain_outputs.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

#include "clusterlens/version.hpp"
#include "graphs/actor_values.hpp"
#include "graphs/atomic_file.hpp"
#include "graphs/write.hpp"
#include "render/explain_chart.hpp"
#include "src/app/tables.hpp"

namespace clusterlens::app {
namespace {

using scoring::PermutationMethod;

/// 10000 as "10,000".
std::string grouped(std::size_t v) {
    std::string digits = std::to_string(v), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string method_text(PermutationMethod m, bool given) {
    const char* d = given ? "" : "default; ";
    return m == PermutationMethod::outcome
               ? fmt::format(
                     "outcome ({}the outcome permuted against the fixed predictors, as "
                     "UCINET)",
                     d)
               : fmt::format(
                     "freedman-lane ({}residuals of the model without the term "
                     "permuted; controls held fixed)",
                     d);
}

constexpr const char* kPValues =
    "share of the permutations whose t-statistic is at least as extreme as the observed one "
    "(two-sided: |t*| >= |t|; greater: t* >= t; less: t* <= t), count / permutations with no "
    "+1, comparisons within a relative 1e-12; 0 means below 1/permutations";

constexpr const char* kNullBand =
    "2.5 % and 97.5 % quantiles (R type 7) of the standardised coefficient over the "
    "permutations";

nlohmann::ordered_json coefficients_json(const ExplainRun& run) {
    const auto& ols = run.fit.ols;
    auto out = nlohmann::ordered_json::array();
    for (std::size_t j = 0; j < ols.names.size(); ++j) {
        nlohmann::ordered_json c = {{"term", ols.names[j]},
                                    {"b", json_number(ols.coef[j])},
                                    {"beta", json_number(ols.beta[j])},
                                    {"se_naive", json_number(ols.se[j])},
                                    {"t", json_number(ols.t[j])}};
        if (j > 0) {
            const auto& t = run.fit.tests[j - 1];
            c["p_two_sided"] = json_number(t.p_two_sided);
            c["p_greater"] = json_number(t.p_greater);
            c["p_less"] = json_number(t.p_less);
            c["null_beta_lo"] = json_number(t.null_beta_lo);
            c["null_beta_hi"] = json_number(t.null_beta_hi);
        }
        out.push_back(std::move(c));
    }
    return out;
}

nlohmann::ordered_json summary_json(const Network& scored, const ExplainRun& run) {
    const auto& d = run.data;
    const auto& f = run.fit;
    std::vector<std::string> predictors;
    for (const auto& p : d.predictors) predictors.push_back(p.name);
    auto refs = nlohmann::ordered_json::array();
    for (const auto& r : d.references)
        refs.push_back({{"predictor", r.predictor},
                        {"reference", r.level},
                        {"actors", r.actors},
                        {"dummies", r.others},
                        {"rule",
                         "the most frequent level among the actors used (ties: "
                         "alphabetical)"}});
    auto dropped = nlohmann::ordered_json::array();
    for (const auto& x : d.dropped) dropped.push_back({{"reason", x.reason}, {"actors", x.count}});
    return {{"clusterlens_version", kVersion},
            {"inputs", run.inputs},
            {"relation", run.relation},
            {"outcome", d.outcome.name},
            {"predictors", predictors},
            {"predictors_default", run.default_predictors},
            {"terms", d.design.names},
            {"reference_levels", refs},
            {"actors", scored.actor_count()},
            {"n", f.ols.n},
            {"df", f.ols.df},
            {"dropped", {{"actors", d.dropped_total}, {"reasons", dropped}}},
            {"r2", json_number(f.ols.r2)},
            {"adj_r2", json_number(f.ols.adj_r2)},
            {"sigma", json_number(f.ols.sigma)},
            {"method", scoring::to_string(f.method)},
            {"permutations", f.permutations},
            {"exact", f.exact},
            {"seed", f.seed},
            {"statistic", "t = b / se, the naive (independence-assuming) t, as the test statistic"},
            {"p_values", kPValues},
            {"null_band", kNullBand},
            {"se_naive", "classical OLS standard errors, which assume independent actors"},
            {"coefficients", coefficients_json(run)}};
}

/// The figure: each term's β on its null band with its two-sided p, and the outcome against
/// the numeric predictor with the largest |β| (none when no predictor is numeric).
/// Points are labelled when there are at most 20 (by --label-by, else the label, else the id).
render::ExplainChart explain_chart(const Network& scored, const ExplainRun& run,
                                   const std::string& label_by) {
    const auto& d = run.data;
    const auto& f = run.fit;
    render::ExplainChart chart;
    chart.title = "What goes with " + d.outcome.name + ": network position";
    std::string dropped =
        d.dropped_total == 0 ? "none dropped" : fmt::format("{} dropped", d.dropped_total);
    if (d.dropped.size() == 1) dropped += ": " + d.dropped.front().reason;
    chart.note = fmt::format("OLS, n = {} of {} actors ({}); R² {:.3f}; ", f.ols.n,
                             scored.actor_count(), dropped, f.ols.r2);
    if (f.permutations == 0)
        chart.note += "no permutation test";
    else
        chart.note +=
            fmt::format("{}{} permutations ({}), seed {}; bands: the middle 95 % of the permuted β",
                        f.exact ? "all " : "", grouped(f.permutations),
                        f.method == PermutationMethod::outcome ? "of the outcome"
                                                               : "Freedman–Lane, of the residuals",
                        f.seed);
    for (std::size_t j = 1; j < f.ols.names.size(); ++j) {
        const auto& t = f.tests[j - 1];
        render::ExplainChart::Term term{f.ols.names[j], f.ols.beta[j], t.null_beta_lo,
                                        t.null_beta_hi, t.p_two_sided, false};
        if (t.p_two_sided == 0) {
            // Our p is count / R, 0 here; the chart writes its floor as "p < X" from a p just
            // under 1/R (1/(R + 1) -> "p < 0.0001" at R = 10,000), which is what 0 means.
            term.p = 1.0 / (static_cast<double>(f.permutations) + 1.0);
            term.p_at_floor = true;
        }
        chart.terms.push_back(term);
    }
    // The strongest position measure: the numeric predictor with the largest |β|.
    const scoring::RegressionVariable* best = nullptr;
    double best_beta = -1;
    for (const auto& p : d.predictors) {
        if (p.categorical) continue;
        for (std::size_t j = 1; j < f.ols.names.size(); ++j)
            if (f.ols.names[j] == p.name && std::abs(f.ols.beta[j]) > best_beta)
                best = &p, best_beta = std::abs(f.ols.beta[j]);
    }
    if (best == nullptr) return chart;
    chart.x_title = best->name;
    chart.y_title = d.outcome.name;
    std::vector<std::string> names(scored.actor_count());
    if (d.rows.size() <= 20) {
        if (!label_by.empty()) names = texts_of(scored, label_by, "--label-by");
        for (std::size_t i = 0; i < names.size(); ++i)
            if (label_by.empty())
                names[i] =
                    scored.actor(i).label.empty() ? scored.actor(i).id : scored.actor(i).label;
    }
    for (const auto i : d.rows)
        chart.points.push_back({best->numbers[i], d.outcome.numbers[i],
                                std::string(to_string(scored.actor(i).part)), names[i]});
    return chart;
}

}  // namespace

std::string p_text(double p, std::size_t permutations) {
    if (!std::isfinite(p)) return "";
    if (p == 0) return "< " + format_number(1.0 / static_cast<double>(permutations));
    return fmt::format("{:.4g}", p);
}

std::string timing_line(const ExplainRun& run) {
    const auto& f = run.fit;
    return fmt::format("timing: permutations: {} in {:.2f} s on {} thread{}\n",
                       grouped(f.permutations), run.seconds, f.threads, f.threads == 1 ? "" : "s");
}

std::vector<std::string> write_explain(const Network& scored, const ExplainRun& run,
                                       const std::string& out_dir,
                                       const FigureOptions& figure_options) {
    namespace fs = std::filesystem;
    FigureSet figures(out_dir, figure_options);
    std::vector<std::string> files = {(fs::path(out_dir) / "coefficients.csv").string(),
                                      (fs::path(out_dir) / "explain_actors.csv").string(),
                                      (fs::path(out_dir) / "summary.json").string()};
    for (const auto& f : figures.paths({"explain"})) files.push_back(f);
    OutputSet out(run.inputs);
    out.refuse_inputs(files);
    const auto chart = explain_chart(scored, run, figure_options.label_by);
    figures.add("explain", [&](const std::string& format) {
        return render::render_explain_chart(chart, format, figure_options.page);
    });
    create_output_folder(out_dir);
    const auto& d = run.data;
    const auto& ols = run.fit.ols;

    auto& c = out.add(files[0]);
    c << "term,b,beta,se_naive,t,p_two_sided,p_greater,p_less,null_beta_lo,null_beta_hi\n";
    for (std::size_t j = 0; j < ols.names.size(); ++j) {
        c << csv_text_cell(ols.names[j]) << ',' << csv_number(ols.coef[j]) << ','
          << csv_number(ols.beta[j]) << ',' << csv_number(ols.se[j]) << ',' << csv_number(ols.t[j]);
        if (j == 0) {
            c << ",,,,,\n";
            continue;
        }
        const auto& t = run.fit.tests[j - 1];
        c << ',' << csv_number(t.p_two_sided) << ',' << csv_number(t.p_greater) << ','
          << csv_number(t.p_less) << ',' << csv_number(t.null_beta_lo) << ','
          << csv_number(t.null_beta_hi) << '\n';
    }

    auto& a = out.add(files[1]);
    a << "id,label,part," << csv_text_cell(d.outcome.name);
    for (const auto& p : d.predictors)
        if (p.name != "part") a << ',' << csv_text_cell(p.name);
    a << ",fitted,residual,used,reason\n";
    std::vector<double> fitted(scored.actor_count(), std::nan(""));
    for (std::size_t r = 0; r < d.rows.size(); ++r) fitted[d.rows[r]] = ols.fitted[r];
    for (std::size_t i = 0; i < scored.actor_count(); ++i) {
        const auto& x = scored.actor(i);
        a << csv_text_cell(x.id) << ',' << csv_text_cell(x.label) << ',' << to_string(x.part) << ','
          << csv_number(d.outcome.numbers[i]);
        for (const auto& p : d.predictors) {
            if (p.name == "part") continue;
            a << ',' << (p.categorical ? csv_text_cell(p.levels[i]) : csv_number(p.numbers[i]));
        }
        const bool used = d.reasons[i].empty();
        a << ',' << csv_number(fitted[i]) << ','
          << csv_number(used ? d.outcome.numbers[i] - fitted[i] : std::nan("")) << ','
          << (used ? "yes" : "no") << ',' << csv_text_cell(d.reasons[i]) << '\n';
    }
    out.add(files[2]) << summary_json(scored, run)
                             .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                      << '\n';
    figures.stage(out);
    out.commit_all();
    return files;
}

void print_explain(const ExplainRun& run, const std::vector<std::string>& files,
                   std::ostream& out) {
    const auto& d = run.data;
    const auto& f = run.fit;
    std::vector<std::string> names;
    for (const auto& p : d.predictors) names.push_back(p.name);
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    out << fmt::format("explain: {} on {}{}\n", d.outcome.name, list,
                       run.default_predictors ? " (default: the four dimensions of learning "
                                                "capacity; --predictors to choose)"
                                              : "");
    out << fmt::format("actors: {} used of {}", f.ols.n, d.reasons.size());
    if (d.dropped_total == 0)
        out << ", none dropped\n";
    else {
        out << fmt::format(", {} dropped (listwise):\n", d.dropped_total);
        for (const auto& x : d.dropped) out << fmt::format("  {} dropped: {}\n", x.count, x.reason);
    }
    for (const auto& r : d.references) {
        std::string dummies;
        for (const auto& o : r.others)
            dummies += (dummies.empty() ? "" : ", ") + r.predictor + "=" + o;
        out << fmt::format(
            "reference level of {}: {} ({} actors, the most frequent); dummies: {}\n", r.predictor,
            r.level, r.actors, dummies);
    }
    out << fmt::format("R2 {:.4f}, adjusted R2 {:.4f}, n {}, residual df {}\n", f.ols.r2,
                       f.ols.adj_r2, f.ols.n, f.ols.df);
    if (f.permutations == 0)
        out << "permutation test: none (--permutations 0)\n";
    else {
        const char* dflt = " (default)";
        std::string count = grouped(f.permutations) + " permutations";
        if (f.exact)
            count = fmt::format(
                "all {} permutations (exact: every ordering of the {} actors, "
                "since {}! <= --permutations)",
                grouped(f.permutations), f.ols.n, f.ols.n);
        else if (!run.given.permutations)
            count += dflt;
        out << fmt::format("permutation test: method {}; {}; seed {}{}; statistic t\n",
                           method_text(f.method, run.given.method), count, f.seed,
                           f.exact          ? " (not needed: exact)"
                           : run.given.seed ? ""
                                            : dflt);
    }
    out << fmt::format("{:<28} {:>11} {:>8} {:>11} {:>8} {:>10} {:>10} {:>10}  {}\n", "term", "b",
                       "beta", "se(naive)", "t(naive)", "p 2-sided", "p greater", "p less",
                       "null beta 95%");
    for (std::size_t j = 0; j < f.ols.names.size(); ++j) {
        std::string tail;
        std::string p2, pg, pl;
        if (j > 0 && f.permutations > 0) {
            const auto& t = f.tests[j - 1];
            p2 = p_text(t.p_two_sided, f.permutations);
            pg = p_text(t.p_greater, f.permutations);
            pl = p_text(t.p_less, f.permutations);
            tail = fmt::format("[{:.3f}, {:.3f}]", t.null_beta_lo, t.null_beta_hi);
        }
        out << fmt::format("{:<28} {:>11.4g} {:>8} {:>11.4g} {:>8.3f} {:>10} {:>10} {:>10}  {}\n",
                           f.ols.names[j], f.ols.coef[j],
                           j == 0 ? std::string("") : fmt::format("{:.3f}", f.ols.beta[j]),
                           f.ols.se[j], f.ols.t[j], p2, pg, pl, tail);
    }
    out << "se and t are the classical ones, which assume independent actors; the p-values are "
           "the permutation test's\n";
    for (const auto& file : files) out << "wrote " << file << '\n';
}

}  // namespace clusterlens::app
