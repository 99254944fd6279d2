#include "src/cli/qap_outputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

#include "graphs/atomic_file.hpp"
#include "graphs/attributes.hpp"
#include "graphs/write.hpp"

namespace clusterlens::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string cell(double v) { return std::isfinite(v) ? format_number(v) : std::string(); }
Json number(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

std::string method_name(const QapRun& q, bool correlation) {
    if (correlation) return "qap_correlation";
    return q.options.method == scoring::MrqapMethod::y_permutation
               ? "mrqap_y_permutation"
               : "mrqap_double_semi_partialling";
}

std::string method_text(const QapRun& q, bool correlation) {
    if (correlation) return "QAP correlation (Pearson over the dyads, as sna::gcor)";
    return q.options.method == scoring::MrqapMethod::y_permutation
               ? "MRQAP, t of each term tested by permuting Y (sna::netlm qapy)"
               : "MRQAP, t of each term tested by double semi-partialling (Dekker, Krackhardt "
                 "& Snijders 2007; sna::netlm qapspp)";
}

Json p_json(const scoring::PermutationP& p) {
    return {{"p_two_sided", number(p.two_sided)},
            {"p_greater", number(p.greater)},
            {"p_less", number(p.less)}};
}

Json summary_of(const QapRun& q, bool correlation, const scoring::PermutationRun& run) {
    const auto& s = q.set;
    Json j;
    j["method"] = method_name(q, correlation);
    j["outcome"] = s.data.outcome;
    j["predictors"] = s.data.predictors.names;
    j["directed"] = s.data.directed;
    j["dyads_kind"] = s.data.directed ? "ordered pairs i->j, i != j (all n(n-1))"
                                      : "unordered pairs {i,j}, i != j (n(n-1)/2; sna mode=graph)";
    j["values"] = q.build.binary ? "binary" : "valued";
    j["actors_given"] = s.actors_given;
    j["actors_used"] = s.data.actors;
    Json left = Json::array();
    for (std::size_t k = 0; k < s.dropped_actors.size(); ++k)
        left.push_back({{"id", s.dropped_actors[k]}, {"missing", s.dropped_because[k]}});
    j["actors_left_out"] = left;
    j["dyads_used"] = s.data.y.size();
    j["dyads_dropped"] = s.dyads_dropped;
    if (!s.matching.empty()) {
        j["matching"] = s.matching;
        j["actors_only_in_a"] = s.only_in_a;
        j["actors_only_in_b"] = s.only_in_b;
    }
    j["permutations"] = run.permutations;
    j["permutations_asked"] = q.options.permutations;
    j["exact"] = run.exact;
    j["seed"] = q.options.seed;
    j["p_convention"] =
        "plain shares of the relabellings (no +1): p_two_sided |s*| >= |s|, p_greater s* >= s, "
        "p_less s* <= s, s = r or the term's t (compared as r or t/sqrt(t^2+df) within 1e-12); "
        "exact: all n! relabellings, the identity included";
    return j;
}

}  // namespace

std::string p_text(double p, std::uint64_t permutations) {
    if (!std::isfinite(p)) return "-";
    if (p == 0 && permutations > 0)
        return fmt::format("< {:.4g}", 1.0 / static_cast<double>(permutations));
    return fmt::format("{:.4f}", p);
}

