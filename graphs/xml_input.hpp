// libxml2 plumbing shared by the XML readers (GraphML, GEXF): libxml2's diagnostics collected
// instead of printed, the streaming reader's handle, attribute access, and the check that gives
// "cannot open" and "the file is empty" the same messages as the text readers.
#pragma once

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <zlib.h>

#include <cerrno>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "graphs/error.hpp"

namespace clusterlens::xml {

inline const char* chars(const xmlChar* s) { return reinterpret_cast<const char*>(s); }
inline const xmlChar* xml(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

/// Collects what libxml2 reports instead of letting it print to stderr. The callbacks only store
/// text (never throw through libxml2's C frames); the reader loop throws after the call returns.
struct XmlDiagnostics {
    bool has_error = false;
    int code = 0;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string message;
    std::vector<std::pair<SourcePos, std::string>> warnings;
    std::string path;

    static std::string clean(const char* text) {
        std::string out = text != nullptr ? text : "";
        while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
        for (auto& c : out)
            if (c == '\n') c = ' ';  // "Input is not proper UTF-8 ...\nBytes: 0xE9 ..."
        return out;
    }

    static void on_structured(void* self, xmlErrorPtr error) noexcept {
        if (self == nullptr || error == nullptr) return;
        try {
            auto& d = *static_cast<XmlDiagnostics*>(self);
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

    static void on_generic(void* self, const char* format, ...) noexcept {
        if (self == nullptr || format == nullptr) return;
        try {
            auto& d = *static_cast<XmlDiagnostics*>(self);
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
};

/// Routes libxml2's process-wide (per-thread) error output to `d` for its lifetime: errors that
/// occur outside the reader's own context (opening the file, encoding setup) arrive there.
class GlobalErrorCapture {
public:
    explicit GlobalErrorCapture(XmlDiagnostics& d)
        : old_structured_(xmlStructuredError),
          old_structured_ctx_(xmlStructuredErrorContext),
          old_generic_(xmlGenericError),
          old_generic_ctx_(xmlGenericErrorContext) {
        xmlSetStructuredErrorFunc(&d, &XmlDiagnostics::on_structured);
        xmlSetGenericErrorFunc(&d, &XmlDiagnostics::on_generic);
    }
    ~GlobalErrorCapture() {
        xmlSetStructuredErrorFunc(old_structured_ctx_, old_structured_);
        xmlSetGenericErrorFunc(old_generic_ctx_, old_generic_);
    }
    GlobalErrorCapture(const GlobalErrorCapture&) = delete;
    GlobalErrorCapture& operator=(const GlobalErrorCapture&) = delete;

private:
    xmlStructuredErrorFunc old_structured_;
    void* old_structured_ctx_;
    xmlGenericErrorFunc old_generic_;
    void* old_generic_ctx_;
};

struct ReaderDeleter {
    void operator()(xmlTextReaderPtr r) const { xmlFreeTextReader(r); }
};
using ReaderPtr = std::unique_ptr<xmlTextReader, ReaderDeleter>;

/// The value of attribute `name` of the current element, if present.
inline std::optional<std::string> attribute(xmlTextReaderPtr r, const char* name) {
    xmlChar* value = xmlTextReaderGetAttribute(r, xml(name));
    if (value == nullptr) return std::nullopt;
    std::string out = chars(value);
    xmlFree(value);
    return out;
}

inline std::string trim_xml_space(const std::string& text) {
    const auto b = text.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    const auto e = text.find_last_not_of(" \t\r\n");
    return text.substr(b, e - b + 1);
}

/// Throws "cannot open" or "the file is empty; NEEDS" before libxml2 sees the file, so those two
/// common cases get the same messages as the text readers (libxml2 reports an empty document as
/// "Extra content at the end of the document").
inline void check_readable_and_not_empty(const std::string& path, const char* needs) {
    errno = 0;
    gzFile file = gzopen(path.c_str(), "rb");
    if (file == nullptr) {
        const int err = errno;
        throw InputError(SourcePos{path, 0, 0},
                         std::string("cannot open file: ") +
                             (err != 0 ? std::strerror(err) : "out of memory") +
                             "; check the path and that it is readable");
    }
    char buffer[4096];
    bool content = false;
    for (;;) {
        const int got = gzread(file, buffer, sizeof buffer);
        if (got <= 0) break;
        for (int i = 0; i < got && !content; ++i)
            content = std::strchr(" \t\r\n", buffer[i]) == nullptr || buffer[i] == '\0';
        if (content) break;
    }
    gzclose(file);
    if (!content)
        throw InputError(SourcePos{path, 0, 0}, std::string("the file is empty; ") + needs);
}

}  // namespace clusterlens::xml
