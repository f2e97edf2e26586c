# AddressSanitizer + UndefinedBehaviorSanitizer for hds' own targets (HDS_SANITIZE=ON).
add_library(hds_sanitizers INTERFACE)
if(HDS_SANITIZE)
    target_compile_options(hds_sanitizers INTERFACE
        -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(hds_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
