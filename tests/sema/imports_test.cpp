// imports_test.cpp — `import std.x;`: the embedded stdlib, unknown modules,
// importing twice, name visibility (a user declaration hides a module's
// one; module code always sees its own), and the stdlib's own invariants.
#include <catch2/catch.hpp>

#include <set>

#include "parse/parser.h"
#include "sema_test_util.h"

using namespace agentpol;
using namespace agentpol::test;

namespace {

std::unique_ptr<Checked> checkWithTable(const std::vector<Source>& files, const std::vector<sema::ModuleSource>& table) {
  auto c = std::make_unique<Checked>();
  std::vector<ast::File> parsed;
  for (const Source& s : files) parsed.push_back(parse::parseFile(c->sm, c->sm.addFile(s.first, s.second), c->diags));
  c->policy = sema::checkWithModules(std::move(parsed), table, c->sm, c->diags);
  return c;
}

}  // namespace

TEST_CASE("the stdlib is embedded: std.identity and std.time", "[imports]") {
  std::set<std::string> names;
  for (const sema::ModuleSource& m : sema::embeddedStdlib()) names.insert(m.name);
  CHECK(names.count("std.identity") == 1);
  CHECK(names.count("std.time") == 1);
  for (const sema::ModuleSource& m : sema::embeddedStdlib()) {
    std::string onDisk = readFile(std::string(AGENTPOL_SOURCE_DIR) + "/stdlib/" + m.path);
    CHECK(onDisk == std::string(m.text));
  }
}

TEST_CASE("every stdlib module checks clean, declares only defs/records/enums, and no two clash", "[imports]") {
  std::set<std::string> seen;
  for (const sema::ModuleSource& m : sema::embeddedStdlib()) {
    auto c = checkWithSchema("import " + m.name + ";\n");
    INFO(m.name << "\n" << c->text());
    CHECK(c->codes().empty());
    diag::SourceManager sm;
    diag::DiagnosticEngine diags;
    ast::File f = parse::parseFile(sm, sm.addFile(m.path, std::string(m.text)), diags);
    CHECK_FALSE(diags.hasErrors());
    for (const ast::DeclPtr& d : f.decls) {
      using K = ast::Decl::Kind;
      std::string name;
      if (auto* def = llvm::dyn_cast<ast::DefDecl>(d.get())) name = def->name.name;
      else if (auto* r = llvm::dyn_cast<ast::RecordDecl>(d.get())) name = r->name.name;
      else if (auto* e = llvm::dyn_cast<ast::EnumDecl>(d.get())) name = e->name.name;
      else CHECK(d->kind() == K::Import);
      if (!name.empty()) {
        INFO(name);
        CHECK(seen.insert(name).second);
      }
    }
  }
}

TEST_CASE("stdlib defs inline like user defs", "[imports]") {
  auto c = checkWithSchema(
      "import std.identity;\nimport std.time;\n"
      "@id(\"fresh\") forbid agent * to * unless token_fresh(context.token.issued_at, context.token.expires_at, now, 15m);\n"
      "@id(\"win\") permit agent * to * when daily_window(now, 2026-11-30, 9h, 17h);\n");
  INFO(c->text());
  REQUIRE(c->policy);
  CHECK(dump(c->rule("fresh")->unless.get()) ==
        "(&& (&& (<= (. (. context token) issued_at) now) (< now (. (. context token) expires_at))) "
        "(<= (- (. (. context token) expires_at) (. (. context token) issued_at)) 900s))");
  CHECK(dump(c->rule("win")->when.get()) == "(&& (<= (+ @1795996800 32400s) now) (< now (+ @1795996800 61200s)))");
  CHECK(c->policy->modules == std::vector<std::string>{"std.identity", "std.time"});
}

