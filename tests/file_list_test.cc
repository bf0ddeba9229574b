// FileList keeps the order and uniqueness std::sort and std::unique give the
// whole paths, folders held once.
#include "store/file_list.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace fuhua {
namespace {

TEST(FileListTest, OrdersAsTheWholePathsOrderAndDropsRepeats) {
  // '-' (0x2D) sorts before '/' (0x2F): "/a-x/..." comes before "/a/...",
  // though the folder "/a/" is a prefix of neither ordering by folder first.
  const std::vector<std::string> given = {
      "/d/a/b.docx", "/d/a-x/c.txt", "/d/a/b.docx", "/d/a/通知.docx", "/d/a/B.docx",
      "/d/a/b/c.docx", "/d/ab.txt", "/d/a/", "/d/a/b.docx.txt", "name-only"};
  FileList files;
  for (const std::string& p : given) files.Add(p);
  files.SortUnique();
  std::vector<std::string> expected = given;
  std::sort(expected.begin(), expected.end());
  expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
  ASSERT_EQ(files.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(files[i], expected[i]) << i;
}

TEST(FileListTest, EmptyUntilAdded) {
  FileList files;
  files.SortUnique();
  EXPECT_TRUE(files.empty());
  files.Add("/x/y.txt");
  EXPECT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0], "/x/y.txt");
}

}  // namespace
}  // namespace fuhua
