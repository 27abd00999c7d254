#!/usr/bin/env bash
# Runs every test CoCare has: format check, build, unit, integration (SQLite and PostgreSQL),
# architecture and end-to-end (Chromium). Installs what is missing, starts a throwaway
# PostgreSQL on 127.0.0.1 and stops it again. Ends with "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\n== %s\n' "$*"; }

# --- what the tests need from the machine -------------------------------------------------
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/sbin/mosquitto ] || need+=(mosquitto)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || true
  apt-get install -y -qq "${need[@]}" >/dev/null || apt-get install -y -qq "${need[@]}" >/dev/null
fi

# --- throwaway PostgreSQL -----------------------------------------------------------------
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
PGROOT=$(mktemp -d /tmp/cocare-pg.XXXXXX)
PGPORT=${COCARE_PG_PORT:-55432}
stop_pg() {
  if [ -n "${PGBIN:-}" ] && [ -f "$PGROOT/data/postmaster.pid" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PGROOT"
}
# --- throwaway Mosquitto (MQTT broker) on loopback -----------------------------------------
MQROOT=$(mktemp -d /tmp/cocare-mqtt.XXXXXX)
MQPORT=${COCARE_MQTT_PORT:-51883}
stop_all() {
  if [ -f "$MQROOT/pid" ]; then
    mqpid=$(cat "$MQROOT/pid")
    kill -TERM "$mqpid" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$mqpid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$MQROOT"
  stop_pg
}
trap stop_all EXIT
if [ -x /usr/sbin/mosquitto ]; then
  log "starting Mosquitto on 127.0.0.1:$MQPORT"
  printf 'listener %s 127.0.0.1\nuser %s\nallow_anonymous true\npersistence true\npersistence_location %s/\nmax_packet_size 2000000\nset_tcp_nodelay true\nlog_dest none\n' \
    "$MQPORT" "$(id -un)" "$MQROOT" > "$MQROOT/mosquitto.conf"
  # Its own log, and disowned: whatever it says on the way out (Debian's 2.0 has been seen to abort on SIGTERM) stays out of the summary.
  /usr/sbin/mosquitto -c "$MQROOT/mosquitto.conf" >"$MQROOT/stderr.log" 2>&1 & echo $! > "$MQROOT/pid"; disown
  export COCARE_TEST_MQTT="127.0.0.1:$MQPORT" COCARE_TEST_MOSQUITTO=/usr/sbin/mosquitto
fi
if [ -n "$PGBIN" ]; then
  log "starting PostgreSQL on 127.0.0.1:$PGPORT"
  chown postgres:postgres "$PGROOT"
  if runuser -u postgres -- "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --no-locale >"$PGROOT/initdb.log" 2>&1 \
    && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/log" -w -t 30 \
         -o "-p $PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PGROOT -c fsync=off -c synchronous_commit=off -c max_connections=200" start >/dev/null; then
    export COCARE_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true"
  else
    echo "PostgreSQL did not start; see $PGROOT" >&2
    cat "$PGROOT/initdb.log" "$PGROOT/log" 2>/dev/null >&2
    exit 1
  fi
fi

# --- build and check ----------------------------------------------------------------------
status=0
results="$root/TestResults"
rm -rf "$results"; mkdir -p "$results"

log "restore and build"
dotnet restore CoCare.slnx -v q || exit 1
dotnet build CoCare.slnx --no-restore -v q -nologo || exit 1

log "format check"
if ! dotnet format CoCare.slnx --verify-no-changes --no-restore -v q; then
  echo "dotnet format found changes: run 'dotnet format CoCare.slnx'" >&2
  status=1
fi

for project in UnitTests ArchitectureTests IntegrationTests E2ETests; do
  log "$project"
  dotnet test "tests/CoCare.$project" --no-build --logger "trx;LogFileName=$project.trx" --results-directory "$results" || status=1
done

# --- one closing line ---------------------------------------------------------------------
read -r passed failed skipped < <(python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    if c is None: continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    s += int(c.get("notExecuted", 0))
print(p, f, s)
PY
)
if [ "${status}" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
stop_all >/dev/null 2>&1
echo
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
[ "${status}" -eq 0 ] && [ "${failed:-0}" -eq 0 ]
