// syntax_messages.cpp — phrasing of syntax errors. Expected-token sets are
// summarised ("a declaration", "an expression", "an operator") and, when one
// thing is missing, said with its place: "expected `;` after the rule".
#include "parse/syntax_messages.h"

#include <algorithm>
#include <initializer_list>

#include <fmt/format.h>

#include "AgentPolParser.h"

namespace agentpol::parse {
namespace {

using P = agentpol_grammar::AgentPolParser;

const std::initializer_list<size_t> kDeclStarts = {P::AT, P::NAMESPACE, P::IMPORT, P::ENUM, P::RECORD,
                                                   P::ENTITY, P::ACTION, P::CONTEXT, P::AGENT, P::DEF,
                                                   P::PERMIT, P::FORBID, P::ESCALATE, P::ASSERT};
const std::initializer_list<size_t> kExprStarts = {P::TRUE, P::FALSE, P::INT, P::DECIMAL, P::DURATION, P::TIME,
                                                   P::STRING, P::LBRACK, P::HAS, P::NOW, P::AGENT, P::USER,
                                                   P::CONTEXT, P::ID, P::LPAREN, P::MINUS, P::NOT, P::IF};
const std::initializer_list<size_t> kOperators = {P::DOT, P::STAR, P::PLUS, P::MINUS, P::EQ, P::NE,
                                                  P::LT, P::LE, P::GT, P::GE, P::IN, P::LIKE,
                                                  P::HAS, P::AND, P::OR, P::IMPLIES};

struct Phrase {
  size_t rule;
  size_t token;
  const char* where;
};

// Where a single missing token belongs, by the rule that wanted it.
constexpr Phrase kPhrases[] = {
    {P::RuleRuleDecl, P::SEMI, "after the rule"},
    {P::RuleRuleDecl, P::TO, "after the rule's subject"},
    {P::RuleDefDecl, P::SEMI, "after the definition"},
    {P::RuleDefDecl, P::ASSIGN, "before the body of the definition"},
    {P::RuleDefDecl, P::COLON, "and a result type after the parameters"},
    {P::RuleAssertDecl, P::SEMI, "after the assert"},
    {P::RuleNamespaceDecl, P::SEMI, "after the namespace name"},
    {P::RuleImportDecl, P::SEMI, "after the imported module"},
    {P::RuleAnnotation, P::RPAREN, "after the annotation's value"},
    {P::RuleAnnotation, P::LPAREN, "after the annotation's name"},
    {P::RuleField, P::COLON, "after the field name"},
    {P::RuleParam, P::COLON, "after the parameter name"},
    {P::RuleAgentProp, P::COLON, "after the property name"},
};

const char* phraseFor(const SyntaxSituation& s, size_t token) {
  for (size_t rule : {s.rule, s.declRule})
    for (const Phrase& p : kPhrases)
      if (p.rule == rule && p.token == token) return p.where;
  return nullptr;
}

// Moves the members of `group` out of `set`; true when at least `min` were there.
bool takeGroup(std::vector<size_t>& set, std::initializer_list<size_t> group, size_t min) {
  size_t n = std::count_if(set.begin(), set.end(), [&](size_t t) {
    return std::find(group.begin(), group.end(), t) != group.end();
  });
  if (n < min) return false;
  set.erase(std::remove_if(set.begin(), set.end(),
                           [&](size_t t) { return std::find(group.begin(), group.end(), t) != group.end(); }),
            set.end());
  return true;
}

std::vector<std::string> summarise(std::vector<size_t> set) {
  std::vector<std::string> items;
  if (takeGroup(set, kDeclStarts, 3)) items.push_back("a declaration");
  if (takeGroup(set, kExprStarts, 4)) items.push_back("an expression");
  if (takeGroup(set, kOperators, 3)) items.push_back("an operator");
  for (size_t t : set) items.push_back(tokenTypeName(t));
  return items;
}

std::string joinOr(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

// Rules listing names in braces or brackets: after a list, ANTLR expects only
// the closer, but a keyword found there was most likely meant as a name.
bool namesDeclared(size_t rule) {
  switch (rule) {
    case P::RuleEnumDecl: case P::RuleRecordDecl: case P::RuleEntityDecl: case P::RuleContextDecl:
    case P::RuleActionDecl: case P::RuleAgentDecl: case P::RuleAgentSet: case P::RuleActionSet:
      return true;
    default:
      return false;
  }
}

bool onLaterLine(std::string_view src, const Tok& previous, const Tok& found) {
  size_t from = std::min<size_t>(previous.end, src.size());
  size_t to = std::min<size_t>(found.begin, src.size());
  return from < to && src.substr(from, to - from).find('\n') != std::string_view::npos;
}

}  // namespace

SyntaxMessage describeSyntaxError(const SyntaxSituation& s, std::string_view src) {
  std::vector<std::string> items = summarise(s.expected);
  bool atEof = s.found.type == kEofType;
  bool detached = atEof || onLaterLine(src, s.previous, s.found);
  std::string found = describeToken(src, s.found);
  bool wantedName = std::find(s.expected.begin(), s.expected.end(), size_t(P::ID)) != s.expected.end() ||
                    namesDeclared(s.rule);
  std::string note = wantedName && isKeyword(s.found.type)
                         ? fmt::format(" (`{}` is a reserved word)", tokText(src, s.found))
                         : std::string();

  const char* where = s.expected.size() == 1 ? phraseFor(s, s.expected.front()) : nullptr;
  if (where) {
    std::string text = fmt::format("expected {} {}", items.front(), where);
    if (!detached) text += fmt::format(", found {}{}", found, note);
    if (detached) return {text, s.previous.end, s.previous.end};
    return {text, s.found.begin, s.found.end};
  }
  std::string text = items.empty() ? fmt::format("unexpected {}", found)
                                   : fmt::format("unexpected {}; expected {}{}", found, joinOr(items), note);
  if (atEof) return {text, s.previous.end, s.previous.end};
  return {text, s.found.begin, s.found.end};
}

}  // namespace agentpol::parse
