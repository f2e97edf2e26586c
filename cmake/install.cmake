# `cmake --install`: headers, the library, hdsConfig.cmake (find_package(hds)) and hds.pc (pkg-config).
include(CMakePackageConfigHelpers)

install(TARGETS hds EXPORT hdsTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/hds DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# The interface targets hds links PRIVATE travel with the static library's export set; they carry nothing.
install(TARGETS hds_warnings hds_sanitizers EXPORT hdsTargets)

set(HDS_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/hds)
install(EXPORT hdsTargets NAMESPACE hds:: DESTINATION ${HDS_CMAKE_DIR})
configure_package_config_file(cmake/hdsConfig.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/hdsConfig.cmake
                              INSTALL_DESTINATION ${HDS_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/hdsConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/hdsConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/hdsConfigVersion.cmake
        DESTINATION ${HDS_CMAKE_DIR})

file(RELATIVE_PATH HDS_PC_PREFIX_FROM_PCDIR ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
configure_file(cmake/hds.pc.in ${CMAKE_CURRENT_BINARY_DIR}/hds.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/hds.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
