// The .docx floor (see docx_floor.h): Poco::Zip + pugixml, nothing else.
#include "bench/docx_floor.h"

#include <Poco/Exception.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <chrono>
#include <ctime>
#include <exception>
#include <pugixml.hpp>
#include <sstream>
#include <string_view>

#include "parsers/reader.h"

namespace fuhua::bench {
namespace {

constexpr char kDocumentPart[] = "word/document.xml";
constexpr size_t kMaxFileBytes = 256u << 20;  // fuhua's own file budget
constexpr size_t kChunk = 64u << 10;          // fuhua's inflate chunk

// Inflates word/document.xml; Poco exceptions become a Status here.
Status UnzipDocument(const std::string& bytes, std::string* xml) {
  try {
    std::istringstream stream(bytes);
    Poco::Zip::ZipArchive archive(stream);
    auto header = archive.findHeader(kDocumentPart);
    if (header == archive.headerEnd())
      return Status::InvalidInput(std::string("no ") + kDocumentPart);
    stream.clear();
    Poco::Zip::ZipInputStream in(stream, header->second, true);
    std::string buf(kChunk, '\0');
    while (in) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      xml->append(buf.data(), static_cast<size_t>(in.gcount()));
    }
  } catch (const Poco::Exception& e) {
    return Status::InvalidInput("zip: " + e.displayText());
  } catch (const std::exception& e) {
    return Status::InvalidInput(std::string("zip: ") + e.what());
  }
  return Status::Ok();
}

bool IsTextElement(const pugi::xml_node& n) {
  std::string_view name = n.name();
  return n.type() == pugi::node_element && (name == "t" || name.ends_with(":t"));
}

// Visits every node iteratively (untrusted depth) and sums the w:t texts.
void TouchText(const pugi::xml_document& doc, FloorStats* stats) {
  pugi::xml_node n = doc.first_child();
  while (n) {
    if (IsTextElement(n)) {
      ++stats->text_nodes;
      stats->text_bytes += std::string_view(n.child_value()).size();
    }
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && !n.next_sibling()) n = n.parent();
    if (n) n = n.next_sibling();
  }
}

double ThreadCpuSeconds() {
  timespec t{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

}  // namespace

Status ReadDocxFloor(const std::string& bytes, FloorStats* stats) {
  std::string xml;
  Status st = UnzipDocument(bytes, &xml);
  if (!st.ok()) return st;
  pugi::xml_document doc;
  pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!parsed)
    return Status::InvalidInput(std::string(kDocumentPart) + ": malformed XML at byte " +
                                std::to_string(parsed.offset) + ": " + parsed.description());
  TouchText(doc, stats);
  ++stats->documents;
  stats->xml_bytes += xml.size();
  return Status::Ok();
}

Status RunDocxFloor(const std::vector<std::string>& paths, FloorStats* stats, FloorTiming* time) {
  auto wall0 = std::chrono::steady_clock::now();
  double cpu0 = ThreadCpuSeconds();
  std::string bytes;
  for (const std::string& path : paths) {
    Status st = LoadFile(path, kMaxFileBytes, &bytes);
    if (st.ok()) st = ReadDocxFloor(bytes, stats);
    if (!st.ok()) return Status::InvalidInput(path + ": " + st.message());
  }
  time->cpu_s = ThreadCpuSeconds() - cpu0;
  time->wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  return Status::Ok();
}

}  // namespace fuhua::bench
