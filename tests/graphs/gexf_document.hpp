// The GEXF document the read_gexf tests wrap around their <graph> elements.
#pragma once

#include <string>

namespace clusterlens::testing {

/// A GEXF document in namespace `ns` around `graph` (the <graph> element and its content).
inline std::string gexf(const std::string& graph,
                        const std::string& ns = "http://gexf.net/1.2draft") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"" + ns + "\" xmlns:viz=\"" +
           ns + "/viz\" version=\"1.2\">\n" + graph + "</gexf>\n";
}

}  // namespace clusterlens::testing
