# Warnings on an INTERFACE target that hds' own targets link PRIVATE, so consumers never inherit them.
add_library(hds_warnings INTERFACE)
target_compile_options(hds_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wdouble-promotion
    -Wimplicit-fallthrough -Wformat=2
    $<$<BOOL:${HDS_WARNINGS_AS_ERRORS}>:-Werror>)
