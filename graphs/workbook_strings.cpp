// The shared-string table of an .xlsx read by us, not taken from liborcus (workbook_import.hpp).
//
// Why. liborcus 0.17.2's xlsx_shared_strings_context (src/liborcus/xlsx_context.cpp) keeps the
// text of a <t> in a member, m_cur_str, that only characters() sets and nothing clears: not
// <si>, <r> nor <t>. The SAX parser calls characters() only for a non-empty run of text
// (include/orcus/sax_parser.hpp, sax_parser::characters: `if (mp_char > p0)`), so at
// </si> an entry without text hands on the text of the entry before it:
//   <si><t xml:space="preserve"></t></si>  (openpyxl's "" cell)   the previous string
//   <si><r><t></t></r></si>                (empty rich text)      the previous string
//   <si><r><t>p</t></r><r><t/></r></si>    (an empty run)         "pp"
// and characters() takes the <t> of a phonetic run (<rPh>, Japanese furigana) like any other,
// so <si><t>東京</t><rPh><t>トウキョウ</t></rPh></si> reads as the reading, not the text. Every
// cell showing such an entry silently got the wrong text.
//
// What. We read the part the workbook's relationships name, with libxml2, and the import
// factory keeps this table; from liborcus it only counts the entries (one append() or
// commit_segments() per </si>): a count that differs from ours is an error, none (liborcus
// does not follow a relationship target from the package root, "/xl/...") is not. The text of an
// <si> is, in document order, its own <t> and the <t> of each run <r> (ECMA-376 part 1,
// 18.4.8 si, 18.4.12 t, 18.4.4 r); phonetic runs <rPh> and <phoneticPr> are not text.
// Carriage returns are removed, as liborcus does ("In case the string contains carriage
// returns (CRs), remove them"), so text with CR LF line ends reads as before.
#include <orcus/zip_archive.hpp>

#include <limits>
#include <vector>

#include "graphs/workbook_import.hpp"
#include "graphs/xml_input.hpp"

