#include "graphs/write.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "graphs/atomic_file.hpp"
#include "graphs/text_input.hpp"
#include "graphs/write_columns.hpp"

namespace clusterlens {
namespace fs = std::filesystem;

using writer::ActorColumns;
using writer::has_field;
using writer::integer_attributes;
using writer::pajek_relation_files;
using writer::sibling;
using writer::TieColumns;

std::string writer::quoted(const std::string& text, const char* format) {
    if (text.find_first_of("\"\n\r") != std::string::npos)
        throw UsageError("the value '" + text +
                         "' contains a double quote or a line break, which " + format +
                         " cannot hold; write GraphML, GML, JSON or a CSV folder instead");
    return '"' + text + '"';
}

std::string csv_field(const std::string& text) {
    const bool needs = text.find_first_of(",\"\n\r;") != std::string::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!needs) return text;
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string csv_text_cell(const std::string& text) {
    if (text.empty() || std::string_view("=+-@\t\r").find(text.front()) == std::string_view::npos)
        return csv_field(text);
    // A number ("-0.5", "+3", "-inf") is no formula: it stays a number in the spreadsheet.
    const char* b = text.data() + (text.front() == '+' ? 1 : 0);
    const char* e = text.data() + text.size();
    double v = 0;
    const auto [end, ec] = std::from_chars(b, e, v);
    if (ec == std::errc() && end == e && b != e) return csv_field(text);
    std::string out = "\"'";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string xml_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML 1.0 characters either (2.2 Char):
        // written as U+FFFD, the replacement character.
        if (c == '\xEF' && i + 2 < text.size() && text[i + 1] == '\xBF' &&
            (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
            out += "\xEF\xBF\xBD";
            i += 2;
            continue;
        }
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            // Tab, line feed and carriage return as character references: a parser
            // normalises them to spaces in attribute values (XML 1.0 3.3.3) and CR LF to LF in
            // text, but keeps a referenced one (ids "a<TAB>b" and "a b" stay two actors).
            case '\t':
                out += "&#9;";
                break;
            case '\n':
                out += "&#10;";
                break;
            case '\r':
                out += "&#13;";
                break;
            default:
                // XML 1.0 forbids the other control characters even escaped: replace them.
                out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
        }
    }
    return out;
}

// ---- CSV pair ------------------------------------------------------------------------

void write_csv_nodes(const Network& net, std::ostream& out, CsvCells cells) {
    const auto cell = cells == CsvCells::spreadsheet_safe ? csv_text_cell : csv_field;
    const ActorColumns cols(net);
    out << "Id,Label";
    if (cols.part) out << ",part";
    if (cols.type) out << ",type";
    if (cols.focal) out << ",focal";
    if (cols.locality) out << ",locality";
    if (cols.stage) out << ",stage";
    if (cols.group) out << ",group";
    for (const auto& [name, c] : cols.extra) out << ',' << cell(name);
    out << '\n';
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        const auto& a = net.actor(i);
        out << cell(a.id) << ',' << cell(a.label);
        if (cols.part) out << ',' << to_string(a.part);
        if (cols.type) out << ',' << a.type;
        if (cols.focal) out << ',' << (a.focal ? "true" : "false");
        if (cols.locality) out << ',' << to_string(a.locality);
        if (cols.stage) out << ',' << cell(a.stage);
        if (cols.group) out << ',' << cell(a.group);
        for (const auto& [name, c] : cols.extra) out << ',' << cell(c->as_text(i));
        out << '\n';
    }
}

void write_csv_edges(const Network& net, std::ostream& out, CsvCells cells) {
    const auto cell = cells == CsvCells::spreadsheet_safe ? csv_text_cell : csv_field;
    const TieColumns cols(net);
    out << "Source,Target,Type,Weight";
    if (cols.relation) out << ",relation";
    for (const auto& [name, c] : cols.extra) out << ',' << cell(name);
    out << '\n';
    const char* type = net.directed() ? "Directed" : "Undirected";
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        out << cell(net.actor(net.source(e)).id) << ',' << cell(net.actor(net.target(e)).id) << ','
            << type << ',' << format_number(net.weight(e));
        if (cols.relation) out << ',' << cell(net.relations()[net.relation(e)]);
        for (const auto& [name, c] : cols.extra) out << ',' << cell(c->as_text(e));
        out << '\n';
    }
}

// ---- dispatch ------------------------------------------------------------------------------

