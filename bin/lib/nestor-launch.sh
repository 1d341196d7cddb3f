# Sourced by the bin/nestor-* launchers: finds Java 25, adds Nestor's default JVM options and, for the daemons, the
# ahead-of-time cache written by bench/aot-train, then execs the main class. Not executable on its own.
#
# Environment (all optional):
#   NESTOR_JAVA_OPTS      JVM options appended last, so they override every default below.
#   NESTOR_JAVA_DEFAULTS  replaces the default options (empty: the JVM's own ergonomics, as before 2026-11-28).
#   NESTOR_AOT            auto (default: use the AOT cache if it was trained on exactly these jars and this JDK),
#                         off, or train (record one: bench/aot-train sets it).
#   NESTOR_AOT_CACHE      the cache file (default <module>/target/aot/<launcher>.aot, beside the jars it belongs to).

# Daemons: a DHCP server's live set is its leases (about 400 MiB for a million) plus a few MiB of per-packet garbage
# that dies young. The serial collector has no concurrent threads and no per-region side tables, and it grows the
# heap only as the live set needs: a quarter of G1's footprint here, with the same throughput on two cores, and
# faster than G1 to load a million-lease file. The young generation starts at 24 MiB (a young collection every
# few thousand exchanges); the heap may grow to half of RAM (a dedicated server).
# Compact object headers (JEP 519) save 4 bytes of every object, 8% of a million-lease heap.
NESTOR_DAEMON_JVM_DEFAULTS="-XX:+UseSerialGC -Xms32m -XX:NewSize=24m -XX:MaxRAMPercentage=50 -XX:+UseCompactObjectHeaders"
# Command-line tools: start fast, run for a second.
NESTOR_TOOL_JVM_DEFAULTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"

# nestor_launch NAME MODULE_DIR KIND(daemon|tool) MAIN_CLASS [JVM option...] -- [program argument...]
nestor_launch() {
  local name=$1 module=$2 kind=$3 main=$4
  shift 4
  local fixed=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do fixed+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  local lib="$module/target/lib"
  if [ ! -d "$lib" ]; then
    echo "$name: not built yet; run: (cd $ROOT && ./mvnw -q -DskipTests install)" >&2
    exit 1
  fi
  local java defaults
  java="$("$ROOT/bin/nestor-java")"
  if [ "$kind" = daemon ]; then defaults="$NESTOR_DAEMON_JVM_DEFAULTS"; else defaults="$NESTOR_TOOL_JVM_DEFAULTS"; fi
  defaults="${NESTOR_JAVA_DEFAULTS-$defaults}"
  # the JVM refuses two collectors: one chosen in NESTOR_JAVA_OPTS replaces the default one
  local gc='-XX:[+]Use[A-Za-z0-9]+GC'
  if [[ "${NESTOR_JAVA_OPTS:-}" =~ $gc ]]; then defaults="${defaults//-XX:+UseSerialGC/}"; fi
  local aot=()
  if [ "$kind" = daemon ]; then nestor_aot_options "$name" "$module" "$java" "$lib"; fi
  # shellcheck disable=SC2086  # option strings are word-split on purpose
  exec "$java" "${fixed[@]}" $defaults "${aot[@]}" ${NESTOR_JAVA_OPTS:-} -cp "$lib/*" "$main" "$@"
}

# What the cache depends on besides JVM options (which the JVM checks itself): the JDK build and every jar of the
# class path, in the order the JVM expands "$lib/*" (directory order), with size and modification time.
nestor_aot_key() {
  local java=$1 lib=$2 home
  home="$(dirname "$(dirname "$(readlink -f "$java")")")"
  echo "jdk $home $(stat -c '%s %Y' "$home/lib/modules" 2>/dev/null)"
  (cd "$lib" && ls -U | grep '\.jar$' | while read -r j; do stat -c '%n %s %Y' "$j"; done) || true
}

# Sets aot=(...) for nestor_launch. A cache is used only when its key file matches the jars now in $lib; even then a
# cache the JVM refuses (other GC or header settings in NESTOR_JAVA_OPTS, a truncated file) must not print
# anything or stop the start, hence its logging is switched off: the JVM then simply runs without it.
nestor_aot_options() {
  local name=$1 module=$2 java=$3 lib=$4
  local cache="${NESTOR_AOT_CACHE:-$module/target/aot/$name.aot}"
  case "${NESTOR_AOT:-auto}" in
    off) ;;
    train)
      mkdir -p "$(dirname "$cache")"
      rm -f "$cache.new" "$cache.new.key"
      nestor_aot_key "$java" "$lib" > "$cache.new.key"
      aot=("-XX:AOTCacheOutput=$cache.new")
      ;;
    *)
      if [ -r "$cache" ] && [ -r "$cache.key" ] && [ "$(nestor_aot_key "$java" "$lib")" = "$(cat "$cache.key")" ]; then
        aot=("-XX:AOTCache=$cache" "-Xlog:aot=off" "-Xlog:cds=off")
      fi
      ;;
  esac
}
