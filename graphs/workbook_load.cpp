// Loading a workbook file or buffer with liborcus: what it is checked for first (a zip archive,
// .xlsx or .ods, not encrypted, no cells liborcus 0.17 would misread), then every sheet's cells
// into a Book (workbook_import.hpp), with liborcus' exceptions and printed text caught.
#include <fmt/format.h>
#include <unistd.h>
#include <orcus/orcus_ods.hpp>
#include <orcus/orcus_xlsx.hpp>
#include <orcus/zip_archive.hpp>
#include <orcus/zip_archive_stream.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "graphs/attributes.hpp"
#include "graphs/limits.hpp"
#include "graphs/text_input.hpp"
#include "graphs/workbook_import.hpp"

namespace clusterlens::workbook {
namespace {

/// Sends stdout and stderr to a temporary file while liborcus runs (the library never prints),
/// and gives back what was written.
class CaptureOutput {
public:
    CaptureOutput() {
#ifdef CLUSTERLENS_FUZZING
        // Not in the fuzz targets: an abort inside liborcus (an assertion) would print its
        // message into the temporary file, and the run would end with no word of why.
        return;
#endif
        std::cout.flush();
        std::cerr.flush();
        std::fflush(nullptr);
        tmp_ = std::tmpfile();
        if (!tmp_) return;
        saved_out_ = ::dup(STDOUT_FILENO);
        saved_err_ = ::dup(STDERR_FILENO);
        ::dup2(::fileno(tmp_), STDOUT_FILENO);
        ::dup2(::fileno(tmp_), STDERR_FILENO);
    }
    ~CaptureOutput() { restore(); }
    CaptureOutput(const CaptureOutput&) = delete;
    CaptureOutput& operator=(const CaptureOutput&) = delete;

