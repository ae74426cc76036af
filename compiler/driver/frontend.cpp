// frontend.cpp — file reading, folder expansion, parse + sema, diagnostics output.
#include "driver/frontend.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "diag/render.h"
#include "parse/parser.h"

namespace agentpol::driver {
namespace fs = std::filesystem;
namespace {

std::vector<std::string> expandPaths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      out.push_back(p);
      continue;
    }
    std::vector<std::string> inDir;
    for (const auto& entry : fs::directory_iterator(p, ec))
      if (entry.path().extension() == ".agentpol") inDir.push_back(entry.path().string());
    std::sort(inDir.begin(), inDir.end());
    if (inDir.empty()) out.push_back(p);  // reported by readFile: nothing to check is an error
    out.insert(out.end(), inDir.begin(), inDir.end());
  }
  return out;
}

// Reads a whole file; on failure returns false with a reason.
bool readFile(const std::string& path, std::string& text, std::string& reason) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    reason = "it is a folder with no .agentpol files";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    reason = fs::exists(path, ec) ? "permission denied" : "no such file";
    return false;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  text = buf.str();
  if (text.size() > kMaxSourceBytes) {
    reason = fmt::format("larger than the {} MiB limit", kMaxSourceBytes >> 20);
    return false;
  }
  return true;
}

}  // namespace

std::unique_ptr<Compilation> compileSources(const std::vector<std::string>& paths) {
  auto c = std::make_unique<Compilation>();
  std::vector<ast::File> files;
  for (const std::string& path : expandPaths(paths)) {
    std::string text, reason;
    if (!readFile(path, text, reason)) {
      c->diags.report(diag::DiagId::CannotReadFile, SourceRange{}, path, reason);
      continue;
    }
    FileId id = c->sources.addFile(path, std::move(text));
    files.push_back(parse::parseFile(c->sources, id, c->diags));
  }
  if (paths.empty() || c->diags.hasErrors()) return c;
  c->policy = sema::check(std::move(files), c->sources, c->diags);
  if (c->diags.hasErrors()) c->policy.reset();
  return c;
}

void printDiagnostics(const Compilation& c, OutputFormat format, std::ostream& out, std::ostream& err) {
  std::vector<diag::Diagnostic> diags = c.diags.sorted();
  if (format == OutputFormat::Json) {
    out << diag::renderJson(c.sources, diags);
    return;
  }
  for (const diag::Diagnostic& d : diags) err << diag::renderText(c.sources, d);
  if (c.diags.errorCount() > 0)
    err << fmt::format("{} error{} found\n", c.diags.errorCount(), c.diags.errorCount() == 1 ? "" : "s");
}

bool parseOutputFormat(const std::string& value, OutputFormat& format) {
  if (value == "text") format = OutputFormat::Text;
  else if (value == "json") format = OutputFormat::Json;
  else return false;
  return true;
}

}  // namespace agentpol::driver
