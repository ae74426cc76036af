// schema_import.cpp — the declarations: a wrapped comment from each tool's
// description, @tool when renamed, then the action with one field per
// property (a property whose name cannot be an argument gets a note).
#include "core/schema_import.h"

#include <cctype>
#include <sstream>
#include <vector>

namespace agentpol::gateway {
namespace {

const std::set<std::string>& keywords() {
  static const std::set<std::string> k = {
      "namespace", "import", "entity", "record", "enum", "action", "context", "agent", "def", "permit",
      "forbid", "escalate", "to", "when", "unless", "assert", "for", "has", "in", "like", "if", "then",
      "else", "true", "false", "user", "now"};
  return k;
}

std::string type_of(const json& schema) {
  auto t = schema.find("type");
  return t != schema.end() && t->is_string() ? t->get<std::string>() : "";
}

// "// " lines of at most ~78 columns; blank lines kept.
void comment(const std::string& text, std::string* out) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string word, cur;
    while (words >> word) {
      if (!cur.empty() && cur.size() + 1 + word.size() > 75) {
        *out += "// " + cur + "\n";
        cur.clear();
      }
      cur += (cur.empty() ? "" : " ") + word;
    }
    *out += cur.empty() ? "//\n" : "// " + cur + "\n";
  }
}


void render_tool(const json& tool, std::set<std::string>* taken, std::string* out) {
  std::string name = tool.value("name", "");
  if (name.empty()) return;
  if (auto d = tool.find("description"); d != tool.end() && d->is_string() && !d->get<std::string>().empty())
    comment(d->get<std::string>(), out);
  std::string action = action_name(name, taken);
  if (action != name) *out += "@tool(" + canonical(name) + ")\n";
  std::vector<std::string> fields, notes;
  const json& schema = tool.contains("inputSchema") ? tool["inputSchema"] : json::object();
  std::set<std::string> required;
  if (auto r = schema.find("required"); r != schema.end() && r->is_array())
    for (const json& n : *r)
      if (n.is_string()) required.insert(n.get<std::string>());
  if (auto props = schema.find("properties"); props != schema.end() && props->is_object()) {
    for (auto it = props->begin(); it != props->end(); ++it) {
      if (!is_identifier(it.key()) || keywords().count(it.key())) {
        notes.push_back("// note: argument " + canonical(it.key()) +
                        " cannot be declared (not an identifier, or a keyword): calls that give it are denied");
        continue;
      }
      std::string opt = required.count(it.key()) ? "" : "?";
      fields.push_back(it.key() + opt + ": " + agentpol_type(it.value()));
    }
  }
  for (const std::string& n : notes) *out += n + "\n";
  *out += "action " + action;
  if (fields.empty()) {
    *out += ";\n\n";
  } else if (fields.size() <= 2) {
    *out += " { " + fields[0] + (fields.size() == 2 ? ", " + fields[1] : "") + " }\n\n";
  } else {
    *out += " {\n";
    for (const std::string& f : fields) *out += "  " + f + ",\n";
    *out += "}\n\n";
  }
}

}  // namespace

bool is_identifier(const std::string& name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_') || static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

std::string agentpol_type(const json& schema) {
  if (!schema.is_object()) return "String";
  std::string t = type_of(schema);
  if (t == "string") return schema.value("format", "") == "date-time" ? "Time" : "String";
  if (t == "integer" || t == "number") return "Int";
  if (t == "boolean") return "Bool";
  if (t == "array" && schema.contains("items") && schema["items"].is_object()) {
    std::string item = type_of(schema["items"]);
    if (item == "string") return "Set<String>";
    if (item == "integer") return "Set<Int>";
  }
  return "String";
}

std::string action_name(const std::string& tool, std::set<std::string>* taken) {
  std::string name = tool;
  if (!is_identifier(name) || keywords().count(name)) {
    for (char& c : name)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_') || static_cast<unsigned char>(c) >= 0x80) c = '_';
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0])) || keywords().count(name)) name = "_" + name;
  }
  std::string unique = name;
  for (int n = 2; taken->count(unique); ++n) unique = name + "_" + std::to_string(n);
  taken->insert(unique);
  return unique;
}

std::string render_actions(const json& tools, const std::string& header, const std::string& ns) {
  std::string out = "// " + header + "\n";
  if (!ns.empty()) out += "namespace " + ns + ";\n";
  out += "\n";
  std::set<std::string> taken;
  for (const json& tool : tools)
    if (tool.is_object()) render_tool(tool, &taken, &out);
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace agentpol::gateway
