// synth_policy.h — bench-only: synthetic agentpol policy *source* of N rules
// over a fixed schema (40 actions, 200 agents each allowed 6 actions) with
// typical conditions, and the request values that make its rules evaluate.
#pragma once
#include <string>

namespace agentpol::bench {

constexpr int kSynthActions = 40;
constexpr int kSynthAgents = 200;
constexpr int kSynthMay = 6;  // actions each agent may perform

// The k-th action (k < kSynthMay) agent g may perform.
inline int synthMay(int g, int k) { return (g + 7 * k) % kSynthActions; }

// Policy text with `rules` rules: 5% `agent *` guardrails (forbid/escalate),
// 10% user rules, 85% rules of one named agent for one of its actions.
std::string synthPolicy(int rules);

}  // namespace agentpol::bench
