// Reading from a buffer in memory (load_network_from_buffer, Source) gives what reading the file
// gives: the same network (actors, ties, attributes, warnings) and the same error messages, with
// the display name where the path stood. Checked over every single file of tests/data and of the
// shared corpus (../shared/corpus; skipped when absent), whatever its format, and for a few
// buffers with no file behind them.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "graphs/load.hpp"
#include "graphs/text_input.hpp"
#include "tests/test_paths.hpp"

namespace clusterlens {
namespace {
namespace fs = std::filesystem;

std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// Everything a load gives, as text: the network in full, or the messages of its failure.
template <typename Load>
std::string outcome(Load&& load) {
    std::ostringstream o;
    try {
        const Network net = load();
        const auto& r = net.report();
        o << "format " << r.format << ", directed " << net.directed() << ", loops "
          << r.self_loops_dropped << ", merged " << r.parallel_ties_merged << "\n";
        for (const auto& s : r.sources) o << "source " << s << "\n";
        for (const auto& w : r.warnings) o << w.format() << "\n";
        for (const auto& a : net.actors())
            o << "actor " << a.id << " | " << a.label << " | " << to_string(a.part) << " | "
              << a.type << " | " << a.focal << " | " << to_string(a.locality) << " | " << a.stage
              << " | " << a.group << "\n";
        for (const auto& c : net.actor_attributes().columns())
            for (std::size_t i = 0; i < c.size(); ++i)
                o << "actor attribute " << c.name << "[" << i << "] = " << c.as_text(i) << "\n";
        for (std::size_t e = 0; e < net.tie_count(); ++e)
            o << "tie " << net.source(e) << " " << net.target(e) << " " << net.weight(e) << " "
              << net.relations()[net.relation(e)] << "\n";
        for (const auto& c : net.tie_attributes().columns())
            for (std::size_t i = 0; i < c.size(); ++i)
                o << "tie attribute " << c.name << "[" << i << "] = " << c.as_text(i) << "\n";
    } catch (const InputErrors& e) {
        for (const auto& x : e.errors()) o << x.what() << "\n";
        if (e.truncated()) o << "(truncated)\n";
    } catch (const InputError& e) {
        o << e.what() << "\n";
    } catch (const UsageError& e) {
        o << "usage: " << e.what() << "\n";
    }
    return o.str();
}

/// The single files under `root` a user could load alone (not the expected messages, argument
/// files, mappings or .clu partitions that go with other files).
std::vector<std::string> single_files(const std::string& root) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (!e.is_regular_file()) continue;
        const auto ext = ascii_lower(e.path().extension().string());
        if (ext == ".md" || ext == ".expected" || ext == ".args" || ext == ".toml" ||
            ext == ".clu" || ext == ".py")
            continue;
        out.push_back(fs::relative(e.path(), root).generic_string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// Loads every single file under `root` from its path and from its bytes, both named by the
/// path relative to `root` (the working folder meanwhile), and compares the outcomes.
void expect_buffer_reads_as_file(const std::string& root, std::size_t at_least) {
    const auto cwd = fs::current_path();
    fs::current_path(root);
    std::size_t count = 0;
    for (const auto& rel : single_files(root)) {
        const auto bytes = bytes_of(rel);
        const auto from_file = outcome([&] { return load_network({rel}, LoadOptions{}); });
        const auto from_buffer =
            outcome([&] { return load_network_from_buffer(bytes, InputFormat::automatic, rel); });
        EXPECT_EQ(from_buffer, from_file) << rel;
        ++count;
    }
    fs::current_path(cwd);
    EXPECT_GE(count, at_least);
}

TEST(LoadBuffer, EveryTestDataFileReadsAsFromItsPath) {
    expect_buffer_reads_as_file(testing::data(""), 150);
}

TEST(LoadBuffer, EveryCorpusFileReadsAsFromItsPath) {
    if (!fs::is_directory(testing::corpus(""))) GTEST_SKIP() << "no corpus";
    expect_buffer_reads_as_file(testing::corpus(""), 20);
}

TEST(LoadBuffer, DisplayNameStandsForThePath) {
    const std::string net = "*Vertices 2\n1 \"a\"\n2 \"b\"\n*Arcs\n1 3\n";
    const auto got =
        outcome([&] { return load_network_from_buffer(net, InputFormat::pajek, "upload"); });
    EXPECT_EQ(got.rfind("upload:5:3: error: vertex 3 is out of range 1..2;", 0), 0u) << got;
}

TEST(LoadBuffer, FormatFromTheContentWhenTheNameDoesNotSay) {
    const std::string gml =
        "graph [\n node [ id 1 ]\n node [ id 2 ]\n edge [ source 1 target 2 ]\n]\n";
    const auto got =
        outcome([&] { return load_network_from_buffer(gml, InputFormat::automatic, "posted"); });
    EXPECT_NE(got.find("format gml"), std::string::npos) << got;
    EXPECT_NE(got.find("posted: warning: read as GML from its content ('graph [')"),
              std::string::npos)
        << got;
    EXPECT_NE(got.find("tie 0 1 1 \n"), std::string::npos) << got;
}

TEST(LoadBuffer, FormatArgumentWinsOverTheName) {
    const std::string edges = "a b\nb c\n";
    const auto got =
        outcome([&] { return load_network_from_buffer(edges, InputFormat::edgelist, "x.csv"); });
    EXPECT_NE(got.find("format edgelist"), std::string::npos) << got;
}

TEST(LoadBuffer, GzipBufferIsDecompressed) {
    const std::string text = "Source,Target\na,b\nb,c\n";
    uLongf size = compressBound(static_cast<uLong>(text.size())) + 32;
    std::string gz(size, '\0');
    // A gzip member, as gzip(1) writes (windowBits 15 + 16).
    z_stream z{};
    ASSERT_EQ(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    z.avail_in = static_cast<uInt>(text.size());
    z.next_out = reinterpret_cast<Bytef*>(gz.data());
    z.avail_out = static_cast<uInt>(gz.size());
    ASSERT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
    gz.resize(z.total_out);
    deflateEnd(&z);
    const auto plain =
        outcome([&] { return load_network_from_buffer(text, InputFormat::automatic, "t.csv"); });
    const auto packed =
        outcome([&] { return load_network_from_buffer(gz, InputFormat::automatic, "t.csv.gz"); });
    // The same network; only the source name differs.
    EXPECT_EQ(packed.substr(packed.find("actor ")), plain.substr(plain.find("actor ")));
    // Cut off: the same message a cut-off .gz file gets.
    const auto cut = outcome([&] {
        return load_network_from_buffer(std::string_view(gz).substr(0, gz.size() - 12),
                                        InputFormat::automatic, "t.csv.gz");
    });
    EXPECT_NE(cut.find("error: the compressed file ends early"), std::string::npos) << cut;
}

TEST(LoadBuffer, SecondFilesStayWithThePathApi) {
    LoadOptions o;
    o.mapping.nodes_file = "nodes.csv";
    EXPECT_EQ(outcome([&] {
                  return load_network_from_buffer("Source,Target\na,b\n", InputFormat::csv,
                                                  "edges.csv", o);
              }).rfind("usage: the mapping names an actor table", 0),
              0u);
}

TEST(LineReaderMemory, LinesOfABufferAsOfAFile) {
    const std::string text = "\xEF\xBB\xBFone\r\ntwo\rthree\nfour";
    LineReader in(Source::buffer(text, "mem"));
    std::vector<std::string> lines;
    std::string line;
    while (in.next(line)) lines.push_back(line);
    EXPECT_EQ(lines, (std::vector<std::string>{"one", "two", "three", "four"}));
    EXPECT_EQ(in.path(), "mem");
    EXPECT_EQ(in.line_number(), 4u);
}

TEST(FormatTable, NamesForHelpText) {
    EXPECT_EQ(input_format_names(),
              (std::vector<std::string>{"csv", "xlsx", "ods", "matrix", "graphml", "gexf", "json",
                                        "gml", "pajek", "dl", "vna", "edgelist"}));
    for (const auto& name : input_format_names())
        EXPECT_EQ(format_info(parse_input_format(name)).name, name);
    EXPECT_EQ(parse_input_format("UCINET"), InputFormat::dl);
    // The accepted-format list of messages, as it read before the table existed.
    EXPECT_EQ(readable_formats(),
              "csv (.csv .tsv, or a folder with nodes and edges tables), xlsx and ods (workbooks: "
              "nodes and edges sheets), matrix (an adjacency matrix in a .csv), graphml "
              "(.graphml), gexf (.gexf, Gephi), json (.json, NetworkX node-link), gml (.gml), "
              "pajek (.net, with .clu partitions), dl (.dl, UCINET), vna (.vna, NetDraw), "
              "edgelist (.txt .edges .edgelist), any text format gzip-compressed (.gz)");
    EXPECT_EQ(format_from_extension("x/a.NCOL.gz"), InputFormat::edgelist);
}

}  // namespace
}  // namespace clusterlens
