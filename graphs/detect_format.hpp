// Telling the format of one network file, or of a buffer by its display name and bytes, when its
// extension does not say (or says only "XML" or "text").
#pragma once

#include <string>

#include "graphs/formats.hpp"
#include "graphs/source.hpp"

namespace clusterlens {

/// The format of one network file: by extension, except that a .txt edge list or a file with
/// no known extension (.dat) whose content starts like a DL file is read as DL, a .xml file
/// holding <gexf> is GEXF, and a file with no known extension is told by its first lines
/// (`<graphml`, `<gexf`, `*Vertices`/`*Network`, `*node data`/`*tie data`, `graph [`).
/// Automatic when nothing fits. `why` says which content decided, for the warning; "" when the
/// extension did.
InputFormat format_of(const Source& source, std::string& why);

/// What a file with a known extension clusterlens does not read is, and how to get a file it
/// does read; "" for an extension nobody uses for networks.
std::string known_unsupported(const std::string& ext);

}  // namespace clusterlens
