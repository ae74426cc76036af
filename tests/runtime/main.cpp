// main.cpp — Catch2 main for the runtime test executables.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
