#include "graphs/mapping.hpp"

#include <toml++/toml.h>

#include <set>

#include "graphs/error.hpp"
#include "graphs/network.hpp"

namespace clusterlens {
namespace {

SourcePos pos_of(const std::string& path, const toml::node& node) {
    const auto& src = node.source();
    return SourcePos{path, static_cast<std::uint32_t>(src.begin.line),
                     static_cast<std::uint32_t>(src.begin.column)};
}

void reject_unknown_keys(const std::string& path, const toml::table& table,
                         const std::string& where, const std::set<std::string>& allowed) {
    for (const auto& [key, node] : table) {
        if (allowed.count(std::string(key.str())) == 0) {
            std::string list;
            for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
            throw InputError(pos_of(path, node), "unknown key '" + std::string(key.str()) +
                                                     "' in " + where + "; accepted keys: " + list);
        }
    }
}

std::string get_string(const std::string& path, const toml::table& table, const char* key) {
    const auto* node = table.get(key);
    if (node == nullptr) return "";
    if (const auto* s = node->as_string()) {
        if (s->get().empty())
            throw InputError(
                pos_of(path, *node),
                std::string("'") + key + "' is empty; give a column name or remove it");
        return s->get();
    }
    throw InputError(pos_of(path, *node), std::string("'") + key + "' must be a string in quotes");
}

std::vector<std::string> get_string_list(const std::string& path, const toml::node& node,
                                         const char* key) {
    std::vector<std::string> out;
    if (const auto* s = node.as_string()) {
        out.push_back(s->get());
        return out;
    }
    const auto* arr = node.as_array();
    if (arr == nullptr)
        throw InputError(
            pos_of(path, node),
            std::string("'") + key + "' must be a list of strings, e.g. [\"EE\", \"LV\"]");
    for (const auto& item : *arr) {
        if (const auto* s = item.as_string()) {
            out.push_back(s->get());
        } else if (const auto* i = item.as_integer()) {
            out.push_back(std::to_string(i->get()));
        } else {
            throw InputError(pos_of(path, item), std::string("'") + key + "' must hold strings");
        }
    }
    return out;
}

std::map<std::string, std::string> get_value_map(const std::string& path, const toml::table& parent,
                                                 const char* key,
                                                 const std::vector<std::string>& accepted) {
    std::map<std::string, std::string> out;
    const auto* node = parent.get(key);
    if (node == nullptr) return out;
    const auto* table = node->as_table();
    if (table == nullptr)
        throw InputError(pos_of(path, *node),
                         std::string("'") + key + "' must be a table of value = \"name\" pairs");
    for (const auto& [k, v] : *table) {
        const auto* s = v.as_string();
        if (s == nullptr)
            throw InputError(pos_of(path, v),
                             "value for '" + std::string(k.str()) + "' must be a string in quotes");
        bool ok = false;
        std::string list;
        for (const auto& a : accepted) {
            ok = ok || a == s->get();
            list += (list.empty() ? "" : ", ") + a;
        }
        if (!ok)
            throw InputError(pos_of(path, v), "'" + s->get() + "' is not a known value for " + key +
                                                  "; accepted: " + list);
        out[std::string(k.str())] = s->get();
    }
    return out;
}

}  // namespace

Mapping load_mapping(const std::string& path) {
    Mapping m;
    m.path = path;
    toml::table root;
    try {
        root = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        const auto& src = e.source();
        const bool missing = src.begin.line == 0;
        throw InputError(
            SourcePos{path, static_cast<std::uint32_t>(src.begin.line),
                      static_cast<std::uint32_t>(src.begin.column)},
            missing
                ? std::string("cannot open mapping file: ") + std::string(e.description())
                : std::string("mapping file is not valid TOML: ") + std::string(e.description()) +
                      " (see README.md, 'Mapping files', for the format)");
    }
    reject_unknown_keys(path, root, "the mapping file", {"actors", "files", "patterns", "ties"});

    auto section = [&](const char* name) -> const toml::table* {
        const auto* node = root.get(name);
        if (node == nullptr) return nullptr;
        if (const auto* t = node->as_table()) return t;
        throw InputError(pos_of(path, *node),
                         std::string("'") + name + "' must be a [" + name + "] section");
    };

    if (const auto* files = section("files")) {
        reject_unknown_keys(path, *files, "[files]", {"edges", "nodes"});
        m.nodes_file = get_string(path, *files, "nodes");
        m.edges_file = get_string(path, *files, "edges");
    }
    if (const auto* actors = section("actors")) {
        reject_unknown_keys(path, *actors, "[actors]",
                            {"focal", "focal_values", "group", "id", "label", "locality", "part",
                             "part_values", "stage", "type", "type_values"});
        m.actor_id = get_string(path, *actors, "id");
        m.label = get_string(path, *actors, "label");
        m.part = get_string(path, *actors, "part");
        m.type = get_string(path, *actors, "type");
        m.focal = get_string(path, *actors, "focal");
        m.stage = get_string(path, *actors, "stage");
        m.group = get_string(path, *actors, "group");
        m.part_values =
            get_value_map(path, *actors, "part_values", {"core", "assisting", "external"});
        m.type_values = get_value_map(path, *actors, "type_values", known_actor_types());
        m.focal_values = get_value_map(path, *actors, "focal_values", {"true", "false"});
        if (const auto* loc = actors->get("locality")) {
            if (const auto* s = loc->as_string()) {
                m.locality = s->get();  // a column holding local/global
            } else if (const auto* rule = loc->as_table()) {
                reject_unknown_keys(path, *rule, "[actors.locality]",
                                    {"column", "global", "ignore_case", "local"});
                LocalityRule r;
                r.column = get_string(path, *rule, "column");
                if (r.column.empty())
                    throw InputError(pos_of(path, *loc),
                                     "[actors.locality] needs column = \"...\" (e.g. \"country\")");
                if (const auto* l = rule->get("local"))
                    r.local_values = get_string_list(path, *l, "local");
                if (const auto* g = rule->get("global"))
                    r.global_values = get_string_list(path, *g, "global");
                if (const auto* ic = rule->get("ignore_case")) {
                    const auto* b = ic->as_boolean();
                    if (b == nullptr)
                        throw InputError(pos_of(path, *ic), "'ignore_case' must be true or false");
                    r.ignore_case = b->get();
                }
                if (r.local_values.empty() == r.global_values.empty())
                    throw InputError(pos_of(path, *loc),
                                     "[actors.locality] needs exactly one of local = [...] or "
                                     "global = [...]");
                m.locality_rule = std::move(r);
            } else {
                throw InputError(pos_of(path, *loc),
                                 "'locality' is a column name or a [actors.locality] rule");
            }
        }
    }
    if (const auto* patterns = section("patterns")) {
        reject_unknown_keys(path, *patterns, "[patterns]", {"ability", "trigger"});
        if (const auto* a = patterns->get("ability"))
            m.ability_columns = get_string_list(path, *a, "ability");
        if (const auto* t = patterns->get("trigger"))
            m.trigger_columns = get_string_list(path, *t, "trigger");
        if (m.ability_columns.empty() != m.trigger_columns.empty())
            throw InputError(pos_of(path, *patterns),
                             "[patterns] needs both ability = [...] and trigger = [...] "
                             "(the actor columns holding each kind of score)");
    }
    if (const auto* ties = section("ties")) {
        reject_unknown_keys(path, *ties, "[ties]",
                            {"direction_column", "directed", "knowledge_flow", "relation",
                             "relation_column", "source", "target", "weight"});
        m.source = get_string(path, *ties, "source");
        m.target = get_string(path, *ties, "target");
        m.weight = get_string(path, *ties, "weight");
        m.direction_column = get_string(path, *ties, "direction_column");
        m.relation_column = get_string(path, *ties, "relation_column");
        m.relation_name = get_string(path, *ties, "relation");
        if (const auto* d = ties->get("directed")) {
            const auto* b = d->as_boolean();
            if (b == nullptr)
                throw InputError(pos_of(path, *d), "'directed' must be true or false");
            m.directed = b->get();
        }
        if (const auto* f = ties->get("knowledge_flow")) {
            const auto* s = f->as_string();
            if (s == nullptr || (s->get() != "source_to_target" && s->get() != "target_to_source"))
                throw InputError(pos_of(path, *f),
                                 "'knowledge_flow' must be \"source_to_target\" or "
                                 "\"target_to_source\" (use the latter when a tie i->j means "
                                 "'i asks j', so knowledge flows j->i)");
            m.reverse_arcs = s->get() == "target_to_source";
        }
    }
    return m;
}

}  // namespace clusterlens
