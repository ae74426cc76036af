// sema_state.h — what the sema passes share while checking one policy set:
// the diagnostics engine, the types, the schema being built, the per-origin
// symbol tables (user code is origin 0, each stdlib module its own origin)
// and the defs. Internal to compiler/sema.
#pragma once

#include <string>
#include <vector>

#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/StringMap.h>
#include <llvm/Support/Casting.h>

#include "ast/ast.h"
#include "diag/diagnostic.h"
#include "diag/source_manager.h"
#include "sema/schema.h"
#include "sema/type.h"

namespace agentpol::sema {

// A global name: a type (enum, record, entity) or a def.
struct Symbol {
  enum class Kind { Enum, Record, Entity, Def };
  Kind kind;
  uint32_t index;  // into Schema::enums/records/entities or SemaState::defs
  SourceRange range;
};

struct DefInfo {
  std::string name;
  const ast::DefDecl* decl = nullptr;
  uint32_t origin = 0;
  std::vector<Field> params;
  const Type* result = nullptr;     // the error type when unresolved
  bool bodyOk = false;              // body checked with no error
  bool recursive = false;           // part of a call cycle: never inlined
  std::vector<uint32_t> callees;    // defs its body calls (def indices)
};

class SemaState {
 public:
  SemaState(diag::SourceManager& s, diag::DiagnosticEngine& d, TypeContext& t, Schema& sc)
      : sm(s), diags(d), types(t), schema(sc) {}

  diag::SourceManager& sm;
  diag::DiagnosticEngine& diags;
  TypeContext& types;
  Schema& schema;

  // Per origin: its own declarations, and the origins it imports.
  std::vector<llvm::StringMap<Symbol>> typeTables, defTables;
  std::vector<std::vector<uint32_t>> imports;
  std::vector<std::string> originNames;
  std::vector<DefInfo> defs;
  // The def each checked call resolved to (calls are resolved per origin).
  llvm::DenseMap<const ast::CallExpr*, uint32_t> callTargets;
  std::string namespaceName;

  // Names visible from code of `origin`: its own declarations first (a user
  // declaration hides a module's one of the same name), then those of the
  // modules it imports, in import order.
  const Symbol* lookupType(uint32_t origin, llvm::StringRef name) const { return lookup(typeTables, origin, name); }
  const Symbol* lookupDef(uint32_t origin, llvm::StringRef name) const { return lookup(defTables, origin, name); }

  // The source text under a range (for messages like "test `user has x`").
  std::string text(SourceRange r) const;

  // The `User` / `Agent` entity type, or the error type after reporting
  // E0107 once per policy set; `what` says what needed it.
  const Type* requireUser(SourceRange where, const char* what);
  const Type* requireAgent(SourceRange where, const char* what);

  // Adds the usual "first declared here" note.
  static void noteFirst(diag::Diagnostic& d, SourceRange first, const char* what = "first declared here");

 private:
  const Symbol* lookup(const std::vector<llvm::StringMap<Symbol>>& tables, uint32_t origin,
                       llvm::StringRef name) const;
  const Type* requireEntity(const std::optional<uint32_t>& idx, const char* name, bool& reported,
                            SourceRange where, const char* what);
  bool userReported_ = false, agentReported_ = false;
};

}  // namespace agentpol::sema
