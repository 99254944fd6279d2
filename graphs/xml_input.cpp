#include "graphs/xml_input.hpp"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "graphs/limits.hpp"
#include "graphs/text_input.hpp"

namespace clusterlens::xml {

namespace {
std::string clean(const char* text) {
    std::string out = text != nullptr ? text : "";
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    for (auto& c : out)
        if (c == '\n') c = ' ';  // "Input is not proper UTF-8 ...\nBytes: 0xE9 ..."
    return out;
}
}  // namespace

void Diagnostics::on_structured(void* self, xmlErrorPtr error) noexcept {
    if (self == nullptr || error == nullptr) return;
    try {
        auto& d = *static_cast<Diagnostics*>(self);
        const auto line = static_cast<std::uint32_t>(error->line > 0 ? error->line : 0);
        const auto column = static_cast<std::uint32_t>(error->int2 > 0 ? error->int2 : 0);
        if (error->level != XML_ERR_FATAL) {  // recoverable (namespace use, for instance)
            d.warnings.emplace_back(
                SourcePos{d.path, line, column},
                (error->level == XML_ERR_WARNING ? "XML warning: " : "XML error: ") +
                    clean(error->message));
        } else if (!d.has_error) {
            d.has_error = true;
            d.code = error->code;
            d.line = line;
            d.column = column;
            d.message = clean(error->message);
        }
    } catch (...) {  // out of memory while recording: the load still fails with -1
    }
}

void Diagnostics::on_generic(void* self, const char* format, ...) noexcept {
    if (self == nullptr || format == nullptr) return;
    try {
        auto& d = *static_cast<Diagnostics*>(self);
        if (d.has_error) return;
        char buffer[512];
        va_list args;
        va_start(args, format);
        std::vsnprintf(buffer, sizeof buffer, format, args);
        va_end(args);
        d.message += buffer;
    } catch (...) {
    }
}

ErrorCapture::ErrorCapture(Diagnostics& d)
    : old_structured_(xmlStructuredError),
      old_structured_ctx_(xmlStructuredErrorContext),
      old_generic_(xmlGenericError),
      old_generic_ctx_(xmlGenericErrorContext) {
    xmlSetStructuredErrorFunc(&d, &Diagnostics::on_structured);
    xmlSetGenericErrorFunc(&d, &Diagnostics::on_generic);
}

ErrorCapture::~ErrorCapture() {
    xmlSetStructuredErrorFunc(old_structured_ctx_, old_structured_);
    xmlSetGenericErrorFunc(old_generic_ctx_, old_generic_);
}

namespace {
bool is_blank(char c) { return std::strchr(" \t\r\n", c) != nullptr && c != '\0'; }
}  // namespace

void check_readable_and_not_empty(const std::string& path, const std::string& empty_hint) {
    errno = 0;
    gzFile file = gzopen(path.c_str(), "rb");
    if (file == nullptr) {
        const int err = errno;
        throw InputError(SourcePos{path, 0, 0},
                         std::string("cannot open file: ") +
                             (err != 0 ? std::strerror(err) : "out of memory") +
                             "; check the path and that it is readable");
    }
    char buffer[1 << 16];
    bool content = false;
    // libxml2 decompresses a .gz itself, so its size after decompression is counted here, up
    // to the input_bytes limit (limits.hpp).
    const std::uint64_t limit = input_limits().input_bytes;
    std::uint64_t bytes = 0;
    for (;;) {
        const int got = gzread(file, buffer, sizeof buffer);
        if (got <= 0) break;
        for (int i = 0; i < got && !content; ++i) content = !is_blank(buffer[i]);
        bytes += static_cast<std::uint64_t>(got);
        if (bytes > limit) break;
        if (content && gzdirect(file) == 1) break;  // plain: its size on disk is the size
    }
    const bool compressed = gzdirect(file) == 0;
    gzclose(file);
    if (!content) throw InputError(SourcePos{path, 0, 0}, "the file is empty; " + empty_hint);
    std::error_code ec;
    if (!compressed) bytes = std::max<std::uint64_t>(bytes, std::filesystem::file_size(path, ec));
    if (bytes > limit)
        throw limit_error(SourcePos{path, 0, 0},
                          compressed ? "the input, decompressed," : "the input",
                          Limit::input_bytes);
}

ReaderPtr open_reader(const std::string& path, Diagnostics& d) {
    xmlInitParser();
    // NONET: never fetch DTDs or entities over the network; no NOENT/DTDLOAD either.
    ReaderPtr reader(
        xmlReaderForFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_BIG_LINES));
    if (!reader)
        throw InputError(SourcePos{path, 0, 0},
                         "cannot open file for XML parsing" +
                             (d.message.empty() ? std::string() : ": " + d.message) +
                             "; check the path and that it is readable");
    xmlTextReaderSetStructuredErrorHandler(reader.get(), &Diagnostics::on_structured, &d);
    return reader;
}

