# Sourced by ./braindyn and .ci/run: sets JAVA_HOME to a JDK 25 or explains how to get one.
# Order: $JAVA_HOME if it is a JDK 25, else the first JDK 25 in the system's usual JDK folders.
braindyn_is_jdk25() {
  [ -x "$1/bin/javac" ] || return 1
  "$1/bin/java" -version 2>&1 | grep -Eq 'version "25([.-]|")'
}

braindyn_find_java() {
  if [ -n "${JAVA_HOME:-}" ] && braindyn_is_jdk25 "$JAVA_HOME"; then
    return 0
  fi
  local candidate
  for candidate in /usr/lib/jvm/*25* /usr/lib/jvm/*-25-* /Library/Java/JavaVirtualMachines/*25*/Contents/Home /opt/java/*25* /opt/jdk*25*; do
    if [ -d "$candidate" ] && braindyn_is_jdk25 "$candidate"; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "BrainDyn needs JDK 25: set JAVA_HOME to a JDK 25 (e.g. Eclipse Temurin 25)." >&2
  echo "  found JAVA_HOME='${JAVA_HOME:-}' and no JDK 25 under /usr/lib/jvm or /Library/Java/JavaVirtualMachines." >&2
  return 1
}
