// Pajek .clu partitions: one integer (class) per vertex, in vertex order, read into an actor
// column named after the file.
#include "graphs/pajek_parser.hpp"

namespace clusterlens::pajek {
namespace {

/// Column name for a partition file: its stem without ".gz" and ".clu" ("dept.clu.gz" -> "dept"),
/// and without the network's stem and a dot in front ("out.part.clu" of "out.net" -> "part", as
/// write_network names the partitions it writes). The network's stem is compared ignoring case.
std::string partition_name(const std::string& path, const std::string& net_path) {
    auto stem = [](std::filesystem::path p) {
        if (ascii_lower(p.extension().string()) == ".gz") p = p.stem();
        return p.stem().string();
    };
    const std::string name = stem(path);
    const std::string prefix = ascii_lower(stem(net_path)) + ".";
    if (name.size() > prefix.size() && ascii_lower(name.substr(0, prefix.size())) == prefix)
        return name.substr(prefix.size());
    return name;
}

}  // namespace

void read_partition(const std::string& path, std::uint64_t n, const std::string& net_path,
                    std::uint32_t net_vertices_line, RawNetwork& net,
                    std::set<std::string>& names) {
    const std::string name = partition_name(path, net_path);
    const std::string lname = ascii_lower(name);
    if (name.empty() || lname == "id" || lname == "label")
        throw InputError(SourcePos{path, 0, 0},
                         "a partition file named '" + name +
                             "' would clash with the actors' Id or Label column; rename the "
                             "file (its name becomes the attribute's name)");
    if (!names.insert(lname).second)
        throw InputError(SourcePos{path, 0, 0},
                         "two partition files are both named '" + name +
                             "'; rename one (the file name becomes the attribute's name)");
    LineReader in(path);
    std::string line;
    bool any_text = false, have_header = false, headerless = false;
    std::uint64_t count = 0;
    std::uint32_t last_line = 0;
    const auto column = net.actors.column(name);
    // "%clusterlens class k \"value\"" lines (write_pajek_partition's coding): class -> value.
    std::map<std::string, std::string> classes;
    while (in.next(line)) {
        if (line.find_first_not_of(" \t") != std::string::npos) any_text = true;
        if (auto c = tagged_comment(line, "class", in)) {
            if (!classes.emplace(c->number, c->value).second)
                throw InputError(
                    in.pos(c->number_col),
                    "class " + c->number + " has a second '%clusterlens class' line; remove one");
            continue;
        }
        if (is_blank_or_comment(line)) continue;
        last_line = in.line_number();
        const auto tokens = tokenize(line, in);
        const std::string keyword = ascii_lower(tokens[0].text);
        if (!have_header && !headerless) {
            if (keyword == "*partition") continue;  // optional name line
            if (keyword != "*vertices" && !tokens[0].quoted && parse_integer(tokens[0].text)) {
                // No header (ADVICE.CLU in Krackhardt's data, as Pajek reads it): the values
                // start here, one per vertex of the network.
                headerless = true;
            } else if (keyword != "*vertices") {
                throw InputError(in.pos(tokens[0].col),
                                 "expected '*Vertices n' or a first class number at the start of "
                                 "a partition (.clu) file, got '" +
                                     shown(tokens[0].text) + "'");
            }
        }
        if (!have_header && !headerless) {
            if (tokens.size() < 2 || !parse_count(tokens[1].text))
                throw InputError(in.pos(tokens.size() < 2 ? tokens[0].col : tokens[1].col),
                                 "expected a number of vertices after *Vertices (e.g. "
                                 "'*Vertices 12')");
            const auto declared = *parse_count(tokens[1].text);
            if (declared != n)
                throw InputError(in.pos(tokens[1].col),
                                 "the partition declares " + tokens[1].text + " vertices but " +
                                     net_path + " declares " + std::to_string(n) + " (line " +
                                     std::to_string(net_vertices_line) +
                                     "); use the partition made for this network");
            have_header = true;
            continue;
        }
        if (tokens.size() != 1)
            throw InputError(in.pos(tokens[1].col),
                             "a partition line holds one integer (the class of one vertex); "
                             "put each vertex's class on its own line");
        const auto& t = tokens[0];
        std::int64_t value = 0;
        const char* b = t.text.data();
        const char* e = b + t.text.size();
        const auto [ptr, ec] = std::from_chars(b, e, value);
        if (t.quoted || ec != std::errc() || ptr != e)
            throw InputError(in.pos(t.col), "expected an integer class number, got '" +
                                                shown(t.text) +
                                                "'; a partition gives one integer per vertex");
        if (count >= n)
            throw InputError(in.pos(t.col),
                             "more values than the " + std::to_string(n) +
                                 (headerless ? " vertices of " + net_path
                                             : std::string(" vertices the partition declares")) +
                                 "; remove the extra lines");
        if (classes.empty()) {
            net.actors.set(column, static_cast<std::size_t>(count), t.text, t.col);
        } else {
            const auto it = classes.find(std::to_string(value));
            if (it == classes.end())
                throw InputError(in.pos(t.col),
                                 "class " + t.text +
                                     " has no '%clusterlens class' line saying what it stands "
                                     "for; add one or remove the '%clusterlens class' lines");
            net.actors.set(column, static_cast<std::size_t>(count), it->second, t.col);
        }
        ++count;
    }
    if (!any_text)
        throw InputError(SourcePos{path, 0, 0},
                         "the file is empty; a Pajek partition is '*Vertices n' followed by one "
                         "integer per vertex");
    if (!have_header && !headerless)
        throw InputError(SourcePos{path, 0, 0},
                         "no '*Vertices n' line and no values; a Pajek partition is '*Vertices "
                         "n' followed by one integer per vertex");
    if (count != n)
        throw InputError(
            SourcePos{path, last_line, 0},
            "the partition has " + std::to_string(count) + " values but " +
                (headerless ? net_path + " declares " + std::to_string(n) + " vertices (line " +
                                  std::to_string(net_vertices_line) + ")"
                            : "declares " + std::to_string(n) + " vertices") +
                "; give one integer per vertex, in vertex order");
    for (auto& w : in.take_warnings()) net.warnings.push_back(std::move(w));
    net.sources.push_back(path);
}

}  // namespace clusterlens::pajek