ReaderPtr open_document(const Source& source, const std::string& empty_hint, std::string& memory,
                        Diagnostics& d) {
    std::string_view bytes;
    if (!source.in_memory()) {
        // A pipe, /dev/stdin or another stream can be read once only: the emptiness check
        // would eat its first bytes before libxml2 opened it again ("Extra content at the end
        // of the document"). Read it whole into memory and parse that; files are streamed.
        std::error_code ec;
        if (std::filesystem::is_regular_file(source.name, ec) ||
            !std::filesystem::exists(source.name, ec)) {
            check_readable_and_not_empty(source.name, empty_hint);
            return open_reader(source.name, d);
        }
        memory = read_all_bytes(source);
        bytes = memory;
    } else {
        bytes = *source.bytes;
    }
    if (is_gzip(bytes)) {
        memory = read_all_bytes(source);
        bytes = memory;
    }
    bool content = false;
    for (const char c : bytes)
        if (!is_blank(c)) {
            content = true;
            break;
        }
    if (!content)
        throw InputError(SourcePos{source.name, 0, 0}, "the file is empty; " + empty_hint);
    xmlInitParser();
    ReaderPtr reader(xmlReaderForMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr,
                                        nullptr, XML_PARSE_NONET | XML_PARSE_BIG_LINES));
    if (!reader)
        throw InputError(SourcePos{source.name, 0, 0},
                         "cannot open the buffer for XML parsing" +
                             (d.message.empty() ? std::string() : ": " + d.message));
    xmlTextReaderSetStructuredErrorHandler(reader.get(), &Diagnostics::on_structured, &d);
    return reader;
}

std::string EntityText::at(xmlTextReaderPtr r, Diagnostics& d) {
    const std::string name = chars(xmlTextReaderConstName(r));
    // The node's document, not xmlTextReaderCurrentDoc(): that call hands the document over to
    // the caller (the reader no longer frees it), which leaked it (LeakSanitizer).
    const xmlNodePtr node = xmlTextReaderCurrentNode(r);
    const xmlEntity* entity =
        node != nullptr ? xmlGetDocEntity(node->doc, xml(name.c_str())) : nullptr;
    const long line = xmlGetLineNo(node);
    const SourcePos pos{d.path,
                        line > 0 && line < 0xFFFFFFFFL ? static_cast<std::uint32_t>(line) : 0u, 0};
    // An internal entity of plain text ("Company") is its text. One holding markup or other
    // references (the billion-laughs form) and an external one (XXE) are never expanded.
    if (entity != nullptr && entity->etype == XML_INTERNAL_GENERAL_ENTITY &&
        entity->content != nullptr) {
        const std::string content = chars(entity->content);
        if (content.find_first_of("&<") == std::string::npos) {
            expanded_ += content.size();
            if (expanded_ > kMaxExpanded)
                throw InputError(pos, "the entities declared in the DTD expand to more than " +
                                          std::to_string(kMaxExpanded) +
                                          " bytes of text; write the text itself instead of "
                                          "entity references");
            return content;
        }
    }
    if (warned_.insert(name).second)
        d.warnings.emplace_back(
            pos, "the entity reference &" + name + "; was not expanded (" +
                     (entity == nullptr ? std::string("it is not declared")
                      : entity->etype == XML_INTERNAL_GENERAL_ENTITY
                          ? std::string("its text holds markup or other references")
                          : std::string("it is an external entity, which is never read")) +
                     "): the text keeps '&" + name +
                     ";' as written; write the text itself, or &amp; for a literal '&'");
    return "&" + name + ";";
}

