// clusterlens as a library: a program of its own, built against the installed package
// (find_package(clusterlens), CMakeLists.txt here). It loads a cluster network with its
// mapping, scores it with every measure (as `clusterlens score` does), prints a few numbers
// and draws the annotated diagram as SVG (as `clusterlens render` does).
//
// Usage: score_and_draw DATA MAPPING FIGURE.svg
//   e.g. score_and_draw examples/cordis_ee_climate/data examples/cordis_ee_climate/cordis.toml
//        ee.svg
#include <algorithm>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <string>

#include "clusterlens/version.hpp"
#include "graphs/error.hpp"
#include "graphs/load.hpp"
#include "render/diagram.hpp"
#include "src/learning/lock_in.hpp"
#include "src/openness/openness.hpp"
#include "src/score/score.hpp"
#include "src/size/composition.hpp"

namespace cl = clusterlens;

namespace {

std::string fixed(double value, const char* format) {
    char text[32];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

// The title block of the figure, from the measures of the scoring library.
cl::render::Headline headline(const cl::Network& net, const cl::scoring::Composition& c) {
    cl::render::Headline h;
    h.actors = c.actors;
    h.ties = c.ties;
    for (const auto& [part, count] : c.by_part) h.actors_by_part.emplace_back(part, count);
    h.locality_known = c.by_locality.count("local") > 0 || c.by_locality.count("global") > 0;
    cl::scoring::EiOptions no_test;
    no_test.permutations = 0;
    const auto ei = cl::scoring::ei_index(net, cl::scoring::locality_groups(net), no_test);
    if (ei.group_binary.count("local")) h.local_ei = ei.group_binary.at("local");
    double strength = 0;
    for (const double w : net.weights()) strength += w;
    if (net.tie_count() > 0) h.mean_tie_strength = strength / static_cast<double>(net.tie_count());
    if (h.locality_known) h.lock_in = cl::scoring::lock_in(net, {}).lock_in ? 1 : 0;
    return h;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: score_and_draw DATA MAPPING FIGURE.svg\n";
        return 2;
    }
    try {
        // Load: the folder holds nodes.csv and edges.csv; the mapping names the columns.
        cl::LoadOptions load;
        load.mapping = cl::load_mapping(argv[2]);
        const cl::Network net = cl::load_network({argv[1]}, load);
        const auto c = cl::scoring::composition(net);
        std::cout << "clusterlens " << cl::kVersion << '\n'
                  << "loaded " << argv[1] << ": " << c.actors << " actors, " << c.ties << " ties, "
                  << c.components << " component(s)\n";
        std::string localities;
        for (const auto& [locality, count] : c.by_locality)
            localities += (localities.empty() ? "" : ", ") + locality + ' ' + std::to_string(count);
        std::cout << "by locality: " << localities << '\n';

        // Score: every measure, each per-actor score an attribute of scored.network.
        const auto scored = cl::scoring::score_relation(net.select_relation(0), {});
        const auto& b = scored.network.actor_attributes().find("betweenness")->numbers;
        const auto top = std::max_element(b.begin(), b.end());
        double total = 0;
        for (const double x : b) total += x;
        const auto h = headline(scored.network, c);
        std::cout << "cluster openness (E-I of the local group): " << fixed(h.local_ei, "%+.2f")
                  << '\n'
                  << "highest betweenness: "
                  << net.actor(static_cast<std::size_t>(top - b.begin())).id << " ("
                  << fixed(100 * *top / total, "%.1f") << "% of the total)\n";

        // Draw: size by betweenness, fill by learning capacity (the defaults), as SVG.
        const auto figure = cl::render::render_network(scored.network, h, {}, "svg");
        std::ofstream(argv[3], std::ios::binary) << figure.bytes;
        std::cout << "wrote " << argv[3] << ": " << figure.actors_drawn << " actors and "
                  << figure.ties_drawn << " ties drawn\n";
        return 0;
    } catch (const cl::Error& e) {
        std::cerr << "score_and_draw: " << e.what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "score_and_draw: internal error: " << e.what() << '\n';
        return 3;
    }
}
