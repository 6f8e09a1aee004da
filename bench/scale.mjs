// The scale workload of ../shared/bench/dag_shape.mjs, built with the argo-gen DSL from the built packages (dist/),
// so that the numbers are what users get. Same workflow as ../shared/bench/hera_scale.py (per-task templates,
// handle references): N container templates `tmpl-<i>` with inputs a, b and output `out` (valueFrom.path /data/out),
// one DAG `main` with tasks `task-<i>`; a = the first dependency's `out` (layer 0: the workflow parameter `seed`),
// b = `task-<i>`; depends = the dependencies in dag_shape's order joined with " && ".
import { createRequire } from 'node:module';
import { dagShape } from '../../shared/bench/dag_shape.mjs';
import {
  container,
  dag,
  inputs,
  output,
  param,
  synth,
  task,
  toYaml,
  workflowParams,
  workflowTemplate,
} from '../packages/dsl/dist/index.js';
import { lintDocument } from '../packages/model/dist/index.js';
import { simulate } from '../packages/simulate/dist/index.js';

/**
 * The very `yaml` the DSL uses (yaml@2.9.1 from the workspace), for the serialization floor: loaded on demand, so that
 * the whole-process runs do not pay for a library argo-gen itself no longer loads.
 */
export function loadYaml() {
  return createRequire(new URL('../packages/dsl/package.json', import.meta.url))('yaml');
}

export { dagShape, lintDocument, simulate, synth, toYaml };

/**
 * How the workload is linted: as for Argo 3.7. From N = 200 the workflow has more templates (and from N = 201 more DAG
 * tasks) than Argo 4.x's full CRDs allow per object (maxItems 200), so a 4.0/4.1 API server refuses it and the lint for
 * those lines says so; 3.7 installs minimal CRDs and runs it. The 4.x CRD checks cost ~20 ms more at N = 1000.
 */
export const SCALE_LINT = { argoVersion: '3.7' };

/** The DSL value of the scale WorkflowTemplate; `deps` as dagShape(n) returns them. */
export function buildScale(n, deps = dagShape(n)) {
  const wp = workflowParams({ seed: param.string({ default: '42' }) });
  const tasks = [];
  for (let i = 0; i < n; i++) {
    const io = inputs({ a: param.string(), b: param.string() });
    const tmpl = container(
      `tmpl-${i}`,
      { image: 'alpine:3.20', command: ['sh', '-c'], args: [`echo ${io.a}-${io.b} | tee /data/out`] },
      { inputs: io, outputs: { out: output.path('/data/out') } },
    );
    const d = deps[i];
    // The data reference to the first dependency makes the dependency by itself; `after` lists every dependency in
    // dag_shape's order so that `depends` reads exactly as Hera's `[deps] >> task` ("task-3 && task-5").
    tasks.push(
      task(`task-${i}`, tmpl, {
        args: { a: d.length ? tasks[d[0]].outputs.parameters.out : wp.seed, b: `task-${i}` },
        after: d.map((j) => tasks[j]),
      }),
    );
  }
  return workflowTemplate(`scale-${n}`, { entrypoint: dag('main', tasks), params: wp });
}

/** Build, validate (schema + lint) and emit: what `argo-gen generate` does for one workflow. */
export function scaleYaml(n) {
  return toYaml(synth(buildScale(n), { lint: (doc) => lintDocument(doc, SCALE_LINT) }));
}
