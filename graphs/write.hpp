// Writers. Every writer has a stream form (for tests) and write_network() writes atomically
// (temporary file + rename) to a path, choosing the format from the extension.
//   .graphml  GraphML with every actor and tie attribute (opens in Gephi, NetworkX, igraph);
//             positions x, y as double keys "x", "y", which Gephi reads as node positions
//   .gexf     GEXF 1.2draft (Gephi, NetworkX): typed attributes for every actor and tie
//             attribute, weights, relations as kind and as an attribute "relation", positions
//             x, y into viz:position, viz_color/viz_size back into viz elements (write_gexf.cpp)
//   .gml      GML
//   .json     NetworkX node-link JSON (networkx.node_link_graph reads it)
//   .net      Pajek (vertex labels = actor ids, then x and 1 - y when the actors have positions;
//             one *Arcs/*Edges block per relation)
//   .dl       UCINET DL (edgelist1 with labels; several relations as fullmatrix nm=k)
//   .vna      NetDraw VNA (*node data, *tie data)
//   .txt      plain edge list "source target weight"
//   folder    (a path without extension, or ending in '/') the Gephi CSV pair
//             FOLDER/nodes.csv and FOLDER/edges.csv
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "graphs/network.hpp"

namespace clusterlens {

enum class OutputFormat { graphml, gml, json, pajek, dl, vna, edgelist, csv_pair, gexf };

/// The output format a path implies; UsageError for an unknown extension.
OutputFormat output_format_for(const std::string& path);
/// The files write_network() writes for `path` (two for a CSV pair).
std::vector<std::string> output_files_for(const std::string& path);

void write_graphml(const Network& net, std::ostream& out);
/// GEXF 1.2draft; deterministic bytes (write_gexf.cpp).
void write_gexf(const Network& net, std::ostream& out);
void write_gml(const Network& net, std::ostream& out);
void write_json(const Network& net, std::ostream& out);
void write_pajek(const Network& net, std::ostream& out);
void write_dl(const Network& net, std::ostream& out);
void write_vna(const Network& net, std::ostream& out);
void write_edge_list(const Network& net, std::ostream& out);
void write_csv_nodes(const Network& net, std::ostream& out);
void write_csv_edges(const Network& net, std::ostream& out);

/// Writes `net` to `path` atomically. `inputs` are refused as outputs (UsageError).
/// Returns the files written.
std::vector<std::string> write_network(const Network& net, const std::string& path,
                                       const std::vector<std::string>& inputs);

/// Quotes a CSV field when needed (RFC 4180).
std::string csv_field(const std::string& text);
/// Escapes & < > " ' for XML text and attributes.
std::string xml_escape(const std::string& text);

}  // namespace clusterlens
