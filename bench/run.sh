#!/usr/bin/env bash
# Runs the load tool against the emulator (Release build) and four peers on this machine, each
# serving the same prompt-and-echo shell: OpenSSH sshd, dropbear, asyncssh's server, Node's ssh2.
# Prints one table (emulator's ratio to each peer), writes bench/results/ and a gnuplot chart.
#
#   bench/run.sh            the full run (10 s per measurement, 500 and 5,000 idle sessions)
#   bench/run.sh --quick    a few seconds per measurement, 100 and 500 idle sessions
#   bench/run.sh --servers emulator,asyncssh   only some servers
#   bench/run.sh --idle 500 --bulk-bytes 2036893   other idle counts; the peers' bulk size without the emulator
set -euo pipefail

BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
RESULTS="$BENCH/results"
PY=/usr/bin/python3
QUICK=0
IDLE_OVERRIDE=""
BULK_OVERRIDE=""
SERVERS="emulator,openssh,dropbear,asyncssh,ssh2"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --servers) SERVERS="$2"; shift ;;
    --idle) IDLE_OVERRIDE="$2"; shift ;;
    --bulk-bytes) BULK_OVERRIDE="$2"; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

if [ "$QUICK" = 1 ]; then
  DURATION=3; WARMUP=1; IDLE="100,500"; BULK_RUNS=2; BULK_SESSIONS=100000; MODE=quick
else
  DURATION=10; WARMUP=3; IDLE="500,5000"; BULK_RUNS=3; BULK_SESSIONS=1000000; MODE=full
fi
[ -z "$IDLE_OVERRIDE" ] || IDLE="$IDLE_OVERRIDE"
PORT_BASE=${BENCH_PORT_BASE:-24000}

# ---------------------------------------------------------------------------- install (idempotent)
need_apt=()
for pkg in openssh-server dropbear-bin gnuplot-nox python3-asyncssh openssl; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if [[ ",$SERVERS," == *",ssh2,"* ]] && [ ! -d "$BENCH/peers/node_modules/ssh2" ]; then
  echo "installing npm ssh2 into bench/peers" >&2
  (cd "$BENCH/peers" && npm install --no-audit --no-fund --loglevel=error >&2)
fi
if [[ ",$SERVERS," == *",emulator,"* ]]; then
  echo "building the emulator (Release)" >&2
  dotnet build -c Release "$ROOT/Emulator" -v q -nologo >&2
fi
EMU="$ROOT/Emulator/bin/Release/net10.0/VirtualFirewall.Emulator"

ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
mkdir -p "$RESULTS"
TMP="$(mktemp -d /tmp/vfw-bench.XXXXXX)"
chmod 755 "$TMP"
SERVER_PID=""

descendants() { local c; for c in $(pgrep -P "$1" 2>/dev/null); do echo "$c"; descendants "$c"; done; }

