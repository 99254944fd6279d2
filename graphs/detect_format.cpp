// How the format of one network file (or buffer) is told when its extension does not say.
#include "graphs/detect_format.hpp"

#include <map>

#include "graphs/text_input.hpp"

namespace clusterlens {
namespace {
/// True when the file reads as a UCINET DL file: its first word is `dl` (any case), alone on
/// its line or followed by a DL keyword (`dl n=5`, `DL N=16 NM=2`, `dl n 14`, `dl format=...`).
/// UCINET ships DL data as .DAT and .txt as often as .dl; an edge list whose first line is
/// `dl <actor>` is not mistaken for one unless that actor is called n, nm, nr, nc or format.
bool looks_like_dl(const Source& source) {
    try {
        LineReader in(source);
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

/// The format a file without a known extension has by its first lines: `<graphml` (GraphML),
/// `<gexf` (GEXF),
/// `*Vertices`/`*Network` (Pajek), `*node data`/`*tie data` (NetDraw VNA), `graph [` or a
/// `Creator`/`Version` line before it (GML). Automatic when none fits.
InputFormat sniff_format(const Source& source, std::string& why) {
    try {
        LineReader in(source);
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

}  // namespace

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

/// The format of one network file: by extension, except that a .txt edge list or a file with
/// no known extension (.dat) whose content starts like a DL file is read as DL, and a file
/// with no known extension is told by its content (sniff_format). `why` says which content
/// decided, for the warning; "" when the extension did.
InputFormat format_of(const Source& source, std::string& why) {
    const std::string& path = source.name;
    const auto f = format_from_extension(path);
    if ((f == InputFormat::edgelist || f == InputFormat::automatic) && looks_like_dl(source)) {
        why = "its first word is 'dl'";
        return InputFormat::dl;
    }
    if (f == InputFormat::automatic) return sniff_format(source, why);
    if (f == InputFormat::graphml && extension_of(path) == ".xml") {
        // .xml says XML, not which XML: Gephi users save GEXF under that name too.
        std::string sniffed;
        if (sniff_format(source, sniffed) == InputFormat::gexf) {
            why = sniffed;
            return InputFormat::gexf;
        }
    }
    return f;
}

}  // namespace clusterlens
