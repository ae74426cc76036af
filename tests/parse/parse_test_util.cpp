// parse_test_util.cpp — Parsed: parseFile plus dump and rendering helpers.
#include "parse_test_util.h"

#include <fstream>
#include <sstream>

#include "ast/ast_dump.h"
#include "diag/render.h"
#include "parse/parser.h"

namespace agentpol::test {

std::string Parsed::dump() const { return ast::dumpFile(file); }

std::string Parsed::rendered() const {
  std::string out;
  for (const diag::Diagnostic& d : diags.sorted()) out += diag::renderText(sm, d);
  return out;
}

std::vector<std::string> Parsed::codes() const {
  std::vector<std::string> out;
  for (const diag::Diagnostic& d : diags.sorted()) out.push_back(d.code());
  return out;
}

Parsed parseText(const std::string& text, const std::string& path) {
  Parsed p;
  FileId id = p.sm.addFile(path, text);
  p.file = parse::parseFile(p.sm, id, p.diags);
  return p;
}

std::string renderedFor(const std::string& source) { return parseText(source).rendered(); }

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace agentpol::test
