// Workbooks through liborcus 0.17 (see read_workbook.hpp for what is read and refused).
//
// Why our own import interfaces rather than orcus' document model: the model would tokenize
// every formula with ixion and keep styles, fonts and borders for every cell; we need only
// each cell's value (for a formula, the cached result the spreadsheet program saved, not a
// recalculation) and its row and column. Our factory (Book below) stores one small record per
// cell and the shared strings, which keeps memory proportional to the cells' text and lets us
// see exactly which cells liborcus delivered. It also needs only liborcus itself, not the
// spreadsheet model library and ixion (whose Debian pkg-config file names a missing include
// folder). Of the styles we keep the number format of each cell format: a date in .xlsx is a
// number whose format shows a date.
//
// What liborcus 0.17 does not deliver, found by reading its source (src/liborcus/
// ods_content_xml_context.cpp, xlsx_sheet_context.cpp of tag 0.17.2), and how we make sure it
// is never read as an empty cell:
//   .ods  only float, string and date cells are passed on; boolean, percentage, currency and
//         time cells are dropped, and so is every paragraph of a cell but the last. Each cell's
//         displayed text still reaches the shared-string table, so a text that no cell took (and
//         that is not the display of a formula, nor a paragraph of a cell comment) marks a
//         dropped cell: an error near its place.
//         Formula results: numbers only (a text result is an error at the cell).
//   .xlsx inline strings (<c t="inlineStr">) are dropped: refused, found in the sheet XML;
//         cached formula results that are true/false or errors are dropped: an error at the cell.
//         The 1904 date system (workbookPr date1904) is not reported: read from workbook.xml.
// liborcus reports problems by throwing its own exceptions (zip_error, xml_structure_error,
// malformed_xml_error, ...) and, in places, by writing to stderr; both are caught around the
// call: exceptions become an InputError naming the file, printed text becomes a warning.
#include "graphs/read_workbook.hpp"

#include <unistd.h>
#include <orcus/orcus_ods.hpp>
#include <orcus/orcus_xlsx.hpp>
#include <orcus/spreadsheet/import_interface.hpp>
#include <orcus/zip_archive.hpp>
#include <orcus/zip_archive_stream.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

#include "graphs/attributes.hpp"
#include "graphs/read_matrix.hpp"
#include "graphs/text_input.hpp"

namespace clusterlens {
namespace {
namespace ss = orcus::spreadsheet;

// ---- cell values ----------------------------------------------------------------------------

enum class Kind : std::uint8_t {
    number,          ///< num
    shared_string,   ///< index into Book::strings
    text,            ///< index into Book::texts (dates, formula text results)
    boolean,         ///< num != 0
    formula_number,  ///< num; a formula's cached number
    formula_none,    ///< a formula without a cached result liborcus could read
};

struct Rec {
    ss::row_t row;
    ss::col_t col;
    std::uint32_t seq;  ///< order of arrival: a later value for the same cell wins
    Kind kind;
    double num;
    std::size_t index;
};

struct FormatRec {
    ss::row_t row;
    ss::col_t col;
    std::size_t xf;
};

/// Row and column in document order (row-major), for the .ods dropped-cell intervals.
using Pos = std::pair<ss::row_t, ss::col_t>;

/// "C5" for row 4, column 2 (0-based).
std::string a1(ss::row_t row, ss::col_t col) {
    std::string letters;
    for (long c = static_cast<long>(col) + 1; c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(static_cast<long>(row) + 1);
}

// ---- dates ------------------------------------------------------------------------------------

/// Civil date of a count of days since 1970-01-01 (proleptic Gregorian calendar), by the
/// era/day-of-era decomposition of H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
void civil_from_days(long long z, long long& y, unsigned& m, unsigned& d) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);                    // [0, 146096]
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
    const unsigned mp = (5 * doy + 2) / 153;                                     // [0, 11]
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<long long>(yoe) + era * 400 + (m <= 2);
}

/// Days from 1970-01-01 to y-m-d (inverse of civil_from_days, same source).
long long days_from_civil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

std::string two(long long v) { return (v < 10 ? "0" : "") + std::to_string(v); }

/// ISO 8601 text: date alone when the time is midnight, "THH:MM:SS[.mmm]" otherwise.
std::string iso_date_time(long long y, unsigned m, unsigned d, long long ms_of_day,
                          bool with_date = true) {
    std::string out;
    if (with_date) {
        out = std::to_string(y);
        while (out.size() < 4) out.insert(out.begin(), '0');
        out += "-" + two(m) + "-" + two(d);
        if (ms_of_day == 0) return out;
        out += "T";
    }
    const long long s = ms_of_day / 1000, ms = ms_of_day % 1000;
    out += two(s / 3600) + ":" + two(s / 60 % 60) + ":" + two(s % 60);
    if (ms != 0) {
        auto frac = std::to_string(ms + 1000).substr(1);
        while (frac.back() == '0') frac.pop_back();
        out += "." + frac;
    }
    return out;
}

/// An .xlsx date serial (days since the origin, fraction = time of day) as ISO 8601.
std::string serial_to_iso(double serial, long long origin_days, bool excel_1900) {
    const double ms_total = std::round(serial * 86400000.0);
    auto days = static_cast<long long>(std::floor(ms_total / 86400000.0));
    const auto ms = static_cast<long long>(ms_total - static_cast<double>(days) * 86400000.0);
    if (days == 0 && ms != 0) return iso_date_time(0, 0, 0, ms, false);  // a time alone
    // Excel's 1900 system counts a 29 February 1900 that did not exist (serial 60): serials
    // below it are one day later than the origin 1899-12-30 says.
    if (excel_1900 && days > 0 && days < 60) days += 1;
    long long y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(origin_days + days, y, m, d);
    return iso_date_time(y, m, d, ms);
}

/// True for .xlsx number formats that show a date or a time: the built-in ones (ECMA-376
/// part 1, 18.8.30: 14-22, 45-47, and the East Asian 27-36, 50-58) and format codes with a
/// y, m, d, h or s outside quotes, escapes and [brackets] (so "[h]:mm" durations and "0.00"
/// stay numbers).
bool is_date_format(std::size_t id, const std::string& code) {
    if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) ||
        (id >= 50 && id <= 58))
        return true;
    bool any = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') {
            i = code.find('"', i + 1);
            if (i == std::string::npos) break;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;
        } else if (c == '[') {
            const auto e = code.find(']', i);
            const auto inside =
                ascii_lower(code.substr(i + 1, e == std::string::npos ? e : e - i - 1));
            if (inside.find_first_not_of("hms") == std::string::npos) return false;  // duration
            if (e == std::string::npos) break;
            i = e;
        } else if (std::string_view("yYmMdDhHsS").find(c) != std::string_view::npos) {
            any = true;
        }
    }
    return any;
}

