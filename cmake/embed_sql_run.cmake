# Script mode: writes sql_scripts.hpp/.cpp from the files listed in sql/sql_filelist.cmake.
include(${SOURCE_DIR}/sql/sql_filelist.cmake)

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
        file(READ ${SOURCE_DIR}/${f} hex HEX)
        string(LENGTH "${hex}" hexlen)
        math(EXPR len "${hexlen} / 2")
        string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
        get_filename_component(name ${f} NAME)
        string(APPEND defs "static const unsigned char ${kind}_${i}[] = {${bytes}0x00};\n")
        string(APPEND table "    script{\"${name}\", std::string_view(reinterpret_cast<const char*>(${kind}_${i}), ${len})},\n")
        math(EXPR i "${i} + 1")
    endforeach()
    list(LENGTH files n_${kind})
    set(table_${kind} "${table}")
endforeach()

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
} // namespace hds::sql
")
foreach(ext hpp cpp)
    file(COPY_FILE ${OUT_DIR}/sql_scripts.${ext}.tmp ${OUT_DIR}/sql_scripts.${ext} ONLY_IF_DIFFERENT)
endforeach()
