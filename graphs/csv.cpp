#include "graphs/csv.hpp"

#include <set>

namespace clusterlens {

CsvReader::CsvReader(LineReader& lines, char delimiter) : lines_(lines), delim_(delimiter) {}

namespace {
char detect_delimiter(const std::string& line) {
    std::size_t comma = 0, semi = 0, tab = 0;
    bool quoted = false;
    for (const char c : line) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == ',') ++comma;
        if (c == ';') ++semi;
        if (c == '\t') ++tab;
    }
    if (tab > comma && tab > semi) return '\t';
    if (semi > comma) return ';';
    return ',';
}
}  // namespace

bool CsvReader::next(std::vector<CsvField>& fields) {
    fields.clear();
    do {
        if (!lines_.next(line_)) return false;
    } while (line_.find_first_not_of(" \t") == std::string::npos);  // skip blank lines
    record_line_ = lines_.line_number();
    if (delim_ == 0) delim_ = detect_delimiter(line_);

    std::size_t i = 0;
    for (;;) {
        CsvField field;
        field.column = static_cast<std::uint32_t>(i + 1);
        if (i < line_.size() && line_[i] == '"') {
            const std::uint32_t open_line = lines_.line_number();
            const auto open_col = static_cast<std::uint32_t>(i + 1);
            ++i;
            for (;;) {
                if (i >= line_.size()) {
                    // The quoted field continues on the next line.
                    std::string more;
                    if (!lines_.next(more))
                        throw InputError(
                            SourcePos{lines_.path(), open_line, open_col},
                            "quoted field is never closed; add the closing '\"' (a quote inside "
                            "a quoted field is written as '\"\"')");
                    field.text += '\n';
                    line_ = std::move(more);
                    i = 0;
                    continue;
                }
                if (line_[i] == '"') {
                    if (i + 1 < line_.size() && line_[i + 1] == '"') {
                        field.text += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field.text += line_[i++];
            }
            if (i < line_.size() && line_[i] != delim_) {
                throw InputError(lines_.pos(static_cast<std::uint32_t>(i + 1)),
                                 std::string("unexpected text after a closing quote; quote the "
                                             "whole field and double any quote inside it"));
            }
        } else {
            const std::size_t end = line_.find(delim_, i);
            const std::size_t stop = end == std::string::npos ? line_.size() : end;
            field.text.assign(line_, i, stop - i);
            i = stop;
        }
        fields.push_back(std::move(field));
        if (i >= line_.size()) break;
        ++i;                      // skip the delimiter
        if (i == line_.size()) {  // a trailing delimiter ends with an empty field
            fields.push_back(CsvField{"", static_cast<std::uint32_t>(i + 1)});
            break;
        }
    }
    return true;
}

RawTable read_csv_table(const std::string& path, std::vector<Warning>& warnings) {
    LineReader lines(path);
    CsvReader csv(lines);
    RawTable table;
    table.path = path;
    std::vector<CsvField> fields;
    if (!csv.next(fields))
        throw InputError(SourcePos{path, 0, 0},
                         "the file is empty; a CSV table needs a header row and data rows");
    std::set<std::string> seen;
    std::vector<std::size_t> index;
    for (auto& f : fields) {
        auto name = trim(f.text);
        if (name.empty())
            throw InputError(SourcePos{path, csv.record_line(), f.column},
                             "empty column name in the header row; give every column a name");
        if (!seen.insert(ascii_lower(name)).second)
            throw InputError(SourcePos{path, csv.record_line(), f.column},
                             "column '" + name +
                                 "' appears twice in the header row; "
                                 "rename or remove one of them");
        index.push_back(table.column(name));
    }
    const std::size_t width = index.size();
    while (csv.next(fields)) {
        if (fields.size() != width) {
            const auto col = fields.size() > width ? fields[width].column : fields.back().column;
            throw InputError(
                SourcePos{path, csv.record_line(), col},
                "row has " + std::to_string(fields.size()) + " fields but the header has " +
                    std::to_string(width) + " columns; quote fields that contain " +
                    (csv.delimiter() == '\t' ? std::string("a tab")
                                             : "'" + std::string(1, csv.delimiter()) + "'") +
                    " and check for missing or extra delimiters");
        }
        const auto row = table.add_row(csv.record_line());
        for (std::size_t c = 0; c < width; ++c)
            table.set(index[c], row, std::move(fields[c].text), fields[c].column);
    }
    for (auto& w : lines.take_warnings()) warnings.push_back(std::move(w));
    return table;
}

}  // namespace clusterlens
