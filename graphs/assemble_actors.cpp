// Assembly of the actor table (assemble_actors.hpp).
#include "graphs/assemble_actors.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "graphs/limits.hpp"
#include "graphs/text_input.hpp"

namespace clusterlens::assembly {
namespace {

std::string accepted_list(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
    return out;
}

/// The built-in focal words, compared case-insensitively: English, German, French, Spanish and
/// Italian yes/no, the spreadsheet booleans of those locales (Excel writes WAHR/FALSCH,
/// VRAI/FAUX, VERDADERO/FALSO, VERO/FALSO), 1/0, and "x" (a ticked cell; an empty cell is
/// simply not focal).
std::optional<bool> parse_bool(const std::string& text) {
    auto t = ascii_lower(trim(text));
    if (t == "s\xC3\xAD" || t == "s\xC3\x8D") t = "si";  // sí, SÍ
    for (const char* w : {"true", "1", "yes", "y", "ja", "j", "oui", "si", "x", "wahr", "vrai",
                          "verdadero", "vero"})
        if (t == w) return true;
    for (const char* w : {"false", "0", "no", "n", "nein", "non", "falsch", "faux", "falso"})
        if (t == w) return false;
    return std::nullopt;
}

/// Looks a value up in a value map: exact, then case-insensitive.
const std::string* map_value(const std::map<std::string, std::string>& map, const std::string& v) {
    auto it = map.find(v);
    if (it != map.end()) return &it->second;
    const auto lv = ascii_lower(v);
    for (const auto& [k, val] : map)
        if (ascii_lower(k) == lv) return &val;
    return nullptr;
}

/// Applies a mapping's locality rule to one actor's value and remembers which listed values
/// matched no actor, so a misspelt `--local EE` is reported instead of making every actor
/// global in silence.
class LocalityRuleCheck {
public:
    explicit LocalityRuleCheck(const LocalityRule* rule) : rule_(rule) {
        if (rule_ != nullptr) hits_.assign(values().size(), 0);
    }
    /// True when `v` is one of the rule's listed values (local or global, whichever it lists).
    bool match(const std::string& v) {
        if (seen_.size() < 12 && !v.empty() &&
            std::find(seen_.begin(), seen_.end(), v) == seen_.end())
            seen_.push_back(v);
        bool any = false;
        const auto& list = values();
        for (std::size_t k = 0; k < list.size(); ++k) {
            const bool hit =
                rule_->ignore_case ? ascii_lower(list[k]) == ascii_lower(v) : list[k] == v;
            if (hit) ++hits_[k], any = true;
            if (!hit && !rule_->ignore_case && ascii_lower(list[k]) == ascii_lower(v))
                case_only_.insert(k);
        }
        return any;
    }
    void warn_unmatched(const std::string& path, const std::string& column,
                        std::vector<Warning>& warnings) const {
        const auto& list = values();
        for (std::size_t k = 0; k < list.size(); ++k) {
            if (hits_[k] > 0) continue;
            std::string seen;
            for (const auto& s : seen_) seen += (seen.empty() ? "'" : ", '") + s + "'";
            warnings.push_back(Warning{
                SourcePos{path, 0, 0},
                "locality value '" + list[k] + "' (" +
                    (rule_->local_values.empty() ? "global" : "local") + ") matches no actor's '" +
                    column + "'" +
                    (case_only_.count(k)
                         ? "; it matches when case is ignored: pass --local-ignore-case (or "
                           "ignore_case = true in [actors.locality])"
                         : "; values there include " + (seen.empty() ? "none" : seen) +
                               ": check the spelling")});
        }
    }

private:
    const std::vector<std::string>& values() const {
        return rule_->local_values.empty() ? rule_->global_values : rule_->local_values;
    }
    const LocalityRule* rule_;
    std::vector<std::size_t> hits_;
    std::set<std::size_t> case_only_;
    std::vector<std::string> seen_;
};

/// The name of an invisible or direction character, or nullptr for any other code point.
const char* invisible_name(std::uint32_t cp) {
    switch (cp) {
        case 0xAD:
            return "soft hyphen";
        case 0x200B:
            return "zero width space";
        case 0x200C:
            return "zero width non-joiner";
        case 0x200D:
            return "zero width joiner";
        case 0x200E:
            return "left-to-right mark";
        case 0x200F:
            return "right-to-left mark";
        case 0x202A:
            return "left-to-right embedding";
        case 0x202B:
            return "right-to-left embedding";
        case 0x202C:
            return "pop directional formatting";
        case 0x202D:
            return "left-to-right override";
        case 0x202E:
            return "right-to-left override";
        case 0x2066:
            return "left-to-right isolate";
        case 0x2067:
            return "right-to-left isolate";
        case 0x2068:
            return "first strong isolate";
        case 0x2069:
            return "pop directional isolate";
        case 0xFEFF:
            return "zero width no-break space";
        default:
            return nullptr;
    }
}

/// The Latin letter a look-alike code point is drawn like, or 0.
char lookalike_latin(std::uint32_t cp) {
    // Cyrillic А В Е К М Н О Р С Т Х, а е о р с у х ѕ і ј; Greek Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ, ο.
    static const std::pair<std::uint32_t, char> table[] = {
        {0x391, 'A'}, {0x392, 'B'}, {0x395, 'E'}, {0x396, 'Z'}, {0x397, 'H'}, {0x399, 'I'},
        {0x39A, 'K'}, {0x39C, 'M'}, {0x39D, 'N'}, {0x39F, 'O'}, {0x3A1, 'P'}, {0x3A4, 'T'},
        {0x3A5, 'Y'}, {0x3A7, 'X'}, {0x3BF, 'o'}, {0x410, 'A'}, {0x412, 'B'}, {0x415, 'E'},
        {0x41A, 'K'}, {0x41C, 'M'}, {0x41D, 'H'}, {0x41E, 'O'}, {0x420, 'P'}, {0x421, 'C'},
        {0x422, 'T'}, {0x425, 'X'}, {0x430, 'a'}, {0x435, 'e'}, {0x43E, 'o'}, {0x440, 'p'},
        {0x441, 'c'}, {0x443, 'y'}, {0x445, 'x'}, {0x455, 's'}, {0x456, 'i'}, {0x458, 'j'}};
    if (cp == 0xA0) return ' ';                                               // no-break space
    if (cp >= 0xFF01 && cp <= 0xFF5E) return static_cast<char>(cp - 0xFEE0);  // full-width
    for (const auto& [from, to] : table)
        if (from == cp) return to;
    return 0;
}

std::string code_point_text(std::uint32_t cp) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out = "U+";
    for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 0xF];
    return out;
}

