// Loading a network from what the user names on the command line: one file (format from its
// extension, .gz allowed), a nodes/edges CSV pair, or a folder holding both; Pajek .clu
// partitions may follow a .net file. Or from bytes in memory (load_network_from_buffer). The
// formats themselves are listed once, in formats.hpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graphs/assemble.hpp"
#include "graphs/csv.hpp"
#include "graphs/formats.hpp"
#include "graphs/limits.hpp"
#include "graphs/mapping.hpp"
#include "graphs/network.hpp"
#include "graphs/raw.hpp"
#include "graphs/read_workbook.hpp"

namespace clusterlens {

struct LoadOptions {
    Mapping mapping;
    AssembleOptions assemble;
    InputFormat format = InputFormat::automatic;
    /// Sheets of a workbook (--nodes-sheet, --edges-sheet); when empty, a single workbook falls
    /// back to the mapping's [files] nodes/edges as sheet names, then to finding them by name.
    WorkbookOptions workbook;
    CsvOptions csv;  ///< decimal commas (--decimal-comma)
    /// What one load may take (limits.hpp: --max-input-bytes, --max-line-length,
    /// --max-input-actors,
    /// --max-attribute-keys, --max-attribute-cells); the functions below hold every reader to
    /// them.
    InputLimits limits;
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

/// Loads one network from `bytes` in memory (plain or gzip-compressed), exactly as
/// load_network loads a file holding them: the same network and the same warnings and errors,
/// with `display_name` where messages print the path (`display_name:line:col: error: ...`).
/// The format is `format`, else options.format, else the display name's extension, else the
/// content (as for a file). Every format reads from a buffer in its single-file form: csv (one
/// tie table, or an adjacency matrix it turns out to be), matrix, graphml, gexf, json, gml,
/// pajek (without .clu partitions), dl, vna, edgelist, xlsx and ods (one workbook, both
/// sheets in it). What needs a second file stays with load_network: a CSV actor table next to
/// the tie table (a mapping naming one is a UsageError here), a folder, a pair of workbooks,
/// .clu partitions.
Network load_network_from_buffer(std::string_view bytes, InputFormat format,
                                 std::string display_name, const LoadOptions& options = {});

}  // namespace clusterlens