stop_server() {
  if [ -n "$SERVER_PID" ]; then
    local rest
    rest=$(descendants "$SERVER_PID")
    kill "$SERVER_PID" 2>/dev/null || true
    # shellcheck disable=SC2086
    [ -z "$rest" ] || kill $rest 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
cleanup() { stop_server; rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_port() { # port [seconds]
  local deadline=$((SECONDS + ${2:-60}))
  while [ $SECONDS -lt $deadline ]; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "server exited:" >&2; tail -n 20 "$TMP"/*.log >&2; return 1; fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "port $1 did not open" >&2
  return 1
}

# ---------------------------------------------------------------------------- peers' users
# sshd and dropbear log in system users: a private mount namespace (unshare -m) sees passwd, group
# and shadow with an `admin` user (password admin) bind-mounted from $TMP, and tmpfs over /run and
# /var/log (privsep dir, utmp, wtmp, lastlog); nothing outside $TMP is created or changed.
make_users() {
  mkdir -p "$TMP/ns" "$TMP/home"
  chmod 755 "$TMP/home"
  chown 59999:59999 "$TMP/home"
  cp /etc/passwd "$TMP/ns/passwd"; cp /etc/group "$TMP/ns/group"; cp /etc/shadow "$TMP/ns/shadow"
  echo "admin:x:59999:59999:bench:$TMP/home:/bin/sh" >>"$TMP/ns/passwd"
  echo "admin:x:59999:" >>"$TMP/ns/group"
  echo "admin:$(openssl passwd -6 admin):19000:0:99999:7:::" >>"$TMP/ns/shadow"
  chmod 640 "$TMP/ns/shadow"
  install -m 755 "$BENCH/peers/echo-shell.sh" "$TMP/echo-shell.sh"
}

in_namespace() {
  exec unshare -m --propagation private /bin/sh -c '
    d="$1"; shift
    mount --bind "$d/passwd" /etc/passwd && mount --bind "$d/group" /etc/group && mount --bind "$d/shadow" /etc/shadow
    mount -t tmpfs tmpfs /run && mkdir -m 755 /run/sshd && mount -t tmpfs tmpfs /var/log
    exec "$@"' in_namespace "$TMP/ns" "$@"
}

start_server() { # name port-base -> SERVER_PID, PORTS
  local name="$1" port="$2"
  PORTS="$port"
  case "$name" in
    emulator|emulator-idle|emulator-bulk)
      local args=(--ssh-port "$port" --no-telnet --host-key-dir "$TMP/emu-keys") last="$port"
      if [ "$name" = emulator-idle ]; then
        args+=(--max-connections 6000)   # one device holds all the idle sessions (the default cap is 256)
      fi
      if [ "$name" = emulator-bulk ]; then
        # The issue's bulk case: `show session all` of a table of 1,000,000 sessions (100,000 in quick mode).
        printf 'traffic:\n  profile: default\n  seed: 1\n  resident-sessions: %s\n' "$BULK_SESSIONS" >"$TMP/bulk.yaml"
        args+=(--device "$TMP/bulk.yaml")
      fi
      "$EMU" "${args[@]}" >"$TMP/$name.log" 2>&1 &
      SERVER_PID=$!
      wait_port "$last" 120 ;;
    openssh)
      ssh-keygen -q -t ed25519 -N '' -f "$TMP/sshd_host_ed25519"
      cat >"$TMP/sshd_config" <<EOF
Port $port
ListenAddress 127.0.0.1
HostKey $TMP/sshd_host_ed25519
PidFile $TMP/sshd.pid
UsePAM no
PasswordAuthentication yes
KbdInteractiveAuthentication no
PubkeyAuthentication no
PermitRootLogin no
AllowUsers admin
ForceCommand $TMP/echo-shell.sh
MaxStartups 10000
MaxSessions 10
UseDNS no
PrintMotd no
PrintLastLog no
DisableForwarding yes
LogLevel ERROR
EOF
      in_namespace /usr/sbin/sshd -D -e -f "$TMP/sshd_config" >"$TMP/$name.log" 2>&1 &
      SERVER_PID=$!
      wait_port "$port" ;;
    dropbear)
      dropbearkey -t ed25519 -f "$TMP/dropbear_ed25519" >/dev/null 2>&1
      in_namespace /usr/sbin/dropbear -F -E -w -j -k -p "127.0.0.1:$port" -r "$TMP/dropbear_ed25519" \
        -c "$TMP/echo-shell.sh" -P "$TMP/dropbear.pid" >"$TMP/$name.log" 2>&1 &
      SERVER_PID=$!
      wait_port "$port" ;;
    asyncssh)
      [ -f "$TMP/peer_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$TMP/peer_ed25519"
      "$PY" "$BENCH/peers/asyncssh_server.py" "$port" "$TMP/peer_ed25519" >"$TMP/$name.log" 2>&1 &
      SERVER_PID=$!
      wait_port "$port" ;;
    ssh2)
      [ -f "$TMP/peer_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$TMP/peer_ed25519"
      node "$BENCH/peers/ssh2_server.js" "$port" "$TMP/peer_ed25519" >"$TMP/$name.log" 2>&1 &
      SERVER_PID=$!
      wait_port "$port" ;;
    *) echo "unknown server $name" >&2; return 1 ;;
  esac
}

load() { # label json-out args...
  local label="$1" out="$2"; shift 2
  "$PY" "$BENCH/loadtool.py" --label "$label" --server-pid "$SERVER_PID" --duration "$DURATION" \
    --json "$out" "$@" 2> >(sed -u "s/^/[$label] /" >&2)
}

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RUN="$RESULTS/$STAMP"
mkdir -p "$RUN"
make_users
BULK_BYTES=${BULK_OVERRIDE:-2000000}   # the emulator's run replaces it with what `show session all` printed
port=$PORT_BASE

for server in ${SERVERS//,/ }; do
  port=$((port + 100))
  echo "== $server" >&2
  if [ "$server" = emulator ]; then
    start_server emulator "$port"
    load emulator "$RUN/emulator-a.json" --port "$PORTS" --warmup "$WARMUP" --measure sessions,commands
    stop_server
    start_server emulator-idle "$((port + 20))"
    load emulator "$RUN/emulator-c.json" --port "$PORTS" --measure idle --idle "$IDLE"
    stop_server
    start_server emulator-bulk "$((port + 50))"
    sleep 2
    load emulator "$RUN/emulator-d.json" --port "$PORTS" --measure bulk --bulk-runs "$BULK_RUNS" \
      --setup "set cli pager off" --bulk-command "show session all"
    stop_server
    BULK_BYTES=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["bulk"].get("bytes_per_run") or 2000000)' "$RUN/emulator-d.json")
    "$PY" "$BENCH/report.py" merge "$RUN/emulator.json" "$RUN"/emulator-{a,c,d}.json
  else
    start_server "$server" "$port"
    limit=()
    if [ "$server" = openssh ] || [ "$server" = dropbear ]; then
      # They give each session a kernel pty: past the kernel's limit (4096 here) logins hang.
      limit=(--idle-max "$(( $(cat /proc/sys/kernel/pty/max) - 96 ))" --idle-max-reason "kernel.pty.max: a pty per session")
    fi
    load "$server" "$RUN/$server.json" --port "$PORTS" --warmup "$WARMUP" --idle "$IDLE" "${limit[@]}" \
      --bulk-runs "$BULK_RUNS" --bulk-command "bulk $BULK_BYTES"
    stop_server
  fi
done

"$PY" "$BENCH/report.py" table --mode "$MODE" --out "$RUN/summary.json" --table "$RUN/table.txt" \
  --gnuplot-data "$RUN/chart.dat" $(for s in ${SERVERS//,/ }; do echo "$RUN/$s.json"; done)
cat "$RUN/table.txt"
cp "$RUN/summary.json" "$RESULTS/last-run.json"
cp "$RUN/table.txt" "$RESULTS/last-run.txt"
gnuplot -e "datafile='$RUN/chart.dat'; outfile='$RUN/chart.png'; servers='${SERVERS//,/ }'" "$BENCH/chart.gp"
cp "$RUN/chart.png" "$RESULTS/chart.png"
echo "results: $RUN (and bench/results/last-run.json, bench/results/chart.png)" >&2
