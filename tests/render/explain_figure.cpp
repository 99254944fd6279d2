// Writes the fixed explain chart (explain_fixture.hpp) for browser_figures.py, until
// `clusterlens explain` can make it from a bundled example: OUT_DIR/explain_<page>.<format> for
// three pages (natural size: panels side by side; 17 cm: one above the other; 25 cm in greys)
// and the formats svg, png and pdf. Test-only; exit 0 when all are written.
#include <cstdio>
#include <exception>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "explain_fixture.hpp"
#include "render/explain_chart.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: explain_figure OUT_DIR\n");
        return 2;
    }
    using clusterlens::render::PageOptions;
    PageOptions natural, narrow, grey;
    narrow.width = 17 / 2.54 * 72;
    grey.width = 25 / 2.54 * 72;
    grey.greyscale = true;
    const std::vector<std::pair<std::string, PageOptions>> pages = {
        {"explain_natural", natural}, {"explain_17cm", narrow}, {"explain_grey", grey}};
    try {
        const auto chart = clusterlens::testing::explain_fixture();
        for (const auto& [name, page] : pages)
            for (const char* format : {"svg", "png", "pdf"}) {
                const auto bytes = clusterlens::render::render_explain_chart(chart, format, page);
                const std::string path = std::string(argv[1]) + "/" + name + "." + format;
                std::ofstream out(path, std::ios::binary);
                out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
                if (!out) {
                    std::fprintf(stderr, "explain_figure: cannot write %s\n", path.c_str());
                    return 1;
                }
            }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "explain_figure: %s\n", e.what());
        return 1;
    }
    return 0;
}
