// Writers. Every writer has a stream form (for tests) and write_network() writes atomically
// (temporary file + rename) to a path, choosing the format from the extension.
//   .graphml  GraphML with every actor and tie attribute (opens in Gephi, NetworkX, igraph);
//             positions x, y as double keys "x", "y", which Gephi reads as node positions
//   .gexf     GEXF 1.2draft (Gephi, NetworkX): typed attributes for every actor and tie
//             attribute, weights, relations as kind and as an attribute "relation", positions
//             x, y into viz:position, viz_color/viz_size back into viz elements (write_gexf.cpp)
//   .gml      GML
//   .json     NetworkX node-link JSON (networkx.node_link_graph reads it)
//   .net      Pajek: vertex lines carry the actor labels (then x and 1 - y when the actors have
//             positions); ids that are not the vertex numbers go on "%clusterlens id k \"id\""
//             comment lines, which read_pajek reads back. Next to OUT.net: OUT.part.clu,
//             OUT.type.clu, OUT.locality.clu, OUT.focal.clu, OUT.stage.clu, OUT.group.clu for
//             the fields some actor has, each with its coding on "%clusterlens class k \"value\""
//             lines. Several relations: OUT.net in Pajek's form (one ":k \"name\"" block each)
//             and OUT.<relation>.net per relation (igraph and NetworkX read one block only).
//   .dl       UCINET DL, the labels as DL labels (ids when two labels are equal ignoring case);
//             edgelist1, several relations as fullmatrix nm=k
//   .vna      NetDraw VNA (*node data, *tie data)
//   .txt      plain edge list "source target weight"
//   folder    (a path without extension, or ending in '/') the Gephi CSV pair
//             FOLDER/nodes.csv and FOLDER/edges.csv
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "graphs/network.hpp"

namespace clusterlens {

enum class OutputFormat { graphml, gml, json, pajek, dl, vna, edgelist, csv_pair, gexf };

/// The output format a path implies; UsageError for an unknown extension.
OutputFormat output_format_for(const std::string& path);
/// The files write_network() may write for `path`: two for a CSV pair; for Pajek the .net and
/// every partition it may write (the relation files depend on the network: see the overload).
std::vector<std::string> output_files_for(const std::string& path);
/// The files write_network() writes for `net` at `path`.
std::vector<std::string> output_files_for(const std::string& path, const Network& net);

void write_graphml(const Network& net, std::ostream& out);
/// GEXF 1.2draft; deterministic bytes (write_gexf.cpp).
void write_gexf(const Network& net, std::ostream& out);
void write_gml(const Network& net, std::ostream& out);
void write_json(const Network& net, std::ostream& out);
void write_pajek(const Network& net, std::ostream& out);
/// A Pajek .net with the ties of one relation only (no ":k" header).
void write_pajek_relation(const Network& net, std::uint32_t relation, std::ostream& out);
/// The model fields a Pajek export writes as partitions: part, type, locality, focal, stage,
/// group.
const std::vector<std::string>& pajek_partition_fields();
/// A Pajek partition (.clu) of one of pajek_partition_fields(). Classes: part 0 unspecified,
/// 1 core, 2 assisting, 3 external; locality 0 unspecified, 1 local, 2 global; focal 0 false,
/// 1 true; type 0 unspecified, 1..10 known_actor_types() in order; stage and group 0 empty, then
/// the values in sorted order. The coding is written on "%clusterlens class k \"value\"" lines.
void write_pajek_partition(const Network& net, const std::string& field, std::ostream& out);
void write_dl(const Network& net, std::ostream& out);
void write_vna(const Network& net, std::ostream& out);
void write_edge_list(const Network& net, std::ostream& out);
/// How the text cells of a CSV pair are written: exactly (the data, for Gephi and every reader)
/// or spreadsheet_safe (csv_text_cell: formula-like text gets a leading apostrophe).
enum class CsvCells { exact, spreadsheet_safe };
void write_csv_nodes(const Network& net, std::ostream& out, CsvCells cells = CsvCells::exact);
void write_csv_edges(const Network& net, std::ostream& out, CsvCells cells = CsvCells::exact);

/// Writes `net` to `path` atomically. `inputs` are refused as outputs (UsageError). `cells`
/// applies to the CSV pair. Returns the files written.
std::vector<std::string> write_network(const Network& net, const std::string& path,
                                       const std::vector<std::string>& inputs,
                                       CsvCells cells = CsvCells::exact);

/// Quotes a CSV field when needed (RFC 4180).
std::string csv_field(const std::string& text);
/// A text cell of a table meant for spreadsheets (score's and compare's CSV outputs): as
/// csv_field, except that text a spreadsheet would run as a formula (it starts with = + - @, tab
/// or carriage return, OWASP's list of CSV-injection triggers, and is not a number) is written
/// quoted with a leading apostrophe ("'=1+1"), which spreadsheets show as the text =1+1 and do
/// not evaluate. Numbers such as -0.5 or +3 stay numbers.
std::string csv_text_cell(const std::string& text);
/// Escapes & < > " ' for XML text and attributes, and writes tab, line feed and carriage return
/// as character references (&#9; &#10; &#13;), which XML parsers keep in attribute values; the
/// other C0 control characters, which XML 1.0 cannot hold at all, become spaces.
std::string xml_escape(const std::string& text);

}  // namespace clusterlens
