// tool_name.cpp — tool_name_problem() (agentpol/tool_name.h): decodes the
// name as UTF-8 and refuses control, whitespace and invisible formatting
// code points.
#include "bundle/utf8.h"

#include <agentpol/tool_name.h>

namespace agentpol {
namespace {

// Unicode White_Space outside the control range.
bool is_space(int32_t c) {
  return c == 0x20 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

// Format characters that draw nothing or reorder text: the soft hyphen,
// the Arabic letter mark, the Mongolian vowel separator, zero-width and
// direction marks, bidirectional embeddings, overrides and isolates,
// invisible operators, the byte order mark, interlinear annotation marks.
bool is_invisible(int32_t c) {
  return c == 0xAD || c == 0x61C || c == 0x180E || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x206F) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB);
}

}  // namespace

std::string tool_name_problem(std::string_view name) {
  return name_problem(name, kMaxToolNameBytes, [](int32_t c) {
    if (is_control_char(c)) return "it contains the control character " + code_point_text(c);
    if (is_space(c)) return "it contains whitespace (" + code_point_text(c) + ")";
    if (is_invisible(c)) return "it contains the invisible character " + code_point_text(c);
    return std::string();
  });
}

}  // namespace agentpol
