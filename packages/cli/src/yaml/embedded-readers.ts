import type { EmbeddedYaml } from '../load/embedded-yaml.js';
import { readPodSpecPatch } from './pod-spec-patch.js';
import { yamlProblem } from './yaml-problem.js';

/** The readers of YAML inside documents, with the reader argo-gen reads files with (load/embedded-yaml.ts). */
export const embeddedReaders: EmbeddedYaml = { yamlProblem, parsePatch: readPodSpecPatch };
