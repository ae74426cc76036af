// main.cpp — Catch2's main for the gateway's unit tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
