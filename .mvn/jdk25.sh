# shellcheck shell=sh
# Finds a JDK 25+ and exports JAVA_HOME; sourced by ./mvnw, ./optdyn and .ci/run (POSIX sh).
# Order: $JAVA_HOME if it is 25 or newer; else the newest JDK 25+ under /usr/lib/jvm (or /usr/java,
# /opt/java); else fails with a message that says what to install and how to point JAVA_HOME at it.
optdyn_java_major() {
  # prints the feature version of the JDK at $1 (e.g. 25), or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}
optdyn_find_jdk25() {
  if [ -n "${JAVA_HOME-}" ]; then
    _m=$(optdyn_java_major "$JAVA_HOME")
    if [ -n "$_m" ] && [ "$_m" -ge 25 ]; then return 0; fi
  fi
  _best=""; _bestm=0
  case $- in *f*) _noglob=1; set +f ;; *) _noglob=0 ;; esac   # ./mvnw runs with set -f
  for _d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk*; do
    [ -d "$_d" ] || continue
    _m=$(optdyn_java_major "$_d")
    if [ -n "$_m" ] && [ "$_m" -ge 25 ] && [ "$_m" -gt "$_bestm" ]; then _best=$_d; _bestm=$_m; fi
  done
  [ "$_noglob" = 1 ] && set -f
  if [ -z "$_best" ]; then
    echo "optdyn: no JDK 25 found (JAVA_HOME='${JAVA_HOME-}' is not 25+, and none under /usr/lib/jvm)." >&2
    echo "optdyn: install a JDK 25 (e.g. Temurin 25) and run: export JAVA_HOME=/path/to/jdk-25" >&2
    return 1
  fi
  JAVA_HOME=$_best
  export JAVA_HOME
}
optdyn_find_jdk25 || exit 1
