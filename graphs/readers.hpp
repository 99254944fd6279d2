// Readers: each turns one input format into a RawNetwork (text cells with positions). They throw
// InputError with path:line:col for syntax errors; the meaning of the cells (weights, ids, parts)
// is checked once, in assemble.cpp, for every format alike.
//
// Column conventions every reader follows (see raw.hpp, namespace col):
// actors: "Id" (required), "Label" (optional), then any attribute columns by their own names;
// ties: "Source", "Target" (actor ids as text), "Weight" (optional, text of a number),
// "Type" ("Directed"/"Undirected", optional per tie), "relation" (optional), then attributes.
// A reader sets RawNetwork::directed when the format says (Pajek *Arcs vs *Edges, GraphML
// edgedefault, GML directed, DL: directed), and actors_authoritative when the file lists actors.
#pragma once

#include <string>
#include <vector>

#include "graphs/raw.hpp"

namespace clusterlens {

/// Gephi spreadsheet pair: nodes.csv (Id, Label, ...) and edges.csv (Source, Target, Type,
/// Weight, ...). `nodes_path` may be empty (edges only: actors come from the ties).
RawNetwork read_csv_pair(const std::string& nodes_path, const std::string& edges_path);

/// GraphML (XML; keys for node and edge data, edgedefault, parallel edges).
RawNetwork read_graphml(const std::string& path);
/// GML (graph [ directed 1 node [ id 1 label "x" ] edge [ source 1 target 2 weight 3 ] ]).
RawNetwork read_gml(const std::string& path);
/// Pajek .net: *Vertices n with labels, *Arcs, *Edges, *Arcslist, *Edgeslist, *Matrix; '%'
/// comments. `clu_paths` are Pajek .clu partitions; each adds an actor column named after the
/// file stem (e.g. "dept" for dept.clu).
RawNetwork read_pajek(const std::string& path, const std::vector<std::string>& clu_paths = {});
/// UCINET DL: formats fullmatrix, edgelist1, nodelist1; labels (row/column, embedded or not);
/// NM > 1 matrices become relations (named by matrix labels when given).
RawNetwork read_dl(const std::string& path);
/// NetDraw VNA: *node data / *tie data sections (plus *node properties, ignored).
RawNetwork read_vna(const std::string& path);
/// Plain edge list: "source target [weight]" per line, separated by whitespace, comma,
/// semicolon or tab; '#' and '%' comments; an optional header line naming the columns.
RawNetwork read_edge_list(const std::string& path);

}  // namespace clusterlens
