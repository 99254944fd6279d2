// The import factory liborcus fills while it reads a workbook (Book, one Sheet per sheet, the
// shared strings, the number formats), the cell records it keeps, and the date conversions; shared
// by the loading of a file (workbook_load.cpp) and the turning of sheets into tables
// (read_workbook.cpp). Internal to graphs/; read_workbook.cpp says why liborcus is used this way.
#pragma once

#include <orcus/spreadsheet/import_interface.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphs/error.hpp"
#include "graphs/source.hpp"

namespace orcus {
class zip_archive;
}

namespace clusterlens::workbook {
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
inline std::string a1(ss::row_t row, ss::col_t col) {
    std::string letters;
    for (long c = static_cast<long>(col) + 1; c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(static_cast<long>(row) + 1);
}

// ---- dates (workbook_import.cpp) --------------------------------------------------------------

/// Civil date of a count of days since 1970-01-01 (proleptic Gregorian calendar).
void civil_from_days(long long z, long long& y, unsigned& m, unsigned& d);
/// Days since 1970-01-01 of a civil date.
long long days_from_civil(long long y, unsigned m, unsigned d);
/// ISO 8601 text: date alone when the time is midnight, "THH:MM:SS[.mmm]" otherwise.
std::string iso_date_time(long long y, unsigned m, unsigned d, long long ms_of_day,
                          bool with_date = true);
/// An .xlsx date serial (days since the origin, fraction = time of day) as ISO 8601.
std::string serial_to_iso(double serial, long long origin_days, bool excel_1900);
/// True for .xlsx number formats that show a date or a time.
bool is_date_format(std::size_t id, const std::string& code);

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
    /// .xlsx: `strings` is our own reading of the shared-strings part (workbook_strings.cpp),
    /// and of liborcus' entries only their number counts, in `delivered_strings`.
    bool own_strings = false;
    std::size_t delivered_strings = 0;
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

// ---- the .xlsx shared strings (workbook_strings.cpp) -------------------------------------------

/// An .xlsx shared-string table as its part holds it.
struct SharedStringTable {
    std::string part;                  ///< "xl/sharedStrings.xml"; "" when the workbook has none
    std::vector<std::string> strings;  ///< the text of each <si>, in order
    std::string error;                 ///< why the part could not be read ("" when it could)
};
/// Reads the shared-strings part the workbook's relationships name (liborcus 0.17 passes the
/// previous entry's text for an entry without text, and a phonetic run's text for the entry's;
/// see workbook_strings.cpp). Never throws InputError: what cannot be read is in `error`.
SharedStringTable read_shared_strings(const orcus::zip_archive& zip);

/// "" when `text` (the XML part named `part`) is well-formed XML as libxml2 reads it (never
/// fetching anything, entities not expanded), else "PART line L, column C is not well-formed
/// XML (libxml2: ...)". liborcus 0.17's parser can read past the end of a malformed part and
/// stop the program on an assertion (found by the fuzz target: a part cut inside an attribute
/// name), so every XML part is checked this way before liborcus reads it.
std::string not_well_formed(const std::string& text, const std::string& part);

// ---- loading a file (workbook_load.cpp) -------------------------------------------------------

/// The end of every message about a damaged file.
extern const char* const kDamaged;
/// Text without whitespace, for matching a comment's paragraphs against what liborcus passed.
std::string squeeze(std::string_view text);
/// Loads every sheet's cells of a workbook file or buffer. Throws InputError for anything
/// liborcus cannot read.
std::unique_ptr<Book> load_book(const Source& source, std::vector<Warning>& warnings);
/// A number cell as text: integers in full, other values in the shortest text that reads back
/// to the same double.
std::string number_text(double v);

}  // namespace clusterlens::workbook
