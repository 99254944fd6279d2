# ctest example_library_consumer: installs the clusterlens build tree into a staging prefix,
# configures and builds this folder against it alone (find_package(clusterlens)), runs
# score_and_draw on the bundled Estonian climate cluster and checks what it prints.
# cmake -DBUILD=<clusterlens build> -DWORK=<scratch dir> -DSOURCE=<this folder>
#       -DEXAMPLE=<examples/cordis_ee_climate> -DCXX=<compiler> [-DLAUNCHER=ccache]
#       [-DBUILD_TYPE=Release] [-DLINK_FLAGS=...] -P run_consumer.cmake
cmake_minimum_required(VERSION 3.25)

function(step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK})
set(prefix ${WORK}/prefix)
step("cmake --install" ${CMAKE_COMMAND} --install ${BUILD} --prefix ${prefix})
foreach(installed include/clusterlens/graphs/network.hpp include/clusterlens/src/score/score.hpp
    include/clusterlens/render/diagram.hpp include/clusterlens/clusterlens/version.hpp)
  if(NOT EXISTS ${prefix}/${installed})
    message(FATAL_ERROR "not installed: ${installed}")
  endif()
endforeach()

# Only the staging prefix: no package registry, so the build tree cannot stand in for it.
step("configuring the consumer" ${CMAKE_COMMAND} -S ${SOURCE} -B ${WORK}/build
  -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
  -DCMAKE_BUILD_TYPE=${BUILD_TYPE} -DCMAKE_CXX_COMPILER=${CXX}
  -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER} "-DCMAKE_EXE_LINKER_FLAGS=${LINK_FLAGS}")
file(STRINGS ${WORK}/build/CMakeCache.txt found REGEX "^clusterlens_DIR:")
if(NOT found MATCHES "${prefix}/")
  message(FATAL_ERROR "clusterlens found outside the staging prefix: ${found}")
endif()
step("building the consumer" ${CMAKE_COMMAND} --build ${WORK}/build)

step("running score_and_draw" ${WORK}/build/score_and_draw ${EXAMPLE}/data
  ${EXAMPLE}/cordis.toml ${WORK}/ee.svg)
message(STATUS "score_and_draw:\n${step_output}")
# The counts are the NetworkX oracle's (tests/data/oracle/cordis_ee_oracle.json: 400 actors,
# 6850 ties) and the example's README (8 Estonian actors; the local group's E-I +0.98, 517
# pipelines against 4 local ties; 999842536 the highest betweenness, 12% of the total).
foreach(expected "400 actors, 6850 ties, 1 component" "by locality: global 392, local 8"
    "E-I of the local group\\): \\+0\\.98" "highest betweenness: 999842536 \\(12\\."
    "400 actors and 6850 ties drawn")
  if(NOT step_output MATCHES "${expected}")
    message(FATAL_ERROR "score_and_draw did not print '${expected}'")
  endif()
endforeach()
file(READ ${WORK}/ee.svg svg LIMIT 4096)
if(NOT svg MATCHES "<svg")
  message(FATAL_ERROR "${WORK}/ee.svg is not an SVG")
endif()
