// fuzz_frontend.cpp — libFuzzer target for the compiler front end: arbitrary
// bytes as one .agentpol file through parseFile (sema will join here). Any
// crash, sanitizer report or a diagnostic outside its file is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ast/ast_dump.h"
#include "diag/render.h"
#include "parse/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace agentpol;
  diag::SourceManager sm;
  FileId id = sm.addFile("fuzz.agentpol", std::string(reinterpret_cast<const char*>(data), size));
  diag::DiagnosticEngine diags;
  ast::File file = parse::parseFile(sm, id, diags);
  (void)ast::dumpFile(file);
  for (const diag::Diagnostic& d : diags.all()) {
    if (d.range.valid() && (d.range.begin > d.range.end || d.range.end > size)) std::abort();
    (void)diag::renderText(sm, d);
  }
  return 0;
}