// ---- the import factory ---------------------------------------------------------------------

class Book;

class Formula final : public ss::iface::import_formula {
public:
    explicit Formula(std::function<void(ss::row_t, ss::col_t, Kind, double, std::string*)> put)
        : put_(std::move(put)) {}
    void set_position(ss::row_t row, ss::col_t col) override {
        row_ = row;
        col_ = col;
        kind_ = Kind::formula_none;
        text_.reset();
    }
    void set_formula(ss::formula_grammar_t, std::string_view) override {}
    void set_shared_formula_index(std::size_t) override {}
    void set_result_string(std::string_view value) override {
        kind_ = Kind::text;
        text_ = std::string(value);
    }
    void set_result_value(double value) override {
        kind_ = Kind::formula_number;
        num_ = value;
    }
    void set_result_bool(bool value) override {
        kind_ = Kind::boolean;
        num_ = value ? 1 : 0;
    }
    void set_result_empty() override { kind_ = Kind::formula_none; }
    void commit() override {
        if (row_ < 0 || col_ < 0) return;
        put_(row_, col_, kind_, num_, text_ ? &*text_ : nullptr);
        row_ = col_ = -1;
    }

private:
    std::function<void(ss::row_t, ss::col_t, Kind, double, std::string*)> put_;
    ss::row_t row_ = -1;
    ss::col_t col_ = -1;
    Kind kind_ = Kind::formula_none;
    double num_ = 0;
    std::optional<std::string> text_;
};

/// A string of the .ods shared-string table that no cell took yet, with the place it came from:
/// after `prev` (the last cell event of its sheet) and at or before `next` (the first after).
struct Pending {
    std::size_t index;
    std::size_t sheet;
    std::optional<Pos> prev, next;
};

class Sheet final : public ss::iface::import_sheet {
public:
    Sheet(Book& book, std::size_t index, std::string name);
    const std::string& name() const { return name_; }
    std::size_t index() const { return index_; }

    ss::iface::import_formula* get_formula() override { return &formula_; }
    void set_auto(ss::row_t row, ss::col_t col, std::string_view s) override;
    void set_string(ss::row_t row, ss::col_t col, ss::string_id_t sindex) override;
    void set_value(ss::row_t row, ss::col_t col, double value) override;
    void set_bool(ss::row_t row, ss::col_t col, bool value) override;
    void set_date_time(ss::row_t row, ss::col_t col, int year, int month, int day, int hour,
                       int minute, double second) override;
    void set_format(ss::row_t row, ss::col_t col, std::size_t xf_index) override;
    void set_format(ss::row_t, ss::col_t, ss::row_t, ss::col_t, std::size_t) override {}
    void fill_down_cells(ss::row_t, ss::col_t, ss::row_t) override {}
    ss::range_size_t get_sheet_size() const override { return {1048576, 16384}; }

    std::vector<Rec> recs;
    std::vector<FormatRec> formats;
    std::vector<Pos> formulas;  ///< where formulas are (for the .ods dropped-text check)
    std::optional<Pos> last_event;

private:
    void put(ss::row_t row, ss::col_t col, Kind kind, double num, std::size_t index, bool consumes);
    Book& book_;
    std::size_t index_;
    std::string name_;
    Formula formula_;
};

class SharedStrings final : public ss::iface::import_shared_strings {
public:
    explicit SharedStrings(Book& book) : book_(book) {}
    std::size_t append(std::string_view s) override;
    std::size_t add(std::string_view s) override;
    void set_segment_font(std::size_t) override {}
    void set_segment_bold(bool) override {}
    void set_segment_italic(bool) override {}
    void set_segment_font_name(std::string_view) override {}
    void set_segment_font_size(double) override {}
    void set_segment_font_color(ss::color_elem_t, ss::color_elem_t, ss::color_elem_t,
                                ss::color_elem_t) override {}
    void append_segment(std::string_view s) override { segments_ += s; }
    std::size_t commit_segments() override {
        const auto i = append(segments_);
        segments_.clear();
        return i;
    }

private:
    Book& book_;
    std::string segments_;
};

