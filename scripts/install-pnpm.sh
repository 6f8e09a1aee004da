#!/usr/bin/env bash
# Puts the pinned pnpm on PATH through corepack (Node's own package-manager shim).
# The registry reachable here serves no npm signatures, so corepack's integrity check must be off
# (see ../shared/docs/deps.md §2); the pinned version comes from package.json's "packageManager".
set -euo pipefail
want=$(node -p 'require("./package.json").packageManager.split("@")[1]')
if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$want" ]; then
  exit 0
fi
export COREPACK_INTEGRITY_KEYS=0
if ! corepack enable pnpm 2>/dev/null; then
  # No write access next to node: install the shim into a user directory instead.
  mkdir -p "$HOME/.local/bin"
  corepack enable --install-directory "$HOME/.local/bin" pnpm
  echo "install-pnpm: pnpm shim is in $HOME/.local/bin; add it to PATH" >&2
  export PATH="$HOME/.local/bin:$PATH"
fi
corepack prepare "pnpm@$want" --activate >/dev/null
echo "install-pnpm: pnpm $(pnpm --version)"