namespace clusterlens::workbook {
namespace {

// The relationship types liborcus 0.17 follows (src/liborcus/ooxml_schemas.cpp): transitional
// OOXML only, so a part it would not read is not read here either.
constexpr const char* kOfficeDocument =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
constexpr const char* kSharedStrings =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";

/// A zip entry's bytes. liborcus 0.17 sizes the buffer by the declared size plus a NUL
/// terminator (src/parser/zip_archive.cpp, read_file_entry), which are cut off here: a NUL is
/// never part of XML.
std::string entry(const orcus::zip_archive& zip, const std::string& name) {
    std::vector<unsigned char> buf;
    if (!zip.read_file_entry(name, buf)) return {};
    while (!buf.empty() && buf.back() == 0) buf.pop_back();
    return std::string(buf.begin(), buf.end());
}

/// `target` of a relationship in folder `dir` ("xl/") as a zip entry name: a leading '/' is
/// the package root, "." and ".." segments are resolved.
std::string resolve(const std::string& dir, const std::string& target) {
    const std::string joined =
        !target.empty() && target[0] == '/' ? target.substr(1) : dir + target;
    std::vector<std::string> parts;
    std::size_t from = 0;
    while (from <= joined.size()) {
        auto to = joined.find('/', from);
        if (to == std::string::npos) to = joined.size();
        const auto part = joined.substr(from, to - from);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        from = to + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

std::string folder_of(const std::string& name) {
    const auto slash = name.rfind('/');
    return slash == std::string::npos ? std::string() : name.substr(0, slash + 1);
}

struct ReaderInput {
    xml::Diagnostics diagnostics;
    xml::ReaderPtr reader;
};

/// A streaming reader over `text` (never fetching anything over the network), its messages
/// routed to `in.diagnostics`; false when libxml2 cannot open it.
bool open(const std::string& text, const std::string& name, ReaderInput& in) {
    in.diagnostics.path = name;
    if (text.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) return false;
    xmlInitParser();
    in.reader.reset(xmlReaderForMemory(text.data(), static_cast<int>(text.size()), name.c_str(),
                                       nullptr, XML_PARSE_NONET | XML_PARSE_BIG_LINES));
    if (!in.reader) return false;
    xmlTextReaderSetStructuredErrorHandler(in.reader.get(), &xml::Diagnostics::on_structured,
                                           &in.diagnostics);
    return true;
}

/// The internal targets of the relationships of type `type` in an OPC .rels part, in order.
/// A malformed part gives what was read before the damage (liborcus then refuses the file).
std::vector<std::string> targets(const std::string& rels, const char* type) {
    std::vector<std::string> out;
    if (rels.empty()) return out;
    ReaderInput in;
    xml::ErrorCapture capture(in.diagnostics);
    if (!open(rels, "rels", in)) return out;
    xmlTextReaderPtr r = in.reader.get();
    while (xmlTextReaderRead(r) == 1 && !in.diagnostics.has_error) {
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT ||
            std::string_view(xml::chars(xmlTextReaderConstLocalName(r))) != "Relationship")
            continue;
        const auto t = xml::attribute(r, "Type"), target = xml::attribute(r, "Target");
        const auto mode = xml::attribute(r, "TargetMode");
        if (t == type && target && mode.value_or("Internal") == "Internal") out.push_back(*target);
    }
    return out;
}

/// The name of the shared-strings part, as liborcus finds it: the officeDocument of
/// _rels/.rels (the workbook), then the sharedStrings relationship of the workbook's .rels.
std::string shared_strings_part(const orcus::zip_archive& zip) {
    const auto docs = targets(entry(zip, "_rels/.rels"), kOfficeDocument);
    const std::string workbook = docs.empty() ? "xl/workbook.xml" : resolve("", docs.front());
    const auto dir = folder_of(workbook);
    const auto rels = dir + "_rels/" + workbook.substr(dir.size()) + ".rels";
    const auto parts = targets(entry(zip, rels), kSharedStrings);
    return parts.empty() ? std::string() : resolve(dir, parts.front());
}

/// "PART line L, column C is not well-formed XML (libxml2: ...)" from what libxml2 reported.
std::string not_well_formed_at(const std::string& part, const xml::Diagnostics& d) {
    return part +
           (d.line > 0 ? " line " + std::to_string(d.line) +
                             (d.column > 0 ? ", column " + std::to_string(d.column) : std::string())
                       : std::string()) +
           " is not well-formed XML" +
           (d.message.empty() ? std::string() : " (libxml2: " + d.message + ")");
}

/// The entries of a sharedStrings part (`error` set when libxml2 finds it malformed).
void parse_table(const std::string& text, SharedStringTable& table) {
    ReaderInput in;
    xml::ErrorCapture capture(in.diagnostics);
    if (!open(text, table.part, in)) {
        table.error = table.part + " cannot be opened for XML parsing";
        return;
    }
    xmlTextReaderPtr r = in.reader.get();
    xml::EntityText entities;
    // The open elements below the root, by local name: text counts inside si/t and si/r/t.
    std::vector<std::string> open_elements;
    std::string text_of_si;
    auto in_text = [&] {
        return (open_elements.size() == 2 && open_elements[1] == "t") ||
               (open_elements.size() == 3 && open_elements[1] == "r" && open_elements[2] == "t");
    };
    auto finish_si = [&] {
        std::erase(text_of_si, '\r');
        table.strings.push_back(std::move(text_of_si));
        text_of_si.clear();
    };
    int ret = 0;
    while ((ret = xmlTextReaderRead(r)) == 1 && !in.diagnostics.has_error) {
        const int depth = xmlTextReaderDepth(r);
        switch (xmlTextReaderNodeType(r)) {
            case XML_READER_TYPE_ELEMENT: {
                if (depth == 0) break;  // <sst>
                const std::string name = xml::chars(xmlTextReaderConstLocalName(r));
                const bool empty = xmlTextReaderIsEmptyElement(r) == 1;
                if (depth == 1 && name == "si" && empty) {
                    finish_si();  // <si/>
                } else if (!empty && (depth == 1 ? name == "si" : !open_elements.empty())) {
                    open_elements.push_back(name);
                }
                break;
            }
            case XML_READER_TYPE_END_ELEMENT:
                if (depth == 0 || open_elements.empty()) break;
                open_elements.pop_back();
                if (depth == 1) finish_si();
                break;
            case XML_READER_TYPE_TEXT:
            case XML_READER_TYPE_CDATA:
            case XML_READER_TYPE_WHITESPACE:
            case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
                if (in_text()) {
                    const xmlChar* value = xmlTextReaderConstValue(r);
                    if (value != nullptr) text_of_si += xml::chars(value);
                }
                break;
            case XML_READER_TYPE_ENTITY_REFERENCE:
                // DTD entities (liborcus 0.17 refuses a DOCTYPE with declarations, and its
                // message then comes first: the error is only kept here).
                if (in_text()) {
                    try {
                        text_of_si += entities.at(r, in.diagnostics);
                    } catch (const InputError& e) {
                        table.error = table.part + ": " + e.message();
                        return;
                    }
                }
                break;
            default:
                break;
        }
    }
    if (ret < 0 || in.diagnostics.has_error)
        table.error = not_well_formed_at(table.part, in.diagnostics);
}

}  // namespace

std::string not_well_formed(const std::string& text, const std::string& part) {
    ReaderInput in;
    xml::ErrorCapture capture(in.diagnostics);
    if (!open(text, part, in)) return part + " is too large or cannot be read as XML";
    int ret = 1;
    while ((ret = xmlTextReaderRead(in.reader.get())) == 1 && !in.diagnostics.has_error) {
    }
    if (ret == 0 && !in.diagnostics.has_error) return {};
    return not_well_formed_at(part, in.diagnostics);
}

SharedStringTable read_shared_strings(const orcus::zip_archive& zip) {
    SharedStringTable table;
    table.part = shared_strings_part(zip);
    if (table.part.empty()) return table;
    const auto text = entry(zip, table.part);
    if (!text.empty()) parse_table(text, table);
    return table;
}

}  // namespace clusterlens::workbook
