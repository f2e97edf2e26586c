# `cmake --install`: headers, the library, hdsConfig.cmake (find_package(hds)) and hds.pc (pkg-config).
include(CMakePackageConfigHelpers)

install(TARGETS hds EXPORT hdsTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/hds DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# hds links its warning and sanitizer flags through $<BUILD_INTERFACE:...>: they are not exported, and a consumer
# of an HDS_SANITIZE=ON build passes -fsanitize=... itself.

set(HDS_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/hds)
install(EXPORT hdsTargets NAMESPACE hds:: DESTINATION ${HDS_CMAKE_DIR})
configure_package_config_file(cmake/hdsConfig.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/hdsConfig.cmake
                              INSTALL_DESTINATION ${HDS_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/hdsConfigVersion.cmake COMPATIBILITY SameMinorVersion)
# Findlibcsv.cmake goes along: hdsConfig.cmake finds libcsv with it, as the build did (libcsv::libcsv).
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/hdsConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/hdsConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/Findlibcsv.cmake
        DESTINATION ${HDS_CMAKE_DIR})

file(RELATIVE_PATH HDS_PC_PREFIX_FROM_PCDIR ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
configure_file(cmake/hds.pc.in ${CMAKE_CURRENT_BINARY_DIR}/hds.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/hds.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The documentation, with the README's picture: share/doc/hds.
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs FILES_MATCHING PATTERN "*.md" PATTERN "*.png")
