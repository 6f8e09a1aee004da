#!/usr/bin/env bash
# Fresh machine → working argo-gen: pnpm, dependencies, build, then the main job.
set -euo pipefail
cd "$(dirname "$0")/.."
node -e 'const [M,m]=process.versions.node.split(".").map(Number); if (M<20||(M===20&&m<19)) { console.error(`argo-gen needs Node.js >= 20.19 (this is ${process.version})`); process.exit(1) }'
bash scripts/install-pnpm.sh
pnpm install --frozen-lockfile
pnpm build
pnpm main
