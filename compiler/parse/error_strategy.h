// error_strategy.h — how syntax errors are reported and recovered from: one
// plain-language E0005 per broken declaration (`expected `;` after the rule`,
// `unexpected `)`; expected an expression`), then DeclAbort unwinds to
// parser.cpp, which skips to the next declaration. Internal (ANTLR types).
#pragma once

#include <antlr4-runtime.h>

#include "diag/diagnostic.h"
#include "parse/tokens.h"
#include "diag/utf8.h"

namespace agentpol::parse {

// Thrown out of the generated parser when a declaration cannot be recovered.
struct DeclAbort {};

// The byte range of an ANTLR token (code-point indices mapped through `text`).
Tok toTok(const antlr4::Token* t, const DecodedText& text);

class SyntaxErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  SyntaxErrorStrategy(const DecodedText& text, std::string_view src, FileId file, diag::DiagnosticEngine& diags)
      : text_(text), src_(src), file_(file), diags_(diags) {}

  // Called before each declaration: errors are reported again from here on.
  void startDeclaration() { silenced_ = false; }
  bool reportedAny() const { return reportedAny_; }

  void reportError(antlr4::Parser* parser, const antlr4::RecognitionException& e) override;
  void recover(antlr4::Parser* parser, std::exception_ptr e) override;
  antlr4::Token* recoverInline(antlr4::Parser* parser) override;
  void sync(antlr4::Parser* parser) override;

 protected:
  void reportUnwantedToken(antlr4::Parser* parser) override;
  void reportMissingToken(antlr4::Parser* parser) override;

 private:
  // Reports an error at `offending` given what the parser expected there.
  void report(antlr4::Parser* parser, antlr4::Token* offending, const antlr4::misc::IntervalSet& expected,
              antlr4::RuleContext* ctx);
  bool missingSemicolonBeforeDecl(antlr4::Parser* parser);
  Tok previousTok(antlr4::Parser* parser, antlr4::Token* t) const;

  const DecodedText& text_;
  std::string_view src_;
  FileId file_;
  diag::DiagnosticEngine& diags_;
  bool silenced_ = false;     // an error of this declaration was reported
  bool reportedAny_ = false;  // any syntax error in this file
};

}  // namespace agentpol::parse
