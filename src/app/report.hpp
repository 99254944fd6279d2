// The report: one self-contained HTML file holding a scored network's findings in words and
// tables, its figures (inline SVG, explorable by a small script of our own), and the actor and
// tie tables to sort, filter and download. No network access: no external font, script or
// image; the same input and options give the same bytes.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "render/diagram.hpp"
#include "src/app/report_parts.hpp"
#include "src/score/score.hpp"

namespace clusterlens::app {

/// One figure of the network view: its name (the DOM id is view-NAME), the button's caption,
/// a one-line description, and the SVG drawn by render_network.
struct ReportView {
    std::string name, caption, description;
    render::Diagram diagram;
};

/// One relation of the report: its scores and its views (in button order; the first is shown
/// first).
struct ReportRelation {
    const scoring::ScoredRelation* scored = nullptr;
    std::vector<ReportView> views;
};

struct ReportPage {
    std::string title;    ///< the page title (e.g. the input's name)
    std::string input;    ///< what was read, as the user named it
    std::string command;  ///< the command line that made the report
    /// Every relation reported: with several, the page shows one at a time and a switch
    /// (input.toggle-relation) chooses which. The first relation's ids are those of a page with
    /// one relation; relation K's (K >= 1) are prefixed "rK-".
    std::vector<ReportRelation> relations;
    std::size_t max_tie_rows = 20000;  ///< the ties table lists at most this many (strongest)
};

/// The whole HTML file.
std::string report_html(const ReportPage& page);

// ---- parts (report_findings.cpp, report_assets.cpp) -------------------------------------

/// The findings section: headline, buzz versus pipelines, firm typology, brokers and
/// gatekeepers, learning-capacity weights, lock-in, each number with a one-line explanation and
/// the method's citation in a note.
/// `prefix` goes before every id.
std::string findings_html(const scoring::ScoredRelation& scored, const std::string& prefix = "");

/// The page's style sheet and scripts (no external resource): the kit both reports use
/// (window.clusterlensKit: tables, figures' pan and zoom, downloads), then the network report's
/// own script.
const char* report_css();
const char* report_kit_js();
const char* report_js();

}  // namespace clusterlens::app
