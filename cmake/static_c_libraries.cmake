# SQLite and the C libraries, linked from the static archives their Debian -dev packages ship, when they are
# installed. An `hds` process then maps 7 shared libraries instead of 15 and calls SQLite directly: the
# dynamic loader's work and the pages it touches are part of every command's time. `hds --version` took
# 8.2-9.1 ms against 6.8-7.0 ms, a day's ingest 54-58 ms against 49-52 ms (docs/performance.md, fourteenth
# round). The C++ libraries (spdlog, fmt) stay shared, with libstdc++: one copy of it for all of them.
# Only this build's targets change; hdsConfig.cmake still finds each dependency as a consumer has it.
option(HDS_STATIC_C_LIBRARIES "Link SQLite and the C libraries from their static archives, where installed" ON)

# Points imported target `target` at lib`name`.a, with `dependencies` linked after it, if the archive exists.
function(hds_link_static_archive target name)
    find_library(HDS_STATIC_${name} NAMES lib${name}.a)
    mark_as_advanced(HDS_STATIC_${name})
    if(NOT HDS_STATIC_${name})
        message(STATUS "hds: lib${name}.a not found, ${target} stays shared")
        return()
    endif()
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "INTERFACE_LIBRARY") # pkg-config's targets: the libraries are their link interface
        set_target_properties(${target} PROPERTIES INTERFACE_LINK_LIBRARIES "${HDS_STATIC_${name}};${ARGN}")
    else()
        set_target_properties(${target} PROPERTIES IMPORTED_LOCATION "${HDS_STATIC_${name}}" INTERFACE_LINK_LIBRARIES "${ARGN}")
        # A location per configuration, where a find module sets one (FindZLIB does), wins over IMPORTED_LOCATION.
        get_target_property(configurations ${target} IMPORTED_CONFIGURATIONS)
        foreach(configuration IN LISTS configurations)
            set_target_properties(${target} PROPERTIES IMPORTED_LOCATION_${configuration} "${HDS_STATIC_${name}}")
        endforeach()
    endif()
endfunction()

if(HDS_STATIC_C_LIBRARIES)
    hds_link_static_archive(SQLite::SQLite3 sqlite3 m ${CMAKE_DL_LIBS} Threads::Threads)
    hds_link_static_archive(PkgConfig::nettle nettle)
    hds_link_static_archive(PkgConfig::gumbo gumbo)
    hds_link_static_archive(PkgConfig::utf8proc utf8proc)
    find_package(ZLIB REQUIRED) # minizip's own dependency
    hds_link_static_archive(PkgConfig::minizip minizip ZLIB::ZLIB)
    hds_link_static_archive(ZLIB::ZLIB z)
    hds_link_static_archive(PkgConfig::expat expat)
    hds_link_static_archive(libcsv::libcsv csv)
endif()