    /// Restores the streams and returns what was printed meanwhile.
    std::string restore() {
        if (!tmp_) return {};
        std::cout.flush();
        std::cerr.flush();
        std::fflush(nullptr);
        if (saved_out_ >= 0) ::dup2(saved_out_, STDOUT_FILENO), ::close(saved_out_);
        if (saved_err_ >= 0) ::dup2(saved_err_, STDERR_FILENO), ::close(saved_err_);
        saved_out_ = saved_err_ = -1;
        std::string text;
        std::rewind(tmp_);
        char buf[4096];
        std::size_t n = 0;
        while ((n = std::fread(buf, 1, sizeof buf, tmp_)) > 0) text.append(buf, n);
        std::fclose(tmp_);
        tmp_ = nullptr;
        return text;
    }

private:
    std::FILE* tmp_ = nullptr;
    int saved_out_ = -1, saved_err_ = -1;
};

std::string read_entry(const orcus::zip_archive& zip, std::string_view name) {
    std::vector<unsigned char> buf;
    if (!zip.read_file_entry(name, buf)) return {};
    return std::string(buf.begin(), buf.end());
}

std::uint32_t le(const std::string& b, std::size_t at, int bytes) {
    std::uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
    return v;
}

/// The last bytes of the archive (where its end record and directory are) or all of it.
std::string archive_tail(const Source& source, std::uint64_t& size, std::size_t want) {
    if (source.in_memory()) {
        size = source.bytes->size();
        const std::size_t from = size > want ? static_cast<std::size_t>(size - want) : 0;
        return std::string(source.bytes->substr(from));
    }
    std::ifstream in(source.name, std::ios::binary | std::ios::ate);
    size = in ? static_cast<std::uint64_t>(in.tellg()) : 0;
    const std::uint64_t from = size > want ? size - want : 0;
    std::string out(static_cast<std::size_t>(size - from), '\0');
    in.seekg(static_cast<std::streamoff>(from));
    in.read(out.data(), static_cast<std::streamsize>(out.size()));
    out.resize(static_cast<std::size_t>(in.gcount()));
    return out;
}

/// liborcus 0.17 allocates (and zeroes) the size a zip entry declares before reading it, so an
/// 897-byte file declaring a 1.8 GB entry took 52 s and the memory (tests/fuzz). The central
/// directory is read here first: an entry compressed to more bytes than the archive holds is
/// damage; the declared decompressed sizes together count against --max-input-bytes. Archives
/// with no readable directory are left to liborcus, whose own message then says so.
void check_zip_directory(const Source& source) {
    constexpr std::size_t kEnd = 22, kMaxComment = 65535;
    std::uint64_t size = 0;
    // Directories of real workbooks are a few kB; 4 MiB holds 40,000 entries.
    const std::string tail = archive_tail(source, size, std::size_t{4} << 20);
    const std::uint64_t tail_from = size - tail.size();
    if (tail.size() < kEnd) return;  // no room for an end record: liborcus says what is wrong
    std::size_t end = std::string::npos;
    for (std::size_t at = tail.size() - kEnd;; --at) {
        if (tail.compare(at, 4, "PK\x05\x06") == 0) {
            end = at;
            break;
        }
        if (at == 0 || tail.size() - at > kEnd + kMaxComment) break;
    }
    if (end == std::string::npos) return;
    // The entry count in the end record is not used: liborcus 0.17 reads entries for as long as
    // their signature follows, whatever the count says, so the check walks them the same way
    // (a count of 0 over seven entries skipped it, and liborcus allocated a fuzzed size).
    const std::uint32_t dir_offset = le(tail, end + 16, 4);
    // A directory said to run past its end record is still walked: liborcus reads the entries
    // regardless (a fuzzed size field must not skip the checks), even ones an extra field
    // pushes past the end record into the comment.
    if (dir_offset < tail_from || dir_offset > tail_from + end) return;
    const SourcePos pos{source.name, 0, 0};
    std::uint64_t total = 0;
    std::size_t at = static_cast<std::size_t>(dir_offset - tail_from);
    while (at + 46 <= tail.size()) {
        if (tail.compare(at, 4, "PK\x01\x02") != 0) return;
        const std::uint32_t compressed = le(tail, at + 20, 4);
        const std::uint32_t uncompressed = le(tail, at + 24, 4);
        const std::size_t name_len = le(tail, at + 28, 2);
        const std::size_t extra = le(tail, at + 30, 2) + le(tail, at + 32, 2);
        const std::string name = tail.substr(at + 46, std::min(name_len, tail.size() - (at + 46)));
        if (compressed == 0xFFFFFFFFu || uncompressed == 0xFFFFFFFFu)
            throw InputError(pos, "the workbook's entry '" + name +
                                      "' uses ZIP64 sizes (over 4 GB), which the workbook "
                                      "reader cannot read; export the sheets as CSV");
        if (compressed > size)
            throw InputError(pos, "the workbook's entry '" + name + "' declares " +
                                      std::to_string(compressed) +
                                      " compressed bytes, more than the whole file holds (" +
                                      std::to_string(size) + ")" + kDamaged);
        // Deflate expands at most 1,032 times (and a stored entry not at all), so a larger
        // declared size is damage, not data; liborcus would allocate it before reading.
        if (uncompressed > std::uint64_t{compressed} * 1032 + 1024)
            throw InputError(pos, "the workbook's entry '" + name + "' declares " +
                                      std::to_string(uncompressed) +
                                      " bytes decompressed, more than its " +
                                      std::to_string(compressed) +
                                      " compressed bytes can hold (deflate expands at most "
                                      "1,032 times)" +
                                      kDamaged);
        total += uncompressed;
        check_limit(total, Limit::input_bytes, pos,
                    "the decompressed size of the workbook's entries (" + std::to_string(total) +
                        " bytes declared, up to '" + name + "')");
        at += 46 + name_len + extra;
    }
}

}  // namespace

const char* const kDamaged =
    "; the file is damaged or incomplete (truncated download or copy?): open it in a "
    "spreadsheet program and save it again as .xlsx or .ods";

namespace {
/// The reference of the first cell of a worksheet's XML that has a formula (<f>) but no saved
/// value (<v>), or "". liborcus 0.17 reads such a cell as the number 0 (xlsx_sheet_context:
/// push_raw_cell_result parses the missing value as a number), so it must not get that far.
/// A text search, not a parse: cells are <c ...>...</c> or <c .../> without namespace prefix,
/// as Excel, LibreOffice and the Python writers produce them.
std::string formula_without_value(const std::string& xml) {
    for (std::size_t at = xml.find("<c "); at != std::string::npos; at = xml.find("<c ", at + 1)) {
        const auto tag_end = xml.find('>', at);
        if (tag_end == std::string::npos) break;
        if (xml[tag_end - 1] == '/') continue;  // <c .../>: no content
        const auto end = xml.find("</c>", tag_end);
        if (end == std::string::npos) break;
        const auto body = std::string_view(xml).substr(tag_end, end - tag_end);
        if (body.find("<f") == std::string_view::npos || body.find("<v") != std::string_view::npos)
            continue;
        const auto r = xml.find("r=\"", at);
        return r != std::string::npos && r < tag_end
                   ? xml.substr(r + 3, xml.find('"', r + 3) - r - 3)
                   : std::string("?");
    }
    return {};
}

/// What a workbook file is, checked before liborcus sees it so that the common failures get a
/// message that says what to do.
struct Kinds {
    bool ods = false;
    bool date1904 = false;
    std::multiset<std::string> annotations;  ///< .ods cell comments, by squeeze()
    SharedStringTable strings;               ///< .xlsx: the shared strings, read by us
};

}  // namespace

/// Text without whitespace, for matching a comment's paragraphs against what liborcus passed.
std::string squeeze(std::string_view text) {
    std::string out;
    for (const char c : text)
        if (!std::isspace(static_cast<unsigned char>(c))) out += c;
    return out;
}

namespace {
/// The paragraphs of the cell comments (<office:annotation>) of an .ods content.xml, tags
/// stripped and the five XML entities decoded. liborcus 0.17 puts them into the shared-string
/// table like cell text, so they must not be taken for dropped cells (a text search, not a
/// parse: enough to recognise the paragraphs, which are only compared, never read as data).
std::multiset<std::string> annotation_texts(const std::string& xml) {
    std::multiset<std::string> out;
    for (auto at = xml.find("<office:annotation"); at != std::string::npos;
         at = xml.find("<office:annotation", at + 1)) {
        const auto end = xml.find("</office:annotation>", at);
        if (end == std::string::npos) break;
        for (auto p = xml.find("<text:p", at); p != std::string::npos && p < end;
             p = xml.find("<text:p", p + 1)) {
            const auto open_end = xml.find('>', p);
            if (open_end == std::string::npos || open_end > end) break;
            if (xml[open_end - 1] == '/') continue;  // <text:p/>
            const auto close = xml.find("</text:p>", open_end);
            if (close == std::string::npos || close > end) break;
            std::string text;
            bool tag = false;
            for (auto i = open_end + 1; i < close; ++i) {
                if (xml[i] == '<') tag = true;
                if (!tag) text += xml[i];
                if (xml[i] == '>') tag = false;
            }
            for (const auto& [entity, ch] :
                 std::vector<std::pair<std::string, std::string>>{{"&lt;", "<"},
                                                                  {"&gt;", ">"},
                                                                  {"&quot;", "\""},
                                                                  {"&apos;", "'"},
                                                                  {"&amp;", "&"}})
                for (auto e = text.find(entity); e != std::string::npos;
                     e = text.find(entity, e + ch.size()))
                    text.replace(e, entity.size(), ch);
            out.insert(squeeze(text));
        }
        at = end;
    }
    return out;
}

/// Every XML part of the archive holds only characters XML 1.0 allows: a C0 control byte other
/// than tab, line feed and carriage return means a damaged file, and liborcus 0.17's parser can
/// read past the end of a part that holds them (found by the fuzz target: a styles.xml with NUL
/// bytes crashed in parser_base::skip_space_and_control). Refused before liborcus sees it.
void check_xml_parts(const orcus::zip_archive& zip, const std::string& path) {
    for (std::size_t i = 0; i < zip.get_file_entry_count(); ++i) {
        const std::string name(zip.get_file_entry_name(i));
        const bool xml = (name.size() > 4 && name.compare(name.size() - 4, 4, ".xml") == 0) ||
                         (name.size() > 5 && name.compare(name.size() - 5, 5, ".rels") == 0);
        if (!xml) continue;
        auto text = read_entry(zip, name);
        if (!text.empty() && text.back() == '\0') text.pop_back();  // liborcus pads each entry
        // The parts are UTF-8 (ODF 1.2 part 3, §3.1; ECMA-376 part 2, §8.1.4 allows UTF-16
        // with a byte-order mark, which no spreadsheet program writes: it is left to liborcus).
        // liborcus 0.17 passes bytes that are not UTF-8 on into the cells (found by the fuzz
        // target: a flipped bit in a cell's text went into a tie attribute, and the GraphML
        // written from it could not be read back).
        const bool utf16 = text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') ||
                                                (text[0] == '\xFE' && text[1] == '\xFF'));
        if (const auto bad = utf16 ? std::string_view::npos : first_invalid_utf8(text);
            bad != std::string_view::npos) {
            const auto line = std::count(text.begin(), text.begin() + bad, '\n') + 1;
            const auto line_start = text.rfind('\n', bad == 0 ? 0 : bad - 1);
            const auto column =
                line_start == std::string::npos || bad == 0 ? bad + 1 : bad - line_start;
            std::string bytes;
            for (std::size_t b = bad; b < std::min(text.size(), bad + 4); ++b)
                bytes += fmt::format("{}{:02X}", bytes.empty() ? "" : " ",
                                     static_cast<unsigned char>(text[b]));
            throw InputError(SourcePos{path, 0, 0},
                             "the workbook is damaged: its part " + name +
                                 " is not UTF-8 at line " + std::to_string(line) + ", column " +
                                 std::to_string(column) + " (bytes " + bytes +
                                 "), which its XML must be; open and save it again in the "
                                 "spreadsheet program, or export the sheets as CSV");
        }
        for (std::size_t at = 0; at < text.size(); ++at) {
            const auto c = static_cast<unsigned char>(text[at]);
            if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') continue;
            static const char hex[] = "0123456789ABCDEF";
            throw InputError(SourcePos{path, 0, 0},
                             "the workbook is damaged: its part " + name +
                                 " holds the control byte 0x" + hex[c >> 4] + hex[c & 0xF] +
                                 " at byte " + std::to_string(at) +
                                 ", which XML does not allow; open and save it again in the "
                                 "spreadsheet program, or export the sheets as CSV");
        }
        if (const auto error = not_well_formed(text, name); !error.empty())
            throw InputError(SourcePos{path, 0, 0},
                             "the workbook is damaged: its part " + error +
                                 "; open and save it again in the spreadsheet program, or "
                                 "export the sheets as CSV");
    }
}

Kinds inspect(const Source& source) {
    const std::string& path = source.name;
    char magic[8] = {};
    std::streamsize got = 0;
    if (source.in_memory()) {
        got = static_cast<std::streamsize>(std::min(source.bytes->size(), sizeof magic));
        std::copy_n(source.bytes->data(), got, magic);
    } else {
        std::ifstream in(path, std::ios::binary);
        if (!in)
            throw InputError(SourcePos{path, 0, 0},
                             "cannot open the file; check the path and "
                             "that you may read it");
        in.read(magic, sizeof magic);
        got = in.gcount();
    }
    if (got == 0)
        throw InputError(SourcePos{path, 0, 0},
                         "the file is empty; a workbook needs a sheet with a header row");
    if (got == 8 && std::string(magic, 8) == std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        throw InputError(SourcePos{path, 0, 0},
                         "this is an OLE2 compound file, not an .xlsx/.ods (zip) workbook: a "
                         "password-protected (encrypted) workbook or an Excel 97-2003 .xls; "
                         "remove the password or save it as .xlsx or .ods (or export the "
                         "sheets as CSV)");
    if (got < 4 || magic[0] != 'P' || magic[1] != 'K')
        throw InputError(SourcePos{path, 0, 0},
                         "not an .xlsx or .ods workbook (not a zip archive); if it is a CSV or "
                         "another text format, give it that extension or use --format");

    check_zip_directory(source);
    Kinds k;
    try {
        std::unique_ptr<orcus::zip_archive_stream> stream;
        if (source.in_memory())
            stream = std::make_unique<orcus::zip_archive_stream_blob>(
                reinterpret_cast<const std::uint8_t*>(source.bytes->data()), source.bytes->size());
        else
            stream = std::make_unique<orcus::zip_archive_stream_fd>(path.c_str());
        orcus::zip_archive zip(stream.get());
        zip.load();
        check_xml_parts(zip, path);
        const auto mimetype = read_entry(zip, "mimetype");
        const auto manifest = read_entry(zip, "META-INF/manifest.xml");
        if (mimetype.find("opendocument.spreadsheet") != std::string::npos ||
            (mimetype.empty() && !read_entry(zip, "content.xml").empty())) {
            k.ods = true;
            k.annotations = annotation_texts(read_entry(zip, "content.xml"));
            if (manifest.find("encryption-data") != std::string::npos)
                throw InputError(SourcePos{path, 0, 0},
                                 "the workbook is password-protected (encrypted); save a copy "
                                 "without a password (File > Properties > Security in "
                                 "LibreOffice) or export the sheets as CSV");
            return k;
        }
        if (mimetype.find("opendocument") != std::string::npos)
            throw InputError(SourcePos{path, 0, 0},
                             "an OpenDocument file but not a spreadsheet (" + mimetype +
                                 "); give an .ods spreadsheet, an .xlsx workbook or CSV tables");
        const auto workbook = read_entry(zip, "xl/workbook.xml");
        if (workbook.empty())
            throw InputError(SourcePos{path, 0, 0},
                             "a zip archive but neither an .xlsx workbook (no xl/workbook.xml) "
                             "nor an .ods spreadsheet (no content.xml); save it from a "
                             "spreadsheet program as .xlsx or .ods");
        for (const char* v :
             {"date1904=\"1\"", "date1904=\"true\"", "date1904='1'", "date1904='true'"})
            if (workbook.find(v) != std::string::npos) k.date1904 = true;
        // Inline strings: liborcus 0.17 drops them; find the first one to name it.
        for (std::size_t i = 0; i < zip.get_file_entry_count(); ++i) {
            const std::string name(zip.get_file_entry_name(i));
            if (name.rfind("xl/worksheets/", 0) != 0 || name.size() < 4 ||
                name.compare(name.size() - 4, 4, ".xml") != 0)
                continue;
            const auto xml = read_entry(zip, name);
            if (const auto ref = formula_without_value(xml); !ref.empty())
                throw InputError(SourcePos{path, 0, 0},
                                 name + " (cell " + ref +
                                     ") holds a formula saved without its computed value, which "
                                     "liborcus 0.17 would read as 0 (files written by "
                                     "programs that do not calculate, such as openpyxl); open "
                                     "the workbook in Excel or LibreOffice and save it again, or "
                                     "export the sheets as CSV");
            const auto at = xml.find("inlineStr");
            if (at == std::string::npos) continue;
            const auto c = xml.rfind("<c ", at);
            std::string ref;
            if (c != std::string::npos) {
                const auto r = xml.find("r=\"", c);
                if (r != std::string::npos && r < at)
                    ref = " (cell " + xml.substr(r + 3, xml.find('"', r + 3) - r - 3) + ")";
            }
            throw InputError(SourcePos{path, 0, 0},
                             name + ref +
                                 " holds inline-string cells, which liborcus 0.17 cannot "
                                 "read; open the workbook in Excel or LibreOffice and save it "
                                 "again (they store text as shared strings), or export the "
                                 "sheets as CSV");
        }
        k.strings = read_shared_strings(zip);
    } catch (const orcus::zip_error& e) {
        const std::string what = e.what();
        throw InputError(
            SourcePos{path, 0, 0},
            "cannot read the zip archive" + (what.empty() ? "" : " (" + what + ")") + kDamaged);
    }
    return k;
}

void read_into(orcus::iface::import_filter& reader, const Source& source) {
    if (source.in_memory())
        reader.read_stream(*source.bytes);
    else
        reader.read_file(source.name);
}

}  // namespace

/// Loads every sheet's cells. Throws InputError for anything liborcus cannot read.
std::unique_ptr<Book> load_book(const Source& source, std::vector<Warning>& warnings) {
    const std::string& path = source.name;
    auto kinds = inspect(source);
    auto book = std::make_unique<Book>(kinds.ods);
    book->annotations = kinds.annotations;
    if (!kinds.ods) {
        book->own_strings = true;
        book->strings = std::move(kinds.strings.strings);
    }
    std::string failure;
    {
        CaptureOutput capture;
        try {
            if (kinds.ods) {
                orcus::orcus_ods reader(book.get());
                read_into(reader, source);
            } else {
                orcus::orcus_xlsx reader(book.get());
                read_into(reader, source);
            }
        } catch (const std::exception& e) {
            failure = e.what();
            if (failure.empty()) failure = "unknown error";
        } catch (...) {
            failure = "unknown error";
        }
        auto printed = capture.restore();
        while (!printed.empty() && (printed.back() == '\n' || printed.back() == '\r'))
            printed.pop_back();
        if (!printed.empty() && failure.empty())
            warnings.push_back(Warning{SourcePos{path, 0, 0}, "liborcus: " + printed});
        if (!printed.empty() && !failure.empty()) failure += "; " + printed;
    }
    if (!failure.empty())
        throw InputError(SourcePos{path, 0, 0},
                         "cannot read the workbook (liborcus: " + failure + ")" + kDamaged);
    // liborcus' own failures come first; then ours on the shared strings, which must be as
    // many as liborcus found, or liborcus found none (it does not resolve a relationship
    // target that starts with '/', the package root; the cells name their text by index).
    if (!kinds.strings.error.empty())
        throw InputError(SourcePos{path, 0, 0},
                         "cannot read the workbook's shared strings (the text of its cells): " +
                             kinds.strings.error + kDamaged);
    if (book->own_strings && book->delivered_strings != 0 &&
        book->delivered_strings != book->strings.size())
        throw InputError(
            SourcePos{path, 0, 0},
            "the workbook's shared strings were read as " + std::to_string(book->strings.size()) +
                " entries from '" +
                (kinds.strings.part.empty() ? std::string("(no part named)") : kinds.strings.part) +
                "' but liborcus read " + std::to_string(book->delivered_strings) +
                "; the cells' text cannot be matched to them safely" + kDamaged);
    if (kinds.date1904) book->settings.set_origin_date(1904, 1, 1);
    book->finalize();
    return book;
}

/// A number cell as text: integers in full ("12345678901234568", not "1.2345678901234568e+16",
/// up to 1e21), other values in the shortest text that reads back to the same double.
std::string number_text(double v) {
    if (v == 0) return "0";  // also -0
    if (std::isfinite(v) && std::fabs(v) < 1e21 && std::trunc(v) == v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f", v);
        return buf;
    }
    return format_number(v);
}

}  // namespace clusterlens::workbook
