@echo off
rem Runs the contract-gate command on Windows (cmd.exe or PowerShell), building its jar first when it is missing.
rem JAVA_OPTS is passed to the JVM, e.g. set JAVA_OPTS=-Xmx512m. CONTRACT_GATE_JAR names another jar, e.g. the
rem downloaded contract-cli-VERSION-standalone.jar. After changing the sources, run mvnw.cmd -DskipTests package
rem -pl contract-cli -am yourself: unlike ./contract-gate, this launcher does not compare time stamps.
setlocal
set "HERE=%~dp0"
if defined CONTRACT_GATE_JAR (set "JAR=%CONTRACT_GATE_JAR%") else (set "JAR=%HERE%contract-cli\target\contract-gate.jar")
if exist "%JAR%" goto run
if defined CONTRACT_GATE_JAR (
  echo contract-gate: CONTRACT_GATE_JAR names no file: %CONTRACT_GATE_JAR% 1>&2
  exit /b 5
)
echo contract-gate: building the command (first run)... 1>&2
pushd "%HERE%"
call mvnw.cmd -q -B -DskipTests package -pl contract-cli -am 1>&2
set "BUILD=%ERRORLEVEL%"
popd
if not "%BUILD%"=="0" (
  echo contract-gate: the build failed; run "mvnw.cmd -DskipTests package" to see why. 1>&2
  exit /b 5
)
:run
java %JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
