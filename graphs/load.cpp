#include "graphs/load.hpp"

#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "graphs/attributes.hpp"
#include "graphs/read_matrix.hpp"
#include "graphs/readers.hpp"
#include "graphs/text_input.hpp"

namespace clusterlens {
namespace fs = std::filesystem;

namespace {
std::string extension_of(const std::string& path) {
    fs::path p(path);
    auto ext = ascii_lower(p.extension().string());
    if (ext == ".gz") ext = ascii_lower(p.stem().extension().string());
    return ext;
}

std::string name_of(const std::string& path) {
    return ascii_lower(fs::path(path).filename().string());
}

bool is_workbook_format(InputFormat f) { return f == InputFormat::xlsx || f == InputFormat::ods; }

bool is_table(const std::string& path) {
    const auto e = extension_of(path);
    return e == ".csv" || e == ".tsv";
}

/// True when the file reads as a UCINET DL file: its first word is `dl` (any case), alone on
/// its line or followed by a DL keyword (`dl n=5`, `DL N=16 NM=2`, `dl n 14`, `dl format=...`).
/// UCINET ships DL data as .DAT and .txt as often as .dl; an edge list whose first line is
/// `dl <actor>` is not mistaken for one unless that actor is called n, nm, nr, nc or format.
bool looks_like_dl(const std::string& path) {
    try {
        LineReader in(path);
        std::string line;
        for (int k = 0; k < 50 && in.next(line); ++k) {
            const auto b = line.find_first_not_of(" \t");
            if (b == std::string::npos) continue;
            const auto e = line.find_first_of(" \t,=:", b);
            if (ascii_lower(line.substr(b, e == std::string::npos ? e : e - b)) != "dl")
                return false;
            const auto r = e == std::string::npos ? e : line.find_first_not_of(" \t,", e);
            if (r == std::string::npos) return true;
            const auto re = line.find_first_of(" \t,=:0123456789", r);
            const auto word = ascii_lower(line.substr(r, re == std::string::npos ? re : re - r));
            return word == "n" || word == "nm" || word == "nr" || word == "nc" || word == "format";
        }
    } catch (const Error&) {
        // Unreadable: the reader chosen by extension reports it.
    }
    return false;
}

/// What a file with a known extension clusterlens does not read is, and how to get a file it
/// does read; "" for an extension nobody uses for networks.
std::string known_unsupported(const std::string& ext) {
    static const std::map<std::string, std::string> known = {
        {".xls", "an Excel 97-2003 workbook: save it as .xlsx or export the sheets as CSV"},
        {".xlsm", "a macro-enabled Excel workbook: save it as .xlsx"},
        {".xlsb", "a binary Excel workbook: save it as .xlsx"},
        {".gdf", "GUESS/Gephi GDF: export the network from Gephi as GraphML or GEXF"},
        {".gephi", "a Gephi project: export the network from Gephi as GraphML or GEXF"},
        {".dot", "a Graphviz drawing: export the network as GraphML, GML or an edge list"},
        {".gv", "a Graphviz drawing: export the network as GraphML, GML or an edge list"},
        {".##h", "a UCINET 6 binary dataset: export it from UCINET as DL (Data > Export > DL)"},
        {".##d", "a UCINET 6 binary dataset: export it from UCINET as DL (Data > Export > DL)"},
        {".rds", "an R object: write it with igraph::write_graph(g, 'x.graphml', 'graphml')"},
        {".rdata", "an R workspace: write the network with igraph::write_graph as GraphML"},
        {".sav", "an SPSS file: export the ties as CSV"},
        {".dta", "a Stata file: export the ties as CSV"},
        {".zip", "an archive: unpack it and give the network file or folder"},
    };
    const auto it = known.find(ext);
    return it == known.end() ? std::string() : it->second;
}

/// The formats and extensions clusterlens reads, for messages.
std::string readable_formats() {
    return "csv (.csv .tsv, or a folder with nodes and edges tables), xlsx and ods (workbooks: "
           "nodes and edges sheets), matrix (an adjacency matrix in a .csv), graphml (.graphml), "
           "gexf (.gexf, Gephi), json (.json, NetworkX node-link), gml (.gml), pajek "
           "(.net, with .clu "
           "partitions), dl (.dl, UCINET), vna (.vna, NetDraw), edgelist (.txt .edges .edgelist), "
           "any text format gzip-compressed (.gz)";
}

/// The format a file without a known extension has by its first lines: `<graphml` (GraphML),
/// `<gexf` (GEXF),
/// `*Vertices`/`*Network` (Pajek), `*node data`/`*tie data` (NetDraw VNA), `graph [` or a
/// `Creator`/`Version` line before it (GML). Automatic when none fits.
InputFormat sniff_format(const std::string& path, std::string& why) {
    try {
        LineReader in(path);
        std::string line, head;
        for (int k = 0; k < 200 && in.next(line) && head.size() < 4096; ++k) {
            const auto t = ascii_lower(trim(line));
            if (t.empty() || t[0] == '%' || t[0] == '#') continue;
            head += t + '\n';
            if (t[0] == '<') {
                if (head.find("<graphml") != std::string::npos) {
                    why = "a <graphml> element";
                    return InputFormat::graphml;
                }
                if (head.find("<gexf") != std::string::npos) {
                    why = "a <gexf> element";
                    return InputFormat::gexf;
                }
                continue;  // <?xml ...?>, comments: read on
            }
            if (t.rfind("*vertices", 0) == 0 || t.rfind("*network", 0) == 0) {
                why = "a " + t.substr(0, t.find_first_of(" \t")) + " line";
                return InputFormat::pajek;
            }
            if (t.rfind("*node data", 0) == 0 || t.rfind("*tie data", 0) == 0 ||
                t.rfind("*node properties", 0) == 0) {
                why = "a '" + t + "' section";
                return InputFormat::vna;
            }
            if (t.rfind("creator", 0) == 0 || t.rfind("version", 0) == 0) continue;  // GML head
            if (t.rfind("graph", 0) == 0 && t.find_first_not_of(" \t", 5) != std::string::npos &&
                t[t.find_first_not_of(" \t", 5)] == '[') {
                why = "'graph ['";
                return InputFormat::gml;
            }
            if (t == "graph") {  // "graph" with "[" on the next line
                std::string next;
                if (in.next(next) && trim(next).rfind('[', 0) == 0) {
                    why = "'graph ['";
                    return InputFormat::gml;
                }
            }
            return InputFormat::automatic;
        }
    } catch (const Error&) {
        // Unreadable: reported when it is opened.
    }
    return InputFormat::automatic;
}

/// The format of one network file: by extension, except that a .txt edge list or a file with
/// no known extension (.dat) whose content starts like a DL file is read as DL, and a file
/// with no known extension is told by its content (sniff_format). `why` says which content
/// decided, for the warning; "" when the extension did.
InputFormat format_of(const std::string& path, std::string& why) {
    const auto f = format_from_extension(path);
    if ((f == InputFormat::edgelist || f == InputFormat::automatic) && looks_like_dl(path)) {
        why = "its first word is 'dl'";
        return InputFormat::dl;
    }
    if (f == InputFormat::automatic) return sniff_format(path, why);
    if (f == InputFormat::graphml && extension_of(path) == ".xml") {
        // .xml says XML, not which XML: Gephi users save GEXF under that name too.
        std::string sniffed;
        if (sniff_format(path, sniffed) == InputFormat::gexf) {
            why = sniffed;
            return InputFormat::gexf;
        }
    }
    return f;
}

const char* format_name(InputFormat f) {
    switch (f) {
        case InputFormat::csv:
            return "CSV";
        case InputFormat::graphml:
            return "GraphML";
        case InputFormat::gexf:
            return "GEXF";
        case InputFormat::gml:
            return "GML";
        case InputFormat::pajek:
            return "Pajek";
        case InputFormat::dl:
            return "UCINET DL";
        case InputFormat::vna:
            return "NetDraw VNA";
        case InputFormat::edgelist:
            return "an edge list";
        case InputFormat::xlsx:
            return "an Excel workbook";
        case InputFormat::ods:
            return "an OpenDocument spreadsheet";
        case InputFormat::matrix:
            return "an adjacency matrix";
        case InputFormat::json:
            return "node-link JSON";
        case InputFormat::automatic:
            break;
    }
    return "?";
}
}  // namespace

InputFormat parse_input_format(const std::string& name) {
    const auto n = ascii_lower(name);
    if (n == "csv") return InputFormat::csv;
    if (n == "graphml") return InputFormat::graphml;
    if (n == "gexf") return InputFormat::gexf;
    if (n == "gml") return InputFormat::gml;
    if (n == "pajek" || n == "net") return InputFormat::pajek;
    if (n == "dl" || n == "ucinet") return InputFormat::dl;
    if (n == "vna") return InputFormat::vna;
    if (n == "edgelist" || n == "edges" || n == "txt") return InputFormat::edgelist;
    if (n == "xlsx") return InputFormat::xlsx;
    if (n == "ods") return InputFormat::ods;
    if (n == "matrix" || n == "adjacency") return InputFormat::matrix;
    if (n == "json") return InputFormat::json;
    throw UsageError("unknown input format '" + name +
                     "'; --format takes one of: " + readable_formats());
}

InputFormat format_from_extension(const std::string& path) {
    const auto e = extension_of(path);
    if (e == ".csv" || e == ".tsv") return InputFormat::csv;
    if (e == ".graphml" || e == ".xml") return InputFormat::graphml;
    if (e == ".gexf") return InputFormat::gexf;
    if (e == ".json") return InputFormat::json;
    if (e == ".gml") return InputFormat::gml;
    if (e == ".net" || e == ".paj") return InputFormat::pajek;
    if (e == ".dl") return InputFormat::dl;
    if (e == ".vna") return InputFormat::vna;
    if (e == ".xlsx") return InputFormat::xlsx;
    if (e == ".ods") return InputFormat::ods;
    if (e == ".txt" || e == ".edges" || e == ".edgelist" || e == ".el" || e == ".ncol")
        return InputFormat::edgelist;
    return InputFormat::automatic;
}

std::vector<std::string> InputFiles::all() const {
    std::vector<std::string> out;
    if (!nodes.empty()) out.push_back(nodes);
    if (!main.empty()) out.push_back(main);
    out.insert(out.end(), extra.begin(), extra.end());
    return out;
}

namespace {
InputFiles resolve_files(const std::vector<std::string>& inputs, const LoadOptions& options) {
    if (inputs.empty())
        throw UsageError("no network given; name a file, a nodes.csv/edges.csv pair or a folder");
    InputFiles f;
    const auto& m = options.mapping;

    for (const auto& in : inputs) {
        std::error_code ec;
        if (!fs::exists(in, ec))
            throw InputError(SourcePos{in, 0, 0}, "no such file or folder; check the path");
    }
    // A folder: its nodes/edges tables (named by the mapping, or found by name).
    if (inputs.size() == 1 && fs::is_directory(inputs[0])) {
        if (options.format != InputFormat::automatic && options.format != InputFormat::csv)
            throw UsageError("--format applies to a single file; a folder is read as a CSV pair");
        const fs::path dir(inputs[0]);
        f.format = InputFormat::csv;
        if (!m.edges_file.empty()) {
            f.main = (dir / m.edges_file).string();
            if (!m.nodes_file.empty()) f.nodes = (dir / m.nodes_file).string();
            return f;
        }
        std::vector<std::string> node_files, edge_files;
        for (const auto& entry : fs::directory_iterator(dir)) {
            if (!entry.is_regular_file()) continue;
            const auto p = entry.path().string();
            if (!is_table(p)) continue;
            const auto n = name_of(p);
            if (n.find("edge") != std::string::npos || n.find("tie") != std::string::npos)
                edge_files.push_back(p);
            else if (n.find("node") != std::string::npos || n.find("actor") != std::string::npos)
                node_files.push_back(p);
        }
        if (edge_files.size() != 1 || node_files.size() > 1)
            throw UsageError(
                "folder " + inputs[0] +
                " must hold one edges table (a .csv or .csv.gz "
                "whose name contains 'edge') and at most one nodes table (name "
                "containing 'node'); found " +
                std::to_string(edge_files.size()) + " and " + std::to_string(node_files.size()) +
                "; name them in a mapping file ([files] nodes = \"...\", edges = \"...\")");
        f.main = edge_files[0];
        if (!node_files.empty()) f.nodes = node_files[0];
        return f;
    }
    for (const auto& in : inputs) {
        if (fs::is_directory(in))
            throw UsageError(in + " is a folder; give a folder alone, or files only");
    }

    // Pajek .net with .clu partitions.
    std::vector<std::string> files;
    for (const auto& in : inputs) {
        if (extension_of(in) == ".clu")
            f.extra.push_back(in);
        else
            files.push_back(in);
    }
    if (!f.extra.empty()) {
        if (files.size() != 1 || format_from_extension(files[0]) != InputFormat::pajek)
            throw UsageError(".clu partitions go with exactly one Pajek .net file");
        f.format = InputFormat::pajek;
        f.main = files[0];
        return f;
    }

    if (files.size() == 2) {
        // nodes + edges pair; accept either order when the names say which is which.
        const bool book0 = is_workbook_format(format_from_extension(files[0]));
        const bool book1 = is_workbook_format(format_from_extension(files[1]));
        if (book0 != book1)
            throw UsageError(
                "a nodes/edges pair is two CSV tables or two workbooks (.xlsx, "
                ".ods), not one of each; export the workbook's sheet as CSV or "
                "put both tables in workbooks");
        f.format = book0 ? format_from_extension(files[1]) : InputFormat::csv;
        f.workbook = options.workbook;
        const bool first_edges = name_of(files[0]).find("edge") != std::string::npos;
        const bool second_edges = name_of(files[1]).find("edge") != std::string::npos;
        if (first_edges && !second_edges) {
            f.nodes = files[1];
            f.main = files[0];
        } else {
            f.nodes = files[0];
            f.main = files[1];
        }
        return f;
    }
    if (files.size() > 2)
        throw UsageError("too many inputs: give one network file, a nodes/edges pair or a folder");

    f.main = files[0];
    std::string why;
    f.format = options.format != InputFormat::automatic ? options.format : format_of(f.main, why);
    if (!why.empty())
        f.detected = std::string("read as ") + format_name(f.format) + " from its content (" + why +
                     "), not from its name; use --format to choose another reading";
    if (f.format == InputFormat::automatic) {
        const auto ext = extension_of(f.main);
        const auto known = known_unsupported(ext);
        throw UsageError(
            (ext.empty() ? "cannot tell the format of " + f.main + ": it has no extension"
                         : "cannot read " + f.main + ": '" + ext +
                               "' is not a format clusterlens "
                               "reads") +
            (known.empty() ? std::string() : " (" + known + ")") + "; clusterlens reads " +
            readable_formats() + "; rename the file or name its format with --format NAME");
    }
    if (is_workbook_format(f.format)) {
        // One workbook: sheets named by the options, else by the mapping's [files].
        f.workbook = options.workbook;
        if (f.workbook.nodes_sheet.empty()) f.workbook.nodes_sheet = m.nodes_file;
        if (f.workbook.edges_sheet.empty()) f.workbook.edges_sheet = m.edges_file;
        return f;
    }
    if (f.format == InputFormat::csv && !m.nodes_file.empty()) {
        // A single CSV plus a mapping that names the nodes file next to it.
        f.nodes = (fs::path(f.main).parent_path() / m.nodes_file).string();
    }
    return f;
}

}  // namespace

InputFiles resolve_inputs(const std::vector<std::string>& inputs, const LoadOptions& options) {
    auto f = resolve_files(inputs, options);
    const auto& w = options.workbook;
    if (!is_workbook_format(f.format) && (!w.nodes_sheet.empty() || !w.edges_sheet.empty()))
        throw UsageError(
            "--nodes-sheet and --edges-sheet name sheets of an .xlsx or .ods "
            "workbook; the input here is not one");
    return f;
}

RawNetwork read_raw(const InputFiles& f, const LoadOptions& options) {
    switch (f.format) {
        case InputFormat::csv:
            if (f.nodes.empty() && options.format == InputFormat::automatic &&
                csv_may_be_matrix(f.main)) {
                std::vector<Warning> encoding;
                const auto grid = read_csv_grid(f.main, encoding);
                if (looks_like_adjacency_matrix(grid)) {
                    std::vector<Warning> w;
                    auto raw = read_adjacency_matrix(grid, w);
                    raw.warnings = std::move(encoding);
                    raw.warnings.push_back(Warning{
                        SourcePos{f.main, 1, 1},
                        "read as an adjacency matrix: the first row and the first column hold "
                        "the same " +
                            std::to_string(raw.actors.rows()) +
                            " labels in the same order, and the other cells are empty or "
                            "numbers (pass --format csv to read it as a tie table)"});
                    for (auto& x : w) raw.warnings.push_back(std::move(x));
                    return raw;
                }
            }
            return read_csv_pair(f.nodes, f.main, options.csv);
        case InputFormat::matrix: {
            std::vector<Warning> w;
            const auto grid = read_csv_grid(f.main, w);
            auto raw = read_adjacency_matrix(grid, w);
            raw.warnings.insert(raw.warnings.begin(), w.begin(), w.end());
            return raw;
        }
        case InputFormat::graphml:
            return read_graphml(f.main);
        case InputFormat::gexf:
            return read_gexf(f.main);
        case InputFormat::json:
            return read_json(f.main);
        case InputFormat::gml:
            return read_gml(f.main);
        case InputFormat::pajek:
            return read_pajek(f.main, f.extra);
        case InputFormat::dl:
            return read_dl(f.main);
        case InputFormat::vna:
            return read_vna(f.main);
        case InputFormat::edgelist:
            return read_edge_list(f.main);
        case InputFormat::xlsx:
        case InputFormat::ods:
            if (!f.nodes.empty()) return read_workbook_pair(f.nodes, f.main, f.workbook);
            return read_workbook(f.main, f.workbook);
        case InputFormat::automatic:
            break;
    }
    throw UsageError("no input format");
}

namespace {
/// UCINET DL and NetDraw VNA store an undirected network as a symmetric matrix or as ties in
/// both directions. When every tie has its reverse with the same weight and relation (and the
/// mapping does not insist on directed), keep one tie per pair and read the network as
/// undirected, so weights are not doubled by the parallel-tie policy.
void collapse_symmetric(RawNetwork& raw, const Mapping& m) {
    if (m.directed.value_or(false) || !raw.directed.value_or(false)) return;
    auto& t = raw.ties;
    if (t.rows() == 0 || t.find(col::type) >= 0) return;
    const int s = t.find(col::source), g = t.find(col::target);
    const int w = t.find(col::weight), r = t.find(col::relation);
    if (s < 0 || g < 0) return;
    auto cell = [&](int c, std::size_t row) {
        return c < 0 ? std::string() : t.cell(static_cast<std::size_t>(c), row);
    };
    using Key = std::tuple<std::string, std::string, std::string>;
    std::map<Key, std::pair<std::string, std::size_t>> seen;  // -> weight, count
    for (std::size_t row = 0; row < t.rows(); ++row) {
        const Key k{cell(s, row), cell(g, row), cell(r, row)};
        auto [it, fresh] = seen.emplace(k, std::make_pair(cell(w, row), std::size_t{1}));
        if (!fresh) return;  // parallel ties: not a plain symmetric matrix
    }
    for (const auto& [k, v] : seen) {
        const auto& [a, b, rel] = k;
        if (a == b) continue;
        auto it = seen.find(Key{b, a, rel});
        if (it == seen.end() || parse_number(it->second.first) != parse_number(v.first)) return;
    }
    // Symmetric: keep the first of each pair.
    RawTable kept;
    kept.path = t.path;
    std::vector<std::size_t> cols;
    for (const auto& name : t.names()) cols.push_back(kept.column(name));
    std::set<Key> done;
    for (std::size_t row = 0; row < t.rows(); ++row) {
        const auto a = cell(s, row), b = cell(g, row), rel = cell(r, row);
        if (done.count(Key{b, a, rel})) continue;
        done.insert(Key{a, b, rel});
        const auto nr = kept.add_row(t.line(row));
        for (std::size_t c = 0; c < cols.size(); ++c)
            kept.set(cols[c], nr, t.cell(c, row), t.col_pos(c, row));
    }
    raw.ties = std::move(kept);
    raw.directed = false;
    raw.warnings.push_back(Warning{SourcePos{t.path, 0, 0},
                                   "every tie has its reverse with the same weight: read as an "
                                   "undirected network (set [ties] directed = true in a mapping "
                                   "to keep both arcs)"});
}
}  // namespace

Network load_network(const std::vector<std::string>& inputs, const LoadOptions& options) {
    const auto files = resolve_inputs(inputs, options);
    for (const auto& p : files.all()) {
        std::error_code ec;
        if (!fs::exists(p, ec))
            throw InputError(SourcePos{p, 0, 0}, "no such file; check the path");
    }
    auto raw = read_raw(files, options);
    if (!files.detected.empty())
        raw.warnings.insert(raw.warnings.begin(),
                            Warning{SourcePos{files.main, 0, 0}, files.detected});
    if (files.format == InputFormat::dl || files.format == InputFormat::vna)
        collapse_symmetric(raw, options.mapping);
    auto net = assemble(std::move(raw), options.mapping, options.assemble);
    return net;
}

}  // namespace clusterlens
