// Embedded-or-override lookup of schemas/ files and their JSON parsing through
// Poco::JSON, with Poco's exceptions turned into Status at this boundary.
#include "pipeline/schema_files.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "pipeline/embedded_schemas.h"

namespace fuhua {
namespace {

std::string& OverrideDir() {
  static std::string dir = [] {
    const char* env = std::getenv("FUHUA_SCHEMAS_DIR");
    return std::string(env ? env : "");
  }();
  return dir;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

}  // namespace

void SetSchemaOverrideDir(const std::string& dir) { OverrideDir() = dir; }

Status ReadSchemaText(const std::string& name, std::string* text) {
  if (!OverrideDir().empty() && ReadFile(OverrideDir() + "/" + name, text)) return Status::Ok();
  for (const EmbeddedSchema& s : kEmbeddedSchemas) {
    if (name == s.name) {
      *text = s.text;
      return Status::Ok();
    }
  }
  return Status::NotFound("schemas/" + name + ": no such rule file");
}

Status LoadSchemaJson(const std::string& name, Poco::JSON::Object::Ptr* out) {
  std::string text;
  Status st = ReadSchemaText(name, &text);
  if (!st.ok()) return st;
  try {
    Poco::JSON::Parser parser;
    Poco::Dynamic::Var v = parser.parse(text);
    *out = v.extract<Poco::JSON::Object::Ptr>();
    if (!*out) return Status::InvalidInput("schemas/" + name + ": top level is not an object");
  } catch (const Poco::Exception& e) {
    return Status::InvalidInput("schemas/" + name + ": " + e.displayText());
  } catch (const std::exception& e) {
    return Status::InvalidInput("schemas/" + name + ": " + e.what());
  }
  return Status::Ok();
}

}  // namespace fuhua