class GlobalSettings final : public ss::iface::import_global_settings {
public:
    void set_origin_date(int year, int month, int day) override {
        origin = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
        excel_1900 = year == 1899 && month == 12 && day == 30;
    }
    void set_default_formula_grammar(ss::formula_grammar_t g) override { grammar_ = g; }
    ss::formula_grammar_t get_default_formula_grammar() const override { return grammar_; }
    void set_character_set(orcus::character_set_t) override {}

    long long origin = days_from_civil(1899, 12, 30);
    bool excel_1900 = true;

private:
    ss::formula_grammar_t grammar_ = ss::formula_grammar_t::unknown;
};

/// A1 references ("C5", "$C$5", "Sheet1!C5", "A1:C5") as liborcus' .xlsx sheet reader needs
/// them for cell addresses and formula ranges (sheet prefixes are not needed and left out).
class A1Resolver final : public ss::iface::import_reference_resolver {
public:
    ss::src_address_t resolve_address(std::string_view address) override {
        const auto bang = address.rfind('!');
        if (bang != std::string_view::npos) address.remove_prefix(bang + 1);
        long col = 0, row = 0;
        std::size_t i = 0, letters = 0, digits = 0;
        if (i < address.size() && address[i] == '$') ++i;
        for (; i < address.size() && std::isalpha(static_cast<unsigned char>(address[i]));
             ++i, ++letters) {
            col = col * 26 + (std::toupper(static_cast<unsigned char>(address[i])) - 'A' + 1);
            if (col > 16384) break;
        }
        if (i < address.size() && address[i] == '$') ++i;
        for (; i < address.size() && std::isdigit(static_cast<unsigned char>(address[i]));
             ++i, ++digits) {
            row = row * 10 + (address[i] - '0');
            if (row > 1048576) break;
        }
        if (letters == 0 || digits == 0 || i != address.size() || col > 16384 || row < 1 ||
            row > 1048576)
            throw std::invalid_argument("not a cell reference: '" + std::string(address) + "'");
        return ss::src_address_t{0, static_cast<ss::row_t>(row - 1),
                                 static_cast<ss::col_t>(col - 1)};
    }
    ss::src_range_t resolve_range(std::string_view range) override {
        const auto colon = range.find(':');
        if (colon == std::string_view::npos) {
            const auto a = resolve_address(range);
            return ss::src_range_t{a, a};
        }
        return ss::src_range_t{resolve_address(range.substr(0, colon)),
                               resolve_address(range.substr(colon + 1))};
    }
};

/// The number format of every cell format (.xlsx cellXfs); every other style is ignored.
class Styles final : public ss::iface::import_styles {
public:
    /// numFmtId of cell format `xf` (0, General, if unknown).
    std::size_t number_format_of(std::size_t xf) const {
        return xf < cell_xf_formats_.size() ? cell_xf_formats_[xf] : 0;
    }
    /// The format code of a custom numFmtId ("" for built-in ones).
    std::string code_of(std::size_t id) const {
        const auto it = codes_.find(id);
        return it == codes_.end() ? std::string() : it->second;
    }

    void set_number_format_count(std::size_t) override {}
    void set_number_format_identifier(std::size_t id) override { fmt_id_ = id; }
    void set_number_format_code(std::string_view s) override { fmt_code_ = std::string(s); }
    std::size_t commit_number_format() override {
        codes_[fmt_id_] = fmt_code_;
        fmt_id_ = 0;
        fmt_code_.clear();
        return number_formats_++;
    }
    void set_xf_number_format(std::size_t index) override { xf_format_ = index; }
    std::size_t commit_cell_xf() override {
        cell_xf_formats_.push_back(xf_format_);
        xf_format_ = 0;
        return cell_xf_formats_.size() - 1;
    }
    std::size_t commit_cell_style_xf() override {
        xf_format_ = 0;
        return style_xfs_++;
    }
    std::size_t commit_dxf() override {
        xf_format_ = 0;
        return dxfs_++;
    }

