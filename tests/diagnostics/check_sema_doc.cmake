# check_sema_doc.cmake — docs/sema.md's table "Diagnostics of this stage"
# lists exactly the diagnostics of compiler/diag/diagnostics.def that sema
# reports (codes E01xx-E06xx), in registry order, each with its registry
# name: `| CODE | Name | when |`. The `when` column is the document's own.
# Inputs: -DDEF=… -DDOC=…
file(READ ${DEF} def)
string(REGEX MATCHALL "DIAG\\(([A-Za-z0-9]+), \"(E0[1-6][0-9][0-9])\"" entries "${def}")
set(want "")
foreach(e ${entries})
  string(REGEX REPLACE "DIAG\\(([A-Za-z0-9]+), \"([A-Z0-9]+)\"" "\\2 \\1" row "${e}")
  list(APPEND want "${row}")
endforeach()
file(STRINGS ${DOC} lines REGEX "^\\| [EW][0-9][0-9][0-9][0-9] \\|")
set(have "")
foreach(l ${lines})
  string(REGEX REPLACE "^\\| ([EW][0-9]+) \\| ([A-Za-z0-9]+) \\|.*" "\\1 \\2" row "${l}")
  list(APPEND have "${row}")
endforeach()
if(NOT want STREQUAL have)
  string(REPLACE ";" "\n" w "${want}")
  string(REPLACE ";" "\n" h "${have}")
  message(FATAL_ERROR "docs/sema.md's diagnostics table differs from diagnostics.def.\n"
                      "diagnostics.def (code name):\n${w}\n\ndocs/sema.md:\n${h}")
endif()
list(LENGTH want n)
message(STATUS "docs/sema.md lists the ${n} sema diagnostics of diagnostics.def")
