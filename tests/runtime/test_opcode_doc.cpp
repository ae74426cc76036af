// test_opcode_doc.cpp — docs/bytecode.md's opcode table is opcodes.def: the
// table is rendered here from op_info() (number, name, operands, stack
// effect, types, semantics) and must equal the document's, row for row. On a
// difference the test prints the rendered table to paste into the document.
#include "bundle/opcodes.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

using namespace agentpol;

namespace {

std::string escapeBars(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

std::string renderTable() {
  std::string out = "| # | opcode | operands | pop → push | types | semantics |\n"
                    "|---|--------|----------|------------|-------|-----------|\n";
  for (unsigned i = 0; i < kOpCount; ++i) {
    const OpInfo& op = op_info(static_cast<Op>(i));
    std::string operands = format_name(op.format);
    std::string pop = op.pop < 0 ? "n" : std::to_string(op.pop);
    out += "| " + std::to_string(i) + " | `" + op.name + "` | " + (operands == "-" ? "—" : operands) + " | " + pop +
           " → " + std::to_string(op.push) + " | " + escapeBars(op.types) + " | `" + escapeBars(op.semantics) +
           "` |\n";
  }
  return out;
}

// The table under the "### Opcodes" heading: its lines starting with `|`.
std::string documentTable() {
  std::ifstream in(AGENTPOL_SOURCE_DIR "/docs/bytecode.md");
  std::string line, out;
  bool inSection = false;
  while (std::getline(in, line)) {
    if (line.rfind("### ", 0) == 0) inSection = line == "### Opcodes";
    else if (inSection && line.rfind("|", 0) == 0) out += line + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("docs/bytecode.md's opcode table matches opcodes.def", "[opcodes][docs]") {
  std::string doc = documentTable();
  REQUIRE_FALSE(doc.empty());
  std::string table = renderTable();
  INFO("paste this table under \"### Opcodes\" in docs/bytecode.md:\n" << table);
  CHECK(doc == table);
}

TEST_CASE("stack effects come from the table", "[opcodes]") {
  CHECK(stack_effect(Op::CONST).pop == 0);
  CHECK(stack_effect(Op::CONST).push == 1);
  CHECK(stack_effect(Op::EQ).pop == 2);
  CHECK(stack_effect(Op::MKSET, 7).pop == 7);  // the count operand
  CHECK(stack_effect(Op::MKSET, 7).push == 1);
  CHECK(stack_effect(Op::JFK).pop == 1);  // on the fall-through path
  CHECK(stack_effect(Op::JMP).pop == 0);
  for (unsigned i = 0; i < kOpCount; ++i) {
    const OpInfo& op = op_info(static_cast<Op>(i));
    CHECK(op.push <= 1);
    CHECK(op.pop >= (op.format == OperandFormat::SetOf ? -1 : 0));
  }
}
