// mini.h — test-only: a small schema with every value kind (the "mini"
// policy), a default request for it, and eval() which runs one condition
// block through the public decide() path and reports True/False/Error.
#pragma once
#include "image_builder.h"

#include <agentpol/decide.h>

#include <functional>
#include <string>

namespace agentpol::test {

// Context slots, entity types and attributes of the mini schema.
enum MiniCtx : uint32_t { cN, cS, cM, cD, cT, cC, cSS, cIS, cB, cOpt, cES };
enum MiniType : uint32_t { tUser, tAgent, tRes };
enum MiniUserAttr : uint32_t { uName, uTags, uLevel };
enum MiniResAttr : uint32_t { rOwner, rSize, rLabels };
constexpr uint32_t kColor = 0;  // enum Color { red, green, blue }

ImageBuilder mini_schema();
// now 1000, agent a1, user u1 {name Ann, tags [x,y]}, action act(res r1
// {owner u1, size 10, labels [l1]}) {i 5, s "hello"}, context n 7, s "abc",
// m 12.34 EUR, d 60s, t 5000, c green, ss [a,b], is [1,2,3], b true, es [u1].
void mini_request(Request& req);

using Emit = std::function<void(ImageBuilder&, CodeWriter&)>;
enum class Tri { False, True, Error };
const char* tri_name(Tri t);
// Evaluates the Bool left by `emit` (RET appended) as a rule of action act.
Tri eval(const Emit& emit, const std::function<void(Request&)>& tweak = {});
// Load error of a bundle whose only rule runs `emit` (no RET appended); "" if it loads.
std::string load_error(const Emit& emit);

}  // namespace agentpol::test