OutputFormat output_format_for(const std::string& path) {
    if (!path.empty() && (path.back() == '/' || fs::is_directory(path)))
        return OutputFormat::csv_pair;
    const auto ext = ascii_lower(fs::path(path).extension().string());
    if (ext.empty()) return OutputFormat::csv_pair;
    if (ext == ".graphml") return OutputFormat::graphml;
    if (ext == ".gml") return OutputFormat::gml;
    if (ext == ".gexf") return OutputFormat::gexf;
    if (ext == ".json") return OutputFormat::json;
    if (ext == ".net" || ext == ".paj") return OutputFormat::pajek;
    if (ext == ".dl") return OutputFormat::dl;
    if (ext == ".vna") return OutputFormat::vna;
    if (ext == ".txt" || ext == ".edgelist") return OutputFormat::edgelist;
    if (ext == ".csv")
        throw UsageError(
            "for the Gephi CSV pair give a folder as output (it gets nodes.csv and "
            "edges.csv), e.g. -o out/network");
    throw UsageError("cannot tell the output format from '" + ext +
                     "'; use .graphml .gexf .gml .json .net .dl .vna .txt or a folder (CSV pair)");
}

std::vector<std::string> output_files_for(const std::string& path) {
    const auto format = output_format_for(path);
    if (format == OutputFormat::csv_pair)
        return {(fs::path(path) / "nodes.csv").string(), (fs::path(path) / "edges.csv").string()};
    std::vector<std::string> files = {path};
    if (format == OutputFormat::pajek)
        for (const auto& f : pajek_partition_fields()) files.push_back(sibling(path, f, ".clu"));
    return files;
}

std::vector<std::string> output_files_for(const std::string& path, const Network& net) {
    if (output_format_for(path) != OutputFormat::pajek) return output_files_for(path);
    std::vector<std::string> files = {path};
    for (const auto& f : pajek_partition_fields())
        if (has_field(net, f)) files.push_back(sibling(path, f, ".clu"));
    for (const auto* c : integer_attributes(net)) files.push_back(sibling(path, c->name, ".clu"));
    for (auto& f : pajek_relation_files(net, path)) files.push_back(std::move(f));
    return files;
}

namespace {
/// The .net, its partitions and, with several relations, one .net per relation: all written
/// and checked before any replaces an existing file. A partition this network has no values
/// for is removed if an earlier export left one (it would be read back with the wrong network).
std::vector<std::string> write_pajek_files(const Network& net, const std::string& path,
                                           const std::vector<std::string>& inputs) {
    const auto files = output_files_for(path, net);
    refuse_overwriting_inputs(output_files_for(path), inputs);
    refuse_overwriting_inputs(files, inputs);
    OutputSet out(inputs);
    write_pajek(net, out.add(path));
    std::vector<std::string> stale;
    for (const auto& f : pajek_partition_fields()) {
        if (!has_field(net, f)) {
            stale.push_back(sibling(path, f, ".clu"));
            continue;
        }
        write_pajek_partition(net, f, out.add(sibling(path, f, ".clu")));
    }
    for (const auto* c : integer_attributes(net)) {
        auto& clu = out.add(sibling(path, c->name, ".clu"));
        clu << "% " << c->name << " of each actor, one value per vertex in the order of the .net "
            << "file\n*Vertices " << net.actor_count() << '\n';
        for (const double v : c->numbers) clu << format_number(v) << '\n';
    }
    const auto relation_files = pajek_relation_files(net, path);
    for (std::uint32_t r = 0; r < relation_files.size(); ++r)
        write_pajek_relation(net, r, out.add(relation_files[r]));
    out.commit_all();
    for (const auto& f : stale) {
        std::error_code ec;
        if (fs::is_regular_file(f, ec)) fs::remove(f, ec);
    }
    return files;
}
}  // namespace

std::vector<std::string> write_network(const Network& net, const std::string& path,
                                       const std::vector<std::string>& inputs, CsvCells cells) {
    const auto format = output_format_for(path);
    if (format == OutputFormat::pajek) return write_pajek_files(net, path, inputs);
    const auto files = output_files_for(path);
    refuse_overwriting_inputs(files, inputs);
    if (format == OutputFormat::csv_pair) {
        create_output_folder(path);
        // Both files are written and checked before either replaces an existing one.
        OutputSet out(inputs);
        write_csv_nodes(net, out.add(files[0]), cells);
        write_csv_edges(net, out.add(files[1]), cells);
        out.commit_all();
        return files;
    }
    AtomicFile file(path);
    switch (format) {
        case OutputFormat::graphml:
            write_graphml(net, file.stream());
            break;
        case OutputFormat::gml:
            write_gml(net, file.stream());
            break;
        case OutputFormat::gexf:
            write_gexf(net, file.stream());
            break;
        case OutputFormat::json:
            write_json(net, file.stream());
            break;
        case OutputFormat::pajek:
            break;
        case OutputFormat::dl:
            write_dl(net, file.stream());
            break;
        case OutputFormat::vna:
            write_vna(net, file.stream());
            break;
        case OutputFormat::edgelist:
            write_edge_list(net, file.stream());
            break;
        case OutputFormat::csv_pair:
            break;
    }
    file.commit();
    return files;
}

}  // namespace clusterlens
