#!/usr/bin/env bash
# Writes the JDK AOT cache that makes the app start about twice as fast: starts the unpacked app
# once (embedded PostgreSQL in a throw-away data directory), serves the login page, then stops it
# cleanly; the JVM writes the classes it loaded and linked to the cache as it exits.
# Usage: aot-training.sh JAVA JAR CACHE WORKDIR
set -euo pipefail
java=$1 jar=$2 cache=$3 work=$4

rm -rf "$work" "$cache"
mkdir -p "$work"

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=$(( 20000 + RANDOM % 20000 ))
until port_free "$port"; do port=$(( 20000 + RANDOM % 20000 )); done

"$java" -XX:AOTCacheOutput="$cache" -Dcampagne.data-dir="$work" -Dserver.port="$port" \
    -Dlogging.level.root=warn -jar "$jar" >"$work/training.log" 2>&1 &
pid=$!

login_page() {   # GET /login over bash's /dev/tcp (no curl needed); succeeds on HTTP 200
    exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
    printf 'GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
    head -n 1 <&3 | grep -q ' 200'
    local ok=$?
    exec 3>&-
    return $ok
}

for _ in $(seq 1 240); do
    if login_page 2>/dev/null; then
        login_page || true
        kill -TERM "$pid"
        wait "$pid" || true
        [ -s "$cache" ] && { echo "AOT cache written: $cache"; exit 0; }
        echo "aot-training: the JVM stopped without writing $cache; see $work/training.log" >&2
        exit 1
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "aot-training: the app did not start; see $work/training.log" >&2
        tail -n 40 "$work/training.log" >&2
        exit 1
    fi
    sleep 0.5
done
kill -KILL "$pid" 2>/dev/null || true
echo "aot-training: no login page after 120 s; see $work/training.log" >&2
exit 1
