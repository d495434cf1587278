# cakupan_module(NAME DEPS <targets...> [TEST_DEPS <targets...>])
#
# Builds the library cakupan_<NAME> from every *.cc in the current folder that
# is not a *_test.cc, with the given link dependencies (PUBLIC), and a test
# executable cakupan_<NAME>_tests from every *_test.cc, registered with ctest.
# Sources are globbed so that adding a file needs no CMake edit.
function(cakupan_module name)
  cmake_parse_arguments(M "" "" "DEPS;TEST_DEPS;EXTRA_SOURCES" ${ARGN})
  file(GLOB all_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  set(lib_sources "")
  set(test_sources "")
  foreach(src IN LISTS all_sources)
    if(src MATCHES "_test\\.cc$")
      list(APPEND test_sources ${src})
    else()
      list(APPEND lib_sources ${src})
    endif()
  endforeach()
  list(APPEND lib_sources ${M_EXTRA_SOURCES})
  if(lib_sources)
    add_library(cakupan_${name} STATIC ${lib_sources})
    target_include_directories(cakupan_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(cakupan_${name} PUBLIC ${M_DEPS})
  else()  # headers only (or not yet written)
    add_library(cakupan_${name} INTERFACE)
    target_include_directories(cakupan_${name} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(cakupan_${name} INTERFACE ${M_DEPS})
  endif()
  if(CAKUPAN_BUILD_TESTS AND test_sources)
    add_executable(cakupan_${name}_tests ${test_sources})
    target_link_libraries(cakupan_${name}_tests PRIVATE cakupan_${name} ${M_TEST_DEPS}
                          GTest::gtest GTest::gtest_main)
    target_compile_definitions(cakupan_${name}_tests PRIVATE
      CAKUPAN_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    gtest_discover_tests(cakupan_${name}_tests DISCOVERY_MODE PRE_TEST
                         WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  endif()
endfunction()
