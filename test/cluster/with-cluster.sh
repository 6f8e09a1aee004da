#!/usr/bin/env bash
# Run a command against a fresh test cluster: up.sh, the command (with env.sh sourced), then
# always down.sh, whatever happens (command failure, start-up failure, Ctrl-C, TERM).
# Exits with the command's exit code (or up.sh's, if the cluster did not start).
#
# Usage: test/cluster/with-cluster.sh <command> [args...]
#   e.g. test/cluster/with-cluster.sh pnpm vitest run test/e2e
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ $# -gt 0 ] || { echo "usage: $0 <command> [args...]" >&2; exit 2; }

child=
on_signal() {
  # Stop the command by its own PID (it may already have the signal from the terminal), then exit;
  # the EXIT trap stops the cluster.
  [ -n "$child" ] && { kill -TERM "$child" 2>/dev/null; wait "$child"; }
  exit "$1"
}
trap '"$HERE/down.sh"' EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

"$HERE/up.sh" || exit $?
source "$HERE/lib.sh"
source "$STATE/env.sh"
# Run the command in the background and `wait` for it: a trapped signal interrupts `wait` at once,
# whereas a foreground child would delay the trap until it exits.
"$@" &
child=$!
wait "$child"
