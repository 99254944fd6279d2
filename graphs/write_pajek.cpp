// Writing Pajek: the network (.net), one file per relation, and partitions (.clu).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "graphs/text_input.hpp"
#include "graphs/write.hpp"
#include "graphs/write_columns.hpp"

namespace clusterlens {
namespace fs = std::filesystem;
using writer::ActorColumns;
using writer::quoted;
using writer::TieColumns;

// ---- Pajek -----------------------------------------------------------------------------

namespace {

/// True when actor i's id is its Pajek vertex number i + 1 (as read_pajek and read_dl without
/// labels give them): then the vertex numbers are the ids and no id lines are needed.
bool positional_ids(const Network& net) {
    for (std::size_t i = 0; i < net.actor_count(); ++i)
        if (net.actor(i).id != std::to_string(i + 1)) return false;
    return true;
}

/// The "%clusterlens id" lines (before *Vertices) and the vertex lines: label, then the position.
void write_pajek_vertices(const Network& net, std::ostream& out) {
    // Pajek has one name per vertex: the label, which Pajek, igraph and NetworkX show. The id,
    // when it is not the vertex number, goes on a comment line that Pajek, igraph and NetworkX
    // skip and read_pajek turns back into the actor's id.
    if (!positional_ids(net)) {
        out << "% actor ids (the vertex lines carry the labels); clusterlens reads them back\n";
        for (std::size_t i = 0; i < net.actor_count(); ++i)
            out << "%clusterlens id " << (i + 1) << ' ' << quoted(net.actor(i).id, "Pajek") << '\n';
    }
    // Positions (numeric actor attributes x and y, y pointing up) go back on the vertex lines in
    // Pajek's convention, y pointing down: "1 \"label\" x 1-y" (read_pajek reverses it), with 15
    // significant digits so that 1 - y does not show its last-bit rounding (0.19999999999999996).
    const auto* px = net.actor_attributes().find("x");
    const auto* py = net.actor_attributes().find("y");
    const bool positions = px != nullptr && py != nullptr &&
                           px->kind == AttributeColumn::Kind::number &&
                           py->kind == AttributeColumn::Kind::number;
    out << "*Vertices " << net.actor_count() << '\n';
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        const auto& a = net.actor(i);
        out << (i + 1) << ' ' << quoted(a.label.empty() ? a.id : a.label, "Pajek");
        if (positions && std::isfinite(px->numbers[i]) && std::isfinite(py->numbers[i]))
            out << ' ' << fmt::format("{:.15g} {:.15g}", px->numbers[i], 1.0 - py->numbers[i]);
        out << '\n';
    }
}

void write_pajek_ties(const Network& net, std::uint32_t r, std::ostream& out) {
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        if (net.relation(e) != r) continue;
        out << (net.source(e) + 1) << ' ' << (net.target(e) + 1) << ' '
            << format_number(net.weight(e)) << '\n';
    }
}

/// The classes of a partition: classes[k] is the value class k stands for.
std::vector<std::string> partition_classes(const Network& net, const std::string& field) {
    if (field == "part") return {"", "core", "assisting", "external"};
    if (field == "locality") return {"", "local", "global"};
    if (field == "focal") return {"false", "true"};
    std::vector<std::string> classes = {""};
    // type: the known types in a fixed order (the same code in every export); stage, group and
    // types clusterlens does not know: their values in sorted order after them.
    if (field == "type")
        for (const auto& t : known_actor_types()) classes.push_back(t);
    std::set<std::string> values;
    for (const auto& a : net.actors()) {
        const auto& v = field == "type" ? a.type : field == "stage" ? a.stage : a.group;
        if (!v.empty() && std::find(classes.begin(), classes.end(), v) == classes.end())
            values.insert(v);
    }
    classes.insert(classes.end(), values.begin(), values.end());
    return classes;
}

std::string field_value(const Actor& a, const std::string& field) {
    if (field == "part") return a.part == Part::unspecified ? "" : std::string(to_string(a.part));
    if (field == "locality")
        return a.locality == Locality::unspecified ? "" : std::string(to_string(a.locality));
    if (field == "focal") return a.focal ? "true" : "false";
    if (field == "type") return a.type;
    if (field == "stage") return a.stage;
    return a.group;
}

}  // namespace

