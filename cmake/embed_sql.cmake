# Embeds the scripts listed in sql/sql_filelist.cmake into generated/sql_scripts.{hpp,cpp}, on a private
# include path: the SQL is part of the library, never installed as files.
function(hds_embed_sql out_dir)
    set(inputs)
    foreach(f IN LISTS HDS_SQL_MIGRATIONS HDS_SQL_VIEWS HDS_SQL_FINDING_SETS)
        list(APPEND inputs ${PROJECT_SOURCE_DIR}/${f})
    endforeach()
    add_custom_command(
        OUTPUT ${out_dir}/sql_scripts.cpp ${out_dir}/sql_scripts.hpp
        COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DOUT_DIR=${out_dir}
                -P ${PROJECT_SOURCE_DIR}/cmake/embed_sql_run.cmake
        DEPENDS ${inputs} ${PROJECT_SOURCE_DIR}/sql/sql_filelist.cmake ${PROJECT_SOURCE_DIR}/cmake/embed_sql_run.cmake
        COMMENT "Embedding SQL scripts")
endfunction()
