// Graphviz's force-directed engines (fdp most of all) can place nodes differently for the same
// graph and seed depending on what the process did before: inside clusterlens, after loading
// and scoring, `render --layout fdp` drew another figure in about one run in four (valgrind
// finds no uninitialised read; Graphviz's own fdp program, run on the same DOT, gives one
// layout every time). A freshly started process does not carry that history, so the
// command-line program lays each network out in a child process of itself (`clusterlens
// __layout ENGINE`), fed the graph as DOT on stdin and answering with the positions. A library
// caller that names no program gets the layout in its own process.
#pragma once

#include <string>

namespace clusterlens::render {

/// The program to run as `PROGRAM __layout ENGINE` for every engine layout; "" (the default)
/// lays out in this process. The command-line program passes "/proc/self/exe".
void set_layout_process(const std::string& program);

/// The child's side: reads the layout graph as DOT from stdin, lays it out with `engine`,
/// writes one line "NAME X Y" per node to stdout. Returns the exit code (0, or 1 with the
/// message on stdout after "error: ").
int layout_process_main(const std::string& engine);

}  // namespace clusterlens::render
