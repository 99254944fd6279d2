// compare --report: one self-contained HTML file holding a comparison's findings in words, its
// figures (inline SVG with pan, zoom and downloads) and its tables (the CSV files compare
// writes, sortable and filterable, with a CSV download of the rows shown). Like the network
// report: no network access, the same bytes for the same input and options.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace clusterlens::app {

enum class CompareKind {
    local_global,   ///< one cluster: buzz versus pipelines
    two_networks,   ///< two clusters or two waves
    many_clusters,  ///< three or more clusters side by side
};

/// compare --report: also write OUTDIR/report.html holding the comparison's findings, figures
/// and tables (below), with this title and command line.
struct CompareReportOptions {
    bool wanted = false;
    std::string title, command;
    std::vector<std::string> inputs;  ///< the networks compared, as the user named them
};

struct CompareReportPage {
    CompareKind kind = CompareKind::local_global;
    std::string title;                ///< the page title
    std::string command;              ///< the command line that made the report
    std::vector<std::string> inputs;  ///< the networks compared, as the user named them
    nlohmann::ordered_json summary;   ///< comparison.json, or clusters.json (many clusters)

    /// A CSV output shown as a table: its file name (the table's id is the file's stem), a
    /// heading, a line saying what a row is, and the file's bytes.
    struct Table {
        std::string file, title, note, csv;
    };
    std::vector<Table> tables;

    /// A figure: its stem (ids inside are prefixed with it), a one-line description (the text
    /// alternative) and the SVG bytes.
    struct Figure {
        std::string stem, description, svg;
    };
    std::vector<Figure> figures;
};

/// A table lists at most this many rows (the first in the file); the note says so.
constexpr std::size_t kCompareReportRows = 20000;

/// OUTDIR/report.html.
std::string report_path(const std::string& out_dir);

/// A page of `kind` with the options' title, command and inputs and the summary `summary`;
/// the writer adds the tables and figures.
CompareReportPage report_page(CompareKind kind, const CompareReportOptions& options,
                              nlohmann::ordered_json summary);

/// The whole HTML file.
std::string compare_report_html(const CompareReportPage& page);

/// The findings section of the page, in words and small tables with a line of meaning for each
/// number and the methods' sources (compare_report_findings.cpp).
std::string compare_findings_html(const CompareReportPage& page);

}  // namespace clusterlens::app