TEST_CASE("module records are usable in the policy and print qualified", "[imports]") {
  auto c = checkAlone(
      "import std.identity;\nentity Agent {}\naction a()\ncontext { cred: Credential }\n"
      "@id(\"r\") permit agent * to a when credential_fresh(context.cred, now, 1h) && "
      "credential_has_scope(context.cred, \"billing\");\n");
  INFO(c->text());
  REQUIRE(c->policy);
  CHECK(c->policy->schema.context().fields[0].type->str() == "std.identity.Credential");
  auto bad = checkAlone("import std.identity;\nentity Agent {}\naction a()\ncontext { n: Int }\n"
                        "permit agent * to a when credential_fresh(context.n, now, 1h);\n");
  CHECK(bad->codes() == std::vector<std::string>{"E0503@test:5"});
  CHECK(bad->diags.all()[0].message == "argument 1 of `credential_fresh` must be `std.identity.Credential`, found `Int`");
}

TEST_CASE("a user declaration hides a module's one; module code keeps its own", "[imports]") {
  // The user's token_fresh and Credential shadow std.identity's; credential_fresh
  // (module code) still calls the module's token_fresh on the module's record.
  auto c = checkAlone(
      "import std.identity;\nentity Agent {}\naction a()\n"
      "record Credential { n: Int }\n"
      "def token_fresh(x: Int): Bool = x > 0;\n"
      "context { mine: Credential, theirs: std_cred }\n");
  // `std_cred` is not a name: module types are reached by their own name only.
  CHECK(c->codes() == std::vector<std::string>{"E0102@test:6"});
  auto ok = checkAlone(
      "import std.identity;\nentity Agent {}\naction a()\n"
      "record Credential { n: Int }\n"
      "def token_fresh(x: Int): Bool = x > 0;\n"
      "context { mine: Credential }\n"
      "@id(\"r\") permit agent * to a when token_fresh(context.mine.n) && token_not_expired(now, now);\n");
  INFO(ok->text());
  REQUIRE(ok->policy);
  CHECK(dump(ok->rule("r")->when.get()) == "(&& (> (. (. context mine) n) 0) (< now now))");
}

TEST_CASE("unknown modules are errors; importing twice is fine", "[imports]") {
  auto c = checkWithSchema("import std.nothing;\nimport std;\n");
  CHECK(c->codes() == std::vector<std::string>{"E0601@test:1", "E0601@test:2"});
  CHECK(c->diags.sorted()[0].message == "unknown module `std.nothing`; the stdlib has `std.identity` and `std.time`");
  auto twice = checkFiles({{"schema.agentpol", kSchema},
                           {"a.agentpol", "import std.time;\nimport std.time;\n"},
                           {"b.agentpol", "import std.time;\n@id(\"r\") permit agent * to * when before(now, 2027-01-01);"}});
  INFO(twice->text());
  REQUIRE(twice->policy);
  CHECK(twice->policy->modules == std::vector<std::string>{"std.time"});
  // Without the import, module names are not visible.
  auto none = checkWithSchema("permit agent * to * when before(now, 2027-01-01);");
  CHECK(none->codes() == std::vector<std::string>{"E0106@test:1"});
}

TEST_CASE("modules may import modules; other declarations in a module are ignored", "[imports]") {
  std::vector<sema::ModuleSource> table = {
      {"t.base", "t/base.agentpol", "def pos(x: Int): Bool = x > 0;\n"},
      {"t.top", "t/top.agentpol",
       "import t.base;\ndef both(a: Int, b: Int): Bool = pos(a) && pos(b);\n"
       "permit agent * to * when false;\naction hidden()\n"},
  };
  auto c = checkWithTable({{"schema.agentpol", kSchema},
                           {"p.agentpol", "import t.top;\n@id(\"r\") permit agent * to * when both(1, context.count);\n"}},
                          table);
  INFO(c->text());
  REQUIRE(c->policy);
  CHECK(dump(c->rule("r")->when.get()) == "(&& (> 1 0) (> (. context count) 0))");
  CHECK(c->policy->rules.size() == 1);  // the module's rule is not part of the set
  CHECK(c->policy->schema.actionIndex.count("hidden") == 0);
  // `pos` came with t.top's import, not the policy's.
  auto hidden = checkWithTable({{"schema.agentpol", kSchema},
                                {"p.agentpol", "import t.top;\npermit agent * to * when pos(1);\n"}},
                               table);
  CHECK(hidden->codes() == std::vector<std::string>{"E0106@p:2"});
}
