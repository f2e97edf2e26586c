# Finds libcsv (Debian: libcsv-dev), which ships neither a CMake package nor a pkg-config file, and provides the
# imported target libcsv::libcsv. Used by hds' own build and installed next to hdsConfig.cmake, so that the
# exported targets name libcsv::libcsv and never a path of the machine hds was built on.
find_path(LIBCSV_INCLUDE_DIR csv.h)
find_library(LIBCSV_LIBRARY csv)
mark_as_advanced(LIBCSV_INCLUDE_DIR LIBCSV_LIBRARY)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(libcsv REQUIRED_VARS LIBCSV_LIBRARY LIBCSV_INCLUDE_DIR)

if(libcsv_FOUND AND NOT TARGET libcsv::libcsv)
    add_library(libcsv::libcsv UNKNOWN IMPORTED)
    set_target_properties(libcsv::libcsv PROPERTIES
        IMPORTED_LOCATION "${LIBCSV_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${LIBCSV_INCLUDE_DIR}")
endif()
