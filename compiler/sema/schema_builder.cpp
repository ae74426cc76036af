// schema_builder.cpp — declare pass, resolve pass and the record-cycle check
// of buildSchema. Module files may only declare imports, defs, records and
// enums (the shipped stdlib is tested to hold to this); other declarations
// in a module are ignored.
#include "sema/schema_builder.h"

#include <llvm/ADT/STLExtras.h>

#include "sema/declare_once.h"
#include "sema/seen_names.h"
#include "sema/tools.h"

namespace agentpol::sema {
namespace {

using diag::DiagId;

bool isBuiltinTypeName(llvm::StringRef n) {
  return n == "Bool" || n == "Int" || n == "String" || n == "Money" || n == "Duration" || n == "Time" ||
         n == "Set";
}

bool isCurrencyCode(llvm::StringRef c) {
  return c.size() == 3 && llvm::all_of(c, [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

bool allowedInModule(ast::Decl::Kind k) {
  using K = ast::Decl::Kind;
  return k == K::Import || k == K::Def || k == K::Record || k == K::Enum;
}

const char* declWord(ast::Decl::Kind k) {
  using K = ast::Decl::Kind;
  switch (k) {
    case K::Namespace: return "`namespace`";
    case K::Import: return "`import`";
    case K::Enum: return "enums";
    case K::Record: return "records";
    case K::Entity: return "entities";
    case K::Action: return "actions";
    case K::Context: return "`context`";
    case K::Agent: return "agents";
    case K::Def: return "defs";
    case K::Rule: return "rules";
    case K::Assert: return "asserts";
  }
  return "declarations";
}

class Builder {
 public:
  Builder(SemaState& st, const LoadedSet& set) : st_(st), set_(set) {}

  void run() {
    size_t origins = set_.originNames.size();
    st_.typeTables.resize(origins);
    st_.defTables.resize(origins);
    st_.imports = set_.imports;
    st_.originNames = set_.originNames;
    // The context record exists even when not declared (then it is empty).
    st_.schema.contextRecord = 0;
    st_.schema.records.push_back(RecordInfo{"context", "", nullptr, {}, {}});
    st_.schema.records[0].type = st_.types.makeNamed(Type::Kind::Record, "context", 0);
    forEachDecl([&](const ast::Decl& d, uint32_t origin) { declare(d, origin); });
    checkToolNames(st_);
    forEachDecl([&](const ast::Decl& d, uint32_t origin) { resolve(d, origin); });
    checkRecordCycles();
  }

 private:
  template <typename F>
  void forEachDecl(F f) {
    for (size_t i = 0; i < set_.files.size(); ++i) {
      uint32_t origin = set_.originOfFile[i];
      for (const ast::DeclPtr& d : set_.files[i].decls) {
        if (!d) continue;
        if (origin != kUserOrigin && !allowedInModule(d->kind())) continue;
        f(*d, origin);
      }
    }
  }

  // Module types print qualified (`std.identity.Credential`), so that a
  // user type of the same name cannot make a message ambiguous.
  std::string displayName(const std::string& name, uint32_t origin) const {
    return origin == kUserOrigin ? name : st_.originNames[origin] + "." + name;
  }

  // ---- declare pass
  void declare(const ast::Decl& d, uint32_t origin) {
    using K = ast::Decl::Kind;
    if (d.kind() != K::Rule && d.kind() != K::Action)  // actions: readActionAnnotations
      for (const ast::Annotation& a : d.annotations) {
        if (a.key.name == "tool") st_.diags.report(DiagId::MisplacedTool, a.range, declWord(d.kind()));
        else st_.diags.report(DiagId::MisplacedAnnotation, a.range, declWord(d.kind()));
      }
    switch (d.kind()) {
      case K::Namespace: declareNamespace(llvm::cast<ast::NamespaceDecl>(d)); break;
      case K::Enum: declareEnum(llvm::cast<ast::EnumDecl>(d), origin); break;
      case K::Record: {
        auto& r = llvm::cast<ast::RecordDecl>(d);
        declareRecordLike(r.name, Symbol::Kind::Record, origin);
        break;
      }
      case K::Entity: {
        auto& e = llvm::cast<ast::EntityDecl>(d);
        declareRecordLike(e.name, Symbol::Kind::Entity, origin);
        break;
      }
      case K::Action: declareAction(llvm::cast<ast::ActionDecl>(d)); break;
      case K::Context: declareContext(llvm::cast<ast::ContextDecl>(d)); break;
      case K::Def: declareDef(llvm::cast<ast::DefDecl>(d), origin); break;
      default: break;  // imports, agents, rules and asserts: later passes
    }
  }

  void declareNamespace(const ast::NamespaceDecl& ns) {
    std::string name;
    for (const ast::Ident& id : ns.path) name += (name.empty() ? "" : ".") + id.name;
    if (name.empty()) return;
    if (st_.namespaceName.empty()) {
      st_.namespaceName = name;
      namespaceRange_ = ns.range;
    } else if (st_.namespaceName != name) {
      auto& diag = st_.diags.report(DiagId::NamespaceConflict, ns.range, st_.namespaceName, name);
      SemaState::noteFirst(diag, namespaceRange_, "named here");
    }
  }

  // Enters a global name; false (after E0101) when taken.
  bool enter(llvm::StringMap<Symbol>& table, const ast::Ident& name, Symbol sym, const char* word) {
    if (name.name.empty()) return false;
    if (word == std::string("type") && isBuiltinTypeName(name.name)) {
      st_.diags.report(DiagId::DuplicateDecl, name.range, "built-in type", name.name);
      return false;
    }
    auto [it, fresh] = table.try_emplace(name.name, sym);
    if (!fresh) {
      auto& diag = st_.diags.report(DiagId::DuplicateDecl, name.range, word, name.name);
      SemaState::noteFirst(diag, it->second.range);
    }
    return fresh;
  }

  void declareEnum(const ast::EnumDecl& e, uint32_t origin) {
    auto idx = static_cast<uint32_t>(st_.schema.enums.size());
    if (!enter(st_.typeTables[origin], e.name, {Symbol::Kind::Enum, idx, e.name.range}, "type")) return;
    EnumInfo info{e.name.name, st_.originNames[origin], nullptr, {}, e.name.range};
    info.type = st_.types.makeNamed(Type::Kind::Enum, displayName(e.name.name, origin), idx);
    SeenNames seen(st_);
    for (const ast::Ident& v : e.values)
      if (seen.add(v, "enum value")) info.values.push_back(v.name);
    st_.schema.enums.push_back(std::move(info));
  }

  void declareRecordLike(const ast::Ident& name, Symbol::Kind kind, uint32_t origin) {
    bool entity = kind == Symbol::Kind::Entity;
    auto& list = entity ? st_.schema.entities : st_.schema.records;
    auto idx = static_cast<uint32_t>(list.size());
    if (!enter(st_.typeTables[origin], name, {kind, idx, name.range}, "type")) return;
    RecordInfo info{name.name, st_.originNames[origin], nullptr, {}, name.range};
    info.type = st_.types.makeNamed(entity ? Type::Kind::Entity : Type::Kind::Record,
                                    displayName(name.name, origin), idx);
    list.push_back(std::move(info));
    if (entity && origin == kUserOrigin) {
      if (name.name == "User") st_.schema.userEntity = idx;
      if (name.name == "Agent") st_.schema.agentEntity = idx;
    }
  }

  void declareAction(const ast::ActionDecl& a) {
    if (!declareOnce(st_, st_.schema.actionIndex, st_.schema.actions, a.name, "action")) return;
    st_.schema.actions.push_back(ActionInfo{a.name.name, {}, {}, a.name.range, {}, {}});
    readActionAnnotations(st_, a, st_.schema.actions.back());
    actionDecls_.push_back(&a);
  }

  void declareContext(const ast::ContextDecl& c) {
    if (st_.schema.hasContextDecl) {
      auto& diag = st_.diags.report(DiagId::DuplicateContext, c.range);
      SemaState::noteFirst(diag, st_.schema.context().range);
      return;
    }
    st_.schema.hasContextDecl = true;
    st_.schema.records[0].range = c.range;
    contextDecl_ = &c;
  }

  void declareDef(const ast::DefDecl& d, uint32_t origin) {
    auto idx = static_cast<uint32_t>(st_.defs.size());
    if (!enter(st_.defTables[origin], d.name, {Symbol::Kind::Def, idx, d.name.range}, "def")) return;
    DefInfo info;
    info.name = d.name.name;
    info.decl = &d;
    info.origin = origin;
    info.result = st_.types.error();
    st_.defs.push_back(std::move(info));
  }

  // ---- resolve pass
  void resolve(const ast::Decl& d, uint32_t origin) {
    if (auto* r = llvm::dyn_cast<ast::RecordDecl>(&d)) return resolveFields(r->name, r->fields, origin, false);
    if (auto* e = llvm::dyn_cast<ast::EntityDecl>(&d)) return resolveFields(e->name, e->fields, origin, true);
  }

  // Record and entity fields are resolved by declaration identity (a
  // duplicate declaration was not entered and keeps no fields).
  void resolveFields(const ast::Ident& name, const std::vector<ast::FieldDecl>& fields, uint32_t origin,
                     bool entity) {
    auto it = st_.typeTables[origin].find(name.name);
    if (it == st_.typeTables[origin].end() || it->second.range.begin != name.range.begin ||
        it->second.range.file != name.range.file)
      return;
    RecordInfo& info = entity ? st_.schema.entities[it->second.index] : st_.schema.records[it->second.index];
    info.fields = resolveFieldList(fields, origin, entity ? "attribute" : "field", entity);
  }

  std::vector<Field> resolveFieldList(const std::vector<ast::FieldDecl>& fields, uint32_t origin,
                                      const char* word, bool entity) {
    std::vector<Field> out;
    SeenNames seen(st_);
    for (const ast::FieldDecl& f : fields) {
      if (entity && f.name.name == "id") {
        st_.diags.report(DiagId::ReservedAttribute, f.name.range);
        continue;
      }
      if (!seen.add(f.name, word)) continue;
      out.push_back(Field{f.name.name, resolveType(st_, f.type, origin), f.optional, f.range});
    }
    return out;
  }

 public:
  // Called after the declare/resolve passes: actions, context, def signatures.
  void resolveSignatures() {
    if (contextDecl_)
      st_.schema.records[0].fields = resolveFieldList(contextDecl_->fields, kUserOrigin, "field", false);
    for (size_t i = 0; i < actionDecls_.size(); ++i) resolveAction(*actionDecls_[i], st_.schema.actions[i]);
    for (DefInfo& def : st_.defs) resolveDef(def);
  }

 private:
  void resolveAction(const ast::ActionDecl& a, ActionInfo& info) {
    SeenNames seen(st_);
    for (const ast::ParamDecl& p : a.params) {
      if (!seen.add(p.name, "parameter or argument")) continue;
      if (p.optional.valid())
        st_.diags.report(DiagId::OptionalParam, SourceRange::cover(p.name.range, p.optional), "action", p.name.name,
                         "parameters are the entities the action acts on, and every request names them");
      const Type* t = resolveType(st_, p.type, kUserOrigin);
      if (!t->isError() && t->kind() != Type::Kind::Entity) {
        st_.diags.report(DiagId::ParamNotEntity, p.type.range, p.name.name, t->str());
        t = st_.types.error();
      }
      info.params.push_back(Field{p.name.name, t, false, p.range});
    }
    for (const ast::FieldDecl& f : a.args) {
      if (!seen.add(f.name, "parameter or argument")) continue;
      const Type* t = resolveType(st_, f.type, kUserOrigin);
      if (t->kind() == Type::Kind::Entity) {
        st_.diags.report(DiagId::ArgIsEntity, f.type.range, f.name.name, t->str());
        t = st_.types.error();
      }
      info.args.push_back(Field{f.name.name, t, f.optional, f.range});
    }
  }

  void resolveDef(DefInfo& def) {
    SeenNames seen(st_);
    for (const ast::ParamDecl& p : def.decl->params) {
      seen.add(p.name, "parameter");
      if (p.optional.valid())
        st_.diags.report(DiagId::OptionalParam, SourceRange::cover(p.name.range, p.optional), "def", p.name.name,
                         "every call gives each parameter");
      // Duplicates still take a slot so that call arity matches what is written.
      def.params.push_back(Field{p.name.name, resolveType(st_, p.type, def.origin), false, p.range});
    }
    def.result = resolveType(st_, def.decl->resultType, def.origin);
  }

  // ---- records may not contain themselves by value (entities are references)
  void checkRecordCycles() {
    std::vector<int> state(st_.schema.records.size(), 0);  // 0 new, 1 on path, 2 done
    std::vector<std::string> path;
    for (uint32_t i = 0; i < st_.schema.records.size(); ++i) visitRecord(i, state, path);
  }

  void visitRecord(uint32_t i, std::vector<int>& state, std::vector<std::string>& path) {
    if (state[i] == 2) return;
    RecordInfo& rec = st_.schema.records[i];
    state[i] = 1;
    path.push_back(rec.name);
    for (Field& f : rec.fields) {
      if (f.type->kind() != Type::Kind::Record) continue;
      uint32_t j = f.type->index();
      if (state[j] == 1) {
        st_.diags.report(DiagId::RecordCycle, f.range, st_.schema.records[j].name, cycleText(path, j));
        f.type = st_.types.error();
        continue;
      }
      visitRecord(j, state, path);
    }
    path.pop_back();
    state[i] = 2;
  }

  std::string cycleText(const std::vector<std::string>& path, uint32_t j) {
    const std::string& start = st_.schema.records[j].name;
    std::string out;
    bool on = false;
    for (const std::string& p : path) {
      if (p == start) on = true;
      if (on) out += "`" + p + "` -> ";
    }
    return out + "`" + start + "`";
  }

  SemaState& st_;
  const LoadedSet& set_;
  SourceRange namespaceRange_;
  const ast::ContextDecl* contextDecl_ = nullptr;
  std::vector<const ast::ActionDecl*> actionDecls_;
};

}  // namespace

const Type* resolveType(SemaState& st, const ast::TypeExpr& t, uint32_t origin) {
  const std::string& n = t.name.name;
  auto noArg = [&](const Type* ty) {
    if (t.arg) {
      st.diags.report(DiagId::UnexpectedTypeArg, t.arg->range, n);
      return st.types.error();
    }
    return ty;
  };
  if (n.empty()) return st.types.error();  // a syntax error was reported
  if (n == "Bool") return noArg(st.types.boolean());
  if (n == "Int") return noArg(st.types.integer());
  if (n == "String") return noArg(st.types.string());
  if (n == "Duration") return noArg(st.types.duration());
  if (n == "Time") return noArg(st.types.time());
  if (n == "Money" || n == "Set") {
    if (!t.arg) {
      st.diags.report(DiagId::MissingTypeArg, t.range, n, n == "Money" ? "Money<EUR>" : "Set<String>");
      return st.types.error();
    }
    if (n == "Money") {
      const ast::TypeExpr& cur = *t.arg;
      if (cur.arg || !isCurrencyCode(cur.name.name)) {
        st.diags.report(DiagId::BadCurrency, cur.range, st.text(cur.range));
        return st.types.error();
      }
      return st.types.money(cur.name.name);
    }
    const Type* elem = resolveType(st, *t.arg, origin);
    if (elem->isError()) return elem;
    if (!isValidSetElement(elem)) {
      st.diags.report(DiagId::BadSetElement, t.arg->range, elem->str());
      return st.types.error();
    }
    return st.types.set(elem);
  }
  const Symbol* sym = st.lookupType(origin, n);
  if (!sym) {
    st.diags.report(DiagId::UnknownType, t.name.range, n);
    return st.types.error();
  }
  const Type* ty = sym->kind == Symbol::Kind::Enum     ? st.schema.enums[sym->index].type
                   : sym->kind == Symbol::Kind::Entity ? st.schema.entities[sym->index].type
                                                       : st.schema.records[sym->index].type;
  return noArg(ty);
}

void buildSchema(SemaState& st, const LoadedSet& set) {
  Builder b(st, set);
  b.run();
  b.resolveSignatures();
}

}  // namespace agentpol::sema
