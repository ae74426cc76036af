// agentpol/agentpol.hpp — umbrella header of the C++ runtime API: load a
// bundle (bundle.h), build a request (request.h), decide (decide.h) through
// an Engine with swap, kill switch and audit hook (engine.h, audit.h); the
// MCP tool-name and agent-name rules (tool_name.h, agent_name.h); traces
// of a decision for explain and coverage (trace.h).
#pragma once
#include <agentpol/agent_name.h>
#include <agentpol/audit.h>
#include <agentpol/bundle.h>
#include <agentpol/bundle_image.h>
#include <agentpol/civil_time.h>
#include <agentpol/decide.h>
#include <agentpol/engine.h>
#include <agentpol/request.h>
#include <agentpol/tool_name.h>
#include <agentpol/trace.h>
#include <agentpol/types.h>
