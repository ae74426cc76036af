// tools.cpp — `@tool` on actions: the annotation's checks and the one-action-
// per-tool rule that Bundle::action_for_tool (and so the MCP gateway) relies on.
#include "sema/tools.h"

#include <agentpol/tool_name.h>

namespace agentpol::sema {

using diag::DiagId;

void readActionAnnotations(SemaState& st, const ast::ActionDecl& a, ActionInfo& info) {
  const ast::Annotation* first = nullptr;
  for (const ast::Annotation& ann : a.annotations) {
    if (ann.key.name != "tool") {
      st.diags.report(DiagId::MisplacedAnnotation, ann.range, "actions, which take only `@tool(\"…\")`");
      continue;
    }
    if (first) {
      auto& d = st.diags.report(DiagId::DuplicateAnnotation, ann.range, "tool");
      SemaState::noteFirst(d, first->range, "first given here");
      continue;
    }
    first = &ann;
    std::string why = tool_name_problem(ann.value);
    if (!why.empty()) {
      st.diags.report(DiagId::InvalidToolName, ann.range, why);
      continue;
    }
    info.tool = ann.value;
    info.toolRange = ann.range;
  }
}

void checkToolNames(SemaState& st) {
  llvm::StringMap<uint32_t> byTool;
  const std::vector<ActionInfo>& actions = st.schema.actions;
  for (uint32_t i = 0; i < actions.size(); ++i) {
    auto [it, fresh] = byTool.try_emplace(actions[i].toolName(), i);
    if (fresh) continue;
    const ActionInfo& first = actions[it->second];
    const ActionInfo& again = actions[i];
    auto& d = st.diags.report(DiagId::DuplicateTool, again.toolRange.valid() ? again.toolRange : again.range,
                              again.toolName(), first.name);
    std::string note = "action `" + first.name + "` stands for it " + (first.tool.empty() ? "by its name" : "here");
    SemaState::noteFirst(d, first.toolRange.valid() ? first.toolRange : first.range, note.c_str());
  }
}

}  // namespace agentpol::sema