    // Fonts, fills, borders, protection, alignment, named styles: not needed.
    void set_font_count(std::size_t) override {}
    void set_font_bold(bool) override {}
    void set_font_italic(bool) override {}
    void set_font_name(std::string_view) override {}
    void set_font_size(double) override {}
    void set_font_underline(ss::underline_t) override {}
    void set_font_underline_width(ss::underline_width_t) override {}
    void set_font_underline_mode(ss::underline_mode_t) override {}
    void set_font_underline_type(ss::underline_type_t) override {}
    void set_font_underline_color(ss::color_elem_t, ss::color_elem_t, ss::color_elem_t,
                                  ss::color_elem_t) override {}
    void set_font_color(ss::color_elem_t, ss::color_elem_t, ss::color_elem_t,
                        ss::color_elem_t) override {}
    void set_strikethrough_style(ss::strikethrough_style_t) override {}
    void set_strikethrough_type(ss::strikethrough_type_t) override {}
    void set_strikethrough_width(ss::strikethrough_width_t) override {}
    void set_strikethrough_text(ss::strikethrough_text_t) override {}
    std::size_t commit_font() override { return fonts_++; }
    void set_fill_count(std::size_t) override {}
    void set_fill_pattern_type(ss::fill_pattern_t) override {}
    void set_fill_fg_color(ss::color_elem_t, ss::color_elem_t, ss::color_elem_t,
                           ss::color_elem_t) override {}
    void set_fill_bg_color(ss::color_elem_t, ss::color_elem_t, ss::color_elem_t,
                           ss::color_elem_t) override {}
    std::size_t commit_fill() override { return fills_++; }
    void set_border_count(std::size_t) override {}
    void set_border_style(ss::border_direction_t, ss::border_style_t) override {}
    void set_border_color(ss::border_direction_t, ss::color_elem_t, ss::color_elem_t,
                          ss::color_elem_t, ss::color_elem_t) override {}
    void set_border_width(ss::border_direction_t, double, orcus::length_unit_t) override {}
    std::size_t commit_border() override { return borders_++; }
    void set_cell_hidden(bool) override {}
    void set_cell_locked(bool) override {}
    void set_cell_print_content(bool) override {}
    void set_cell_formula_hidden(bool) override {}
    std::size_t commit_cell_protection() override { return protections_++; }
    void set_cell_xf_count(std::size_t) override {}
    void set_cell_style_xf_count(std::size_t) override {}
    void set_dxf_count(std::size_t) override {}
    void set_xf_font(std::size_t) override {}
    void set_xf_fill(std::size_t) override {}
    void set_xf_border(std::size_t) override {}
    void set_xf_protection(std::size_t) override {}
    void set_xf_style_xf(std::size_t) override {}
    void set_xf_apply_alignment(bool) override {}
    void set_xf_horizontal_alignment(ss::hor_alignment_t) override {}
    void set_xf_vertical_alignment(ss::ver_alignment_t) override {}
    void set_cell_style_count(std::size_t) override {}
    void set_cell_style_name(std::string_view) override {}
    void set_cell_style_xf(std::size_t) override {}
    void set_cell_style_builtin(std::size_t) override {}
    void set_cell_style_parent_name(std::string_view) override {}
    std::size_t commit_cell_style() override { return cell_styles_++; }

private:
    std::vector<std::size_t> cell_xf_formats_;
    std::map<std::size_t, std::string> codes_;
    std::size_t fmt_id_ = 0, xf_format_ = 0;
    std::string fmt_code_;
    std::size_t number_formats_ = 0, style_xfs_ = 0, dxfs_ = 0, fonts_ = 0, fills_ = 0,
                borders_ = 0, protections_ = 0, cell_styles_ = 0;
};

class Book final : public ss::iface::import_factory {
public:
    explicit Book(bool is_ods) : ods(is_ods), shared_strings_(*this) {}

    ss::iface::import_global_settings* get_global_settings() override { return &settings; }
    ss::iface::import_shared_strings* get_shared_strings() override { return &shared_strings_; }
    ss::iface::import_styles* get_styles() override { return &styles; }
    ss::iface::import_reference_resolver* get_reference_resolver(
        ss::formula_ref_context_t) override {
        return &resolver_;
    }
    ss::iface::import_sheet* append_sheet(ss::sheet_t, std::string_view name) override {
        sheets.push_back(std::make_unique<Sheet>(*this, sheets.size(), std::string(name)));
        return sheets.back().get();
    }
    ss::iface::import_sheet* get_sheet(std::string_view name) override {
        for (auto& s : sheets)
            if (s->name() == name) return s.get();
        return nullptr;
    }
    ss::iface::import_sheet* get_sheet(ss::sheet_t index) override {
        return index >= 0 && static_cast<std::size_t>(index) < sheets.size()
                   ? sheets[static_cast<std::size_t>(index)].get()
                   : nullptr;
    }
    void finalize() override {
        if (open_) dropped.push_back(*open_);
        open_.reset();
    }

    /// A string entered the shared-string table (.ods: every paragraph of every cell).
    void on_string(std::size_t index) {
        if (!ods || sheets.empty()) return;
        if (open_) dropped.push_back(*open_);  // the previous one was never taken
        open_ = Pending{index, sheets.size() - 1, sheets.back()->last_event, std::nullopt};
    }
    /// A cell of `sheet` was reported at `pos`; `consumes` when it took the pending text.
    void on_event(Sheet& sheet, Pos pos, bool consumes) {
        if (ods) {
            for (auto it = dropped.rbegin(); it != dropped.rend() && !it->next; ++it)
                if (it->sheet == sheet.index()) it->next = pos;
            if (open_ && open_->sheet == sheet.index() && !open_->next) open_->next = pos;
            if (consumes) open_.reset();
        }
        sheet.last_event = pos;
    }

    std::uint32_t next_seq() { return seq_++; }

    const bool ods;
    std::vector<std::string> strings;  ///< the shared-string table
    std::unordered_map<std::string, std::size_t> string_index;
    std::vector<std::string> texts;  ///< dates and formula text results
    std::vector<std::unique_ptr<Sheet>> sheets;
    std::vector<Pending> dropped;
    std::multiset<std::string> annotations;  ///< .ods cell comments (not cells)
    GlobalSettings settings;
    Styles styles;

private:
    SharedStrings shared_strings_;
    A1Resolver resolver_;
    std::optional<Pending> open_;
    std::uint32_t seq_ = 0;
};

std::size_t SharedStrings::append(std::string_view s) {
    book_.strings.emplace_back(s);
    const auto i = book_.strings.size() - 1;
    book_.string_index.emplace(book_.strings.back(), i);
    book_.on_string(i);
    return i;
}

std::size_t SharedStrings::add(std::string_view s) {
    const auto it = book_.string_index.find(std::string(s));
    if (it != book_.string_index.end()) {
        book_.on_string(it->second);
        return it->second;
    }
    return append(s);
}

