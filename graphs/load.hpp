// Loading a network from what the user names on the command line: one file (format from its
// extension, .gz allowed), a nodes/edges CSV pair, or a folder holding both; Pajek .clu
// partitions may follow a .net file.
#pragma once

#include <string>
#include <vector>

#include "graphs/assemble.hpp"
#include "graphs/csv.hpp"
#include "graphs/mapping.hpp"
#include "graphs/network.hpp"
#include "graphs/raw.hpp"
#include "graphs/read_workbook.hpp"

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

/// Parses a format name (csv, graphml, gexf, gml, pajek, dl, vna, edgelist, xlsx, ods, matrix,
/// json);
/// UsageError otherwise.
InputFormat parse_input_format(const std::string& name);
/// The format an input file's extension implies (".gz" is looked through); automatic if none.
InputFormat format_from_extension(const std::string& path);

struct LoadOptions {
    Mapping mapping;
    AssembleOptions assemble;
    InputFormat format = InputFormat::automatic;
    /// Sheets of a workbook (--nodes-sheet, --edges-sheet); when empty, a single workbook falls
    /// back to the mapping's [files] nodes/edges as sheet names, then to finding them by name.
    WorkbookOptions workbook;
    CsvOptions csv;  ///< decimal commas (--decimal-comma)
};

/// The files an input specification resolves to (after folder lookup and pair ordering).
struct InputFiles {
    InputFormat format = InputFormat::automatic;
    std::string nodes;               ///< CSV or workbook actor table ("" if none)
    std::string main;                ///< CSV or workbook tie table, or the single network file
    std::vector<std::string> extra;  ///< Pajek .clu partitions
    /// How the format was told from the content when the extension did not say (for the
    /// warning that names the reading taken); "" when the extension or --format said.
    std::string detected;
    std::vector<std::string> all() const;
    WorkbookOptions workbook;  ///< the sheets to read (xlsx, ods)
};

/// Resolves the user's input arguments. Throws UsageError when they do not name a network.
InputFiles resolve_inputs(const std::vector<std::string>& inputs, const LoadOptions& options);
/// Reads the files with the right reader. A single CSV file (no actor table) whose format was
/// not given is read as an adjacency matrix when it looks like one (read_matrix.hpp), with a
/// warning saying so; `--format csv` keeps it a tie table.
RawNetwork read_raw(const InputFiles& files, const LoadOptions& options = {});
/// resolve_inputs + read_raw + assemble.
Network load_network(const std::vector<std::string>& inputs, const LoadOptions& options);

}  // namespace clusterlens
