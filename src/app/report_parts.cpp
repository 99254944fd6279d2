// The pieces both HTML reports share (report_parts.hpp).
#include "src/app/report_parts.hpp"

#include <fmt/format.h>

#include <cmath>

#include "graphs/write.hpp"

namespace clusterlens::app {

// HTML text and attributes need what XML needs (&apos; is an HTML 5 entity too).
std::string html_escape(const std::string& text) { return xml_escape(text); }

std::string page_head(const std::string& title, const char* css) {
    std::string h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    // No request may leave the page: nothing external, and the policy says so to the browser.
    h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data: blob:\">\n";
    h += "<title>" + html_escape(title) + " — clusterlens report</title>\n";
    return h + "<style>\n" + css + "</style>\n</head>\n<body>\n";
}

std::string script_json(const nlohmann::ordered_json& j) {
    const auto text = j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '<')
            out += "\\u003c";
        else
            out += c;
    }
    return out;
}

std::string inline_svg(const std::string& svg, const std::string& prefix, const std::string& alt) {
    const auto start = svg.find("<svg");
    if (start == std::string::npos) return {};
    std::string out;
    out.reserve(svg.size() - start + 256);
    out += "<svg role=\"img\" aria-label=\"" + html_escape(alt) + "\"";
    for (std::size_t i = start + 4; i < svg.size();) {
        if (svg.compare(i, 4, "id=\"") == 0 && (svg[i - 1] == ' ' || svg[i - 1] == '\n')) {
            out += "id=\"" + prefix + "-";
            i += 4;
        } else {
            out += svg[i++];
        }
    }
    return out;
}

std::string figure_buttons(const std::string& name) {
    return fmt::format(
        "<button class=\"download-svg\" data-figure=\"{0}\" type=\"button\">SVG</button> "
        "<button class=\"download-png\" data-figure=\"{0}\" type=\"button\">PNG</button>",
        name);
}

std::string data_table_section(const std::string& id, const std::string& title,
                               const std::string& note) {
    return fmt::format(
        "<section id=\"{0}\" class=\"data-table\" aria-labelledby=\"{0}-h\">\n<h2 "
        "id=\"{0}-h\">{1}</h2>\n<p>{2}</p>\n"
        "<p><label>Filter <input id=\"{0}-filter\" type=\"search\" autocomplete=\"off\"></label>"
        " <span id=\"{0}-count\" aria-live=\"polite\"></span> <button id=\"{0}-csv\" "
        "type=\"button\">Download CSV of the rows shown</button></p>\n<div "
        "class=\"table-wrap\"><table id=\"{0}-table\"><thead></thead><tbody></tbody></table>"
        "</div>\n<p class=\"print-only\">Printed: the first 100 rows, sorted and filtered as on "
        "the screen; the CSV download holds every row shown.</p>\n</section>\n",
        id, title, note);
}

std::string report_num(const nlohmann::ordered_json& v, int digits) {
    if (v.is_null() || !v.is_number()) return "–";
    const double x = v.get<double>();
    if (!std::isfinite(x)) return "–";
    if (v.is_number_integer() || (x == std::floor(x) && std::fabs(x) < 1e9) || std::fabs(x) >= 100)
        return fmt::format("{:.0f}", x);
    return fmt::format("{:.{}g}", x, digits);
}

std::string report_pct(const nlohmann::ordered_json& v) {
    if (!v.is_number()) return "–";
    return fmt::format("{:.1f} %", 100 * v.get<double>());
}

const nlohmann::ordered_json& json_at(const nlohmann::ordered_json& j,
                                      std::initializer_list<const char*> keys) {
    static const nlohmann::ordered_json null;
    const nlohmann::ordered_json* p = &j;
    for (const char* k : keys) {
        if (!p->is_object() || !p->contains(k)) return null;
        p = &(*p)[k];
    }
    return *p;
}

std::string findings_table(const std::string& id, const std::string& caption,
                           const std::vector<ReportRow>& rows) {
    std::string h = fmt::format(
        "<table id=\"{}\" class=\"findings\"><caption>{}</caption><thead><tr><th "
        "scope=\"col\">Measure</th><th scope=\"col\">Value</th><th scope=\"col\">What it "
        "means</th></tr></thead><tbody>\n",
        id, caption);
    for (const auto& r : rows)
        h += "<tr><th scope=\"row\">" + r.what + "</th><td class=\"num\">" + r.value + "</td><td>" +
             r.meaning + "</td></tr>\n";
    return h + "</tbody></table>\n";
}

std::string report_note(const std::string& html) {
    return "<aside class=\"note\">" + html + "</aside>\n";
}

}  // namespace clusterlens::app