Sheet::Sheet(Book& book, std::size_t index, std::string name)
    : book_(book),
      index_(index),
      name_(std::move(name)),
      formula_([this](ss::row_t r, ss::col_t c, Kind k, double num, std::string* text) {
          std::size_t i = 0;
          if (text) {
              book_.texts.push_back(std::move(*text));
              i = book_.texts.size() - 1;
          }
          formulas.emplace_back(r, c);
          recs.push_back(Rec{r, c, book_.next_seq(), k, num, i});
      }) {}

void Sheet::put(ss::row_t row, ss::col_t col, Kind kind, double num, std::size_t index,
                bool consumes) {
    recs.push_back(Rec{row, col, book_.next_seq(), kind, num, index});
    book_.on_event(*this, Pos{row, col}, consumes);
}

void Sheet::set_auto(ss::row_t row, ss::col_t col, std::string_view s) {
    book_.texts.emplace_back(s);
    put(row, col, Kind::text, 0, book_.texts.size() - 1, true);
}
void Sheet::set_string(ss::row_t row, ss::col_t col, ss::string_id_t sindex) {
    put(row, col, Kind::shared_string, 0, sindex, true);
}
void Sheet::set_value(ss::row_t row, ss::col_t col, double value) {
    put(row, col, Kind::number, value, 0, true);
}
void Sheet::set_bool(ss::row_t row, ss::col_t col, bool value) {
    put(row, col, Kind::boolean, value ? 1 : 0, 0, true);
}
void Sheet::set_date_time(ss::row_t row, ss::col_t col, int year, int month, int day, int hour,
                          int minute, double second) {
    const auto ms =
        static_cast<long long>(std::llround((hour * 3600.0 + minute * 60.0 + second) * 1000.0));
    book_.texts.push_back(
        iso_date_time(year, static_cast<unsigned>(month), static_cast<unsigned>(day), ms));
    put(row, col, Kind::text, 0, book_.texts.size() - 1, true);
}
void Sheet::set_format(ss::row_t row, ss::col_t col, std::size_t xf_index) {
    if (!book_.ods) formats.push_back(FormatRec{row, col, xf_index});
    book_.on_event(*this, Pos{row, col}, false);
}

// ---- reading a file ---------------------------------------------------------------------------