std::string line_of(const SourcePos& pos) {
    return pos.line > 0 ? " (line " + std::to_string(pos.line) + ")" : std::string();
}

}  // namespace

void IdLookalikes::add(const std::string& id, const SourcePos& pos) {
    if (std::all_of(id.begin(), id.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return;
    Entry e{id, {}, {}, pos};
    for (std::size_t i = 0; i < id.size();) {
        const auto c = static_cast<unsigned char>(id[i]);
        const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        std::uint32_t cp = len == 1 ? c : c & (len == 2 ? 0x1Fu : len == 3 ? 0x0Fu : 0x07u);
        for (std::size_t k = 1; k < len && i + k < id.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(id[i + k]) & 0x3Fu);
        if (const char* name = invisible_name(cp)) {
            const std::string what = code_point_text(cp) + " (" + name + ")";
            if (e.invisible.find(what) == std::string::npos)
                e.invisible += (e.invisible.empty() ? "" : ", ") + what;
        } else if (const char latin = lookalike_latin(cp)) {
            e.skeleton += latin;
        } else {
            e.skeleton.append(id, i, len);
        }
        i += len;
    }
    if (!e.invisible.empty() || e.skeleton != id) entries_.push_back(std::move(e));
}

void IdLookalikes::warn(const std::unordered_map<std::string, std::size_t>& index,
                        std::vector<Warning>& warnings) const {
    constexpr std::size_t kMax = 20;
    std::size_t invisible = 0, alike = 0;
    for (const auto& e : entries_) {
        if (e.invisible.empty()) continue;
        if (++invisible <= kMax)
            warnings.push_back(
                Warning{e.pos, "actor id '" + e.id + "' holds " + e.invisible +
                                   ", which does not show: the id looks like '" + e.skeleton +
                                   "' but is not; remove the character if it is not meant"});
    }
    std::unordered_map<std::string, const Entry*> first;  // skeleton -> first id showing so
    for (const auto& e : entries_) {
        const Entry* other = nullptr;
        std::string other_id;
        if (index.count(e.skeleton)) {
            other_id = e.skeleton;
        } else {
            const auto [it, fresh] = first.emplace(e.skeleton, &e);
            if (fresh) continue;
            other = it->second;
            other_id = other->id;
        }
        if (++alike <= kMax)
            warnings.push_back(Warning{
                e.pos, "actor ids '" + e.id + "' and '" + other_id + "'" +
                           (other != nullptr ? line_of(other->pos) : std::string()) +
                           " look the same (they differ only in invisible characters or in "
                           "look-alike letters such as Cyrillic or Greek ones for Latin): they "
                           "are two actors; if they are one, give them one id"});
    }
    for (const auto& [count, what] : {std::pair{invisible, "ids with invisible characters"},
                                      std::pair{alike, "ids that look like another"}})
        if (count > kMax)
            warnings.push_back(Warning{SourcePos{entries_.front().pos.path, 0, 0},
                                       "... and " + std::to_string(count - kMax) + " more " + what +
                                           " (" + std::to_string(count) + " in all)"});
}

std::string control_character_error(const std::string& text, const char* what) {
    for (std::size_t i = 0; i + 2 < text.size(); ++i)
        if (text[i] == '\xEF' && text[i + 1] == '\xBF' &&
            (text[i + 2] == '\xBE' || text[i + 2] == '\xBF'))
            return std::string(what) + " '" + text + "' holds the noncharacter " +
                   (text[i + 2] == '\xBE' ? "U+FFFE" : "U+FFFF") +
                   ", which does not show and which GraphML and GEXF cannot hold (XML 1.0); "
                   "remove it (it usually means a wrong encoding or binary bytes)";
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') continue;
        static const char hex[] = "0123456789ABCDEF";
        const std::string code = std::string("U+00") + hex[c >> 4] + hex[c & 0xF];
        return std::string(what) + " '" + text + "' holds the control character " + code +
               ", which does not show and which GraphML and GEXF cannot hold (XML 1.0); remove "
               "it (control characters in a data file usually mean a wrong encoding or binary "
               "bytes)";
    }
    return {};
}

std::string list_columns(const RawTable& t) {
    std::string out;
    for (const auto& n : t.names()) out += (out.empty() ? "" : ", ") + n;
    return out.empty() ? "(none)" : out;
}

/// Finds a column named by the mapping (must exist) or the default name (optional).
int resolve(const RawTable& table, const std::string& mapped, const char* fallback,
            const char* what, const std::string& mapping_path) {
    if (!mapped.empty()) {
        const int c = table.find(mapped);
        if (c < 0)
            throw InputError(
                SourcePos{table.path, 1, 1},
                "the mapping " +
                    (mapping_path.empty() ? std::string() : "(" + mapping_path + ") ") +
                    "names column '" + mapped + "' for " + what +
                    ", but there is no such column; columns are: " + list_columns(table));
        return c;
    }
    return fallback == nullptr ? -1 : table.find(fallback);
}

Actors read_actors(const RawTable& at, const Mapping& m, ErrorCollector& errors,
                   std::vector<Warning>& warnings) {
    Actors out;
    out.declared = at.rows();
    auto& actors = out.actors;
    auto& index = out.index;
    auto& actor_rows = out.rows;
    auto& actor_used = out.used;
    if (at.rows() > input_limits().actors) {
        const auto r = static_cast<std::size_t>(input_limits().actors);
        throw limit_error(at.pos(r), "actor row " + std::to_string(r + 1) + " of the actor table",
                          Limit::actors);
    }
    if (at.rows() > 0 || at.column_count() > 0) {
        const int c_id = resolve(at, m.actor_id, col::id, "actor ids", m.path);
        if (c_id < 0)
            throw InputError(SourcePos{at.path, 1, 1},
                             "no actor id column: expected a column named 'Id' (Gephi's "
                             "convention); columns are: " +
                                 list_columns(at) +
                                 "; rename the column or name it in a mapping file "
                                 "([actors] id = \"...\")");
        const int c_label = resolve(at, m.label, col::label, "labels", m.path);
        const int c_part = resolve(at, m.part, "part", "parts", m.path);
        const int c_type = resolve(at, m.type, "type", "actor types", m.path);
        const int c_focal = resolve(at, m.focal, "focal", "focal firms", m.path);
        const int c_loc =
            resolve(at, m.locality, m.locality_rule ? nullptr : "locality", "locality", m.path);
        const int c_rule = m.locality_rule ? resolve(at, m.locality_rule->column, nullptr,
                                                     "the locality rule", m.path)
                                           : -1;
        const int c_stage = resolve(at, m.stage, "stage", "value-chain stages", m.path);
        const int c_group = resolve(at, m.group, "group", "groups", m.path);
        actor_used = {c_id, c_label, c_part, c_type, c_focal, c_loc, c_stage, c_group};

        std::vector<std::string> part_names = {"core", "assisting", "external"};
        actors.reserve(at.rows());
        index.reserve(at.rows() * 2);
        LocalityRuleCheck rule_check(m.locality_rule ? &*m.locality_rule : nullptr);
        for (std::size_t r = 0; r < at.rows(); ++r) {
            Actor a;
            a.id = trim(at.cell(static_cast<std::size_t>(c_id), r));
            if (a.id.empty()) {
                errors.add(InputError(at.pos(r, c_id), "empty actor id; every actor needs an id"));
                continue;
            }
            if (auto bad = control_character_error(a.id, "actor id"); !bad.empty()) {
                errors.add(InputError(at.pos(r, c_id), bad));
                continue;
            }
            auto [it, fresh] = index.emplace(a.id, actors.size());
            if (!fresh) {
                errors.add(InputError(at.pos(r, c_id),
                                      "duplicate actor id '" + a.id + "' (first at line " +
                                          std::to_string(at.line(actor_rows[it->second])) +
                                          "); actor ids must be unique"));
                continue;
            }
            a.label = c_label >= 0 ? at.cell(static_cast<std::size_t>(c_label), r) : std::string();
            if (trim(a.label).empty()) a.label = a.id;
            if (c_part >= 0) {
                const auto v = trim(at.cell(static_cast<std::size_t>(c_part), r));
                if (!v.empty()) {
                    const auto* mapped = map_value(m.part_values, v);
                    const auto p = parse_part(mapped ? *mapped : v);
                    if (!p) {
                        errors.add(InputError(
                            at.pos(r, c_part),
                            "unknown part '" + v + "'; accepted: " + accepted_list(part_names) +
                                " (or map it in a mapping file: [actors.part_values])"));
                    } else {
                        a.part = *p;
                    }
                }
            }
            if (c_type >= 0) {
                const auto v = trim(at.cell(static_cast<std::size_t>(c_type), r));
                if (!v.empty()) {
                    const auto* mapped = map_value(m.type_values, v);
                    const auto t = ascii_lower(mapped ? *mapped : v);
                    const auto& known = known_actor_types();
                    if (std::find(known.begin(), known.end(), t) == known.end()) {
                        errors.add(InputError(
                            at.pos(r, c_type),
                            "unknown actor type '" + v + "'; accepted: " + accepted_list(known) +
                                " (or map it in a mapping file: [actors.type_values])"));
                    } else {
                        a.type = t;
                    }
                }
            }
            if (c_focal >= 0) {
                const auto v = trim(at.cell(static_cast<std::size_t>(c_focal), r));
                if (!v.empty()) {
                    const auto* mapped = map_value(m.focal_values, v);
                    const auto b = parse_bool(mapped ? *mapped : v);
                    if (!b)
                        errors.add(InputError(
                            at.pos(r, c_focal),
                            "focal must be true or false (also 1/0, yes/no, ja/nein, oui/non, "
                            "s\xC3\xAD/no, wahr/falsch, vrai/faux, x for true), got '" +
                                v + "' (or map it in a mapping file: [actors.focal_values])"));
                    else
                        a.focal = *b;
                }
            }
            if (c_loc >= 0) {
                const auto v = trim(at.cell(static_cast<std::size_t>(c_loc), r));
                if (!v.empty()) {
                    const auto l = parse_locality(v);
                    if (!l)
                        errors.add(InputError(
                            at.pos(r, c_loc),
                            "unknown locality '" + v +
                                "'; accepted: local, global "
                                "(or give a rule in a mapping file: [actors.locality])"));
                    else
                        a.locality = *l;
                }
            } else if (c_rule >= 0) {
                const auto v = trim(at.cell(static_cast<std::size_t>(c_rule), r));
                const bool listed = rule_check.match(v);
                a.locality = (!m.locality_rule->local_values.empty()) == listed ? Locality::local
                                                                                : Locality::global;
            }
            // Derivations: locality from part, part from locality and type.
            if (a.locality == Locality::unspecified && a.part != Part::unspecified)
                a.locality = a.part == Part::external ? Locality::global : Locality::local;
            if (a.part == Part::unspecified && a.locality != Locality::unspecified) {
                if (a.locality == Locality::global)
                    a.part = Part::external;
                else if (!a.type.empty())
                    a.part = is_firm_type(a.type) ? Part::core : Part::assisting;
            }
            if (c_stage >= 0) a.stage = trim(at.cell(static_cast<std::size_t>(c_stage), r));
            if (c_group >= 0) a.group = trim(at.cell(static_cast<std::size_t>(c_group), r));
            out.lookalikes.add(a.id, at.pos(r, c_id));
            actor_rows.push_back(r);
            actors.push_back(std::move(a));
        }
        if (c_rule >= 0)
            rule_check.warn_unmatched(at.path, at.names()[static_cast<std::size_t>(c_rule)],
                                      warnings);
    }
    return out;
}

}  // namespace clusterlens::assembly
