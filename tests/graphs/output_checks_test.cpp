// Outputs checked before the work (issue 12): an output folder apart from the inputs, and every
// output path creatable and writable, said before a minute of loading and scoring, with
// nothing created by the check.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <string>

#include "graphs/atomic_file.hpp"
#include "graphs/error.hpp"
#include "test_files.hpp"

namespace clusterlens {
namespace {
using testing::TempDir;
namespace fs = std::filesystem;

std::string usage_error(const std::function<void()>& f) {
    try {
        f();
    } catch (const UsageError& e) {
        return e.what();
    }
    return "(no error)";
}

constexpr const char* kApart =
    "; choose an output folder apart from the inputs (clusterlens never writes among its "
    "inputs)";

TEST(OutputFolder, AnInputFolderOrAFolderInsideAnInputIsRefused) {
    TempDir dir;
    const auto data = dir.path("data");
    const auto edges = dir.file("data/edges.csv", "Source,Target\na,b\n");
    const std::vector<std::string> inputs = {edges, data};
    EXPECT_EQ(usage_error([&] { check_output_folder(data, inputs); }),
              "output folder " + data + " is the input " + data + kApart);
    EXPECT_EQ(usage_error([&] { check_output_folder(dir.path("data/./"), inputs); }),
              "output folder " + dir.path("data/./") + " is the input " + data + kApart);
    EXPECT_EQ(usage_error([&] { check_output_folder(dir.path("data/out"), inputs); }),
              "output folder " + dir.path("data/out") + " is inside the input " + data + kApart);
    // A folder around the input is fine (`score data/edges.csv -o .`): nothing lands among the
    // inputs.
    EXPECT_NO_THROW(check_output_folder(dir.path(), inputs));
    EXPECT_NO_THROW(check_output_folder(dir.path(), {edges}));
    // Through a symbolic link it is still the input folder.
    fs::create_directory_symlink(data, dir.path("link"));
    EXPECT_EQ(usage_error([&] { check_output_folder(dir.path("link"), inputs); }),
              "output folder " + dir.path("link") + " is the input " + data + kApart);
    // A folder beside the input is fine; so is a sibling whose name starts the same.
    EXPECT_NO_THROW(check_output_folder(dir.path("out"), inputs));
    EXPECT_NO_THROW(check_output_folder(dir.path("data2"), inputs));
}

TEST(OutputFolder, AFolderThatCannotBeCreatedOrWrittenIsRefusedAndNothingIsCreated) {
    TempDir dir;
    const auto file = dir.file("notes.txt", "x");
    EXPECT_EQ(usage_error([&] { check_output_folder(file, {}); }),
              "output folder " + file + " is a file; choose a folder name");
    EXPECT_EQ(usage_error([&] { check_output_folder(dir.path("notes.txt/out/deeper"), {}); }),
              "cannot create folder " + dir.path("notes.txt/out/deeper") + ": " + file +
                  " is a file; choose another output folder");
    if (fs::is_directory("/proc/self")) {  // nobody, root included, can create files there
        const auto e = usage_error([] { check_output_folder("/proc/self/out", {}); });
        EXPECT_EQ(e.rfind("cannot create folder /proc/self/out: cannot write in /proc/self: ", 0),
                  0u)
            << e;
        EXPECT_NE(e.find("; choose a folder you can write in"), std::string::npos) << e;
    }
    // Creatable: fine, and not created by the check (nor any probe left behind).
    EXPECT_NO_THROW(check_output_folder(dir.path("new/nested/out"), {}));
    EXPECT_FALSE(fs::exists(dir.path("new")));
    EXPECT_NO_THROW(check_output_folder(dir.path(), {}));  // an existing folder
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
    EXPECT_EQ(entries, 1u);  // notes.txt
}

TEST(OutputFile, AFolderAMissingFolderOrAnInputIsRefused) {
    TempDir dir;
    const auto in = dir.file("net.graphml", "x");
    EXPECT_EQ(usage_error([&] { check_output_file(dir.path(), {}); }),
              "cannot write " + dir.path() + ": it is a folder; choose a file name");
    EXPECT_EQ(usage_error([&] { check_output_file(dir.path("no/such/fig.svg"), {}); }),
              "cannot write " + dir.path("no/such/fig.svg") + ": there is no folder " +
                  dir.path("no/such") + "; create it first or choose another path");
    EXPECT_NE(usage_error([&] {
                  check_output_file(dir.path("./net.graphml"), {in});
              }).find("is the input"),
              std::string::npos);
    EXPECT_NO_THROW(check_output_file(dir.path("fig.svg"), {in}));
    EXPECT_FALSE(fs::exists(dir.path("fig.svg")));
}

}  // namespace
}  // namespace clusterlens
