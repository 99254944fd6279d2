// `clusterlens render` and render_network: the SVG is parsed (libxml2), not byte-compared —
// well-formed XML, one node group per drawn actor, legend entries, title numbers equal to
// summary.json — plus hostile labels that must stay text, every layout on the bundled CORDIS
// example, the ego view, the position map, filters, determinism and a DOT golden file.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <unistd.h>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "../graphs/test_files.hpp"
#include "cli_run.hpp"
#include "graphs/load.hpp"
#include "render/diagram.hpp"
#include "render/graphviz_support.hpp"
#include "src/cli/commands.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {
using testing::slurp;
using testing::TempDir;

using testing::run;

const std::string kData = testing::example("cordis_ee_climate/data");
const std::string kMap = testing::example("cordis_ee_climate/cordis.toml");

/// What a reader of the SVG sees: groups by id prefix, all text, and any markup that could
/// run (script elements, on* attributes, foreignObject).
struct Svg {
    bool well_formed = false;
    std::map<std::string, std::size_t> groups;  ///< "actor", "tie", "legend", ... → count
    std::vector<std::string> texts;
    std::size_t active = 0;  ///< script / foreignObject elements and on* attributes
    std::string all_text() const {
        std::string s;
        for (const auto& t : texts) s += t + "\n";
        return s;
    }
};

void walk(xmlNode* node, Svg& svg) {
    for (xmlNode* n = node; n != nullptr; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        const std::string name = reinterpret_cast<const char*>(n->name);
        if (name == "script" || name == "foreignObject") ++svg.active;
        for (xmlAttr* a = n->properties; a != nullptr; a = a->next) {
            const std::string attr = reinterpret_cast<const char*>(a->name);
            if (attr.size() > 2 && (attr.rfind("on", 0) == 0)) ++svg.active;
        }
        if (name == "g") {
            xmlChar* id = xmlGetProp(n, reinterpret_cast<const xmlChar*>("id"));
            if (id != nullptr) {
                std::string s = reinterpret_cast<const char*>(id);
                xmlFree(id);
                const auto cut = s.rfind('_');
                if (cut != std::string::npos) ++svg.groups[s.substr(0, cut)];
            }
        }
        if (name == "text") {
            xmlChar* t = xmlNodeGetContent(n);
            svg.texts.emplace_back(reinterpret_cast<const char*>(t));
            xmlFree(t);
        }
        walk(n->children, svg);
    }
}

Svg parse_svg(const std::string& bytes) {
    Svg svg;
    xmlDoc* doc = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), "figure.svg", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (doc == nullptr) return svg;
    svg.well_formed = true;
    walk(xmlDocGetRootElement(doc), svg);
    xmlFreeDoc(doc);
    return svg;
}

/// The canvas a reader sees against the drawing Graphviz made: the root's width and height (pt),
/// its view box, and the white background polygon (the whole drawing, pad included) under the
/// graph's scale. A figure is whole when the view box is the declared size and holds the
/// scaled background.
struct Canvas {
    double width = 0, height = 0, view_w = 0, view_h = 0, scale = 0, drawn_w = 0, drawn_h = 0;
};

Canvas canvas_of(const std::string& bytes) {
    Canvas c;
    auto attr = [&](const std::string& name, std::size_t from) {
        const auto at = bytes.find(name + "=\"", from);
        if (at == std::string::npos) return std::string();
        const auto start = at + name.size() + 2;
        return bytes.substr(start, bytes.find('"', start) - start);
    };
    const auto svg = bytes.find("<svg ");
    c.width = std::atof(attr("width", svg).c_str());
    c.height = std::atof(attr("height", svg).c_str());
    std::istringstream vb(attr("viewBox", svg));
    double x0 = 0, y0 = 0;
    vb >> x0 >> y0 >> c.view_w >> c.view_h;
    const auto graph = bytes.find("class=\"graph\"");
    const auto transform = attr("transform", graph);
    c.scale = std::atof(transform.substr(transform.find('(') + 1).c_str());
    std::istringstream pts(attr("points", graph));
    double lo_x = 1e300, hi_x = -1e300, lo_y = 1e300, hi_y = -1e300, px = 0, py = 0;
    char comma = 0;
    while (pts >> px >> comma >> py)
        lo_x = std::min(lo_x, px), hi_x = std::max(hi_x, px), lo_y = std::min(lo_y, py),
        hi_y = std::max(hi_y, py);
    c.drawn_w = (hi_x - lo_x) * c.scale;
    c.drawn_h = (hi_y - lo_y) * c.scale;
    return c;
}

void expect_whole(const std::string& bytes, const std::string& what) {
    const auto c = canvas_of(bytes);
    EXPECT_GT(c.width, 0) << what;
    EXPECT_NEAR(c.width, c.view_w, 1.0) << what << ": declared width vs view box";
    EXPECT_NEAR(c.height, c.view_h, 1.0) << what << ": declared height vs view box";
}

bool has_text(const Svg& svg, const std::string& needle) {
    return svg.all_text().find(needle) != std::string::npos;
}

