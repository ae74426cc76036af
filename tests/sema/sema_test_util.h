// sema_test_util.h — runs parse + sema on in-memory sources and exposes the
// result in forms tests can compare: diagnostic `CODE@file:line` strings and
// a compact S-expression dump of checked, inlined expression trees.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/source_manager.h"
#include "sema/sema.h"

namespace agentpol::test {

struct Checked {
  diag::SourceManager sm;
  diag::DiagnosticEngine diags;
  std::unique_ptr<sema::CheckedPolicy> policy;

  // Every diagnostic as `E0301@test:3` (file stem and line), sorted by position.
  std::vector<std::string> codes() const;
  // The rendered diagnostics, for failure messages.
  std::string text() const;
  const sema::CheckedRule* rule(const std::string& id) const;
};

using Source = std::pair<std::string, std::string>;  // path, text

std::unique_ptr<Checked> checkFiles(const std::vector<Source>& files);
// `src` as test.agentpol, checked together with schema.agentpol (kSchema).
std::unique_ptr<Checked> checkWithSchema(const std::string& src);
std::unique_ptr<Checked> checkAlone(const std::string& src);

// CHECKs that `r` (the result of checking `src`) reported exactly `codes` and
// gave a policy exactly when it reported none; the source and the rendered
// diagnostics go into the failure message.
void checkCodes(const Checked& r, const std::string& src, const std::vector<std::string>& codes);

// A policy schema most tests share (see sema_test_util.cpp).
extern const char* const kSchema;

// `(&& (<= $amount 50EUR) (== (. $order customer) user))`-style dump.
std::string dump(const ast::Expr* e);

std::string readFile(const std::string& path);

}  // namespace agentpol::test
