#!/usr/bin/env node
// The unscoped name, so that `npx argo-gen init` works as it reads; the command itself is @argo-gen/cli's.
import '@argo-gen/cli/main';
