// z3++.h (poison) — found first on compiler/driver's include path, so a driver
// source that reaches Z3 through a verify/ header does not compile. Only
// compiler/verify sees Z3; the driver uses its Z3-free headers
// (verify/check_result.h, verify/status.h, verifier.h, report.h, diff.h, inventory.h).
#error "compiler/driver must not include Z3 headers: include a Z3-free verify/ header instead"
