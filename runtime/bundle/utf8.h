// utf8.h — strict UTF-8 decoding for the runtime (no dependency on the
// compiler's diag/utf8.h): one code point at a time, refusing overlong
// forms, surrogates, values above U+10FFFF and cut-off sequences. Used by
// the bundle parser (every string) and the tool-name and agent-name rules.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace agentpol {

// The code point starting at s[*i] (advancing *i past it), or -1 when the
// bytes there are not valid UTF-8 (*i unchanged).
int32_t utf8_next(const uint8_t* s, size_t n, size_t* i);

// Every byte of s[0, n) is part of a valid UTF-8 sequence.
bool valid_utf8(const uint8_t* s, size_t n);

// A control character: U+0000-U+001F or U+007F-U+009F.
inline bool is_control_char(int32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

// `U+0009`: a code point as messages name it.
std::string code_point_text(int32_t c);

// The checks names share (tool names, agent names): why `name` is refused —
// empty, longer than `max_bytes`, not valid UTF-8, or a code point for which
// `refuse` gives a reason — or "" when it is accepted.
std::string name_problem(std::string_view name, size_t max_bytes, std::string (*refuse)(int32_t));

}  // namespace agentpol