/// The scored example, once per test binary (network.graphml + summary.json from score).
/// (Its own folder: a TempDir is per test and wiped when the next one of the test starts.)
struct ScoredExample {
    std::filesystem::path root = std::filesystem::temp_directory_path() /
                                 ("clusterlens_render_scored_" + std::to_string(::getpid()));
    std::string dir = (root / "ee").string();
    ScoredExample() {
        std::filesystem::remove_all(root);
        const auto r = run({"score", kData, "--map", kMap, "-o", dir, "--permutations", "0"});
        EXPECT_EQ(r.code, 0) << r.err;
    }
    ~ScoredExample() {
        std::error_code ec;
        std::filesystem::remove_all(root, ec);
    }
};
const std::string& scored_dir() {
    static const ScoredExample example;
    return example.dir;
}

Svg render_svg(const std::vector<std::string>& extra, const std::string& input = "") {
    static int count = 0;
    const auto out = scored_dir() + "/../figure" + std::to_string(++count) + ".svg";
    std::vector<std::string> args = {
        "render", input.empty() ? scored_dir() + "/network.graphml" : input, "-o", out};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = run(args);
    EXPECT_EQ(r.code, 0) << r.err;
    const auto bytes = slurp(out);
    expect_whole(bytes, fmt::format("render {}", fmt::join(extra, " ")));
    return parse_svg(bytes);
}

TEST(Render, ConcentricSvgOfTheExampleHasEveryActorTieAndLegendEntry) {
    const auto svg = render_svg({});
    ASSERT_TRUE(svg.well_formed);
    EXPECT_EQ(svg.groups.at("actor"), 400U);
    EXPECT_EQ(svg.groups.at("tie"), 6850U);
    EXPECT_EQ(svg.active, 0U);
    for (const char* entry :
         {"Legend", "shape: actor type", "firm", "university / research", "government",
          "intermediary", "dashed outline: global (outside the region)", "fill: learning_capacity",
          "size: betweenness", "ties: width and opacity = weight", "local buzz (solid)",
          "global pipeline (dashed)", "labels: top 15 by betweenness"})
        EXPECT_TRUE(has_text(svg, entry)) << entry;
    EXPECT_GE(svg.groups.at("legend"), 10U);
}

TEST(Render, TitleNumbersEqualTheScoreSummary) {
    const auto s = nlohmann::json::parse(slurp(scored_dir() + "/summary.json"));
    const auto ap = s["actors_by_part"];
    const std::string actors =
        fmt::format("actors: core {} · assisting {} · external {}", ap["core"].get<int>(),
                    ap["assisting"].get<int>(), ap["external"].get<int>());
    const std::string ties =
        fmt::format("ties: {},{:03d}", s["ties"].get<int>() / 1000, s["ties"].get<int>() % 1000);
    const std::string openness = fmt::format("cluster openness (E-I of the local group): {:.3g}",
                                             s["ei_locality"]["cluster_openness"].get<double>());
    const std::string strength =
        fmt::format("mean tie strength: {:.3g}", s["tie_strength"]["mean_weight"].get<double>());
    const std::string lock = s["lock_in"]["flag"].get<bool>() ? "lock-in: YES" : "lock-in: no";
    // From the scored GraphML (numbers recomputed) and from the raw data (scored on the fly).
    for (const auto& svg : {render_svg({}), render_svg({"--map", kMap}, kData)}) {
        ASSERT_TRUE(svg.well_formed);
        for (const auto& want : {actors, ties, openness, strength, lock})
            EXPECT_TRUE(has_text(svg, want)) << want << "\n" << svg.all_text().substr(0, 400);
    }
}

