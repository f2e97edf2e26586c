# Builds the man page hds.1 with help2man from the built hds itself (run at build time by apps/hds, `cmake -P`):
# the synopsis and options from `hds --help` and `hds --version`, then a COMMANDS section with each command's
# `hds help COMMAND`, so that the page and the program's help never say different things.
#   -DHDS=path/to/hds -DHELP2MAN=path/to/help2man -DOUT=path/to/hds.1
include(${CMAKE_CURRENT_LIST_DIR}/run_checked.cmake)

# The commands, as the completion reads them from the program (options start with a dash).
run(${HDS} __complete)
string(REPLACE "\n" ";" words "${output}")
set(section "[COMMANDS]\n")
foreach(command IN LISTS words)
    if(command STREQUAL "" OR command MATCHES "^-")
        continue()
    endif()
    run(${HDS} help ${command})
    # roff: a backslash is \e; a line starting with . or ' would be a request, \& keeps it text.
    string(REPLACE "\\" "\\e" text "${output}")
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
    string(APPEND section ".SS \"hds ${command}\"\n.nf\n${text}.fi\n")
endforeach()
string(APPEND section "[ENVIRONMENT]\n.TP\n.B NO_COLOR\nWhen set and not empty, no colour in what hds writes on standard error.\n")
string(APPEND section "[FILES]\nThe documentation, with examples: share/doc/hds (docs/cli.md for the command line).\n")
get_filename_component(out_dir ${OUT} DIRECTORY)
file(WRITE ${out_dir}/hds.h2m "${section}")
run(${HELP2MAN} --no-info --no-discard-stderr --section 1
    --name "the French registry of certified health-data hosts (HDS) in SQLite"
    --include ${out_dir}/hds.h2m --output ${OUT} ${HDS})
