// module_loader.h — resolves `import std.x;` declarations: finds each module
// in the stdlib embedded at build time (stdlib/ -> stdlib_embedded.cpp), adds
// its text to the SourceManager, parses it, and follows its own imports.
// Every file of the set gets an *origin*: 0 for user files, 1.. per module.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <llvm/Support/Casting.h>

#include "ast/ast.h"
#include "diag/diagnostic.h"
#include "diag/source_manager.h"

namespace agentpol::sema {

// One module source: `std.identity` at `std/identity.agentpol`.
struct ModuleSource {
  std::string name;
  std::string path;
  std::string_view text;
};

// The modules of stdlib/, embedded in the binary (generated at build time).
const std::vector<ModuleSource>& embeddedStdlib();

inline constexpr uint32_t kUserOrigin = 0;

struct LoadedSet {
  std::vector<ast::File> files;                // user files first, then modules
  std::vector<uint32_t> originOfFile;          // parallel to files
  std::vector<std::string> originNames;        // "" for user code, else the module name
  std::vector<std::vector<uint32_t>> imports;  // per origin: origins it imports
};

// Loads every module imported (directly or not) by `userFiles` from `table`.
// Unknown modules are reported (E0601) at the import; importing a module
// twice, or from several files, loads it once.
LoadedSet loadModules(std::vector<ast::File> userFiles, const std::vector<ModuleSource>& table,
                      diag::SourceManager& sm, diag::DiagnosticEngine& diags);

}  // namespace agentpol::sema
