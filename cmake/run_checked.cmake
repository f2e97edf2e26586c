# run(COMMAND...): runs a command from a `cmake -P` script, stops the script with its output when it fails, and
# leaves its standard output in `output`. Shared by the scripts the build and the tests run.
function(run)
    execute_process(COMMAND ${ARGV} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT code EQUAL 0)
        message(FATAL_ERROR "${ARGV} failed (${code}):\n${out}\n${err}")
    endif()
    set(output "${out}" PARENT_SCOPE)
endfunction()