int run_qap(const QapRun& q, Streams io) {
    namespace fs = std::filesystem;
    const auto& s = q.set;
    const bool correlation = s.data.predictors.columns.size() == 1;
    scoring::QapCorrelation cor;
    scoring::Mrqap reg;
    if (correlation)
        cor = scoring::qap_correlation(s.data, q.options);
    else
        reg = scoring::mrqap(s.data, q.options);
    const auto& run = correlation ? cor.run : reg.run;

    const std::vector<std::string> files = {(fs::path(q.out_dir) / "qap.csv").string(),
                                            (fs::path(q.out_dir) / "summary.json").string()};
    OutputSet out(q.inputs);
    out.refuse_inputs(files);
    create_output_folder(q.out_dir);
    auto& csv = out.add(files[0]);
    auto json = summary_of(q, correlation, run);
    Json results = Json::array();
    if (correlation) {
        csv << "term,r,p_two_sided,p_greater,p_less\n";
        csv << csv_text_cell(cor.x) << ',' << cell(cor.r) << ',' << cell(cor.p.two_sided) << ','
            << cell(cor.p.greater) << ',' << cell(cor.p.less) << '\n';
        Json r = {{"term", cor.x}, {"r", number(cor.r)}};
        r.update(p_json(cor.p));
        results.push_back(r);
    } else {
        csv << "term,coefficient,beta,se,t,p_two_sided,p_greater,p_less\n";
        for (const auto& t : reg.terms) {
            csv << csv_text_cell(t.name) << ',' << cell(t.coef) << ',' << cell(t.beta) << ','
                << cell(t.se) << ',' << cell(t.t) << ',' << cell(t.p.two_sided) << ','
                << cell(t.p.greater) << ',' << cell(t.p.less) << '\n';
            Json r = {{"term", t.name},
                      {"coefficient", number(t.coef)},
                      {"beta", number(t.beta)},
                      {"se", number(t.se)},
                      {"t", number(t.t)}};
            r.update(p_json(t.p));
            results.push_back(r);
        }
        json["r2"] = number(reg.r2);
        json["adj_r2"] = number(reg.adj_r2);
        json["sigma"] = number(reg.sigma);
        json["df"] = reg.df;
    }
    json["results"] = results;
    json["files"] = "qap.csv, summary.json";
    out.add(files[1]) << json.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
    out.commit_all();

    // The report.
    auto& o = io.out;
    o << fmt::format("qap: {} on {}\n", s.data.outcome, fmt::join(s.data.predictors.names, ", "));
    o << fmt::format("  {} actors, {} {} dyads ({}), {}\n", s.data.actors, s.data.y.size(),
                     s.data.directed ? "ordered" : "unordered",
                     s.data.directed ? "directed: every i->j" : "undirected: every pair once",
                     q.build.binary ? "0/1 ties" : "tie weights (0 = no tie)");
    if (!s.matching.empty())
        o << fmt::format("  {}; left out: {} actor(s) only in A, {} only in B\n", s.matching,
                         s.only_in_a, s.only_in_b);
    if (!s.dropped_actors.empty()) {
        std::string some;
        for (std::size_t k = 0; k < s.dropped_actors.size() && k < 5; ++k)
            some += (k ? ", " : "") + s.dropped_actors[k] + " (" + s.dropped_because[k] + ")";
        if (s.dropped_actors.size() > 5)
            some += fmt::format(" and {} more", s.dropped_actors.size() - 5);
        o << fmt::format(
            "  left out: {} actor(s) with a missing covariate value, {} dyads "
            "dropped: {}\n",
            s.dropped_actors.size(), s.dyads_dropped, some);
    }
    o << "  " << method_text(q, correlation) << '\n';
    if (run.permutations == 0)
        o << "  no permutation test (--permutations 0)\n";
    else if (run.exact)
        o << fmt::format(
            "  exact: all {} relabellings of the {} actors (n! <= --permutations {})\n",
            run.permutations, s.data.actors, q.options.permutations);
    else
        o << fmt::format("  {} random relabellings, seed {}\n", run.permutations, q.options.seed);
    std::size_t width = 4;
    for (const auto& n : s.data.predictors.names) width = std::max(width, n.size());
    if (!correlation) width = std::max<std::size_t>(width, 11);
    const auto p3 = [&](const scoring::PermutationP& p) {
        return fmt::format("{:>12} {:>10} {:>10}", p_text(p.two_sided, run.permutations),
                           p_text(p.greater, run.permutations), p_text(p.less, run.permutations));
    };
    auto num = [](double v) { return std::isfinite(v) ? fmt::format("{:.4g}", v) : "-"; };
    if (correlation) {
        o << fmt::format("  {:<{}} {:>10} {:>12} {:>10} {:>10}\n", "term", width, "r",
                         "p_two_sided", "p_greater", "p_less");
        o << fmt::format("  {:<{}} {:>10} {}\n", cor.x, width, num(cor.r), p3(cor.p));
    } else {
        o << fmt::format("  {:<{}} {:>11} {:>10} {:>10} {:>9} {:>12} {:>10} {:>10}\n", "term",
                         width, "coefficient", "beta", "se", "t", "p_two_sided", "p_greater",
                         "p_less");
        for (const auto& t : reg.terms)
            o << fmt::format("  {:<{}} {:>11} {:>10} {:>10} {:>9} {}\n", t.name, width, num(t.coef),
                             num(t.beta), num(t.se), num(t.t), p3(t.p));
        o << fmt::format("  R² {}, adjusted R² {}, {} residual df\n", num(reg.r2), num(reg.adj_r2),
                         reg.df);
    }
    o << fmt::format(
        "  settings: --permutations {}{}, --seed {}{}{}, values {}\n", q.options.permutations,
        q.permutations_given ? "" : " (default)", q.options.seed, q.seed_given ? "" : " (default)",
        correlation
            ? ""
            : fmt::format(", --method {}{}",
                          q.options.method == scoring::MrqapMethod::y_permutation ? "y" : "dsp",
                          q.method_given ? "" : " (default)"),
        q.build.binary ? "0/1 (--binary)" : "tie weights (default; --binary for 0/1)");
    o << "  p_two_sided: share of relabellings at least as far from 0; p_greater / p_less: at "
         "least as large / small\n";
    for (const auto& f : files) o << "wrote " << f << '\n';
    return 0;
}

}  // namespace clusterlens::cli
