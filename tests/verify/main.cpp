// main.cpp — Catch2 entry point of the verify tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
