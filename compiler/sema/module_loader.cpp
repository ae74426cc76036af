// module_loader.cpp — the import worklist: user files, then each newly
// imported module in the order first imported.
#include "sema/module_loader.h"

#include <algorithm>

#include <llvm/ADT/StringMap.h>

#include "parse/parser.h"

namespace agentpol::sema {
namespace {

std::string dotted(const std::vector<ast::Ident>& path) {
  std::string out;
  for (const ast::Ident& id : path) {
    if (!out.empty()) out += '.';
    out += id.name;
  }
  return out;
}

std::string moduleList(const std::vector<ModuleSource>& table) {
  std::string out;
  for (size_t i = 0; i < table.size(); ++i) {
    if (i > 0) out += i + 1 == table.size() ? " and " : ", ";
    out += "`" + table[i].name + "`";
  }
  return out.empty() ? "no modules" : out;
}

}  // namespace

LoadedSet loadModules(std::vector<ast::File> userFiles, const std::vector<ModuleSource>& table,
                      diag::SourceManager& sm, diag::DiagnosticEngine& diags) {
  LoadedSet set;
  set.originNames.push_back("");
  set.imports.emplace_back();
  for (ast::File& f : userFiles) {
    set.files.push_back(std::move(f));
    set.originOfFile.push_back(kUserOrigin);
  }
  llvm::StringMap<uint32_t> loaded;  // module name -> origin
  for (size_t fi = 0; fi < set.files.size(); ++fi) {
    uint32_t origin = set.originOfFile[fi];
    std::vector<const ast::ImportDecl*> imports;
    for (const ast::DeclPtr& d : set.files[fi].decls)
      if (auto* imp = llvm::dyn_cast<ast::ImportDecl>(d.get())) imports.push_back(imp);
    for (const ast::ImportDecl* imp : imports) {
      std::string name = dotted(imp->path);
      auto it = loaded.find(name);
      uint32_t target;
      if (it != loaded.end()) {
        target = it->second;
      } else {
        const ModuleSource* src = nullptr;
        for (const ModuleSource& m : table)
          if (m.name == name) src = &m;
        if (!src) {
          diags.report(diag::DiagId::UnknownModule, imp->range, name, moduleList(table));
          continue;
        }
        target = static_cast<uint32_t>(set.originNames.size());
        loaded[name] = target;
        set.originNames.push_back(name);
        set.imports.emplace_back();
        FileId id = sm.addFile(src->path, std::string(src->text));
        ast::File mod = parse::parseFile(sm, id, diags);
        mod.isStdlib = true;
        mod.path = src->path;
        set.files.push_back(std::move(mod));
        set.originOfFile.push_back(target);
      }
      auto& list = set.imports[origin];
      if (target != origin && std::find(list.begin(), list.end(), target) == list.end()) list.push_back(target);
    }
  }
  return set;
}

}  // namespace agentpol::sema
