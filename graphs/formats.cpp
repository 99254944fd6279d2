#include "graphs/formats.hpp"

#include <filesystem>

#include "graphs/load.hpp"
#include "graphs/read_matrix.hpp"
#include "graphs/read_workbook.hpp"
#include "graphs/readers.hpp"
#include "graphs/text_input.hpp"

namespace clusterlens {
namespace {

/// A CSV tie table, with its actor table when `files` names one. A single table whose format
/// was not given is read as an adjacency matrix when it looks like one (read_matrix.hpp), with
/// a warning saying so; `--format csv` keeps it a tie table.
RawNetwork read_csv_input(const Source& main, const InputFiles& f, const LoadOptions& options) {
    if (!f.nodes.empty()) return read_csv_pair(f.nodes, main.name, options.csv);
    if (options.format == InputFormat::automatic && csv_may_be_matrix(main)) {
        std::vector<Warning> encoding;
        const auto grid = read_csv_grid(main, encoding);
        if (looks_like_adjacency_matrix(grid)) {
            std::vector<Warning> w;
            auto raw = read_adjacency_matrix(grid, w);
            raw.warnings = std::move(encoding);
            raw.warnings.push_back(
                Warning{SourcePos{main.name, 1, 1},
                        "read as an adjacency matrix: the first row and the first column hold "
                        "the same " +
                            std::to_string(raw.actors.rows()) +
                            " labels in the same order, and the other cells are empty or "
                            "numbers (pass --format csv to read it as a tie table)"});
            for (auto& x : w) raw.warnings.push_back(std::move(x));
            return raw;
        }
    }
    return read_csv_ties(main, options.csv);
}

RawNetwork read_matrix_input(const Source& main, const InputFiles&, const LoadOptions&) {
    std::vector<Warning> w;
    const auto grid = read_csv_grid(main, w);
    auto raw = read_adjacency_matrix(grid, w);
    raw.warnings.insert(raw.warnings.begin(), w.begin(), w.end());
    return raw;
}

RawNetwork read_workbook_input(const Source& main, const InputFiles& f, const LoadOptions&) {
    if (!f.nodes.empty()) return read_workbook_pair(f.nodes, main.name, f.workbook);
    return read_workbook(main, f.workbook);
}

template <RawNetwork (*Reader)(const Source&)>
RawNetwork read_one(const Source& main, const InputFiles&, const LoadOptions&) {
    return Reader(main);
}

RawNetwork read_pajek_input(const Source& main, const InputFiles& f, const LoadOptions&) {
    return read_pajek(main, f.extra);
}

}  // namespace

const std::vector<FormatInfo>& input_formats() {
    using F = InputFormat;
    static const std::vector<FormatInfo> table = {
        {F::csv,
         "csv",
         {},
         {".csv", ".tsv"},
         "CSV",
         ".csv .tsv, or a folder with nodes and edges tables",
         read_csv_input},
        {F::xlsx, "xlsx", {}, {".xlsx"}, "an Excel workbook", "", read_workbook_input},
        {F::ods,
         "ods",
         {},
         {".ods"},
         "an OpenDocument spreadsheet",
         "workbooks: nodes and edges sheets",
         read_workbook_input},
        {F::matrix,
         "matrix",
         {"adjacency"},
         {},
         "an adjacency matrix",
         "an adjacency matrix in a .csv",
         read_matrix_input},
        {F::graphml,
         "graphml",
         {},
         {".graphml", ".xml"},
         "GraphML",
         ".graphml",
         read_one<read_graphml>},
        {F::gexf, "gexf", {}, {".gexf"}, "GEXF", ".gexf, Gephi", read_one<read_gexf>},
        {F::json,
         "json",
         {},
         {".json"},
         "node-link JSON",
         ".json, NetworkX node-link",
         read_one<read_json>},
        {F::gml, "gml", {}, {".gml"}, "GML", ".gml", read_one<read_gml>},
        {F::pajek,
         "pajek",
         {"net"},
         {".net", ".paj"},
         "Pajek",
         ".net, with .clu partitions",
         read_pajek_input},
        {F::dl, "dl", {"ucinet"}, {".dl"}, "UCINET DL", ".dl, UCINET", read_one<read_dl>},
        {F::vna, "vna", {}, {".vna"}, "NetDraw VNA", ".vna, NetDraw", read_one<read_vna>},
        {F::edgelist,
         "edgelist",
         {"edges", "txt"},
         {".txt", ".edges", ".edgelist", ".el", ".ncol"},
         "an edge list",
         ".txt .edges .edgelist",
         read_one<read_edge_list>},
    };
    return table;
}

const FormatInfo& format_info(InputFormat format) {
    for (const auto& f : input_formats())
        if (f.format == format) return f;
    throw UsageError("no input format");
}

std::vector<std::string> input_format_names() {
    std::vector<std::string> names;
    for (const auto& f : input_formats()) names.emplace_back(f.name);
    return names;
}

std::string readable_formats() {
    std::string out, names;
    for (const auto& f : input_formats()) {
        names += names.empty() ? f.name : std::string(" and ") + f.name;
        if (*f.note == '\0') continue;
        out += names + " (" + f.note + "), ";
        names.clear();
    }
    return out + "any text format gzip-compressed (.gz)";
}

InputFormat parse_input_format(const std::string& name) {
    const auto n = ascii_lower(name);
    for (const auto& f : input_formats()) {
        if (n == f.name) return f.format;
        for (const auto& alias : f.aliases)
            if (n == alias) return f.format;
    }
    throw UsageError("unknown input format '" + name +
                     "'; --format takes one of: " + readable_formats());
}

std::string extension_of(const std::string& path) {
    namespace fs = std::filesystem;
    fs::path p(path);
    auto ext = ascii_lower(p.extension().string());
    if (ext == ".gz") ext = ascii_lower(p.stem().extension().string());
    return ext;
}

InputFormat format_from_extension(const std::string& path) {
    const auto e = extension_of(path);
    for (const auto& f : input_formats())
        for (const auto& x : f.extensions)
            if (e == x) return f.format;
    return InputFormat::automatic;
}

}  // namespace clusterlens
