// Access to the rule files in schemas/ (header synonyms, grade vocabulary,
// count statements, metadata patterns...). The files are embedded into the
// binary at build time so `fuhua` runs from any directory; FUHUA_SCHEMAS_DIR
// (or --schemas) points at a directory whose files override the embedded ones,
// so a user can adjust a vocabulary without rebuilding.
#ifndef FUHUA_PIPELINE_SCHEMA_FILES_H_
#define FUHUA_PIPELINE_SCHEMA_FILES_H_

#include <Poco/JSON/Object.h>

#include <string>

#include "pipeline/status.h"

namespace fuhua {

// Sets the override directory (empty = embedded only). Call before the first
// LoadSchemaJson; later calls do not affect rules already loaded.
void SetSchemaOverrideDir(const std::string& dir);

// Reads schemas/<name> (e.g. "header_roles.json"), from the override directory
// when it holds the file, else from the embedded copy.
Status ReadSchemaText(const std::string& name, std::string* text);

// Parses schemas/<name> as a JSON object. Errors name the file and position.
Status LoadSchemaJson(const std::string& name, Poco::JSON::Object::Ptr* out);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_SCHEMA_FILES_H_
