#include "graphs/assemble.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <unordered_map>

#include "graphs/assemble_actors.hpp"
#include "graphs/limits.hpp"
#include "graphs/text_input.hpp"
namespace clusterlens {
namespace {
using assembly::list_columns;
using assembly::resolve;

/// Moves the columns not used by the model into typed attribute columns (numbers when every
/// non-empty cell is a number, else text), keeping only `rows` in that order. A cell of spaces
/// only is empty. Every row gets a value for every column, so the cells are held to the
/// attribute_cells limit first.
void keep_extra_columns(const RawTable& table, const std::vector<int>& used,
                        const std::vector<std::size_t>& rows, AttributeTable& out) {
    const auto blank = [](const std::string& cell) {
        return cell.find_first_not_of(" \t") == std::string::npos;
    };
    const std::uint64_t cells = std::uint64_t{rows.size()} * table.column_count();
    check_limit(cells, Limit::attribute_cells, SourcePos{table.path, 0, 0},
                "the attributes of " + std::to_string(rows.size()) + " elements x " +
                    std::to_string(table.column_count()) + " columns");
    for (std::size_t c = 0; c < table.column_count(); ++c) {
        if (std::find(used.begin(), used.end(), static_cast<int>(c)) != used.end()) continue;
        bool numeric = true, any = false;
        for (const auto r : rows) {
            const auto& cell = table.cell(c, r);
            if (blank(cell)) continue;
            any = true;
            if (!parse_number(cell)) {
                numeric = false;
                break;
            }
        }
        if (numeric && any) {
            std::vector<double> values;
            values.reserve(rows.size());
            for (const auto r : rows) {
                const auto& cell = table.cell(c, r);
                values.push_back(blank(cell) ? std::nan("") : *parse_number(cell));
            }
            out.set_numbers(table.names()[c], std::move(values));
        } else {
            std::vector<std::string> values;
            values.reserve(rows.size());
            for (const auto r : rows) {
                const auto& cell = table.cell(c, r);
                values.push_back(blank(cell) ? std::string() : cell);
            }
            out.set_texts(table.names()[c], std::move(values));
        }
    }
}

/// What the tie ends say about the actor table's id column.
struct TieEndCheck {
    std::size_t distinct = 0;  ///< distinct tie ends
    std::size_t unknown = 0;   ///< of them, not an actor id
    SourcePos first;           ///< the first unknown end
    std::string first_id;
    int match = -1;  ///< the actor column holding most of the unknown ends (-1: none holds half)
    std::size_t matched = 0;
    bool suspicious() const { return unknown >= 3 && 2 * unknown > distinct; }
};

/// Counts the distinct tie ends that are not actor ids, and when most are not (the Quakers
/// files: the ties name people, the id column holds numbers), looks for the actor column that
/// holds them.
TieEndCheck check_tie_ends(const RawTable& at, int c_id, const RawTable& tt, int c_src, int c_tgt,
                           const std::unordered_map<std::string, std::size_t>& index) {
    TieEndCheck out;
    std::unordered_map<std::string, bool> ends;  // -> known
    for (std::size_t r = 0; r < tt.rows(); ++r) {
        for (const int c : {c_src, c_tgt}) {
            auto id = trim(tt.cell(static_cast<std::size_t>(c), r));
            if (id.empty()) continue;
            auto [it, fresh] = ends.emplace(id, index.count(id) > 0);
            if (!fresh || it->second) continue;
            if (out.unknown++ == 0) {
                out.first = tt.pos(r, c);
                out.first_id = id;
            }
        }
    }
    out.distinct = ends.size();
    if (!out.suspicious()) return out;
    for (std::size_t c = 0; c < at.column_count(); ++c) {
        if (static_cast<int>(c) == c_id) continue;
        std::unordered_map<std::string, bool> values;
        for (std::size_t r = 0; r < at.rows(); ++r) values.emplace(trim(at.cell(c, r)), true);
        std::size_t hits = 0;
        for (const auto& [id, known] : ends)
            if (!known && values.count(id)) ++hits;
        if (2 * hits > out.unknown && hits > out.matched) {
            out.match = static_cast<int>(c);
            out.matched = hits;
        }
    }
    return out;
}

}  // namespace

NegativeTies parse_negative_ties(const std::string& name) {
    const auto n = ascii_lower(name);
    if (n == "error") return NegativeTies::error;
    if (n == "drop") return NegativeTies::drop;
    if (n == "split") return NegativeTies::split;
    throw UsageError("--negative '" + name + "' is not a policy; choose error, drop or split");
}

Network assemble(RawNetwork raw, const Mapping& m, const AssembleOptions& options) {
    ErrorCollector errors(options.max_errors);
    RawTable& at = raw.actors;
    const RawTable& tt = raw.ties;  // read only: a cell never given is not stored
    std::vector<Warning> warnings = std::move(raw.warnings);
    assembly::Actors read = assembly::read_actors(at, m, errors, warnings);
    std::vector<Actor>& actors = read.actors;
    auto& index = read.index;
    const std::vector<std::size_t>& actor_rows = read.rows;
    const std::vector<int>& actor_used = read.used;
    const std::size_t declared = read.declared;

    // ---- ties -----------------------------------------------------------------------
    if (tt.column_count() == 0 && tt.rows() == 0 && actors.empty())
        throw InputError(SourcePos{raw.sources.empty() ? std::string() : raw.sources.front(), 0, 0},
                         "no actors and no ties: the input is empty");
    if (actors.empty() && tt.rows() == 0) errors.throw_if_any();
    if (raw.actors_authoritative && declared == 0 && at.column_count() > 0)
        errors.add(InputError(SourcePos{at.path, 1, 1},
                              "the actor table has a header but no actors; add one row per actor"));

    // Tie columns named by the mapping but missing: report together with earlier actor errors.
    auto resolve_tie = [&](const std::string& mapped, const char* fallback, const char* what) {
        try {
            return resolve(tt, mapped, fallback, what, m.path);
        } catch (const InputError& e) {
            errors.add(e);
            errors.throw_if_any();
            return -1;
        }
    };
    const int c_src = tt.column_count() ? resolve_tie(m.source, col::source, "tie sources") : -1;
    const int c_tgt = tt.column_count() ? resolve_tie(m.target, col::target, "tie targets") : -1;
    if (tt.column_count() > 0 && (c_src < 0 || c_tgt < 0)) {
        errors.add(
            InputError(SourcePos{tt.path, 1, 1},
                       std::string("no tie ") + (c_src < 0 ? "source" : "target") +
                           " column: expected columns named 'Source' and 'Target' (Gephi's "
                           "convention); columns are: " +
                           list_columns(tt) +
                           "; rename them or name them in a mapping file ([ties] source = "
                           "\"...\", target = \"...\")" +
                           (tt.find(col::id) >= 0 && at.column_count() == 0
                                ? std::string("; this looks like an actor table: give the ties "
                                              "too, e.g. clusterlens validate nodes.csv edges.csv")
                                : std::string())));
        errors.throw_if_any();
    }
    const int c_w = resolve_tie(m.weight, col::weight, "tie weights");
    const int c_dir = resolve_tie(m.direction_column, col::type, "tie direction");
    const int c_rel = resolve_tie(m.relation_column, col::relation, "relations");
    const std::vector<int> tie_used = {c_src, c_tgt, c_w, c_dir, c_rel};

    std::vector<std::string> relations;
    std::unordered_map<std::string, std::uint32_t> relation_index;
    auto relation_of = [&](const std::string& name) {
        auto [it, fresh] =
            relation_index.emplace(name, static_cast<std::uint32_t>(relations.size()));
        if (fresh) relations.push_back(name);
        return it->second;
    };

    struct Tie {
        std::int64_t a, b;
        double w;
        std::uint32_t rel;
        std::int8_t dir;  // -1 unspecified, 0 undirected, 1 directed
        std::size_t row;
    };
    // Most tie ends unknown: one message about the id column instead of one per tie end.
    // Checked at the first unknown end (before any actor is created), so a file whose ties all
    // name known actors pays nothing.
    std::string ends_hint;
    bool ends_checked = false;
    auto check_ends = [&]() {
        ends_checked = true;
        if (actors.empty() || c_src < 0 || c_tgt < 0) return;
        const int c_id = resolve(at, m.actor_id, col::id, "actor ids", m.path);
        const auto check = check_tie_ends(at, c_id, tt, c_src, c_tgt, index);
        if (check.suspicious()) {
            const auto id_name = at.names()[static_cast<std::size_t>(c_id)];
            auto what =
                (check.unknown == check.distinct
                     ? "none of the " + std::to_string(check.distinct) + " actors the ties name is"
                     : std::to_string(check.unknown) + " of the " + std::to_string(check.distinct) +
                           " actors the ties name are not") +
                " in the id column '" + id_name + "' of " + at.path + " (the first is '" +
                check.first_id + "')";
            std::string fix;
            if (check.match >= 0) {
                const auto name = at.names()[static_cast<std::size_t>(check.match)];
                fix = std::to_string(check.matched) + " of them are in its column '" + name +
                      "': the ties probably name actors by '" + name +
                      "'; make it the id column in a mapping file ([actors] id = \"" + name + "\")";
            } else {
                fix = "the ties probably refer to actors by another column than '" + id_name +
                      "' (columns: " + list_columns(at) +
                      "); name the right one in a mapping file ([actors] id = \"...\")";
            }
            if (!options.create_missing_actors) {
                errors.add(InputError(check.first, what + "; " + fix +
                                                       " (--create-missing would add " +
                                                       std::to_string(check.unknown) +
                                                       " actors with no attributes)"));
                errors.throw_if_any();
            }
            ends_hint = "; " + what + ": " + fix;
        }
    };

    std::size_t negative = 0;
    SourcePos first_negative;
    std::string first_negative_text;
    std::vector<Tie> ties;
    ties.reserve(tt.rows());
    std::size_t loops = 0;
    SourcePos first_loop;
    std::size_t created = 0;
    bool any_directed = false;

    auto actor_for = [&](std::size_t r, int c) -> std::int64_t {
        const auto id = trim(tt.cell(static_cast<std::size_t>(c), r));
        if (id.empty()) {
            errors.add(InputError(tt.pos(r, c), "empty actor id in a tie; give both ends"));
            return -1;
        }
        if (auto bad = assembly::control_character_error(id, "actor id"); !bad.empty()) {
            errors.add(InputError(tt.pos(r, c), bad));
            return -1;
        }
        auto it = index.find(id);
        if (it != index.end()) return static_cast<std::int64_t>(it->second);
        if (raw.actors_authoritative && !ends_checked) check_ends();  // may throw
        if (raw.actors_authoritative && !options.create_missing_actors) {
            errors.add(
                InputError(tt.pos(r, c),
                           "tie refers to unknown actor '" + id + "'" +
                               (at.path.empty() ? std::string() : ", which is not in " + at.path) +
                               "; add the actor or pass --create-missing"));
            return -1;
        }
        if (raw.actors_authoritative) ++created;
        if (actors.size() >= input_limits().actors)
            throw limit_error(tt.pos(r, c),
                              "actor '" + shown(id) + "' (actor " +
                                  std::to_string(actors.size() + 1) + " of the network)",
                              Limit::actors);
        Actor a;
        a.id = id;
        a.label = id;
        read.lookalikes.add(id, tt.pos(r, c));
        index.emplace(id, actors.size());
        actors.push_back(std::move(a));
        return static_cast<std::int64_t>(actors.size() - 1);
    };

    for (std::size_t r = 0; r < tt.rows(); ++r) {
        const auto a = actor_for(r, c_src);
        const auto b = actor_for(r, c_tgt);
        double w = 1.0;
        bool ok = a >= 0 && b >= 0;
        bool negative_tie = false;
        if (c_w >= 0) {
            const auto text = trim(tt.cell(static_cast<std::size_t>(c_w), r));
            if (!text.empty()) {
                const auto v = parse_number(text);
                if (!v) {
                    errors.add(InputError(
                        tt.pos(r, c_w),
                        "weight '" + text +
                            "' is not a number; use a positive number such as 1 or 2.5" +
                            (raw.format == "csv" && is_decimal_comma(text)
                                 ? std::string(" (if ',' is the decimal point in this file, "
                                               "pass --decimal-comma)")
                                 : std::string())));
                    ok = false;
                } else if (std::isfinite(*v) && *v < 0) {
                    // A signed network: handled once for the file, by the --negative policy.
                    if (negative++ == 0) {
                        first_negative = tt.pos(r, c_w);
                        first_negative_text = text;
                    }
                    if (options.negative != NegativeTies::split) ok = false;
                    negative_tie = true;
                    w = -*v;
                } else if (!std::isfinite(*v) || *v <= 0) {
                    errors.add(InputError(
                        tt.pos(r, c_w), "weight must be a positive number (tie strength), got '" +
                                            text + "'; remove the tie or give it a strength > 0"));
                    ok = false;
                } else {
                    w = *v;
                }
            }
        }
        std::int8_t dir = -1;
        if (c_dir >= 0) {
            const auto text = ascii_lower(trim(tt.cell(static_cast<std::size_t>(c_dir), r)));
            if (text == "directed")
                dir = 1, any_directed = true;
            else if (text == "undirected")
                dir = 0;
            else if (!text.empty()) {
                errors.add(InputError(tt.pos(r, c_dir),
                                      "tie type '" + tt.cell(static_cast<std::size_t>(c_dir), r) +
                                          "' is neither Directed nor Undirected"));
                ok = false;
            }
        }
        std::uint32_t rel = 0;
        std::string rel_name =
            c_rel >= 0 ? trim(tt.cell(static_cast<std::size_t>(c_rel), r)) : m.relation_name;
        if (negative_tie && options.negative == NegativeTies::split)
            rel_name = rel_name.empty() ? "negative" : rel_name + "_negative";
        if (auto bad = assembly::control_character_error(rel_name, "relation name"); !bad.empty()) {
            errors.add(InputError(tt.pos(r, c_rel >= 0 ? c_rel : c_src), bad));
            continue;
        }
        rel = relation_of(rel_name);
        if (!ok) continue;
        if (a == b) {
            if (loops++ == 0) first_loop = tt.pos(r, c_src);
            continue;
        }
        ties.push_back(Tie{a, b, w, rel, dir, r});
    }
    if (negative > 0 && options.negative == NegativeTies::error) {
        const std::string choices =
            "pass --negative drop to leave negative ties out, or --negative split to read them "
            "as a relation of their own ('negative', or '<relation>_negative') with positive "
            "strengths";
        errors.add(InputError(
            first_negative,
            negative == 1
                ? "weight must be a positive number (tie strength), got '" + first_negative_text +
                      "'; remove the tie or give it a strength > 0, or, if the network is "
                      "signed, " +
                      choices
                : "the network has negative ties (a signed network): " + std::to_string(negative) +
                      " of " + std::to_string(tt.rows()) +
                      " ties have a value below 0, the first is " + first_negative_text +
                      "; clusterlens needs positive tie strengths: " + choices));
    }
    errors.throw_if_any();
    if (actors.empty())
        throw InputError(SourcePos{at.path.empty() ? tt.path : at.path, 0, 0},
                         "no actors found; the input needs at least one actor or tie");
    if (relations.empty()) relations.push_back(m.relation_name);

    // ---- direction --------------------------------------------------------------------
    bool directed = false;
    if (m.directed)
        directed = *m.directed;
    else if (any_directed)
        directed = true;
    else if (raw.directed)
        directed = *raw.directed;

    LoadReport report;
    report.sources = raw.sources;
    report.format = raw.format;
    report.self_loops_dropped = loops;
    report.actors_created = created;
    if (loops > 0)
        warnings.push_back(Warning{first_loop, std::to_string(loops) +
                                                   (loops == 1 ? " self-loop" : " self-loops") +
                                                   " dropped (first here); clusterlens ignores "
                                                   "ties from an actor to itself"});
    read.lookalikes.warn(index, warnings);
    if (created > 0)
        warnings.push_back(
            Warning{SourcePos{at.path, 0, 0}, std::to_string(created) +
                                                  " actors created for tie ends missing "
                                                  "from the actor table (--create-missing)" +
                                                  ends_hint});
    if (negative > 0 && options.negative == NegativeTies::drop)
        warnings.push_back(Warning{
            first_negative,
            std::to_string(negative) + " negative ties left out (--negative drop; first here)"});
    if (negative > 0 && options.negative == NegativeTies::split)
        warnings.push_back(Warning{
            first_negative, std::to_string(negative) +
                                " negative ties read as a relation of their own with positive "
                                "strengths (--negative split; first here)"});

    // In a directed network an explicitly undirected tie stands for two arcs.
    if (directed && (m.directed.value_or(true))) {
        const std::size_t n = ties.size();
        for (std::size_t e = 0; e < n; ++e) {
            if (ties[e].dir == 0) {
                ties.push_back(Tie{ties[e].b, ties[e].a, ties[e].w, ties[e].rel, 0, ties[e].row});
                ++report.mixed_undirected_ties;
            }
        }
        if (report.mixed_undirected_ties > 0)
            warnings.push_back(Warning{SourcePos{tt.path, 0, 0},
                                       std::to_string(report.mixed_undirected_ties) +
                                           " undirected ties in a directed network were read as "
                                           "two arcs each (one in each direction)"});
    }
    if (m.reverse_arcs) {
        if (directed) {
            for (auto& t : ties) std::swap(t.a, t.b);
            report.arcs_reversed = true;
        } else {
            warnings.push_back(Warning{SourcePos{m.path, 0, 0},
                                       "knowledge_flow = \"target_to_source\" has no effect on an "
                                       "undirected network"});
        }
    }

    // ---- parallel ties: sum weights per (ends, relation) ---------------------------
    std::vector<std::size_t> order(ties.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    auto key = [&](const Tie& t) {
        const auto lo = directed ? t.a : std::min(t.a, t.b);
        const auto hi = directed ? t.b : std::max(t.a, t.b);
        return std::tuple(lo, hi, t.rel);
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return key(ties[x]) < key(ties[y]); });
    std::vector<char> keep(ties.size(), 1);
    std::size_t merged = 0;
    SourcePos first_merge;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i + 1;
        // Within a run of equal keys the earliest tie (smallest index) comes first (stable sort).
        while (j < order.size() && key(ties[order[j]]) == key(ties[order[i]])) {
            ties[order[i]].w += ties[order[j]].w;
            keep[order[j]] = 0;
            if (merged++ == 0) first_merge = tt.pos(ties[order[j]].row, c_src);
            ++j;
        }
        i = j;
    }
    for (std::size_t e = 0; e < ties.size(); ++e)
        if (keep[e] && !std::isfinite(ties[e].w))
            errors.add(
                InputError(tt.pos(ties[e].row, c_w),
                           "the summed weight of this tie and its parallel ties is too large "
                           "to represent; rescale the weights"));
    errors.throw_if_any();
    report.parallel_ties_merged = merged;
    if (merged > 0)
        warnings.push_back(
            Warning{first_merge, std::to_string(merged) +
                                     (merged == 1 ? " parallel tie" : " parallel ties") +
                                     " merged into an earlier tie of the same pair and relation "
                                     "(first here); their weights were summed"});

