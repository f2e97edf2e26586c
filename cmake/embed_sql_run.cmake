# Script mode: writes sql_scripts.hpp/.cpp from the files listed in sql/sql_filelist.cmake.
include(${SOURCE_DIR}/sql/sql_filelist.cmake)

# Appends to `defs` the bytes of file `f` as array `array`, and sets `len` to its length in the caller.
function(embed_file f array)
    file(READ ${SOURCE_DIR}/${f} hex HEX)
    string(LENGTH "${hex}" hexlen)
    math(EXPR n "${hexlen} / 2")
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
    set(defs "${defs}static const unsigned char ${array}[] = {${bytes}0x00};\n" PARENT_SCOPE)
    set(len ${n} PARENT_SCOPE)
endfunction()

set(defs "")
foreach(kind migrations views)
    if(kind STREQUAL "migrations")
        set(files ${HDS_SQL_MIGRATIONS})
    else()
        set(files ${HDS_SQL_VIEWS})
    endif()
    set(i 0)
    set(table "")
    foreach(f IN LISTS files)
        embed_file(${f} ${kind}_${i})
        get_filename_component(name ${f} NAME)
        string(APPEND table "    script{\"${name}\", std::string_view(reinterpret_cast<const char*>(${kind}_${i}), ${len})},\n")
        math(EXPR i "${i} + 1")
    endforeach()
    list(LENGTH files n_${kind})
    set(table_${kind} "${table}")
endforeach()

# The findings sets: each file with its set, the name of the directory that holds it.
set(i 0)
set(table_findings "")
foreach(f IN LISTS HDS_SQL_FINDING_SETS)
    embed_file(${f} findings_${i})
    get_filename_component(name ${f} NAME)
    get_filename_component(dir ${f} DIRECTORY)
    get_filename_component(set_name ${dir} NAME)
    string(APPEND table_findings "    finding_file{\"${set_name}\", \"${name}\", std::string_view(reinterpret_cast<const char*>(findings_${i}), ${len})},\n")
    math(EXPR i "${i} + 1")
endforeach()
list(LENGTH HDS_SQL_FINDING_SETS n_findings)

file(WRITE ${OUT_DIR}/sql_scripts.hpp.tmp
"// Generated from sql/sql_filelist.cmake by cmake/embed_sql_run.cmake. Do not edit.
#pragma once
#include <array>
#include <string_view>

namespace hds::sql {
struct script {
    std::string_view name;
    std::string_view text;
};
extern const std::array<script, ${n_migrations}> migrations;
extern const std::array<script, ${n_views}> views;
struct finding_file {
    std::string_view set;
    std::string_view name;
    std::string_view text;
};
extern const std::array<finding_file, ${n_findings}> finding_files;
} // namespace hds::sql
")
file(WRITE ${OUT_DIR}/sql_scripts.cpp.tmp
"// Generated from sql/sql_filelist.cmake by cmake/embed_sql_run.cmake. Do not edit.
#include \"sql_scripts.hpp\"

namespace hds::sql {
namespace {
${defs}} // namespace
const std::array<script, ${n_migrations}> migrations = {
${table_migrations}};
const std::array<script, ${n_views}> views = {
${table_views}};
const std::array<finding_file, ${n_findings}> finding_files = {
${table_findings}};
} // namespace hds::sql
")
foreach(ext hpp cpp)
    file(COPY_FILE ${OUT_DIR}/sql_scripts.${ext}.tmp ${OUT_DIR}/sql_scripts.${ext} ONLY_IF_DIFFERENT)
endforeach()