/// Sends stdout and stderr to a temporary file while liborcus runs (the library never prints),
/// and gives back what was written.
class CaptureOutput {
public:
    CaptureOutput() {
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

const char* const kDamaged =
    "; the file is damaged or incomplete (truncated download or copy?): open it in a "
    "spreadsheet program and save it again as .xlsx or .ods";

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
};

/// Text without whitespace, for matching a comment's paragraphs against what liborcus passed.
std::string squeeze(std::string_view text) {
    std::string out;
    for (const char c : text)
        if (!std::isspace(static_cast<unsigned char>(c))) out += c;
    return out;
}

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

Kinds inspect(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(SourcePos{path, 0, 0},
                         "cannot open the file; check the path and "
                         "that you may read it");
    char magic[8] = {};
    in.read(magic, sizeof magic);
    const auto got = in.gcount();
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
    in.close();

    Kinds k;
    try {
        orcus::zip_archive_stream_fd stream(path.c_str());
        orcus::zip_archive zip(&stream);
        zip.load();
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
    } catch (const orcus::zip_error& e) {
        const std::string what = e.what();
        throw InputError(
            SourcePos{path, 0, 0},
            "cannot read the zip archive" + (what.empty() ? "" : " (" + what + ")") + kDamaged);
    }
    return k;
}

/// Loads every sheet's cells. Throws InputError for anything liborcus cannot read.
std::unique_ptr<Book> load_book(const std::string& path, std::vector<Warning>& warnings) {
    const auto kinds = inspect(path);
    auto book = std::make_unique<Book>(kinds.ods);
    book->annotations = kinds.annotations;
    std::string failure;
    {
        CaptureOutput capture;
        try {
            if (kinds.ods) {
                orcus::orcus_ods reader(book.get());
                reader.read_file(path);
            } else {
                orcus::orcus_xlsx reader(book.get());
                reader.read_file(path);
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

// ---- sheets to tables -------------------------------------------------------------------------

std::string sheet_path(const std::string& path, const Sheet& s) {
    return path + "[" + s.name() + "]";
}

/// The text of every cell of `s` (empty cells left out), in row-major order.
struct Cell {
    ss::row_t row;
    ss::col_t col;
    std::string text;
};

std::vector<Cell> sheet_cells(const std::string& path, Book& book, Sheet& s) {
    const auto where = sheet_path(path, s);
    // .ods texts no cell took: cells liborcus dropped, unless they were a formula's display.
    if (book.ods) {
        std::set<Pos> formulas(s.formulas.begin(), s.formulas.end());
        for (const auto& d : book.dropped) {
            if (d.sheet != s.index() || book.strings[d.index].empty()) continue;
            const auto comment = book.annotations.find(squeeze(book.strings[d.index]));
            if (comment != book.annotations.end()) {  // a cell comment's paragraph
                book.annotations.erase(comment);
                continue;
            }
            auto it = d.prev ? formulas.upper_bound(*d.prev) : formulas.begin();
            if (it != formulas.end() && (!d.next || *it <= *d.next)) {
                formulas.erase(it);
                continue;
            }
            const auto at = d.next ? d.next : d.prev;
            const auto shown = book.strings[d.index];
            throw InputError(
                SourcePos{where, at ? static_cast<std::uint32_t>(at->first + 1) : 0,
                          at ? static_cast<std::uint32_t>(at->second + 1) : 0},
                std::string(at ? (d.next ? "at or just before cell " + a1(at->first, at->second)
                                         : "after cell " + a1(at->first, at->second))
                               : "in this sheet") +
                    ", a cell showing '" + shown +
                    "' was not delivered by liborcus 0.17, which reads only number, text and "
                    "date cells from .ods files (not true/false, percentage, currency or time "
                    "cells, and only the last paragraph of a multi-line cell); format the "
                    "cell as text or number, or save the workbook as .xlsx or CSV");
        }
    }

    std::stable_sort(s.recs.begin(), s.recs.end(), [](const Rec& a, const Rec& b) {
        return std::tie(a.row, a.col, a.seq) < std::tie(b.row, b.col, b.seq);
    });
    std::sort(s.formats.begin(), s.formats.end(), [](const FormatRec& a, const FormatRec& b) {
        return std::tie(a.row, a.col) < std::tie(b.row, b.col);
    });
    // .xlsx number formats that show dates, by cell format (xf) index.
    std::map<std::size_t, bool> date_xf;
    auto is_date_cell = [&](ss::row_t row, ss::col_t col) {
        const auto it = std::lower_bound(s.formats.begin(), s.formats.end(), Pos{row, col},
                                         [](const FormatRec& f, const Pos& p) {
                                             return Pos{f.row, f.col} < p;
                                         });
        if (it == s.formats.end() || it->row != row || it->col != col) return false;
        auto [d, fresh] = date_xf.emplace(it->xf, false);
        if (fresh) {
            const auto id = book.styles.number_format_of(it->xf);
            d->second = is_date_format(id, book.styles.code_of(id));
        }
        return d->second;
    };

    std::vector<Cell> out;
    for (std::size_t i = 0; i < s.recs.size(); ++i) {
        const auto& r = s.recs[i];
        if (i + 1 < s.recs.size() && s.recs[i + 1].row == r.row && s.recs[i + 1].col == r.col)
            continue;  // a later value for this cell follows
        std::string text;
        switch (r.kind) {
            case Kind::number:
            case Kind::formula_number:
                if (!book.ods && is_date_cell(r.row, r.col))
                    text = serial_to_iso(r.num, book.settings.origin, book.settings.excel_1900);
                else
                    text = number_text(r.num);
                break;
            case Kind::shared_string:
                if (r.index >= book.strings.size())
                    throw InputError(SourcePos{where, static_cast<std::uint32_t>(r.row + 1),
                                               static_cast<std::uint32_t>(r.col + 1)},
                                     "cell " + a1(r.row, r.col) +
                                         " refers to text that is missing from the "
                                         "workbook's shared strings" +
                                         kDamaged);
                text = book.strings[r.index];
                break;
            case Kind::text:
                text = book.texts[r.index];
                break;
            case Kind::boolean:
                text = r.num != 0 ? "true" : "false";
                break;
            case Kind::formula_none:
                throw InputError(
                    SourcePos{where, static_cast<std::uint32_t>(r.row + 1),
                              static_cast<std::uint32_t>(r.col + 1)},
                    "cell " + a1(r.row, r.col) +
                        " holds a formula whose saved result cannot be read (an error such "
                        "as #N/A, a true/false result, a text result in .ods, or a file saved "
                        "without computed values); replace the formula by its value (copy, "
                        "then paste special: values only) or open and save the workbook in a "
                        "spreadsheet program");
        }
        if (!text.empty()) out.push_back(Cell{r.row, r.col, std::move(text)});
    }
    return out;
}

/// A sheet as a table, by the rules of a CSV table (read_workbook.hpp).
/// The sheet as a grid of rows from its first to its last row with a value, every row as wide
/// as the widest (empty cells as empty text), for the adjacency-matrix reader.
CellGrid sheet_grid(const std::string& path, const Sheet& s, const std::vector<Cell>& cells) {
    CellGrid grid;
    grid.path = sheet_path(path, s);
    if (cells.empty()) return grid;
    ss::col_t first_col = cells.front().col, last_col = cells.front().col;
    for (const auto& c : cells) {
        first_col = std::min(first_col, c.col);
        last_col = std::max(last_col, c.col);
    }
    ss::row_t row = cells.front().row;
    std::size_t i = 0;
    while (i < cells.size()) {
        row = cells[i].row;
        std::vector<GridCell> out;
        for (ss::col_t c = first_col; c <= last_col; ++c)
            out.push_back(GridCell{"", static_cast<std::uint32_t>(row + 1),
                                   static_cast<std::uint32_t>(c + 1)});
        for (; i < cells.size() && cells[i].row == row; ++i)
            out[static_cast<std::size_t>(cells[i].col - first_col)].text = cells[i].text;
        grid.rows.push_back(std::move(out));
    }
    return grid;
}

RawTable sheet_table(const std::string& path, const Sheet& s, const std::vector<Cell>& cells) {
    RawTable table;
    table.path = sheet_path(path, s);
    auto pos = [&](ss::row_t row, ss::col_t col) {
        return SourcePos{table.path, static_cast<std::uint32_t>(row + 1),
                         static_cast<std::uint32_t>(col + 1)};
    };
    if (cells.empty())
        throw InputError(SourcePos{table.path, 0, 0},
                         "the sheet is empty; a table needs a header row (column names) and a "
                         "row per record");
    // Header: the first row with a value.
    const auto header_row = cells.front().row;
    std::size_t i = 0;
    std::map<ss::col_t, std::string> names;
    for (; i < cells.size() && cells[i].row == header_row; ++i) {
        auto name = trim(cells[i].text);
        if (!name.empty()) names.emplace(cells[i].col, std::move(name));
    }
    if (names.empty())  // only blanks in the header row
        throw InputError(pos(header_row, cells.front().col),
                         "the header row holds only spaces; give every column a name");
    const auto first = names.begin()->first, last = names.rbegin()->first;
    std::set<std::string> seen;
    std::vector<std::size_t> index;  // table column of sheet column first + k
    for (auto c = first; c <= last; ++c) {
        const auto it = names.find(c);
        if (it == names.end())
            throw InputError(pos(header_row, c), "empty column name in the header row (cell " +
                                                     a1(header_row, c) +
                                                     "); give every column a name");
        if (!seen.insert(ascii_lower(it->second)).second)
            throw InputError(pos(header_row, c), "column '" + it->second +
                                                     "' appears twice in the header row; "
                                                     "rename or remove one of them");
        index.push_back(table.column(it->second));
    }
    ss::row_t row = header_row;
    std::size_t raw_row = 0;
    for (; i < cells.size(); ++i) {
        const auto& c = cells[i];
        if (c.col < first || c.col > last)
            throw InputError(pos(c.row, c.col),
                             "cell " + a1(c.row, c.col) + " holds '" + c.text +
                                 "' but its column has no name in the header row (row " +
                                 std::to_string(header_row + 1) +
                                 "); name the column or clear the cell");
        if (c.row != row) {
            row = c.row;
            raw_row = table.add_row(static_cast<std::uint32_t>(row + 1));
            for (std::size_t k = 0; k < index.size(); ++k)  // empty cells keep their column too
                table.set(index[k], raw_row, std::string(),
                          static_cast<std::uint32_t>(first + static_cast<ss::col_t>(k) + 1));
        }
        table.set(index[static_cast<std::size_t>(c.col - first)], raw_row, c.text,
                  static_cast<std::uint32_t>(c.col + 1));
    }
    return table;
}

bool has_cells(const Sheet& s) { return !s.recs.empty(); }

std::string list_sheets(const Book& book) {
    std::string out;
    for (const auto& s : book.sheets) out += (out.empty() ? "'" : ", '") + s->name() + "'";
    return out.empty() ? "(none)" : out;
}

bool names_edges(const std::string& name) {
    const auto n = ascii_lower(name);
    return n.find("edge") != std::string::npos || n.find("tie") != std::string::npos;
}
bool names_nodes(const std::string& name) {
    const auto n = ascii_lower(name);
    return !names_edges(name) &&
           (n.find("node") != std::string::npos || n.find("actor") != std::string::npos);
}

/// The sheet called `name` (exactly, else ignoring case); InputError listing the sheets if none.
Sheet& sheet_named(const std::string& path, Book& book, const std::string& name,
                   const char* option) {
    for (auto& s : book.sheets)
        if (s->name() == name) return *s;
    for (auto& s : book.sheets)
        if (ascii_lower(s->name()) == ascii_lower(name)) return *s;
    throw InputError(SourcePos{path, 0, 0}, "no sheet named '" + name + "' (" + option +
                                                "); the workbook has sheets " + list_sheets(book));
}

/// The sheets of `book` whose names say `edges` (true) or nodes (false), with cells.
std::vector<Sheet*> sheets_by_name(Book& book, bool edges) {
    std::vector<Sheet*> out;
    for (auto& s : book.sheets)
        if (has_cells(*s) && (edges ? names_edges(s->name()) : names_nodes(s->name())))
            out.push_back(s.get());
    return out;
}

std::vector<Sheet*> sheets_with_cells(Book& book) {
    std::vector<Sheet*> out;
    for (auto& s : book.sheets)
        if (has_cells(*s)) out.push_back(s.get());
    return out;
}

void warn_ignored(const std::string& path, const Book& book, const Sheet* edges, const Sheet* nodes,
                  std::vector<Warning>& warnings) {
    std::string ignored;
    for (const auto& s : book.sheets)
        if (s.get() != edges && s.get() != nodes && has_cells(*s))
            ignored += (ignored.empty() ? "'" : ", '") + s->name() + "'";
    if (ignored.empty()) return;
    std::string read;
    if (edges) read = "'" + edges->name() + "' as the tie table";
    if (nodes) read += (read.empty() ? "'" : " and '") + nodes->name() + "' as the actor table";
    warnings.push_back(
        Warning{SourcePos{path, 0, 0}, "read sheet " + read + "; ignored sheets " + ignored +
                                           " (name the sheets with --nodes-sheet/--edges-sheet)"});
}

/// The one table sheet of a workbook given as one file of a pair.
Sheet& single_table(const std::string& path, Book& book, const std::string& named, bool edges,
                    std::vector<Warning>& warnings) {
    const char* option = edges ? "--edges-sheet" : "--nodes-sheet";
    Sheet* chosen = nullptr;
    if (!named.empty()) {
        chosen = &sheet_named(path, book, named, option);
    } else {
        auto all = sheets_with_cells(book);
        if (all.size() == 1) {
            chosen = all.front();
        } else {
            auto by_name = sheets_by_name(book, edges);
            if (by_name.size() != 1)
                throw InputError(
                    SourcePos{path, 0, 0},
                    std::string("cannot tell which sheet holds the ") + (edges ? "tie" : "actor") +
                        " table: " +
                        (all.empty() ? std::string("every sheet is empty")
                                     : std::to_string(all.size()) + " sheets with data (" +
                                           list_sheets(book) + ")") +
                        "; give the sheet with " + option + " NAME or name it '" +
                        (edges ? "edges" : "nodes") + "'");
            chosen = by_name.front();
        }
    }
    warn_ignored(path, book, edges ? chosen : nullptr, edges ? nullptr : chosen, warnings);
    return *chosen;
}

}  // namespace

/// The sheet's cells read once (reading them consumes the .ods cell comments they match).
RawTable sheet_table(const std::string& path, Book& book, Sheet& s) {
    return sheet_table(path, s, sheet_cells(path, book, s));
}

RawNetwork read_workbook(const std::string& path, const WorkbookOptions& options) {
    RawNetwork raw;
    auto book = load_book(path, raw.warnings);
    raw.format = book->ods ? "ods" : "xlsx";
    raw.sources.push_back(path);

    Sheet* edges = nullptr;
    Sheet* nodes = nullptr;
    const auto all = sheets_with_cells(*book);
    if (!options.edges_sheet.empty()) {
        edges = &sheet_named(path, *book, options.edges_sheet, "--edges-sheet");
    } else if (all.size() == 1 && !names_nodes(all.front()->name())) {
        edges = all.front();  // one sheet: an edge table, actors from the ties
    } else {
        const auto by_name = sheets_by_name(*book, true);
        if (by_name.size() != 1)
            throw InputError(
                SourcePos{path, 0, 0},
                (all.empty()       ? std::string("every sheet is empty")
                 : by_name.empty() ? "no sheet whose name contains 'edge' or 'tie'"
                                   : std::to_string(by_name.size()) +
                                         " sheets whose names contain 'edge' or 'tie'") +
                    "; the workbook has sheets " + list_sheets(*book) +
                    "; name the tie sheet 'edges' (and the actor sheet 'nodes'), or give "
                    "--edges-sheet NAME");
        edges = by_name.front();
    }
    if (!options.nodes_sheet.empty()) {
        nodes = &sheet_named(path, *book, options.nodes_sheet, "--nodes-sheet");
    } else {
        auto by_name = sheets_by_name(*book, false);
        by_name.erase(std::remove(by_name.begin(), by_name.end(), edges), by_name.end());
        if (by_name.size() > 1)
            throw InputError(SourcePos{path, 0, 0},
                             std::to_string(by_name.size()) +
                                 " sheets whose names contain 'node' or 'actor'; the workbook "
                                 "has sheets " +
                                 list_sheets(*book) + "; give --nodes-sheet NAME");
        if (!by_name.empty()) nodes = by_name.front();
    }
    if (nodes == edges)
        throw InputError(SourcePos{path, 0, 0}, "sheet '" + edges->name() +
                                                    "' cannot be both the actor and the tie "
                                                    "table; name two different sheets");
    warn_ignored(path, *book, edges, nodes, raw.warnings);
    if (!nodes) {
        // One tie sheet alone may be an adjacency matrix (labels in the first row and column),
        // the usual route from Excel into UCINET: read as the CSV matrix reader reads one.
        const auto cells = sheet_cells(path, *book, *edges);
        const auto grid = sheet_grid(path, *edges, cells);
        if (!looks_like_adjacency_matrix(grid)) {
            raw.ties = sheet_table(path, *edges, cells);
            return raw;
        }
        {
            std::vector<Warning> w;
            auto matrix = read_adjacency_matrix(grid, w);
            matrix.format = raw.format;
            matrix.sources = raw.sources;
            matrix.warnings = std::move(raw.warnings);
            matrix.warnings.push_back(Warning{
                SourcePos{grid.path, 1, 1},
                "read as an adjacency matrix: the first row and the first column hold the same " +
                    std::to_string(matrix.actors.rows()) +
                    " labels in the same order, and the other cells are empty or numbers"});
            for (auto& x : w) matrix.warnings.push_back(std::move(x));
            return matrix;
        }
    }
    if (nodes) {
        raw.actors = sheet_table(path, *book, *nodes);
        raw.actors_authoritative = true;
    }
    raw.ties = sheet_table(path, *book, *edges);
    return raw;
}

RawNetwork read_workbook_pair(const std::string& nodes_path, const std::string& edges_path,
                              const WorkbookOptions& options) {
    RawNetwork raw;
    if (!nodes_path.empty()) {
        auto book = load_book(nodes_path, raw.warnings);
        raw.format = book->ods ? "ods" : "xlsx";
        auto& sheet = single_table(nodes_path, *book, options.nodes_sheet, false, raw.warnings);
        raw.actors = sheet_table(nodes_path, *book, sheet);
        raw.actors_authoritative = true;
        raw.sources.push_back(nodes_path);
    }
    auto book = load_book(edges_path, raw.warnings);
    if (raw.format.empty()) raw.format = book->ods ? "ods" : "xlsx";
    auto& sheet = single_table(edges_path, *book, options.edges_sheet, true, raw.warnings);
    raw.ties = sheet_table(edges_path, *book, sheet);
    raw.sources.push_back(edges_path);
    return raw;
}

}  // namespace clusterlens