    std::vector<std::int64_t> ends;
    std::vector<double> weights;
    std::vector<std::uint32_t> tie_rel;
    std::vector<std::size_t> rows;
    ends.reserve(2 * ties.size());
    weights.reserve(ties.size());
    for (std::size_t e = 0; e < ties.size(); ++e) {
        if (!keep[e]) continue;
        ends.push_back(ties[e].a);
        ends.push_back(ties[e].b);
        weights.push_back(ties[e].w);
        tie_rel.push_back(ties[e].rel);
        rows.push_back(ties[e].row);
    }

    // Extra attributes. Created actors have no raw row: extend with empty cells.
    std::vector<std::size_t> arows = actor_rows;
    const std::size_t blank = at.rows();
    if (actors.size() > arows.size()) {
        at.add_row(0);
        arows.resize(actors.size(), blank);
    }
    AttributeTable actor_attrs, tie_attrs;
    if (at.column_count() > 0) keep_extra_columns(at, actor_used, arows, actor_attrs);
    if (tt.column_count() > 0) keep_extra_columns(tt, tie_used, rows, tie_attrs);

    Network net = Network::build(std::move(actors), directed, ends, std::move(weights),
                                 std::move(relations), std::move(tie_rel));
    net.actor_attributes() = std::move(actor_attrs);
    net.tie_attributes() = std::move(tie_attrs);
    report.warnings = std::move(warnings);
    net.report() = std::move(report);
    if (!m.path.empty()) net.metadata()["mapping"] = m.path;
    return net;
}

}  // namespace clusterlens