std::optional<std::string> attribute(xmlTextReaderPtr r, const char* name) {
    xmlChar* value = xmlTextReaderGetAttribute(r, xml(name));
    if (value == nullptr) return std::nullopt;
    std::string out = chars(value);
    xmlFree(value);
    return out;
}

std::string trim_space(const std::string& text) {
    const auto b = text.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    const auto e = text.find_last_not_of(" \t\r\n");
    return text.substr(b, e - b + 1);
}

void fail_malformed(const std::string& path, const Diagnostics& d, const FormatWords& words) {
    if (!d.has_error) {
        std::string detail = d.message;
        if (detail.empty() && !d.warnings.empty()) detail = d.warnings.back().second;
        throw InputError(SourcePos{path, 0, 0},
                         "malformed XML (" +
                             (detail.empty() ? std::string("libxml2 gave no details") : detail) +
                             "); check the XML syntax, or whether a .gz file is damaged");
    }
    std::string hint;
    if (d.code == XML_ERR_INVALID_CHAR || d.code == XML_ERR_INVALID_ENCODING ||
        d.code == XML_ERR_UNSUPPORTED_ENCODING)
        hint =
            "save the file as UTF-8, or declare its encoding in the first line "
            "(<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>)";
    else if (d.code == XML_ERR_DOCUMENT_START || d.code == XML_ERR_DOCUMENT_EMPTY)
        hint = std::string("this does not look like an XML file; check that it is ") + words.name;
    else if (d.code == XML_ERR_DOCUMENT_END)
        hint = std::string("remove what follows the closing ") + words.root_end +
               " tag (an XML file has exactly one root element)";
    else
        hint =
            "check the XML syntax near this position (every tag closed and properly nested, "
            "attribute values quoted, '&' written as &amp;)";
    throw InputError(SourcePos{path, d.line, d.column},
                     "malformed XML: " + d.message + "; " + hint);
}

void TagPositions::text(xmlTextReaderPtr r, const std::string& value) {
    // libxml2 stamps a text node with the line where the text ends, i.e. the line of the '<'
    // that follows; with XML_PARSE_BIG_LINES also beyond line 65535.
    const long line = xmlGetLineNo(xmlTextReaderCurrentNode(r));
    prev_was_text_ = true;
    text_line_ = line > 0 && line < 0xFFFFFFFFL ? static_cast<std::uint32_t>(line) : 0;
    const auto nl = value.rfind('\n');
    text_next_column_ = nl == std::string::npos ? 0 : static_cast<std::uint32_t>(value.size() - nl);
}

std::pair<std::uint32_t, std::uint32_t> TagPositions::element_start(xmlTextReaderPtr r) {
    std::pair<std::uint32_t, std::uint32_t> out{0, 0};
    if (prev_was_text_ && text_line_ > 0) {
        out = {text_line_, text_next_column_};
    } else {
        const long line = xmlGetLineNo(xmlTextReaderCurrentNode(r));
        out.first = line > 0 && line < 65535 ? static_cast<std::uint32_t>(line) : 0;
    }
    prev_was_text_ = false;
    return out;
}

}  // namespace clusterlens::xml
