// main.cpp — Catch2 entry point of the verify_bytecode tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