TEST(Render, HostileLabelsStayText) {
    TempDir dir;
    const std::vector<std::string> hostile = {"</text><script>alert(1)</script>",
                                              "\"><svg onload=\"alert(2)\">",
                                              "<B>bold</B> & <I>",
                                              "\\N \\G \\L \\n",
                                              "<!-- comment --> ]]> &amp; &#60;script&#62;",
                                              "ctrl\x01\x7f bad\xff utf8",
                                              "<foreignObject><body onload=alert(3)>"};
    std::string nodes = "Id,Label,part,type,country\n", edges = "Source,Target,Weight\n";
    for (std::size_t i = 0; i < hostile.size(); ++i) {
        std::string q = hostile[i];
        std::string escaped;
        for (const char ch : q) escaped += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        nodes += fmt::format("a{},\"{}\",{},firm,\"{}\"\n", i, escaped, i % 2 ? "core" : "external",
                             escaped);
        if (i > 0) edges += fmt::format("a{},a{},{}\n", i - 1, i, i);
    }
    dir.file("net/nodes.csv", nodes);
    dir.file("net/edges.csv", edges);
    for (const auto& extra : std::vector<std::vector<std::string>>{
             {"--labels", "all", "--title", hostile[0] + hostile[2]},
             {"--labels", "all", "--collapse-external", "country"},
             {"--labels", "all", "--color-by", "country", "--shape-by", "country"},
             {"--labels", "all", "--layout", "neato"}}) {
        const auto svg = render_svg(extra, dir.path("net"));
        ASSERT_TRUE(svg.well_formed) << extra[2];
        EXPECT_EQ(svg.active, 0U) << extra[2];
        EXPECT_TRUE(has_text(svg, "</text><script>alert(1)</script>")) << extra[2];
    }
    const auto svg = render_svg({"--labels", "all"}, dir.path("net"));
    EXPECT_TRUE(has_text(svg, "\\N \\G \\L \\n"));  // Graphviz escapes not expanded
    EXPECT_TRUE(has_text(svg, "<B>bold</B> & <I>"));
    // DOT output reads back.
    const auto r = run({"render", dir.path("net"), "--labels", "all", "-o", dir.path("f.dot")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NO_THROW(render::read_dot(slurp(dir.path("f.dot"))));
}

TEST(Render, EveryLayoutWorksOnTheExample) {
    for (const char* layout : {"concentric", "sfdp", "neato", "fdp", "dot"}) {
        const auto svg = render_svg({"--layout", layout, "--top-ties", "400"});
        ASSERT_TRUE(svg.well_formed) << layout;
        EXPECT_EQ(svg.groups.at("actor"), 400U) << layout;
        EXPECT_EQ(svg.groups.at("tie"), 400U) << layout;
        EXPECT_TRUE(has_text(svg, std::string("layout: ") + layout)) << layout;
    }
    // circo is slow on dense networks (22 s for an ego view with 742 ties): a small one.
    const auto svg = render_svg({"--layout", "circo", "--ego", "919399660", "--top-ties", "40"});
    ASSERT_TRUE(svg.well_formed);
    EXPECT_GT(svg.groups.at("actor"), 1U);
}

TEST(Render, EgoViewDrawsTheNeighbourhood) {
    LoadOptions lo;
    lo.mapping = load_mapping(kMap);
    const auto net = load_network({kData}, lo);
    const auto ego = *net.find_actor("999421653");
    const auto nb = net.undirected_neighbours();
    std::set<std::size_t> two(nb[ego].begin(), nb[ego].end());
    for (const auto v : nb[ego]) two.insert(nb[v].begin(), nb[v].end());
    two.insert(ego);
    const auto one = render_svg({"--ego", "999421653"});
    EXPECT_EQ(one.groups.at("actor"), nb[ego].size() + 1);
    EXPECT_TRUE(has_text(one, "ego network of 999421653 (radius 1)"));
    const auto r2 = render_svg({"--ego", "999421653", "--radius", "2"});
    EXPECT_EQ(r2.groups.at("actor"), two.size());
    const auto bad = run({"render", scored_dir() + "/network.graphml", "--ego", "nobody", "-o",
                          scored_dir() + "/bad.svg"});
    EXPECT_EQ(bad.code, 2);
    EXPECT_NE(bad.err.find("--ego 'nobody' is not an actor id"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(scored_dir() + "/bad.svg"));
}

TEST(Render, PositionMapShowsTheTypologyQuadrants) {
    // Six local firms: internal connectivity = local contacts, external openness = strength
    // to global actors; thresholds the firms' means.
    TempDir dir;
    dir.file("net/nodes.csv",
             "Id,part,type,locality\nf1,core,firm,local\nf2,core,firm,local\nf3,core,firm,local\n"
             "f4,core,firm,local\nf5,core,firm,local\nf6,core,firm,local\nu,assisting,university,"
             "local\ng1,external,firm,global\ng2,external,research,global\n");
    dir.file("net/edges.csv",
             "Source,Target,Weight\nf1,f2,1\nf1,f3,1\nf1,u,1\nf1,g1,5\nf2,f3,1\nf4,g2,4\nf5,u,1\n"
             "f6,g1,1\n");
    dir.file("out/x", "");
    const auto r = run({"score", dir.path("net"), "-o", dir.path("scored"), "--permutations", "0"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto svg = render_svg({"--position-map"}, dir.path("scored/network.graphml"));
    ASSERT_TRUE(svg.well_formed);
    EXPECT_EQ(svg.groups.at("actor"), 6U);  // the firms; the university and globals are not
    for (const char* q : {"technological gatekeeper", "mutual exchanger", "external star",
                          "isolated", "local internal connectivity", "external openness"})
        EXPECT_TRUE(has_text(svg, q)) << q;
    EXPECT_EQ(svg.groups.count("tie"), 0U);
    // --position-map with --layout is a usage error.
    EXPECT_EQ(run({"render", dir.path("net"), "--position-map", "--layout", "sfdp", "-o",
                   dir.path("pm.svg")})
                  .code,
              2);
}

TEST(Render, FiltersCollapseAndOverviewSayWhatWasLeftOut) {
    LoadOptions lo;
    lo.mapping = load_mapping(kMap);
    const auto net = load_network({kData}, lo);
    std::size_t heavy = 0;
    for (const double w : net.weights()) heavy += w >= 3 ? 1 : 0;
    auto svg = render_svg({"--min-weight", "3"});
    EXPECT_EQ(svg.groups.at("tie"), heavy);
    EXPECT_TRUE(has_text(svg, fmt::format("ties shown: weight &gt;= 3", heavy)) ||
                has_text(svg, "ties shown: weight >= 3"));
    svg = render_svg({"--top-ties", "100"});
    EXPECT_EQ(svg.groups.at("tie"), 100U);
    svg = render_svg({"--max-actors", "50"});
    EXPECT_EQ(svg.groups.at("actor"), 50U);
    EXPECT_TRUE(has_text(svg, "overview: top 50 of 400 actors by betweenness"));
    EXPECT_TRUE(has_text(svg, "left out: 350 actors"));
    svg = render_svg({"--collapse-external", "country"});
    EXPECT_EQ(svg.groups.at("actor"), 8U);  // the local actors
    EXPECT_GT(svg.groups.at("group"), 10U);
    EXPECT_TRUE(has_text(svg, "global actors merged into"));
}

TEST(Render, SameInputAndSeedGiveTheSameBytes) {
    TempDir dir;
    for (const char* layout : {"concentric", "sfdp"}) {
        std::string first;
        for (int k = 0; k < 2; ++k) {
            const auto out = dir.path(fmt::format("{}{}.svg", layout, k));
            ASSERT_EQ(run({"render", scored_dir() + "/network.graphml", "--layout", layout,
                           "--top-ties", "300", "--seed", "7", "-o", out})
                          .code,
                      0);
            if (k == 0) {
                first = slurp(out);
                // Another engine in between must not change the next layout (Graphviz's
                // engines share the C library's random generators).
                ASSERT_EQ(run({"render", scored_dir() + "/network.graphml", "--layout", "fdp",
                               "--top-ties", "100", "--seed", "3", "-o", dir.path("other.svg")})
                              .code,
                          0);
            } else {
                EXPECT_EQ(slurp(out), first) << layout;
            }
        }
    }
}

TEST(Render, DotOfASmallClusterMatchesTheGoldenFile) {
    // tests/data/render/toy.dot was produced by this command and checked by reading it: three
    // rings (core f1 f2 at radius 0.. inner, the university around them, two globals outside),
    // buzz ties solid, pipelines dashed, the legend nodes. Regenerate after a deliberate change
    // with: clusterlens render tests/data/render/toy -o tests/data/render/toy.dot
    TempDir dir;
    const auto r = run({"render", testing::data("render/toy"), "-o", dir.path("toy.dot")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(slurp(dir.path("toy.dot")), slurp(testing::data("render/toy.dot")));
}

TEST(Render, UsageErrorsLeaveNoFile) {
    TempDir dir;
    const auto in = scored_dir() + "/network.graphml";
    auto r = run({"render", in, "-o", dir.path("f.jpg")});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("must end in .svg, .png, .pdf or .dot"), std::string::npos);
    r = run({"render", in, "--size-by", "nothing", "-o", dir.path("f.svg")});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--size-by 'nothing' is not an actor attribute"), std::string::npos);
    r = run({"render", in, "--layout", "spring", "-o", dir.path("f.svg")});
    EXPECT_EQ(r.code, 2);
    r = run({"render", in, "--labels", "top:x", "-o", dir.path("f.svg")});
    EXPECT_EQ(r.code, 2);
    EXPECT_FALSE(std::filesystem::exists(dir.path("f.svg")));
    EXPECT_FALSE(std::filesystem::exists(dir.path("f.jpg")));
    // The input is never overwritten.
    r = run({"render", in, "-o", in});
    EXPECT_NE(r.code, 0);
}

// ---- print controls, labels, charts, networks without roles ----------------------------

const std::string kCorpus = testing::example("../../shared/corpus");

/// Skips when the team's shared corpus is not next to the checkout.
#define NEED_CORPUS(path)                               \
    if (!std::filesystem::exists(kCorpus + "/" + path)) \
    GTEST_SKIP() << "no " << kCorpus << "/" << path

/// A node of a rendered DOT file: position and size in points.
struct Placed {
    double x = 0, y = 0, w = 0, h = 0;
};
std::map<std::string, Placed> placed_nodes(const std::string& dot) {
    std::map<std::string, Placed> out;
    auto g = render::read_dot(dot);
    for (Agnode_t* n = agfstnode(g.get()); n != nullptr; n = agnxtnode(g.get(), n)) {
        Placed p;
        const char* pos = agget(n, const_cast<char*>("pos"));
        if (pos == nullptr || std::sscanf(pos, "%lf,%lf", &p.x, &p.y) != 2) continue;
        p.w = std::atof(agget(n, const_cast<char*>("width"))) * 72;
        p.h = std::atof(agget(n, const_cast<char*>("height"))) * 72;
        out[agnameof(n)] = p;
    }
    return out;
}

std::vector<double> font_sizes(const std::string& svg) {
    std::vector<double> out;
    for (auto at = svg.find("font-size=\""); at != std::string::npos;
         at = svg.find("font-size=\"", at + 1))
        out.push_back(std::atof(svg.c_str() + at + 11));
    return out;
}

std::string render_to(const std::vector<std::string>& args, const std::string& out) {
    std::vector<std::string> all = {"render"};
    all.insert(all.end(), args.begin(), args.end());
    all.insert(all.end(), {"-o", out});
    const auto r = run(all);
    EXPECT_EQ(r.code, 0) << r.err;
    return slurp(out);
}

TEST(RenderPrint, SeventeenCentimetresWithSevenPointText) {
    TempDir dir;
    const auto in = scored_dir() + "/network.graphml";
    const auto svg = render_to({in, "--width", "17cm", "--font-size", "7"}, dir.path("f.svg"));
    expect_whole(svg, "17cm svg");
    const auto c = canvas_of(svg);
    EXPECT_NEAR(c.width, 17 / 2.54 * 72, 0.01);  // 481.89 pt, not rounded to 482
    EXPECT_DOUBLE_EQ(c.scale, 1.0);              // drawn at its printed size
    const auto sizes = font_sizes(svg);
    ASSERT_FALSE(sizes.empty());
    EXPECT_DOUBLE_EQ(*std::min_element(sizes.begin(), sizes.end()), 7.0);
    // The PDF: cairo's page is whole points, 482 × h; the same drawing.
    const auto pdf = render_to({in, "--width", "17cm", "--font-size", "7"}, dir.path("f.pdf"));
    const auto box = pdf.find("/MediaBox [ 0 0 ");
    ASSERT_NE(box, std::string::npos);
    double w = 0, h = 0;
    std::sscanf(pdf.c_str() + box + 16, "%lf %lf", &w, &h);
    EXPECT_NEAR(w, 481.89, 0.5);
    EXPECT_NEAR(h, c.height, 0.5);
    // A height too small for the legend beside the drawing is a usage error that says so.
    const auto r =
        run({"render", in, "--width", "17cm", "--height", "8cm", "-o", dir.path("small.svg")});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--height 8.0cm is too small: the title block and the legend beside "
                         "the drawing need a page at least"),
              std::string::npos)
        << r.err;
    // A height above what the page needs by itself is granted (the legend at its drawn size).
    const auto tall = render_to({in, "--width", "17cm", "--height", "16cm"}, dir.path("t.svg"));
    EXPECT_NEAR(canvas_of(tall).height, 16 / 2.54 * 72, 0.01);
    EXPECT_FALSE(std::filesystem::exists(dir.path("small.svg")));
    for (const auto& bad :
         std::vector<std::vector<std::string>>{{"--width", "17"},  // 17 pt: room for nothing
                                               {"--width", "wide"},
                                               {"--font-size", "7.5"},
                                               {"--legend", "left"},
                                               {"--style", "sepia"}}) {
        std::vector<std::string> args = {"render", in, "-o", dir.path("bad.svg")};
        args.insert(args.end(), bad.begin(), bad.end());
        EXPECT_EQ(run(args).code, 2) << bad[0] << " " << bad[1];
    }
}

TEST(RenderPrint, TitleLegendAndStyleControls) {
    TempDir dir;
    const auto in = scored_dir() + "/network.graphml";
    auto svg = render_to({in, "--title", "none"}, dir.path("a.svg"));
    EXPECT_EQ(svg.find("id=\"title"), std::string::npos);
    EXPECT_EQ(svg.find("Cluster innovation network"), std::string::npos);
    svg = render_to({in, "--legend", "none"}, dir.path("b.svg"));
    EXPECT_EQ(svg.find("id=\"legend_"), std::string::npos);
    // Legend at the bottom: every legend item lies below every actor.
    const auto dot = render_to({in, "--legend", "bottom", "--width", "17cm"}, dir.path("c.dot"));
    double lowest_actor = 1e300, highest_legend = -1e300;
    for (const auto& [name, p] : placed_nodes(dot)) {
        if (name.rfind("actor_", 0) == 0) lowest_actor = std::min(lowest_actor, p.y - p.h / 2);
        if (name.rfind("legend_", 0) == 0) highest_legend = std::max(highest_legend, p.y + p.h / 2);
    }
    EXPECT_LT(highest_legend, lowest_actor);
    // Greyscale: every colour drawn is a grey (r = g = b).
    svg = render_to({in, "--style", "greyscale"}, dir.path("d.svg"));
    std::size_t colours = 0;
    for (const char* attr : {"fill=\"#", "stroke=\"#"})
        for (auto at = svg.find(attr); at != std::string::npos; at = svg.find(attr, at + 1)) {
            const auto hex = svg.substr(at + std::string(attr).size(), 6);
            ++colours;
            EXPECT_TRUE(hex.substr(0, 2) == hex.substr(2, 2) &&
                        hex.substr(2, 2) == hex.substr(4, 2))
                << hex;
        }
    EXPECT_GT(colours, 400U);
    // Legend numbers for people (betweenness up to about 15,300 on the example).
    svg = render_to({in}, dir.path("e.svg"));
    EXPECT_EQ(svg.find("e+0"), std::string::npos);
    EXPECT_NE(svg.find("size: betweenness (0 to 15,300)"), std::string::npos);
}

TEST(RenderPrint, SameInputSameBytesInEveryFormat) {
    TempDir dir;
    const auto in = scored_dir() + "/network.graphml";
    for (const char* ext : {"pdf", "png", "svg"}) {
        const auto a = render_to({in, "--top-ties", "300"}, dir.path(std::string("a.") + ext));
        const auto b = render_to({in, "--top-ties", "300"}, dir.path(std::string("b.") + ext));
        EXPECT_EQ(a, b) << ext;
        EXPECT_FALSE(a.empty()) << ext;
    }
    EXPECT_NE(slurp(dir.path("a.pdf")).find("(D:19700101000000"), std::string::npos);
}

TEST(RenderPrint, LabelsSitBesideTheirOwnNodeOnPadgett) {
    NEED_CORPUS("waves/padgM.net");
    TempDir dir;
    const auto dot = render_to(
        {kCorpus + "/waves/padgM.net", "--labels", "all", "--width", "12cm", "--font-size", "8"},
        dir.path("p.dot"));
    const auto nodes = placed_nodes(dot);
    std::size_t labels = 0;
    const double gap = 0.25 * 8;
    for (const auto& [name, box] : nodes) {
        if (name.rfind("label_", 0) != 0 || name.find("_leader") != std::string::npos) continue;
        ++labels;
        const auto& own = nodes.at("actor_" + name.substr(6));
        // Distance from the own node's centre to the label box: at most the radius plus the
        // gap on the diagonal (sqrt 2 × gap), plus 0.5 pt of rounding in the DOT.
        const double dx = std::max({box.x - box.w / 2 - own.x, own.x - (box.x + box.w / 2), 0.0});
        const double dy = std::max({box.y - box.h / 2 - own.y, own.y - (box.y + box.h / 2), 0.0});
        EXPECT_LE(std::hypot(dx, dy), own.w / 2 + std::sqrt(2.0) * gap + 0.5) << name;
        // No other node and no legend item under the label.
        for (const auto& [other, p] : nodes) {
            if (other == "actor_" + name.substr(6) || other == name) continue;
            if (other.rfind("actor_", 0) != 0 && other.rfind("legend_", 0) != 0 &&
                other.rfind("title", 0) != 0)
                continue;
            const double ox = std::min(box.x + box.w / 2, p.x + p.w / 2) -
                              std::max(box.x - box.w / 2, p.x - p.w / 2);
            const double oy = std::min(box.y + box.h / 2, p.y + p.h / 2) -
                              std::max(box.y - box.h / 2, p.y - p.h / 2);
            EXPECT_FALSE(ox > 0.5 && oy > 0.5) << name << " lies on " << other;
        }
    }
    EXPECT_EQ(labels, 16U);  // every family
}

TEST(RenderPrint, EgoAlwaysLabelledAndPartnersInPipelineViews) {
    TempDir dir;
    const auto in = scored_dir() + "/network.graphml";
    // top:0 labels nobody, except the ego.
    const auto svg = render_to({in, "--ego", "999421653", "--labels", "top:0"}, dir.path("e.svg"));
    const auto parsed = parse_svg(svg);
    EXPECT_EQ(parsed.groups.count("label"), 1U);
    EXPECT_TRUE(has_text(parsed, "999421653"));
    // Pipeline view (as compare draws it): the partner with the strongest pipelines is
    // labelled. Expected partner computed here from the ties: the global actor with the
    // largest summed weight to local actors.
    LoadOptions lo;
    lo.mapping = load_mapping(kMap);
    const auto net = load_network({kData}, lo);
    std::vector<double> strength(net.actor_count(), 0);
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const auto s = net.source(e), t = net.target(e);
        const auto ls = net.actor(s).locality, lt = net.actor(t).locality;
        if (ls == Locality::local && lt == Locality::global) strength[t] += net.weight(e);
        if (lt == Locality::local && ls == Locality::global) strength[s] += net.weight(e);
    }
    const auto top = static_cast<std::size_t>(std::max_element(strength.begin(), strength.end()) -
                                              strength.begin());
    const auto r =
        run({"compare", kData, "--map", kMap, "-o", dir.path("cmp"), "--figure-format", "svg"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto pipes = parse_svg(slurp(dir.path("cmp/pipelines.svg")));
    EXPECT_TRUE(
        has_text(pipes, net.actor(top).label.empty() ? net.actor(top).id : net.actor(top).label))
        << net.actor(top).id;
    EXPECT_TRUE(has_text(pipes, "top 15 partners by pipeline strength"));
}

TEST(RenderPrint, LabelByAnyColumn) {
    TempDir dir;
    dir.file("net/nodes.csv",
             "Id,Label,code,part,type,locality\na,Alpha Industries,AI,core,firm,local\n"
             "b,Beta Research,BR,assisting,research,local\nc,Gamma GmbH,,external,firm,global\n");
    dir.file("net/edges.csv", "Source,Target,Weight\na,b,2\na,c,1\n");
    const auto svg = parse_svg(
        render_to({dir.path("net"), "--label-by", "code", "--labels", "all"}, dir.path("f.svg")));
    EXPECT_TRUE(has_text(svg, "AI"));
    EXPECT_TRUE(has_text(svg, "BR"));
    EXPECT_TRUE(has_text(svg, "Gamma GmbH"));  // empty code: the label
    EXPECT_FALSE(has_text(svg, "Alpha Industries"));
    EXPECT_EQ(
        run({"render", dir.path("net"), "--label-by", "nothing", "-o", dir.path("g.svg")}).code, 2);
}

TEST(RenderPrint, PositionMapHasTicksAndSpreadsPilesOfFirms) {
    // Five local firms with no local contact and the same outside strength pile up on one
    // point; one firm elsewhere. Internal connectivity 0 for the pile, 1 for f6 (tie to u).
    TempDir dir;
    dir.file("net/nodes.csv",
             "Id,part,type,locality\nf1,core,firm,local\nf2,core,firm,local\nf3,core,firm,local\n"
             "f4,core,firm,local\nf5,core,firm,local\nf6,core,firm,local\nu,assisting,"
             "university,local\ng1,external,firm,global\n");
    dir.file("net/edges.csv",
             "Source,Target,Weight\nf1,g1,2\nf2,g1,2\nf3,g1,2\nf4,g1,2\nf5,g1,2\nf6,u,1\n");
    const auto r = run({"score", dir.path("net"), "-o", dir.path("s"), "--permutations", "0"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto bytes =
        render_to({dir.path("s/network.graphml"), "--position-map"}, dir.path("m.svg"));
    expect_whole(bytes, "position map");
    const auto svg = parse_svg(bytes);
    EXPECT_GE(svg.groups.at("axis_tick_x"), 2U);
    EXPECT_GE(svg.groups.at("axis_tick_y"), 2U);
    // x: internal connectivity 0..1 (the axis reaches at least 1), y: strength 0..2 →
    // ticks at round values.
    EXPECT_TRUE(has_text(svg, "0.2"));
    EXPECT_TRUE(has_text(svg, "4 overlapping firms spread around their value"));
    // The five piled firms are drawn at five different places.
    const auto dot =
        render_to({dir.path("s/network.graphml"), "--position-map"}, dir.path("m.dot"));
    std::set<std::pair<long, long>> spots;
    for (const auto& [name, p] : placed_nodes(dot))
        if (name.rfind("actor_", 0) == 0) spots.emplace(std::lround(p.x), std::lround(p.y));
    EXPECT_EQ(spots.size(), 6U);
}

TEST(RenderPrint, NetworkWithoutRolesIsDrawnHonestly) {
    NEED_CORPUS("pajek/dolphins.net");
    TempDir dir;
    const auto in = kCorpus + "/pajek/dolphins.net";
    const auto r = run({"render", in, "-o", dir.path("d.svg")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("drawn with sfdp"), std::string::npos) << r.out;
    const auto bytes = slurp(dir.path("d.svg"));
    expect_whole(bytes, "dolphins");
    const auto svg = parse_svg(bytes);
    for (const char* want : {"actors: 62 | ties: 159", "lock-in: not assessed (no locality)",
                             "cluster openness (E-I of the local group): n/a (no locality)",
                             "layout: sfdp", "every tie: weight 1"})
        EXPECT_TRUE(has_text(svg, want) || has_text(svg, fmt::format("{}", want)))
            << want << "\n"
            << svg.all_text().substr(0, 300);
    for (const char* absent : {"local buzz", "global pipeline", "solid outline", "dashed outline",
                               "outside the cluster", "n/a | ties"})
        EXPECT_FALSE(has_text(svg, absent)) << absent;
    // compare needs localities: exit 1, a message, no output folder.
    const auto c = run({"compare", in, "-o", dir.path("cmp")});
    EXPECT_EQ(c.code, 1);
    EXPECT_NE(c.err.find("no actor has a locality"), std::string::npos) << c.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path("cmp")));
}

TEST(RenderPrint, CompareWritesEveryFigureInEveryFormatAndTakesTheMeasureOptions) {
    TempDir dir;
    const auto r =
        run({"compare", kData, "--map", kMap, "-o", dir.path("c"), "--figure-format", "svg,png,pdf",
             "--width", "17cm", "--font-size", "7", "--ego-model", "--title", "none"});
    ASSERT_EQ(r.code, 0) << r.err;
    for (const char* stem : {"buzz", "pipelines", "position_map", "local_global"})
        for (const char* ext : {"svg", "png", "pdf"}) {
            const auto path = dir.path(fmt::format("c/{}.{}", stem, ext));
            EXPECT_TRUE(std::filesystem::exists(path)) << path;
        }
    const auto svg = slurp(dir.path("c/buzz.svg"));
    expect_whole(svg, "compare buzz");
    EXPECT_NEAR(canvas_of(svg).width, 481.89, 0.01);
    EXPECT_EQ(svg.find("id=\"title"), std::string::npos);
    const auto sizes = font_sizes(svg);
    EXPECT_DOUBLE_EQ(*std::min_element(sizes.begin(), sizes.end()), 7.0);
    EXPECT_EQ(
        run({"compare", kData, "--map", kMap, "-o", dir.path("d"), "--figure-format", "svg,jpg"})
            .code,
        2);
    EXPECT_EQ(run({"compare", kData, "--map", kMap, "-o", dir.path("d"), "--title", "x"}).code, 2);
    // render takes the measure options when it scores, and refuses them on scores made
    // with other definitions.
    EXPECT_EQ(
        run({"render", kData, "--map", kMap, "--weighted-paths", "-o", dir.path("w.svg")}).code, 0);
    const auto refused = run(
        {"render", scored_dir() + "/network.graphml", "--weighted-paths", "-o", dir.path("x.svg")});
    EXPECT_EQ(refused.code, 2);
    EXPECT_NE(refused.err.find("--weighted-paths change how measures are computed"),
              std::string::npos)
        << refused.err;
}

TEST(RenderPrint, ChangeReadsTheUsualWay) {
    TempDir dir;
    dir.file("a/nodes.csv",
             "Id,part,type,locality\nx,core,firm,local\ny,core,firm,local\n"
             "z,external,firm,global\n");
    dir.file("a/edges.csv", "Source,Target,Weight\nx,y,1\nx,z,1\n");
    dir.file("b/nodes.csv",
             "Id,part,type,locality\nx,core,firm,local\ny,core,firm,local\n"
             "z,external,firm,global\n");
    dir.file("b/edges.csv", "Source,Target,Weight\nx,y,1\ny,z,1\n");
    const auto r = run({"compare", dir.path("a"), dir.path("b"), "-o", dir.path("c")});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto svg = slurp(dir.path("c/change.svg"));
    EXPECT_TRUE(std::filesystem::exists(dir.path("c/change.png")));
    // gained (y-z) Okabe-Ito bluish green, lost (x-z) vermillion, kept (x-y) grey: each drawn
    // tie has one of the three, and the legend names them.
    std::multiset<std::string> colours;
    for (auto at = svg.find("<g id=\"tie_"); at != std::string::npos;
         at = svg.find("<g id=\"tie_", at + 1)) {
        const auto stroke = svg.find("stroke=\"#", at);
        colours.insert(svg.substr(stroke + 8, 7));
    }
    EXPECT_EQ(colours, (std::multiset<std::string>{"#009e73", "#999999", "#d55e00"}));
    for (const char* name : {"change: gained", "change: lost", "change: kept"})
        EXPECT_NE(svg.find(name), std::string::npos) << name;
    // Actors too: z is kept in both waves, so every actor is kept (grey); none is drawn in
    // the palette's green, which would read as "gained".
    for (auto at = svg.find("<g id=\"actor_"); at != std::string::npos;
         at = svg.find("<g id=\"actor_", at + 1)) {
        const auto fill = svg.find("fill=\"#", at);
        EXPECT_EQ(svg.substr(fill + 6, 7), "#999999");
    }
}

TEST(RenderPrint, LayoutFromTheFileKeepsTheTunedPositions) {
    // Pajek's y points down: A (0,0) top left, B (1,0) top right, C (0,1) bottom left.
    TempDir dir;
    dir.file("tri.net",
             "*Vertices 3\n1 \"A\" 0.0 0.0 0.5\n2 \"B\" 1.0 0.0 0.5\n3 \"C\" 0.0 1.0 0.5\n"
             "*Edges\n1 2\n1 3\n");
    const auto dot = render_to({dir.path("tri.net"), "--layout", "file"}, dir.path("t.dot"));
    const auto nodes = placed_nodes(dot);
    const auto &a = nodes.at("actor_0"), &b = nodes.at("actor_1"), &c = nodes.at("actor_2");
    EXPECT_LT(a.x, b.x);
    EXPECT_NEAR(a.y, b.y, 0.01);
    EXPECT_GT(a.y, c.y);
    EXPECT_NEAR(a.x, c.x, 0.01);
    EXPECT_NEAR(b.x - a.x, a.y - c.y, 0.02);  // the aspect of the file
    // Without positions: a usage error that says where positions come from.
    const auto r =
        run({"render", kData, "--map", kMap, "--layout", "file", "-o", dir.path("none.svg")});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("carries no positions"), std::string::npos) << r.err;
    // A GraphML written by convert keeps them (Gephi reads x and y).
    ASSERT_EQ(run({"convert", dir.path("tri.net"), "-o", dir.path("tri.graphml")}).code, 0);
    const auto again =
        placed_nodes(render_to({dir.path("tri.graphml"), "--layout", "file"}, dir.path("t2.dot")));
    EXPECT_NEAR(again.at("actor_1").x - again.at("actor_0").x, b.x - a.x, 0.02);
}

TEST(RenderPrint, QuadrantChartLabelsKeepOffTheQuadrantNames) {
    // Points in the middle of each quadrant (where the names used to be) and in the corners.
    render::QuadrantChart q;
    q.title = "chart";
    q.x_name = "ability";
    q.y_name = "trigger";
    q.x_threshold = 2.5, q.y_threshold = 2.5;
    q.top_right = "I sustainable development", q.bottom_right = "II ability-oriented";
    q.bottom_left = "III newborn", q.top_left = "IV leader-oriented";
    q.points = {{"c1", 3.75, 3.75}, {"c2", 3.75, 1.25}, {"c3", 1.25, 1.25},
                {"c4", 1.25, 3.75}, {"c5", 0.2, 0.2},   {"c6", 4.9, 4.9}};
    const auto nodes = placed_nodes(render::render_quadrant_chart(q, "dot"));
    std::size_t labels = 0;
    for (const auto& [name, l] : nodes) {
        if (name.rfind("label_", 0) != 0) continue;
        ++labels;
        for (const char* quadrant : {"quadrant_tr", "quadrant_br", "quadrant_tl", "quadrant_bl"}) {
            const auto& p = nodes.at(quadrant);
            const double ox =
                std::min(l.x + l.w / 2, p.x + p.w / 2) - std::max(l.x - l.w / 2, p.x - p.w / 2);
            const double oy =
                std::min(l.y + l.h / 2, p.y + p.h / 2) - std::max(l.y - l.h / 2, p.y - p.h / 2);
            EXPECT_FALSE(ox > 0 && oy > 0) << name << " on " << quadrant;
        }
    }
    EXPECT_EQ(labels, 6U);
}

}  // namespace
}  // namespace clusterlens
