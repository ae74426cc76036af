// alloc_counter.h — for the no-allocation tests: alloc_counter.cpp replaces
// the global operator new (every replaceable form) with one that counts; an
// executable that links it can read the count.
#pragma once

namespace agentpol::test {

long allocations();  // operator new calls so far

}  // namespace agentpol::test
