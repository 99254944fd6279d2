// The workbook import factory's methods and the date conversions (workbook_import.hpp).
#include "graphs/workbook_import.hpp"

#include <cmath>

#include "graphs/text_input.hpp"

namespace clusterlens::workbook {

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

namespace {
std::string two(long long v) { return (v < 10 ? "0" : "") + std::to_string(v); }

}  // namespace

/// ISO 8601 text: date alone when the time is midnight, "THH:MM:SS[.mmm]" otherwise.
std::string iso_date_time(long long y, unsigned m, unsigned d, long long ms_of_day,
                          bool with_date) {
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

// An .xlsx entry's text from liborcus is not used (own_strings): it can be the text of the entry
// before (workbook_strings.cpp); only the count is kept, and checked after loading.
std::size_t SharedStrings::append(std::string_view s) {
    if (book_.own_strings) return book_.delivered_strings++;
    book_.strings.emplace_back(s);
    const auto i = book_.strings.size() - 1;
    book_.string_index.emplace(book_.strings.back(), i);
    book_.on_string(i);
    return i;
}

std::size_t SharedStrings::add(std::string_view s) {
    if (book_.own_strings) return append(s);
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

}  // namespace clusterlens::workbook
