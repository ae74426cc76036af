// compile_policy.h — bench-only: policy source text → loaded Bundle through
// the real compiler (parse, sema, codegen) and the runtime loader.
#pragma once
#include <agentpol/bundle.h>

#include <memory>
#include <string>
#include <vector>

namespace agentpol::bench {

// The .apb bytes of `text`; empty (diagnostics on stderr) when it does not
// compile. `debug`: with the debug table, as `agentpolc build` writes it.
std::vector<uint8_t> compilePolicyBytes(const std::string& name, const std::string& text, bool debug = false);
// compilePolicyBytes + load_bundle; null (message on stderr) on failure.
std::shared_ptr<const Bundle> compilePolicy(const std::string& name, const std::string& text, bool debug = false);
std::string readFile(const std::string& path);

}  // namespace agentpol::bench
