# run_golden.cmake — runs one diagnostics golden case: `agentpolc check CASE`
# (CASE is a fail_*.agentpol file or a fail_* folder of files) from this
# folder, and compares the exit status and stderr with CASE's .expected file.
# With -DUPDATE=1 it rewrites the .expected file instead.
# Inputs: -DAGENTPOLC=… -DCASE=… -DDIR=… [-DFORMAT=json] [-DUPDATE=1]
set(args check ${CASE})
set(expected_file ${DIR}/${CASE}.expected)
if(FORMAT STREQUAL "json")
  list(APPEND args --format json)
  set(expected_file ${DIR}/${CASE}.json.expected)
endif()
execute_process(
  COMMAND ${AGENTPOLC} ${args}
  WORKING_DIRECTORY ${DIR}
  RESULT_VARIABLE status
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)
set(actual "# exit: ${status}\n${out}${err}")
if(UPDATE)
  file(WRITE ${expected_file} "${actual}")
  message(STATUS "updated ${expected_file}")
  return()
endif()
if(NOT EXISTS ${expected_file})
  message(FATAL_ERROR "missing ${expected_file}; run with AGENTPOL_UPDATE_GOLDEN=1 (see README.md here).\nactual output:\n${actual}")
endif()
file(READ ${expected_file} expected)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "output of `agentpolc ${args}` differs from ${expected_file}\n--- expected\n${expected}\n--- actual\n${actual}")
endif()