namespace writer {

bool has_field(const Network& net, const std::string& field) {
    const ActorColumns c(net);
    return field == "part"       ? c.part
           : field == "type"     ? c.type
           : field == "focal"    ? c.focal
           : field == "locality" ? c.locality
           : field == "stage"    ? c.stage
                                 : c.group;
}

/// "out.net" + "part" -> "out.part.clu" (read_pajek names the column after what follows the
/// network's stem, so it comes back as "part").
std::string sibling(const std::string& net_path, const std::string& name, const char* ext) {
    fs::path p(net_path);
    return (p.parent_path() / (p.stem().string() + "." + name + ext)).string();
}

namespace {
/// File-name form of a relation name: ASCII letters, digits, '-' and '_' kept, others '_'.
std::string file_name_part(const std::string& name) {
    std::string out;
    for (const char c : name)
        out += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
    return out;
}

}  // namespace

/// One file per relation when there are several: "out.advice.net", named after the relation
/// (made unique with "_2", "_3" when two names look alike in a file name).
std::vector<std::string> pajek_relation_files(const Network& net, const std::string& path) {
    std::vector<std::string> files;
    if (net.relations().size() < 2) return files;
    std::set<std::string> taken;
    for (std::uint32_t r = 0; r < net.relations().size(); ++r) {
        std::string base = file_name_part(net.relations()[r]);
        if (base.empty()) base = "r" + std::to_string(r + 1);
        std::string name = base;
        for (int k = 2; !taken.insert(ascii_lower(name)).second; ++k)
            name = base + "_" + std::to_string(k);
        files.push_back(sibling(path, name, ".net"));
    }
    return files;
}

/// Actor attributes that are Pajek partitions: numeric, a whole number for every actor (as a
/// .clu read in gives them), named so that the file name gives the name back, not x or y (the
/// positions, on the vertex lines) and not a model field.
std::vector<const AttributeColumn*> integer_attributes(const Network& net) {
    std::vector<const AttributeColumn*> out;
    const auto& fields = pajek_partition_fields();
    for (const auto& c : net.actor_attributes().columns()) {
        if (c.kind != AttributeColumn::Kind::number || c.name.empty() ||
            file_name_part(c.name) != c.name || c.name == "x" || c.name == "y" ||
            std::find(fields.begin(), fields.end(), ascii_lower(c.name)) != fields.end() ||
            ascii_lower(c.name) == "id" || ascii_lower(c.name) == "label")
            continue;
        const bool whole = std::all_of(c.numbers.begin(), c.numbers.end(), [](double v) {
            return std::isfinite(v) && std::trunc(v) == v &&
                   std::fabs(v) < 2147483648.0;  // Pajek: int
        });
        if (whole && !c.numbers.empty()) out.push_back(&c);
    }
    return out;
}

}  // namespace writer

using writer::has_field;
using writer::sibling;

const std::vector<std::string>& pajek_partition_fields() {
    static const std::vector<std::string> f = {"part",  "type",  "locality",
                                               "focal", "stage", "group"};
    return f;
}

void write_pajek(const Network& net, std::ostream& out) {
    // Several relations: Pajek's own form, one block per relation headed ":k \"name\"". igraph
    // refuses that header and NetworkX reads the next block's header as a tie between vertices
    // "*Arcs" and ":2", so write_network also writes one file per relation (README "Output").
    const bool several = net.relations().size() > 1;
    if (several)
        out << "% " << net.relations().size()
            << " relations, one *Arcs/*Edges block each (Pajek reads them; igraph and NetworkX "
               "do not: read the files with one relation each)\n";
    write_pajek_vertices(net, out);
    for (std::uint32_t r = 0; r < net.relations().size(); ++r) {
        out << (net.directed() ? "*Arcs" : "*Edges");
        if (several) out << " :" << (r + 1) << ' ' << quoted(net.relations()[r], "Pajek");
        out << '\n';
        write_pajek_ties(net, r, out);
    }
}

void write_pajek_relation(const Network& net, std::uint32_t relation, std::ostream& out) {
    out << "% relation " << quoted(net.relations().at(relation), "Pajek") << '\n';
    write_pajek_vertices(net, out);
    out << (net.directed() ? "*Arcs" : "*Edges") << '\n';
    write_pajek_ties(net, relation, out);
}

void write_pajek_partition(const Network& net, const std::string& field, std::ostream& out) {
    const auto classes = partition_classes(net, field);
    // The coding goes on comment lines, as Pajek's own partitions carry theirs (StudentGov.clu:
    // "% Formal position: 1 - advisor, ..."); read_pajek reads the "%clusterlens class" lines
    // and gives the actor the value instead of the number.
    out << "% " << field << " of each actor, one class per vertex in the order of the .net file\n";
    for (std::size_t k = 0; k < classes.size(); ++k)
        out << "%clusterlens class " << k << ' ' << quoted(classes[k], "a Pajek partition") << '\n';
    out << "*Vertices " << net.actor_count() << '\n';
    for (const auto& a : net.actors()) {
        const auto v = field_value(a, field);
        const auto it = std::find(classes.begin(), classes.end(), v);
        out << (it - classes.begin()) << '\n';
    }
}

}  // namespace clusterlens
