# Sourced by the small Go oracles' build.sh (test/yaml-oracle, test/expr-oracle): builds the Go main package in the
# current directory into <cache root>/<key>/<name>, unless a binary is already there, and prints its path on stdout
# (everything else goes to stderr). The key must cover every input of the binary (sources, module files, Go version).
#
#   cached_go_build <cache root> <name> <key> [go build flags...]
cached_go_build() {
  local out_dir="$1/$3"
  local bin="$out_dir/$2"
  shift 3
  if [ -x "$bin" ]; then
    echo "$bin"
    return 0
  fi
  mkdir -p "$out_dir"
  echo "$(basename "$bin"): building into $out_dir ..." >&2
  # A temporary name and a rename: an interrupted build never leaves a half-written binary the check above accepts.
  # -p=2: the machines have 2 cores. -mod=readonly: never rewrite go.mod/go.sum.
  local tmp="$bin.tmp.$$"
  if ! CGO_ENABLED=0 GOFLAGS="${GOFLAGS:+$GOFLAGS }-p=2 -mod=readonly" nice -n 10 \
    go build "$@" -trimpath -ldflags "-s -w" -o "$tmp" . >&2; then
    rm -f "$tmp"
    return 1
  fi
  mv "$tmp" "$bin"
  echo "$bin"
}
