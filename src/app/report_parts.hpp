// Pieces both HTML reports are made of (the network report of `clusterlens report` and the
// comparison report of `compare --report`): the page head with its content security policy,
// JSON the script reads, inline SVG figures, table sections the script fills, and the findings
// tables with a line of meaning per number.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace clusterlens::app {

/// Text escaped for HTML content and attribute values (& < > " ').
std::string html_escape(const std::string& text);

/// From "<!DOCTYPE html>" to the opening <body>: the title ("TITLE — clusterlens report"), the
/// policy that forbids every request, and `css` inline.
std::string page_head(const std::string& title, const char* css);

/// JSON inside <script type="application/json">: "<" written as \u003c, so no "</script>" or
/// "<!--" in the data can end the element.
std::string script_json(const nlohmann::ordered_json& j);

/// Graphviz's SVG `svg` without its prolog (XML declaration, doctype, comments before <svg>),
/// every id prefixed with "PREFIX-" (several figures share one page) and the text alternative
/// `alt` on the <svg> element. Empty when `svg` holds no <svg> element.
std::string inline_svg(const std::string& svg, const std::string& prefix, const std::string& alt);

/// The SVG and PNG download buttons of the figure `name`.
std::string figure_buttons(const std::string& name);

/// A table section the script fills from the data (id ID: ID-filter, ID-count, ID-csv,
/// ID-table), with its heading and a line saying what it holds.
std::string data_table_section(const std::string& id, const std::string& title,
                               const std::string& note);

/// A JSON number as the findings print it (`digits` significant digits; integers whole), a
/// null or missing value as "–".
std::string report_num(const nlohmann::ordered_json& v, int digits = 3);
/// A share in [0, 1] as a percentage with one decimal, "–" when not a number.
std::string report_pct(const nlohmann::ordered_json& v);
/// The value at a path of keys, null when any is missing.
const nlohmann::ordered_json& json_at(const nlohmann::ordered_json& j,
                                      std::initializer_list<const char*> keys);

/// One line of a findings table: what (HTML), its value (HTML), what it means (HTML).
struct ReportRow {
    std::string what, value, meaning;
};
/// A findings table: Measure, Value, What it means.
std::string findings_table(const std::string& id, const std::string& caption,
                           const std::vector<ReportRow>& rows);
/// A note with the sources (`html` is already HTML).
std::string report_note(const std::string& html);

}  // namespace clusterlens::app
