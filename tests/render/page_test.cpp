// render/page: sizes with units, numbers for people, ticks, label placement, spreading and the
// byte fixes. Every expected value is worked out by hand in the comments.
#include "render/page.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "graphs/error.hpp"

namespace clusterlens::render {
namespace {

TEST(Page, LengthsWithUnits) {
    EXPECT_NEAR(parse_length("17cm", "--width"), 481.889763779528, 1e-9);   // 17 / 2.54 × 72
    EXPECT_NEAR(parse_length("180mm", "--width"), 510.236220472441, 1e-9);  // 18 / 2.54 × 72
    EXPECT_DOUBLE_EQ(parse_length("7in", "--width"), 504);                  // 7 × 72
    EXPECT_DOUBLE_EQ(parse_length("500pt", "--width"), 500);
    EXPECT_DOUBLE_EQ(parse_length("660px", "--width"), 495);  // CSS px: 0.75 pt
    try {  // a bare number could be cm or pt: ask for the unit
        parse_length("17", "--width");
        ADD_FAILURE();
    } catch (const UsageError& e) {
        EXPECT_STREQ(e.what(), "--width '17' needs a unit: 17cm, 17mm, 17in or 17pt");
    }
    EXPECT_DOUBLE_EQ(parse_length("8.5in", "--height"), 612);
    for (const char* bad : {"", "cm", "wide", "17km", "cm17"}) {
        try {
            parse_length(bad, "--width");
            ADD_FAILURE() << bad;
        } catch (const UsageError& e) {
            EXPECT_NE(std::string(e.what()).find("is not a size; write a number with a unit"),
                      std::string::npos)
                << e.what();
        }
    }
    for (const char* bad : {"0cm", "-3in", "300in"})
        EXPECT_THROW(parse_length(bad, "--width"), UsageError) << bad;
}

TEST(Page, NumbersWrittenForPeople) {
    EXPECT_EQ(human_number(15300), "15,300");    // not 1.53e+04
    EXPECT_EQ(human_number(15312.7), "15,300");  // 3 significant digits
    EXPECT_EQ(human_number(3825.4), "3,830");
    EXPECT_EQ(human_number(0.4712), "0.471");
    EXPECT_EQ(human_number(0.985), "0.985");
    EXPECT_EQ(human_number(1.3), "1.3");
    EXPECT_EQ(human_number(2.0), "2");
    EXPECT_EQ(human_number(1e-5), "0.00001");
    EXPECT_EQ(human_number(999.6), "1,000");
    EXPECT_EQ(human_number(-1234.5), "-1,230");
    EXPECT_EQ(human_number(1234567), "1,230,000");
    EXPECT_EQ(human_number(0), "0");
    EXPECT_EQ(human_number(std::nan("")), "n/a");
}

TEST(Page, TicksAtRoundValues) {
    // 0..0.25: raw step 0.05 → 5 × 0.01.
    const auto small = nice_ticks(0, 0.25);
    const std::vector<double> want = {0, 0.05, 0.1, 0.15, 0.2, 0.25};
    ASSERT_EQ(small.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) EXPECT_NEAR(small[i], want[i], 1e-15);
    // 0..100: raw 20 → 2 × 10.
    EXPECT_EQ(nice_ticks(0, 100), (std::vector<double>{0, 20, 40, 60, 80, 100}));
    // 0..44.3: raw 8.86 → 10; the last tick covers the end.
    EXPECT_EQ(nice_ticks(0, 44.3), (std::vector<double>{0, 10, 20, 30, 40, 50}));
    // -3..7: raw 2 → 2; first tick at or below -3.
    EXPECT_EQ(nice_ticks(-3, 7), (std::vector<double>{-4, -2, 0, 2, 4, 6, 8}));
    EXPECT_EQ(nice_ticks(3, 3), (std::vector<double>{3}));
    for (const double t : nice_ticks(0, 0.3)) EXPECT_FALSE(std::signbit(t) && t == 0);
}

TEST(Page, LabelsGoBesideTheirOwnNode) {
    const Box page{-100, -100, 100, 100};
    const std::pair<double, double> size{20, 8};
    // One node: the label goes right, gap 1 past the radius: x from 5 + 1 = 6 to 26.
    auto boxes = place_labels({{0, 0, 5}}, {0}, {size}, {}, page, 1);
    ASSERT_EQ(boxes.size(), 1U);
    EXPECT_DOUBLE_EQ(boxes[0].x0, 6);
    EXPECT_DOUBLE_EQ(boxes[0].x1, 26);
    EXPECT_DOUBLE_EQ(boxes[0].y0, -4);
    EXPECT_DOUBLE_EQ(boxes[0].y1, 4);
    // A node on the right (centre 15, radius 5: box 10..20): the label goes left, -26..-6.
    boxes = place_labels({{0, 0, 5}, {15, 0, 5}}, {0}, {size}, {}, page, 1);
    EXPECT_DOUBLE_EQ(boxes[0].x0, -26);
    EXPECT_DOUBLE_EQ(boxes[0].x1, -6);
    // And a keep-out box (a legend) on the left: above, centred, y from 6 to 14.
    boxes = place_labels({{0, 0, 5}, {15, 0, 5}}, {0}, {size}, {{-60, -10, -5, 5}}, page, 1);
    EXPECT_DOUBLE_EQ(boxes[0].x0, -10);
    EXPECT_DOUBLE_EQ(boxes[0].y0, 6);
    EXPECT_DOUBLE_EQ(boxes[0].y1, 14);
    // At the page's right edge the label turns left instead of leaving the page.
    boxes = place_labels({{90, 0, 5}}, {0}, {size}, {}, page, 1);
    EXPECT_DOUBLE_EQ(boxes[0].x1, 84);  // 90 - 5 - 1
    // Two labels for two nodes side by side: the second avoids the first label's box.
    boxes = place_labels({{0, 0, 2}, {30, 0, 2}}, {0, 1}, {size, size}, {}, page, 1);
    EXPECT_DOUBLE_EQ(boxes[0].x0, 3);          // right of node 0: 3..23
    EXPECT_EQ(boxes[1].overlap(boxes[0]), 0);  // node 1's label elsewhere
    EXPECT_DOUBLE_EQ(boxes[1].x0, 33);         // right of node 1 is free: 33..53
}

TEST(Page, OverlappingPointsSpreadOnASunflower) {
    // Three points on one spot, min distance 2: the first stays, the second goes to radius
    // 2·sqrt(1) at the golden angle, the third to 2·sqrt(2) at twice it; the far one stays.
    std::vector<double> x = {1, 1, 1, 50}, y = {1, 1, 1, 50};
    EXPECT_EQ(spread_overlapping(x, y, 2), 2U);
    const double golden = std::numbers::pi * (3 - std::sqrt(5.0));
    EXPECT_DOUBLE_EQ(x[0], 1);
    EXPECT_NEAR(x[1], 1 + 2 * std::cos(golden), 1e-12);
    EXPECT_NEAR(y[1], 1 + 2 * std::sin(golden), 1e-12);
    EXPECT_NEAR(x[2], 1 + 2 * std::sqrt(2.0) * std::cos(2 * golden), 1e-12);
    EXPECT_NEAR(y[2], 1 + 2 * std::sqrt(2.0) * std::sin(2 * golden), 1e-12);
    EXPECT_DOUBLE_EQ(x[3], 50);
    std::vector<double> a = {0, 5}, b = {0, 0};
    EXPECT_EQ(spread_overlapping(a, b, 2), 0U);
}

TEST(Page, SvgSizeIsTheViewBoxAndPdfDateIsFixed) {
    const std::string svg =
        "<?xml?>\n<svg width=\"482pt\" height=\"300pt\"\n viewBox=\"0.00 0.00 481.89 299.50\" "
        "xmlns=\"http://www.w3.org/2000/svg\">\n<g width=\"5\"/></svg>";
    const auto fixed = exact_svg_size(svg);
    EXPECT_NE(fixed.find("<svg width=\"481.89pt\" height=\"299.50pt\""), std::string::npos)
        << fixed;
    EXPECT_NE(fixed.find("<g width=\"5\"/>"), std::string::npos);  // only the root changes
    const std::string pdf =
        "x /CreationDate (D:20261201195227Z) y /CreationDate (D:20261201+01'00)";
    const auto out = fixed_pdf_date(pdf);
    EXPECT_EQ(out.size(), pdf.size());  // same length: the xref offsets stay valid
    EXPECT_EQ(out, "x /CreationDate (D:19700101000000Z) y /CreationDate (D:19700101+00'00)");
}

}  // namespace
}  // namespace clusterlens::render
