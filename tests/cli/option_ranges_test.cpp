// Whole-number options (issue 12: `score --permutations -5` wrapped to 18446744073709551611 and
// ran until killed; --seed -1 and others recorded 18446744073709551615 in summary.json). This
// walks every option of every command, as parse() sees them, so an unsigned option added
// later without count_value() fails here.
#include <gtest/gtest.h>

#include <boost/program_options.hpp>
#include <set>
#include <string>
#include <typeinfo>
#include <vector>

#include "cli_run.hpp"
#include "src/cli/options.hpp"

namespace clusterlens {
namespace {
using testing::run;
namespace po = boost::program_options;

bool is_unsigned_type(const std::type_info& t) {
    return t == typeid(unsigned char) || t == typeid(unsigned short) || t == typeid(unsigned) ||
           t == typeid(unsigned long) || t == typeid(unsigned long long);
}

/// The long names of the options of `command` whose value is an unsigned integer.
std::vector<std::string> unsigned_options(const std::string& command) {
    std::vector<std::string> names;
    cli::set_options_listener([&](const po::options_description& all) {
        for (const auto& o : all.options()) {
            const auto* typed = dynamic_cast<const po::typed_value_base*>(o->semantic().get());
            if (typed && is_unsigned_type(typed->value_type())) names.push_back(o->long_name());
        }
    });
    const auto r = run({command, "--help"});
    cli::set_options_listener(nullptr);
    EXPECT_EQ(r.code, 0) << command;
    return names;
}

const std::vector<std::string> kCommands = {"validate", "convert",     "score",  "render",
                                            "compare",  "communities", "explain"};

TEST(OptionRanges, TheWalkFindsTheKnownWholeNumberOptions) {
    std::set<std::string> found;
    for (const auto& command : kCommands)
        for (const auto& name : unsigned_options(command)) found.insert(command + " --" + name);
    for (const char* known :
         {"score --permutations", "score --betweenness-samples", "score --seed", "score --threads",
          "score --lockin-min", "score --max-errors", "render --radius", "render --top-ties",
          "render --seed", "render --max-actors", "compare --top", "validate --max-errors",
          "score --runs", "communities --runs", "communities --clique-min", "communities --seed",
          "explain --permutations", "explain --seed", "explain --threads"})
        EXPECT_EQ(found.count(known), 1u) << known;
}

TEST(OptionRanges, EveryUnsignedOptionOfEveryCommandRefusesNegativeAndOutOfRangeValues) {
    for (const auto& command : kCommands) {
        for (const auto& name : unsigned_options(command)) {
            const std::string option = "--" + name;
            for (const std::string value :
                 {"-1", "-5", "18446744073709551616", "99999999999999999999999", "1.5", "1e3", " 3",
                  "+3", "0x10", "three"}) {
                for (const bool joined : {false, true}) {
                    const auto r = joined ? run({command, option + "=" + value})
                                          : run({command, option, value});
                    EXPECT_EQ(r.code, 2) << command << ' ' << option << ' ' << value;
                    const std::string start =
                        "clusterlens: usage error: " + option + " takes a whole number from ";
                    EXPECT_EQ(r.err.rfind(start, 0), 0u) << r.err;
                    EXPECT_NE(r.err.find("; got '" + value + "'\n"), std::string::npos) << r.err;
                }
            }
            // A value in range is taken: the command goes on to say it needs a NETWORK.
            const auto ok = run({command, option, "2"});
            EXPECT_NE(ok.err.find("needs a NETWORK"), std::string::npos)
                << command << ' ' << option << ": " << ok.err;
        }
    }
}

TEST(OptionRanges, TheRangeIsTheOptionsOwn) {
    EXPECT_EQ(run({"score", "--threads", "5000"}).err,
              "clusterlens: usage error: --threads takes a whole number from 0 to 1024; got "
              "'5000'\n");
    EXPECT_EQ(run({"score", "--lockin-min", "5"}).err,
              "clusterlens: usage error: --lockin-min takes a whole number from 0 to 4; got '5'\n");
    EXPECT_EQ(run({"validate", "--max-errors", "0"}).err,
              "clusterlens: usage error: --max-errors takes a whole number from 1 to 1000000; got "
              "'0'\n");
    EXPECT_EQ(run({"render", "--max-actors", "0"}).err,
              "clusterlens: usage error: --max-actors takes a whole number from 1 to "
              "18446744073709551615; got '0'\n");
    EXPECT_EQ(run({"score", "--permutations", "-5"}).err,
              "clusterlens: usage error: --permutations takes a whole number from 0 to "
              "18446744073709551615; got '-5'\n");
    EXPECT_EQ(run({"render", "net.graphml", "-o", "figure.svg", "--labels", "top:-1"}).err,
              "clusterlens: usage error: --labels takes top:N (N a whole number from 0 to "
              "18446744073709551615), all or none; got 'top:-1'\n");
}

TEST(OptionRanges, WholeNumberParsing) {
    EXPECT_EQ(cli::whole_number("0", 0, 10), 0u);
    EXPECT_EQ(cli::whole_number("10", 0, 10), 10u);
    EXPECT_EQ(cli::whole_number("007", 0, 10), 7u);
    EXPECT_EQ(cli::whole_number("18446744073709551615", 0, UINT64_MAX), UINT64_MAX);
    for (const char* bad : {"", "-1", "11", "18446744073709551616", "1.0", "1e1", "+1", " 1", "1 "})
        EXPECT_FALSE(cli::whole_number(bad, 0, 10).has_value()) << bad;
    EXPECT_FALSE(cli::whole_number("1", 2, 10).has_value());
}

}  // namespace
}  // namespace clusterlens
