// The input formats clusterlens reads, in one table: the name --format takes and its aliases, the
// file extensions that imply the format, what messages call it, its note in the list of accepted
// formats, whether it can be read from a buffer in memory, and its reader. parse_input_format,
// format_from_extension, the accepted-format list of messages, read_raw and the help text all
// derive from the table (formats.cpp), so a new reader is one row there.
#pragma once

#include <string>
#include <vector>

#include "graphs/raw.hpp"
#include "graphs/source.hpp"

namespace clusterlens {

enum class InputFormat {
    automatic,
    csv,
    graphml,
    gexf,
    gml,
    pajek,
    dl,
    vna,
    edgelist,
    xlsx,
    ods,
    matrix,
    json
};

struct InputFiles;
struct LoadOptions;

struct FormatInfo {
    InputFormat format;
    const char* name;                     ///< what --format takes: "graphml"
    std::vector<std::string> aliases;     ///< other names --format takes ("net" for pajek)
    std::vector<std::string> extensions;  ///< extensions that imply it, lower case (".graphml")
    const char* called;                   ///< what messages call it: "GraphML", "an edge list"
    /// Its note in the accepted-format list, "name (note)"; "" when it shares the note of the
    /// format after it ("xlsx and ods (workbooks: ...)").
    const char* note;
    /// Reads `main` (the network file or tie table, a file or a buffer) and, for the formats
    /// that take several files, the others `files` names.
    RawNetwork (*read)(const Source& main, const InputFiles& files, const LoadOptions& options);
};

/// Every input format, in the order the accepted-format list names them.
const std::vector<FormatInfo>& input_formats();
/// The row of `format` (not automatic).
const FormatInfo& format_info(InputFormat format);
/// The names --format takes, one per format in table order (csv, xlsx, ods, matrix, graphml,
/// ...), for help text.
std::vector<std::string> input_format_names();
/// The formats and extensions clusterlens reads, as messages list them.
std::string readable_formats();

/// Parses a format name or alias (csv, graphml, gexf, gml, pajek, dl, vna, edgelist, xlsx, ods,
/// matrix, json, ...; any case); UsageError listing readable_formats() otherwise.
InputFormat parse_input_format(const std::string& name);
/// The format an input file's extension implies (".gz" is looked through); automatic if none.
InputFormat format_from_extension(const std::string& path);
/// The extension of `path` in lower case, looking through ".gz" (".net" for "a.NET.gz").
std::string extension_of(const std::string& path);

}  // namespace clusterlens
