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
//
// Positions. A layout a file carries is kept as two actor columns named exactly "x" and "y"
// (numbers, so assembly makes them numeric attributes; render's `--layout file` reads them):
// in the file's own units, but always with y pointing UP (mathematical orientation). Readers of
// formats whose y axis points down the screen convert. The columns exist only when the file
// gives a position for at least one actor; actors without one get empty cells (NaN later).
//   format   where the position comes from                        stored as
//   Pajek    vertex line `n "label" x y [z]` (after the label)    x, 1 - y  (Pajek: [0,1], y down)
//   VNA      *node properties columns x, y (NetDraw pixels)       x, -y     (y down)
//   GraphML  node keys named x, y (Gephi's export)                x, y      (Gephi: y up)
//            yEd <y:Geometry x y width height/> / <y:RectD>       x + w/2, -(y + h/2) (centre)
//            (a node's x/y keys win over its geometry)
//   GEXF     <viz:position x y/> (Gephi: y up)                    x, y
//   GML      node graphics [ x .. y .. ] (the centre)             x, -y     (yEd, Cytoscape: y
//            down); x, y when Creator starts with "Gephi" (its y points up); node x/y keys win
//   GEXF     <viz:position x y [z]/> in a node                     x, y [, z] (Gephi's own
//            coordinates: its importer sets the node's x and y from them unchanged, and its
//            graph space has y pointing up, as for its GraphML x/y keys)
//   CSV pair, DL, edge list: no positions of their own (a CSV column named x/y is kept as is).
// Writers reverse this where a format has its own convention (write.hpp: Pajek writes 1 - y).
//
// Sources. Every reader of one file also takes a Source (source.hpp): a file, or bytes in memory
// with a display name that messages print as the path, so path:line:col stays exact. The Source
// overloads give the same network and the same messages as the path ones.
#pragma once

#include <string>
#include <vector>

#include "graphs/csv.hpp"
#include "graphs/raw.hpp"
#include "graphs/source.hpp"

namespace clusterlens {

/// Gephi spreadsheet pair: nodes.csv (Id, Label, ...) and edges.csv (Source, Target, Type,
/// Weight, ...). `nodes_path` may be empty (edges only: actors come from the ties). `options`
/// say how decimal commas are read (csv.hpp).
RawNetwork read_csv_pair(const std::string& nodes_path, const std::string& edges_path,
                         const CsvOptions& options = {});
/// A tie table alone (edges.csv without nodes.csv), from a file or a buffer.
RawNetwork read_csv_ties(const Source& edges, const CsvOptions& options = {});

/// GraphML (XML; keys for node and edge data, edgedefault, parallel edges).
RawNetwork read_graphml(const std::string& path);
RawNetwork read_graphml(const Source& source);
/// GEXF 1.1draft, 1.2draft and 1.3 (Gephi): typed <attributes> with defaults, <attvalues>,
/// defaultedgetype and per-edge type, edge weight, kind (read as the relation) and label, viz
/// colour, size and position, dynamic files read as one static network; the reading of every
/// element is described above read_gexf() in read_gexf.cpp.
RawNetwork read_gexf(const std::string& path);
RawNetwork read_gexf(const Source& source);
/// NetworkX node-link JSON (networkx.node_link_data, clusterlens' .json output).
RawNetwork read_json(const std::string& path);
RawNetwork read_json(const Source& source);
/// GML (graph [ directed 1 node [ id 1 label "x" ] edge [ source 1 target 2 weight 3 ] ]).
RawNetwork read_gml(const std::string& path);
RawNetwork read_gml(const Source& source);
/// Pajek .net: *Vertices n with labels, *Arcs, *Edges, *Arcslist, *Edgeslist, *Matrix; '%'
/// comments (the "%clusterlens id" lines write_pajek writes give the actor ids). `clu_paths` are
/// Pajek .clu partitions; each adds an actor column named after the file stem (e.g. "dept" for
/// dept.clu, "part" for out.part.clu of out.net), holding the values of "%clusterlens class"
/// lines when the file has them.
RawNetwork read_pajek(const std::string& path, const std::vector<std::string>& clu_paths = {});
RawNetwork read_pajek(const Source& source, const std::vector<std::string>& clu_paths = {});
/// UCINET DL: formats fullmatrix, edgelist1, nodelist1; labels (row/column, embedded or not);
/// NM > 1 matrices become relations (named by matrix labels when given).
RawNetwork read_dl(const std::string& path);
RawNetwork read_dl(const Source& source);
/// NetDraw VNA: *node data / *tie data sections, and the x/y positions of *node properties.
RawNetwork read_vna(const std::string& path);
RawNetwork read_vna(const Source& source);
/// Plain edge list: "source target [weight]" per line, separated by whitespace, comma,
/// semicolon or tab; '#' and '%' comments; an optional header line naming the columns.
RawNetwork read_edge_list(const std::string& path);
RawNetwork read_edge_list(const Source& source);
/// True when two fields name edge-list columns (source target, from to, src dst, sender receiver,
/// node1 node2, ego alter, actor1 actor2; any case): the header rule of read_edge_list, which
/// write_edge_list checks the first tie against.
bool is_edge_list_header_pair(const std::string& first, const std::string& second);

}  // namespace clusterlens
