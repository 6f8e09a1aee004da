#!/usr/bin/env bash
# Stop the test cluster: every component by its PID file (the extra API servers' too), one at a time, in reverse start order
# (TERM, then KILL after a grace period), wait until its ports are free, then delete etcd's data.
# Idempotent and safe after a partial start-up: missing or stale PID files are skipped.
# Logs, PKI and kubeconfigs stay in the state dir for debugging; up.sh regenerates them.
#
# Usage: test/cluster/down.sh [--quiet]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
QUIET=0; [ "${1:-}" = --quiet ] && QUIET=1
note() { [ $QUIET = 1 ] || say "$@"; }

[ -d "$STATE" ] || exit 0

stop() {
  local name=$1 pid i grace=100           # tenths of a second to wait after SIGTERM
  if ! pid_alive "$name"; then rm -f "$STATE/$name.pid"; return 0; fi
  pid=$(cat "$STATE/$name.pid")
  # The workflow-controller holds no state worth a clean shutdown here, and v4.0.5's swallowed
  # SIGTERM/SIGINT (a util/logging handler that only flushed logs), so TERM could cost the full
  # grace period: kill it outright.
  [ "$name" = workflow-controller ] && grace=0
  note "stopping $name (pid $pid)"
  [ $grace -gt 0 ] && kill -TERM "$pid" 2>/dev/null
  for ((i = 0; i < grace; i++)); do
    pid_alive "$name" || break
    sleep 0.1
  done
  if pid_alive "$name"; then
    [ $grace -gt 0 ] && say "$name (pid $pid) ignored SIGTERM for $((grace / 10))s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do pid_alive "$name" || break; sleep 0.1; done
  fi
  rm -f "$STATE/$name.pid"
}

ports=("$APISERVER_PORT" "$ETCD_PORT" "$ETCD_PEER_PORT")
for i in "${!EXTRA_CRD_RELEASES[@]}"; do ports+=("$(extra_port "$i")"); done
# The controller's :6060 is only ours to wait for if this run started the controller.
pid_alive workflow-controller && ports+=("$ARGO_HEALTH_PORT")
for ((k = ${#COMPONENTS[@]} - 1; k >= 0; k--)); do
  stop "${COMPONENTS[$k]}"
done

# Ports are normally free once the processes are gone; wait a little for the kernel in any case,
# and say so if something else still holds one (another run, or a process we did not start).
for p in "${ports[@]}"; do
  for ((i = 0; i < 50; i++)); do port_in_use "$p" || break; sleep 0.1; done
  if port_in_use "$p"; then say "warning: 127.0.0.1:$p is still in use by a process this script did not start"; fi
done

rm -rf "$STATE/etcd-data"
note "cluster stopped"
