#include "graphs/load.hpp"

#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "graphs/attributes.hpp"
#include "graphs/detect_format.hpp"
#include "graphs/text_input.hpp"

namespace clusterlens {
namespace fs = std::filesystem;

namespace {
std::string name_of(const std::string& path) {
    return ascii_lower(fs::path(path).filename().string());
}

bool is_workbook_format(InputFormat f) { return f == InputFormat::xlsx || f == InputFormat::ods; }

bool is_table(const std::string& path) {
    const auto e = extension_of(path);
    return e == ".csv" || e == ".tsv";
}

}  // namespace

std::vector<std::string> InputFiles::all() const {
    std::vector<std::string> out;
    if (!nodes.empty()) out.push_back(nodes);
    if (!main.empty()) out.push_back(main);
    out.insert(out.end(), extra.begin(), extra.end());
    return out;
}

namespace {
/// The format of the single network `main` (its extension, then its content, unless --format
/// names it) into `f`, with the warning that names a reading taken from the content; a
/// UsageError when nothing tells it.
void detect_format(InputFiles& f, const Source& main, const LoadOptions& options) {
    std::string why;
    f.format = options.format != InputFormat::automatic ? options.format : format_of(main, why);
    if (!why.empty())
        f.detected = std::string("read as ") + format_info(f.format).called +
                     " from its content (" + why +
                     "), not from its name; use --format to choose another reading";
    if (f.format == InputFormat::automatic && f.main == "<stdin>")
        throw UsageError(
            "cannot tell the format of standard input from its content (only GraphML, GEXF, "
            "JSON, Pajek, DL, VNA and workbooks tell it); name it with --format NAME, e.g. "
            "--format edgelist or --format csv");
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
}

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
    detect_format(f, Source::file(f.main), options);
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
    const InputLimitsScope limits(options.limits);
    if (inputs.size() == 1 && inputs[0] == "-") {  // standard input (load_network reads it)
        InputFiles f;
        f.format = options.format;
        f.main = "-";
        return f;
    }
    auto f = resolve_files(inputs, options);
    const auto& w = options.workbook;
    if (!is_workbook_format(f.format) && (!w.nodes_sheet.empty() || !w.edges_sheet.empty()))
        throw UsageError(
            "--nodes-sheet and --edges-sheet name sheets of an .xlsx or .ods "
            "workbook; the input here is not one");
    return f;
}

RawNetwork read_raw(const InputFiles& f, const LoadOptions& options) {
    if (f.format == InputFormat::automatic) throw UsageError("no input format");
    const InputLimitsScope limits(options.limits);
    return format_info(f.format).read(Source::file(f.main), f, options);
}

namespace {
/// UCINET DL and NetDraw VNA store an undirected network as a symmetric matrix or as ties in
/// both directions. When every tie has its reverse with the same weight and relation (and the
/// mapping does not insist on directed), keep one tie per pair and read the network as
/// undirected, so weights are not doubled by the parallel-tie policy.
void collapse_symmetric(RawNetwork& raw, const Mapping& m) {
    if (m.directed.value_or(false) || !raw.directed.value_or(false)) return;
    const auto& t = raw.ties;  // read only: a cell never given is not stored
    if (t.rows() == 0) {
        // No ties: "every tie has its reverse" holds, and an undirected network with no ties
        // written as DL must read back undirected (fuzz_dl round trip).
        raw.directed = false;
        raw.warnings.push_back(Warning{SourcePos{t.path, 0, 0},
                                       "no ties, so nothing says the network is directed: read "
                                       "as undirected (set [ties] directed = true in a mapping "
                                       "to read it as directed)"});
        return;
    }
    if (t.find(col::type) >= 0) return;
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
        // A self-loop is its own reverse: repeated, it is what our writer gives an undirected
        // self-loop (i->i and "its reverse"), and it says nothing about direction (fuzz_dl: a
        // nodelist `2 2 2` alone read as directed, then as undirected once written).
        if (std::get<0>(k) == std::get<1>(k)) continue;
        auto [it, fresh] = seen.emplace(k, std::make_pair(cell(w, row), std::size_t{1}));
        if (!fresh) return;  // parallel ties: not a plain symmetric matrix
    }
    for (const auto& [k, v] : seen) {
        const auto& [a, b, rel] = k;
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

/// The steps after reading, the same for files and buffers: the warning naming a reading
/// taken from the content, DL/VNA symmetric ties collapsed, assembly.
Network finish(RawNetwork raw, const InputFiles& files, const LoadOptions& options) {
    const InputLimitsScope limits(options.limits);
    if (!files.detected.empty())
        raw.warnings.insert(raw.warnings.begin(),
                            Warning{SourcePos{files.main, 0, 0}, files.detected});
    if (files.format == InputFormat::dl || files.format == InputFormat::vna)
        collapse_symmetric(raw, options.mapping);
    return assemble(std::move(raw), options.mapping, options.assemble);
}
}  // namespace

namespace {
/// Standard input, whole, as bytes (a pipe is read once, and formats are told from content):
/// at most --max-input-bytes of it (a .gz is counted again after decompression).
std::string read_standard_input(const LoadOptions& options) {
    const InputLimitsScope limits(options.limits);
    std::string bytes;
    char buf[1 << 16];
    for (;;) {
        const std::size_t got = std::fread(buf, 1, sizeof buf, stdin);
        bytes.append(buf, got);
        check_limit(bytes.size(), Limit::input_bytes, SourcePos{"<stdin>", 0, 0}, "standard input");
        if (got < sizeof buf) break;
    }
    if (std::ferror(stdin))
        throw InputError(SourcePos{"<stdin>", 0, 0}, "cannot read standard input");
    return bytes;
}
}  // namespace

Network load_network(const std::vector<std::string>& inputs, const LoadOptions& options) {
    if (inputs.size() == 1 && inputs[0] == "-")
        return load_network_from_buffer(read_standard_input(options), options.format, "<stdin>",
                                        options);
    const auto files = resolve_inputs(inputs, options);
    for (const auto& p : files.all()) {
        std::error_code ec;
        if (!fs::exists(p, ec))
            throw InputError(SourcePos{p, 0, 0}, "no such file; check the path");
    }
    return finish(read_raw(files, options), files, options);
}

namespace {
/// resolve_files for one buffer: its format from --format, the display name's extension or the
/// bytes; the sheets of a workbook.
InputFiles resolve_buffer(const std::string& display_name, std::string_view bytes,
                          InputFormat format, const LoadOptions& options) {
    LoadOptions o = options;
    if (format != InputFormat::automatic) o.format = format;
    InputFiles f;
    f.main = display_name;
    detect_format(f, Source::buffer(bytes, display_name), o);
    const auto& m = options.mapping;
    if (f.format == InputFormat::xlsx || f.format == InputFormat::ods) {
        f.workbook = options.workbook;
        if (f.workbook.nodes_sheet.empty()) f.workbook.nodes_sheet = m.nodes_file;
        if (f.workbook.edges_sheet.empty()) f.workbook.edges_sheet = m.edges_file;
    } else if (!options.workbook.nodes_sheet.empty() || !options.workbook.edges_sheet.empty()) {
        throw UsageError(
            "--nodes-sheet and --edges-sheet name sheets of an .xlsx or .ods "
            "workbook; the input here is not one");
    } else if (f.format == InputFormat::csv && !m.nodes_file.empty()) {
        throw UsageError("the mapping names an actor table ([files] nodes = \"" + m.nodes_file +
                         "\") next to the tie table; a buffer holds one table: load the pair "
                         "from files");
    }
    return f;
}
}  // namespace

Network load_network_from_buffer(std::string_view bytes, InputFormat format,
                                 std::string display_name, const LoadOptions& options) {
    const InputLimitsScope limits(options.limits);
    const auto files = resolve_buffer(display_name, bytes, format, options);
    LoadOptions o = options;
    if (format != InputFormat::automatic) o.format = format;
    return finish(format_info(files.format).read(Source::buffer(bytes, files.main), files, o),
                  files, o);
}

}  // namespace clusterlens
