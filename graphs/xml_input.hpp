// What the XML readers (GraphML, GEXF) share: libxml2's streaming reader opened safely (no
// network, line numbers beyond 65535), its diagnostics collected instead of printed, malformed
// XML reported as path:line:col, and the line:col where each element's tag starts.
#pragma once

#include <libxml/xmlreader.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "graphs/error.hpp"
#include "graphs/source.hpp"

namespace clusterlens::xml {

inline const char* chars(const xmlChar* s) { return reinterpret_cast<const char*>(s); }
inline const xmlChar* xml(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

/// Collects what libxml2 reports instead of letting it print to stderr. The callbacks only store
/// text (never throw through libxml2's C frames); the reader loop throws after the call returns.
struct Diagnostics {
    bool has_error = false;
    int code = 0;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string message;
    std::vector<std::pair<SourcePos, std::string>> warnings;
    std::string path;

    static void on_structured(void* self, xmlErrorPtr error) noexcept;
    static void on_generic(void* self, const char* format, ...) noexcept;
};

struct ReaderDeleter {
    void operator()(xmlTextReaderPtr r) const { xmlFreeTextReader(r); }
};
using ReaderPtr = std::unique_ptr<xmlTextReader, ReaderDeleter>;

/// Routes libxml2's process-wide (per-thread) error output to `d` for its lifetime: errors that
/// occur outside the reader's own context (opening the file, encoding setup) arrive there.
class ErrorCapture {
public:
    explicit ErrorCapture(Diagnostics& d);
    ~ErrorCapture();
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;

private:
    xmlStructuredErrorFunc old_structured_;
    void* old_structured_ctx_;
    xmlGenericErrorFunc old_generic_;
    void* old_generic_ctx_;
};

/// Throws "cannot open" or "the file is empty; <empty_hint>" before libxml2 sees the file (plain
/// or gzip), so those two common cases get the same messages as the text readers (libxml2
/// reports an empty document as "Extra content at the end of the document").
void check_readable_and_not_empty(const std::string& path, const std::string& empty_hint);

/// Opens `path` for streaming (XML_PARSE_NONET | XML_PARSE_BIG_LINES: never fetches DTDs or
/// entities over the network) with its errors routed to `d`; InputError when it cannot.
ReaderPtr open_reader(const std::string& path, Diagnostics& d);

/// check_readable_and_not_empty, then open_reader, for a file or a buffer. A buffer is parsed
/// from memory (libxml2 reads gzip only from files, so a gzip-compressed buffer is decompressed
/// first, into `memory`, which the caller keeps alive while the reader runs).
ReaderPtr open_document(const Source& source, const std::string& empty_hint, std::string& memory,
                        Diagnostics& d);

/// The text an entity reference in element text stands for (the reader is at an
/// XML_READER_TYPE_ENTITY_REFERENCE node; libxml2 decodes the predefined and character
/// references itself). An internal entity of plain text gives its text, up to kMaxExpanded
/// bytes in all per document (then InputError). Any other entity (external ones: XXE; ones
/// holding markup or references: billion laughs) is not expanded: its reference is kept as
/// written ("&name;") with one warning per name in `d`.
class EntityText {
public:
    static constexpr std::size_t kMaxExpanded = 1u << 20;
    std::string at(xmlTextReaderPtr r, Diagnostics& d);

private:
    std::size_t expanded_ = 0;
    std::set<std::string> warned_;
};

/// The value of attribute `name` of the current element, if present.
std::optional<std::string> attribute(xmlTextReaderPtr r, const char* name);

/// `text` without leading and trailing XML white space.
std::string trim_space(const std::string& text);

/// What to say about malformed XML in one format's words.
struct FormatWords {
    const char* name;      ///< "GraphML"
    const char* root_end;  ///< "</graphml>"
};

/// Throws the InputError for the fatal XML error `d` holds (at libxml2's line:col, with a hint
/// by error kind), or a general one when libxml2 gave no position.
[[noreturn]] void fail_malformed(const std::string& path, const Diagnostics& d,
                                 const FormatWords& words);

/// Where element tags start. libxml2 element nodes know only the line where the start tag ends,
/// capped at 65535, and the parser position runs ahead of the reader. The whitespace text just
/// before an element ends at its '<', so it gives the exact line and, after a line break, the
/// column. Call text() for every text node, other() for comments and the like, and
/// element_start() at each start tag.
class TagPositions {
public:
    void text(xmlTextReaderPtr r, const std::string& value);
    void other() { prev_was_text_ = false; }
    /// Line and column (0 when unknown) of the current start tag; resets the text state.
    std::pair<std::uint32_t, std::uint32_t> element_start(xmlTextReaderPtr r);

private:
    bool prev_was_text_ = false;
    std::uint32_t text_line_ = 0;
    std::uint32_t text_next_column_ = 0;
};

}  // namespace clusterlens::xml
