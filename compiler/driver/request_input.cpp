// request_input.cpp — reading `--request` input and telling its three forms
// apart: a leading `[` is an array; a leading `{` is one object when the whole
// text parses, else JSON Lines when its first line parses on its own.
#include "driver/request_input.h"

#include <cstdio>
#include <cerrno>
#include <cstring>

namespace agentpol::driver {
namespace {

using request::JsonKind;
using request::JsonTree;

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// nlohmann reports "at line 1, column 7" within one JSON Lines line.
std::string withinLine(std::string message) {
  const std::string kLine1 = "at line 1, column";
  size_t at = message.find(kLine1);
  if (at != std::string::npos) message.replace(at, kLine1.size(), "at column");
  return message;
}

bool eachLine(std::string_view text, const std::string& name, JsonTree& tree, const RequestFn& each,
              std::string* error) {
  size_t line = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    std::string_view l = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line;
    size_t first = 0;
    while (first < l.size() && isSpace(l[first])) ++first;
    if (first == l.size()) continue;  // blank lines are allowed
    std::string why;
    if (!tree.parse(l, &why)) {
      *error = name + ":" + std::to_string(line) + ": not JSON: " + withinLine(why);
      return false;
    }
    if (tree.node(0).kind != JsonKind::Object) {
      *error = name + ":" + std::to_string(line) + ": a request must be a JSON object";
      return false;
    }
    each(tree, 0);
  }
  return true;
}

bool eachElement(const std::string& name, JsonTree& tree, const RequestFn& each, std::string* error) {
  size_t i = 0;
  for (uint32_t c = 1; c < tree.node(0).end; c = tree.node(c).end, ++i) {
    if (tree.node(c).kind == JsonKind::Object) continue;
    *error = name + ": element " + std::to_string(i) + " of the array is not a JSON object (a request)";
    return false;
  }
  if (i == 0) {
    *error = name + ": the array holds no request";
    return false;
  }
  for (uint32_t c = 1; c < tree.node(0).end; c = tree.node(c).end) each(tree, c);
  return true;
}

}  // namespace

bool readInput(const std::string& path, std::string* text, std::string* error) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) {
    *error = path + ": cannot open (" + std::string(std::strerror(errno)) + ")";
    return false;
  }
  text->clear();
  if (f != stdin && std::fseek(f, 0, SEEK_END) == 0) {  // one allocation for a regular file
    long size = std::ftell(f);
    if (size > 0) text->reserve(static_cast<size_t>(size));
    std::rewind(f);
  }
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text->append(buf, n);
  bool bad = std::ferror(f) != 0;
  if (f != stdin) std::fclose(f);
  if (bad) *error = path + ": read error";
  return !bad;
}

bool forEachRequest(std::string_view text, const std::string& name, JsonTree& tree, const RequestFn& each,
                    std::string* error) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 byte order mark
  size_t first = 0;
  while (first < text.size() && isSpace(text[first])) ++first;
  if (first == text.size()) {
    *error = name + ": no request (the input is empty)";
    return false;
  }
  std::string why;
  bool whole = tree.parse(text, &why);
  if (text[first] == '{' && !whole) {
    size_t nl = text.find('\n', first);
    std::string lineWhy;
    if (nl != std::string_view::npos && tree.parse(text.substr(0, nl), &lineWhy)) return eachLine(text, name, tree, each, error);
  }
  if (!whole) {
    *error = name + ": not JSON: " + why;
    return false;
  }
  if (tree.node(0).kind == JsonKind::Object) {
    each(tree, 0);
    return true;
  }
  if (tree.node(0).kind == JsonKind::Array) return eachElement(name, tree, each, error);
  *error = name + ": expected a request object, an array of them, or JSON Lines";
  return false;
}

}  // namespace agentpol::driver
