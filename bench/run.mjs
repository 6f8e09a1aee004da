// `pnpm bench`: argo-gen against Hera 7 and the serialization floors, measured side by side in one run on one machine.
//
//   node bench/run.mjs [--runs 5] [--ns 10,100,1000,5000] [--hera-ns 10,100,1000,5000] [--json results.json]
//                      [--no-hera] [--no-cli]
//
// See docs/benchmarks.md for what each row measures and for the latest results. Run `pnpm build` first (the root
// script `pnpm bench` does): the benchmark imports the built packages (dist/), which is what users run.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs as parseArguments } from 'node:util';

const HERA_VERSION = '7.1.0'; // the latest 7.x on PyPI when this was written (`pip index versions hera`)
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = path.resolve(ROOT, '../shared');
const BENCH = path.join(SHARED, 'bench');
const EXAMPLES = path.join(SHARED, 'argo/v4.1.2/examples');
const WORK = path.join(ROOT, '.bench'); // gitignored
const VENV = path.join(WORK, 'venv');
const PY = path.join(VENV, 'bin/python');
const CLI = path.join(ROOT, 'packages/cli/dist/main.cjs');
const TIME = '/usr/bin/time';

// ---------------------------------------------------------------------------------------------------------------
// options

function parseArgs(argv) {
  let values;
  try {
    ({ values } = parseArguments({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        runs: { type: 'string', default: '5' },
        ns: { type: 'string', default: '10,100,1000,5000' },
        'hera-ns': { type: 'string', default: '10,100,1000,5000' },
        json: { type: 'string' },
        render: { type: 'string' },
        'no-hera': { type: 'boolean', default: false },
        'no-cli': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    usage(error.message);
  }
  if (values.help) usage();
  const o = {
    runs: Number(values.runs),
    ns: values.ns.split(',').map(Number),
    heraNs: values['hera-ns'].split(',').map(Number),
    json: values.json === undefined ? undefined : path.resolve(values.json),
    render: values.render === undefined ? undefined : path.resolve(values.render),
    hera: !values['no-hera'],
    cli: !values['no-cli'],
  };
  if (!Number.isInteger(o.runs) || o.runs < 1) usage('--runs must be a positive integer');
  return o;
}

function usage(problem) {
  if (problem) process.stderr.write(`bench: ${problem}\n`);
  process.stderr.write(
    'usage: node bench/run.mjs [--runs 5] [--ns 10,100,1000,5000] [--hera-ns ...] [--json file] [--no-hera] [--no-cli]\n' +
      '       node bench/run.mjs --render file   (the tables and targets of an earlier --json file, measuring nothing)\n',
  );
  process.exit(problem ? 2 : 0);
}

const log = (s) => process.stderr.write(`${s}\n`);

// ---------------------------------------------------------------------------------------------------------------
// statistics

const sorted = (xs) => [...xs].sort((a, b) => a - b);
function median(xs) {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function summary(xs) {
  if (!xs || xs.length === 0) return undefined;
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length, samples: xs };
}
/** Ratios of paired samples (same iteration or consecutive runs), so that drifting machine load cancels out. */
function pairRatio(a, b) {
  const k = Math.min(a?.length ?? 0, b?.length ?? 0);
  if (k === 0) return undefined;
  return summary(Array.from({ length: k }, (_, i) => a[i] / b[i]));
}

// ---------------------------------------------------------------------------------------------------------------
// processes

/**
 * Runs a command as a whole process; wall time from the parent (spawn to exit), peak RSS from GNU time (%M, KiB).
 * stdout goes to /dev/null unless `capture` is set.
 */
function measure(cmd, args, { cwd = ROOT, capture = false, okCodes = [0], env } = {}) {
  const rssFile = path.join(WORK, `rss-${process.pid}.txt`);
  const useTime = existsSync(TIME);
  const argv = useTime ? ['-f', '%M', '-o', rssFile, cmd, ...args] : args;
  const start = process.hrtime.bigint();
  const r = spawnSync(useTime ? TIME : cmd, argv, {
    cwd,
    env: env ? { ...process.env, ...env } : process.env,
    stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw r.error;
  if (!okCodes.includes(r.status ?? -1)) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}:\n${(r.stderr ?? '').slice(-2000)}`);
  }
  let rssMiB;
  if (useTime) {
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
    rssMiB = Number(lines.at(-1)) / 1024;
  }
  return { ms, rssMiB, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

// ---------------------------------------------------------------------------------------------------------------
// Hera's virtual environment

function ensureHera() {
  mkdirSync(WORK, { recursive: true });
  const installed = () => {
    if (!existsSync(PY)) return undefined;
    const r = spawnSync(PY, ['-c', 'import importlib.metadata as m, yaml; print(m.version("hera"))'], {
      encoding: 'utf8',
    });
    return r.status === 0 ? r.stdout.trim() : undefined;
  };
  if (installed() !== HERA_VERSION) {
    log(`bench: installing hera[yaml]==${HERA_VERSION} into ${path.relative(ROOT, VENV)} (PyPI)`);
    if (!existsSync(PY)) execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
    execFileSync(
      PY,
      ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', `hera[yaml]==${HERA_VERSION}`],
      {
        stdio: 'inherit',
      },
    );
  }
  const freeze = execFileSync(PY, ['-m', 'pip', 'freeze', '--disable-pip-version-check'], { encoding: 'utf8' })
    .trim()
    .split('\n');
  const python = execFileSync(PY, ['--version'], { encoding: 'utf8' }).trim();
  return { version: installed(), python, freeze };
}

// ---------------------------------------------------------------------------------------------------------------
// the machine

function machine() {
  const sh = (cmd) => {
    try {
      return execFileSync('sh', ['-c', cmd], { encoding: 'utf8' }).trim();
    } catch {
      return undefined;
    }
  };
  return {
    cpu: os.cpus()[0]?.model,
    nproc: Number(sh('nproc')) || os.availableParallelism(),
    memory:
      sh('free -h | awk \'/^Mem:/ { print $2 " total, " $7 " available" }\'') ||
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB total`,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

const loadavg = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

// ---------------------------------------------------------------------------------------------------------------
// the Burger Stack templates (or a stand-in)

function tsFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return /\.ts$/.test(e.name) && !/\.(test|d)\.ts$/.test(e.name) ? [p] : [];
  });
}

/** templates/ when it generates; otherwise the stand-in set in bench/fixtures/, with the reason. */
function generateInputs(out) {
  const standIn = (why) => ({
    inputs: ['bench/fixtures'],
    files: tsFiles(path.join(ROOT, 'bench/fixtures')).length,
    standIn: true,
    why,
  });
  const templates = tsFiles(path.join(ROOT, 'templates'));
  if (templates.length === 0) return standIn('templates/ has no TypeScript templates yet');
  const probe = spawnSync(process.execPath, [CLI, 'generate', 'templates', '--out', path.relative(ROOT, out)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (probe.status !== 0) {
    const first = (probe.stderr || probe.stdout).trim().split('\n')[0];
    return standIn(`templates/ (${templates.length} files) does not generate yet (\`${first}\`)`);
  }
  return { inputs: ['templates'], files: templates.length, standIn: false };
}

// ---------------------------------------------------------------------------------------------------------------
// main

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.render) {
    const earlier = JSON.parse(readFileSync(opts.render, 'utf8'));
    earlier.targets = targets(earlier); // as the current rows read them
    process.stdout.write(render(earlier));
    return;
  }
  if (!existsSync(CLI)) usage('packages/cli/dist/main.cjs is missing: run `pnpm build` (or `pnpm bench`)');
  mkdirSync(WORK, { recursive: true });

  const results = {
    date: new Date().toISOString(),
    command: `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    runs: opts.runs,
    machine: machine(),
    load: { before: loadavg() },
    hera: undefined,
    phases: {},
    scale: {},
    cli: {},
    notes: [],
  };
  log(`bench: ${results.machine.nproc} CPUs, load average ${results.load.before.join(' ')}`);
  if (results.load.before[0] > results.machine.nproc * 0.5) {
    results.notes.push(
      `the machine was busy when the run started (load average ${results.load.before[0]} on ${results.machine.nproc} CPUs): absolute times are inflated; the ratios, measured pair by pair, are the figures to read`,
    );
  }

  if (opts.hera) results.hera = ensureHera();

  // 1 + 3. In-process phases and the serialization floors, a fresh process per N.
  for (const n of opts.ns) {
    log(`bench: in-process phases, N=${n}`);
    const r = measure(process.execPath, ['--expose-gc', 'bench/phases.mjs', String(n), String(opts.runs)], {
      capture: true,
    });
    const p = JSON.parse(r.stdout);
    const phases = Object.fromEntries(Object.entries(p.runs).map(([k, v]) => [k, summary(v)]));
    results.phases[n] = {
      load: loadavg(),
      bytes: p.bytes,
      cold: p.cold,
      ...phases,
      toYamlOverYamlStringify: pairRatio(p.runs.toYaml, p.runs.yamlStringify),
      toYamlOverJson: pairRatio(p.runs.toYaml, p.runs.jsonStringify),
      simulateOverBuildSynth: pairRatio(
        p.runs.simulate,
        p.runs.build.map((b, i) => b + p.runs.synth[i]),
      ),
    };
  }

  // 1 + 2. Whole processes: ours and Hera's, interleaved run by run.
  const heraJson = (n, extra = []) =>
    JSON.parse(
      measure(PY, [path.join(BENCH, 'hera_scale.py'), String(n), '--json', ...extra], { capture: true }).stdout,
    );

  for (const n of opts.ns) {
    const withHera = opts.hera && opts.heraNs.includes(n);
    const ours = [];
    const hera = [];
    /** Hera's construct + to_yaml in a fresh process (`--json`), the figure the issue quotes (1.8 s at N=1000). */
    const heraWork = [];
    const oursArgs = ['bench/scale-process.mjs', String(n), '--report'];
    const heraArgs = [path.join(BENCH, 'hera_scale.py'), String(n), '--minimal'];
    // One untimed warm-up each: file cache, Python's .pyc files.
    measure(process.execPath, oursArgs);
    if (withHera) measure(PY, heraArgs);
    let heraRuns = withHera ? opts.runs : 0;
    for (let i = 0; i < opts.runs; i++) {
      log(`bench: whole process, N=${n}, run ${i + 1}/${opts.runs}`);
      const o = measure(process.execPath, oursArgs);
      ours.push({ ms: o.ms, rssMiB: o.rssMiB, phases: JSON.parse(o.stderr.trim().split('\n').at(-1)) });
      if (i < heraRuns) {
        const h = measure(PY, heraArgs);
        hera.push({ ms: h.ms, rssMiB: h.rssMiB });
        const dump = i === 0 ? ['--dump-yaml', path.join(WORK, `hera-scale-${n}.yaml`)] : [];
        const phases = heraJson(n, dump);
        heraWork.push({ ms: phases.construct_ms + phases.yaml_ms, phases });
        // Hera at N=5000 can take well over 15 s a run: three runs are then enough (said in the table).
        if (i === 0 && h.ms > 15_000 && heraRuns > 3) {
          heraRuns = 3;
          results.notes.push(`Hera N=${n}: ${(h.ms / 1000).toFixed(1)} s per run, so 3 runs instead of ${opts.runs}`);
        }
      }
    }
    const work = (x) => x.phases.build + x.phases.synth + x.phases.toYaml;
    const entry = {
      load: loadavg(),
      ours: {
        work: summary(ours.map(work)),
        ms: summary(ours.map((x) => x.ms)),
        rssMiB: summary(ours.map((x) => x.rssMiB)),
        coldPhases: Object.fromEntries(
          ['startup', 'import', 'build', 'synth', 'toYaml', 'write'].map((k) => [
            k,
            summary(ours.map((x) => x.phases[k])),
          ]),
        ),
        bytes: ours[0]?.phases.bytes,
      },
    };
    if (withHera) {
      const dump = path.join(WORK, `hera-scale-${n}.yaml`);
      entry.hera = {
        ms: summary(hera.map((x) => x.ms)),
        rssMiB: summary(hera.map((x) => x.rssMiB)),
        phases: heraWork[0].phases,
        work: summary(heraWork.map((x) => x.ms)),
        construct: summary(heraWork.map((x) => x.phases.construct_ms)),
        toYaml: summary(heraWork.map((x) => x.phases.yaml_ms)),
        sameWorkflow: sameWorkflow(n, dump),
      };
      // The issue's measure: build + validate + emit in a fresh process, imports excluded on both sides.
      entry.workOursOverHera = pairRatio(
        ours.slice(0, heraWork.length).map(work),
        heraWork.map((x) => x.ms),
      );
      entry.oursOverHera = pairRatio(
        ours.slice(0, hera.length).map((x) => x.ms),
        hera.map((x) => x.ms),
      );
      entry.rssOursOverHera = pairRatio(
        ours.slice(0, hera.length).map((x) => x.rssMiB),
        hera.map((x) => x.rssMiB),
      );
    }
    results.scale[n] = entry;
  }

  /** Our document and Hera's parse to the same value, templates sorted by name (Hera lists the DAG last). */
  function sameWorkflow(n, heraYamlFile) {
    const script = `
    import { readFileSync } from 'node:fs';
    import { buildScale, loadYaml, synth, toYaml } from './bench/scale.mjs';
    const YAML = loadYaml();
    const norm = (d) => { d.spec.templates.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)); return d; };
    const ours = norm(YAML.parse(toYaml(synth(buildScale(${n}), { lint: false }))));
    const hera = norm(YAML.parse(readFileSync(${JSON.stringify(heraYamlFile)}, 'utf8')));
    process.stdout.write(JSON.stringify([ours, hera]));
  `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const [a, b] = JSON.parse(out);
    return isDeepStrictEqual(a, b);
  }

  // 4. CLI cold runs.
  if (opts.cli) {
    const out = path.join(WORK, 'generated');
    rmSync(out, { recursive: true, force: true });
    const gen = generateInputs(out);
    // A new team repository's template (what `argo-gen init` writes), under .bench so that it resolves the workspace's
    // packages as a team repo resolves its installed ones.
    const scaffold = path.join(WORK, 'scaffold');
    mkdirSync(path.join(scaffold, 'templates'), { recursive: true });
    copyFileSync(
      path.join(ROOT, 'packages/cli/scaffold/templates/hello.ts'),
      path.join(scaffold, 'templates', 'hello.ts'),
    );
    const generateArgs = [CLI, 'generate', ...gen.inputs, '--out', path.relative(ROOT, out)];
    const cases = [
      {
        key: 'node',
        label: '`node -e 0` (startup floor)',
        cmd: process.execPath,
        args: ['-e', '0'],
      },
      {
        key: 'generate',
        label: `\`argo-gen generate\` of ${gen.standIn ? 'a stand-in set' : 'the Burger Stack templates'} (${gen.files} files, \`${gen.inputs.join(' ')}\`)`,
        cmd: process.execPath,
        args: generateArgs,
        standIn: gen.standIn,
      },
      {
        key: 'generateNoLintCache',
        label: 'the same linting every document (the lint cache off: the first run after every document changed)',
        cmd: process.execPath,
        args: generateArgs,
        env: { ARGO_GEN_LINT_CACHE: 'off' },
      },
      {
        key: 'generateCold',
        label: `the same with empty compile and lint caches (the first run after every template changed: esbuild compiles them)`,
        cmd: process.execPath,
        args: generateArgs,
        env: { ARGO_GEN_COMPILE_CACHE: 'off', ARGO_GEN_LINT_CACHE: 'off' },
      },
      {
        key: 'generateNoCodeCache',
        label: `the same without the caches of argo-gen's own compiled code and of the lint (a command's first run after an install or upgrade)`,
        cmd: process.execPath,
        args: generateArgs,
        env: { ARGO_GEN_CODE_CACHE: 'off', ARGO_GEN_LINT_CACHE: 'off' },
      },
      {
        key: 'generateScaffold',
        label: "`argo-gen generate` of a new team repository's template (`argo-gen init`'s `templates/hello.ts`)",
        cmd: process.execPath,
        args: [
          CLI,
          'generate',
          path.relative(ROOT, path.join(scaffold, 'templates')),
          '--out',
          path.relative(ROOT, path.join(scaffold, 'generated')),
        ],
      },
      {
        key: 'generatePipeline',
        label: '`argo-gen generate` of the deployment pipeline alone (`bench/fixtures/deployment-pipeline.ts`)',
        cmd: process.execPath,
        args: [
          CLI,
          'generate',
          'bench/fixtures/deployment-pipeline.ts',
          '--out',
          path.relative(ROOT, `${out}-pipeline`),
        ],
      },
      {
        key: 'validate',
        label: '`argo-gen validate ../shared/argo/v4.1.2/examples`',
        cmd: process.execPath,
        args: [CLI, 'validate', EXAMPLES],
        // Exit 1 is expected: one upstream file has a duplicate key (Argo refuses it too), two lack a name (README).
        okCodes: [0, 1],
      },
    ];
    if (opts.hera) {
      cases.push({
        key: 'heraPipeline',
        label: 'Hera: `python hera_pipeline.py` (the same pipeline)',
        cmd: PY,
        args: [path.join(BENCH, 'hera_pipeline.py')],
      });
    }
    const run = (c) => measure(c.cmd, c.args, { okCodes: c.okCodes ?? [0], env: c.env });
    for (const c of cases) run(c); // warm-up
    const samples = Object.fromEntries(cases.map((c) => [c.key, []]));
    for (let i = 0; i < opts.runs; i++) {
      log(`bench: CLI cold runs, run ${i + 1}/${opts.runs}`);
      for (const c of cases) samples[c.key].push(run(c));
    }
    for (const c of cases) {
      results.cli[c.key] = {
        label: c.label,
        ms: summary(samples[c.key].map((x) => x.ms)),
        rssMiB: summary(samples[c.key].map((x) => x.rssMiB)),
        ...(c.standIn !== undefined ? { standIn: c.standIn } : {}),
      };
    }
    if (opts.hera) {
      results.cli.pipelineOursOverHera = pairRatio(
        samples.generatePipeline.map((x) => x.ms),
        samples.heraPipeline.map((x) => x.ms),
      );
    }
    if (gen.standIn) {
      results.notes.push(`${gen.why}: \`argo-gen generate\` ran on the stand-in set in bench/fixtures/`);
    }
  }

  results.load.after = loadavg();
  results.targets = targets(results);
  const table = render(results);
  process.stdout.write(table);
  if (opts.json) {
    writeFileSync(opts.json, `${JSON.stringify(results, null, 2)}\n`);
    log(`bench: results written to ${opts.json}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// targets (issue 7), checked against the measured figures; never asserted in tests

/** Issue 16: simulating the N=1000 workload takes less than building and synthesising it (paired, warm, in-process). */
function simulateTarget(r) {
  const p = r.phases[1000];
  const q = p?.simulateOverBuildSynth;
  if (!q) return undefined;
  return {
    target: 'simulate < build + synth, N=1000 (issue 16)',
    met: q.median < 1,
    measured: `simulate = ${q.median.toFixed(2)}× build + synth (${fmtMs(p.simulate.median)} vs ${fmtMs(p.build.median)} + ${fmtMs(p.synth.median)})`,
    by: `missed by ${q.median.toFixed(2)}× (paired median ratio)`,
  };
}

function targets(r) {
  const t = [];
  /** A "≥10× faster than Hera" row from a paired ratio and the two medians it compares. */
  const tenTimes = (target, oursOverHera, ours, hera) => {
    const speedup = 1 / oursOverHera.median;
    const need = hera.median / 10;
    return {
      target,
      met: speedup >= 10,
      measured: `${speedup.toFixed(1)}× (ours ${fmtMs(ours.median)}, Hera ${fmtMs(hera.median)})`,
      by:
        speedup >= 10
          ? undefined
          : `missed by ${(10 / speedup).toFixed(2)}×: ours would need ≤ ${fmtMs(need)} (−${fmtMs(ours.median - need)})`,
    };
  };
  for (const n of [1000, 5000]) {
    const s = r.scale[n];
    if (s?.workOursOverHera)
      t.push(
        tenTimes(
          `≥10× faster than Hera, N=${n}: build + validate + emit, cold, in a fresh process (Hera: construct + to_yaml, as the issue quotes it)`,
          s.workOursOverHera,
          s.ours.work,
          s.hera.work,
        ),
      );
  }
  // The issue states its target against the Hera times it quotes for this machine; Hera re-measured beside us (above)
  // varies from run to run, so both readings are reported.
  for (const [n, quoted] of [
    [1000, 1800],
    [5000, 18600],
  ]) {
    const work = r.scale[n]?.ours.work;
    if (!work) continue;
    const need = quoted / 10;
    t.push({
      target: `≥10× faster than the Hera time the issue quotes, N=${n} (${fmtMs(quoted)}): ours ≤ ${fmtMs(need)}, build + validate + emit, cold`,
      met: work.median <= need,
      measured: `${fmtMs(work.median)} (${(quoted / work.median).toFixed(1)}×)`,
      by:
        work.median <= need
          ? undefined
          : `missed by ${(work.median / need).toFixed(2)}× (−${fmtMs(work.median - need)})`,
    });
  }
  for (const n of [1000, 5000]) {
    const s = r.scale[n];
    if (s?.oursOverHera)
      t.push(
        tenTimes(
          `≥10× faster than Hera, N=${n}, whole process (startup and imports included: stricter than the issue's measure)`,
          s.oursOverHera,
          s.ours.ms,
          s.hera.ms,
        ),
      );
  }
  /** A linear-growth row: N=5000 costs at most 5.5× N=1000 (5× the work, some slack for GC). */
  const linear = (target, a, b) => {
    const k = b.median / a.median;
    return {
      target,
      met: k <= 5.5,
      measured: `${k.toFixed(2)}×`,
      by: k <= 5.5 ? undefined : `missed by ${(k / 5.5).toFixed(2)}×`,
    };
  };
  const a = r.scale[1000]?.ours.ms;
  const b = r.scale[5000]?.ours.ms;
  if (a && b) t.push(linear('N=5000 ≤ 5.5× N=1000 (ours, whole process)', a, b));
  const pa = r.phases[1000]?.total;
  const pb = r.phases[5000]?.total;
  if (pa && pb) t.push(linear('N=5000 ≤ 5.5× N=1000 (ours, in-process build+validate+emit)', pa, pb));
  for (const n of Object.keys(r.phases)) {
    const q = r.phases[n].toYamlOverYamlStringify;
    if (!q || Number(n) < 1000) continue;
    t.push({
      target: `serialization no slower than yaml.stringify, N=${n}`,
      met: q.median <= 1,
      measured: `toYaml = ${q.median.toFixed(2)}× yaml.stringify`,
      by: q.median <= 1 ? undefined : `missed by ${q.median.toFixed(2)}× (+${((q.median - 1) * 100).toFixed(0)}%)`,
    });
  }
  const sim = simulateTarget(r);
  if (sim) t.push(sim);
  for (const n of Object.keys(r.scale)) {
    const s = r.scale[n];
    if (!s.rssOursOverHera) continue;
    const q = s.rssOursOverHera.median;
    t.push({
      target: `peak RSS below Hera's, N=${n}`,
      met: q < 1,
      measured: `${s.ours.rssMiB.median.toFixed(0)} MiB vs ${s.hera.rssMiB.median.toFixed(0)} MiB (${q.toFixed(2)}×)`,
      // A tie shows as "1.0001×": the verdict is the paired ratio, finer than whole MiB.
      by: q < 1 ? undefined : `missed by ${q.toFixed(q < 1.01 ? 4 : 2)}× (paired median ratio)`,
    });
  }
  const g = r.cli.generate;
  if (g) {
    const m = g.ms.median;
    t.push(
      underThreeTenths(
        `\`argo-gen generate\` of the Burger Stack templates < 0.3 s${g.standIn ? ' (stand-in set)' : ''}`,
        m,
        `${fmtMs(m)} (unchanged templates, caches warm)${
          r.cli.generateNoLintCache ? `; ${fmtMs(r.cli.generateNoLintCache.ms.median)} linting every document` : ''
        }${r.cli.generateCold ? `; ${fmtMs(r.cli.generateCold.ms.median)} when esbuild must compile them too` : ''}${
          r.cli.generateNoCodeCache
            ? `; ${fmtMs(r.cli.generateNoCodeCache.ms.median)} without argo-gen's own code and the lint cached`
            : ''
        }`,
      ),
    );
  }
  const team = r.cli.generateScaffold;
  if (team) {
    const m = team.ms.median;
    t.push(
      underThreeTenths(
        "`argo-gen generate` of a new team repository's template < 0.3 s (issue 15)",
        m,
        `${fmtMs(m)} (unchanged template, compile caches warm)`,
      ),
    );
  }
  return t;
}

/** A target row for a command that must take under 0.3 s (median `ms`). */
function underThreeTenths(target, ms, measured) {
  return {
    target,
    met: ms < 300,
    measured,
    by: ms < 300 ? undefined : `missed by ${(ms / 300).toFixed(2)}× (+${fmtMs(ms - 300)})`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// the table (Markdown)

function fmtMs(ms) {
  if (ms === undefined) return '–';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}
const span = (s) => (s ? `${fmtMs(s.median)} (${fmtMs(s.min)}–${fmtMs(s.max)})` : '–');
const mib = (s) => (s ? `${s.median.toFixed(0)} MiB` : '–');
const ratio = (s, digits = 2) =>
  s ? `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})` : '–';

function render(r) {
  const L = [];
  L.push(`## Results (${r.date})`, '');
  L.push(
    `Machine: ${r.machine.nproc} CPUs (${r.machine.cpu}), memory ${r.machine.memory}; ${r.machine.kernel}; Node ${r.machine.node}${r.hera ? `; ${r.hera.python}, hera ${r.hera.version}` : ''}.`,
  );
  L.push(`Load average (1/5/15 min): ${r.load.before.join(' / ')} before, ${r.load.after.join(' / ')} after.`);
  L.push(
    `Each figure: median (min–max) over ${r.runs} runs unless noted. Ratios: median (min–max) of pairwise ratios.`,
  );
  L.push('');
  L.push('### Scale workload, whole process (build + validate + emit; Hera: build + emit)', '');
  L.push(
    '| N | argo-gen | peak RSS | Hera 7 | peak RSS | argo-gen / Hera | Hera ÷ argo-gen | same workflow | load (1 min) |',
  );
  L.push('|---:|---|---:|---|---:|---|---:|:---:|---:|');
  for (const [n, s] of Object.entries(r.scale)) {
    L.push(
      `| ${n} | ${span(s.ours.ms)} | ${mib(s.ours.rssMiB)} | ${s.hera ? `${span(s.hera.ms)}${s.hera.ms.n < r.runs ? ` (${s.hera.ms.n} runs)` : ''}` : '–'} | ${mib(s.hera?.rssMiB)} | ${ratio(s.oursOverHera, 3)} | ${s.oursOverHera ? `${(1 / s.oursOverHera.median).toFixed(1)}×` : '–'} | ${s.hera ? (s.hera.sameWorkflow ? 'yes' : '**no**') : '–'} | ${s.load?.[0] ?? '–'} |`,
    );
  }
  const a = r.scale[1000]?.ours.ms;
  const b = r.scale[5000]?.ours.ms;
  if (a && b) L.push('', `argo-gen N=5000 / N=1000, whole process: ${(b.median / a.median).toFixed(2)}×.`);
  if (Object.values(r.scale).some((s) => s.workOursOverHera)) {
    L.push(
      '',
      "### Scale workload, build + validate + emit (the issue's measure: cold, in a fresh process, imports excluded)",
      '',
      'Ours: build + synth (schema and lint) + toYaml of each whole-process run above. Hera: construct + to_yaml of a',
      '`hera_scale.py N --json` run (a fresh process each, run beside ours), which is what the issue quotes',
      '(1.8 s at N=1000, 18.6 s at N=5000). Hera validates nothing.',
      '',
    );
    L.push('| N | argo-gen | Hera 7 (construct + to_yaml) | argo-gen / Hera | Hera ÷ argo-gen |');
    L.push('|---:|---|---|---|---:|');
    for (const [n, s] of Object.entries(r.scale)) {
      if (!s.workOursOverHera) continue;
      L.push(
        `| ${n} | ${span(s.ours.work)} | ${span(s.hera.work)} (${span(s.hera.construct)} + ${span(s.hera.toYaml)}) | ${ratio(s.workOursOverHera, 3)} | ${(1 / s.workOursOverHera.median).toFixed(1)}× |`,
      );
    }
  }
  L.push('', '### argo-gen, cold process by phase (from the whole-process runs above)', '');
  L.push('| N | startup | import | build | synth (schema + lint) | toYaml | YAML bytes |');
  L.push('|---:|---|---|---|---|---|---:|');
  for (const [n, s] of Object.entries(r.scale)) {
    const p = s.ours.coldPhases;
    L.push(
      `| ${n} | ${span(p.startup)} | ${span(p.import)} | ${span(p.build)} | ${span(p.synth)} | ${span(p.toYaml)} | ${s.ours.bytes} |`,
    );
  }
  if (Object.values(r.scale).some((s) => s.hera)) {
    L.push('', '### Hera 7, phases (the first `hera_scale.py N --json` run per N)', '');
    L.push('| N | import | construct | to_yaml | peak RSS | yaml.safe_dump floor | json.dumps floor |');
    L.push('|---:|---:|---:|---:|---:|---:|---:|');
    for (const [n, s] of Object.entries(r.scale)) {
      if (!s.hera) continue;
      const p = s.hera.phases;
      L.push(
        `| ${n} | ${fmtMs(p.import_ms)} | ${fmtMs(p.construct_ms)} | ${fmtMs(p.yaml_ms)} | ${p.rss_peak_cold_mib.toFixed(0)} MiB | ${fmtMs(p.floor_yaml_safe_dump_ms)} | ${fmtMs(p.floor_json_dumps_ms)} |`,
      );
    }
  }
  L.push(
    '',
    '### argo-gen in-process phases and serialization floors (same document, warm: after one cold iteration)',
    '',
  );
  L.push(
    '| N | build | synth (schema) | lint | toYaml | yaml.stringify | JSON.stringify | toYaml / yaml.stringify | toYaml / JSON | simulate | simulate / (build + synth) |',
  );
  L.push('|---:|---|---|---|---|---|---|---|---|---|---|');
  for (const [n, p] of Object.entries(r.phases)) {
    L.push(
      `| ${n} | ${span(p.build)} | ${span(p.synth)} | ${span(p.lint)} | ${span(p.toYaml)} | ${span(p.yamlStringify)} | ${span(p.jsonStringify)} | ${ratio(p.toYamlOverYamlStringify)} | ${ratio(p.toYamlOverJson, 0)} | ${span(p.simulate)} | ${ratio(p.simulateOverBuildSynth)} |`,
    );
  }
  const sim = simulateTarget(r);
  if (sim) {
    const q = r.phases[1000].simulateOverBuildSynth.median;
    L.push('', `simulate < build + synth at N=1000: ${sim.met ? 'yes' : 'no'} (${q.toFixed(2)}×).`);
  }
  const pa = r.phases[1000]?.total;
  const pb = r.phases[5000]?.total;
  if (pa && pb)
    L.push('', `In-process build + validate + emit, N=5000 / N=1000: ${(pb.median / pa.median).toFixed(2)}×.`);
  if (Object.keys(r.cli).length) {
    L.push('', '### CLI, cold process', '');
    L.push('| command | time | peak RSS |');
    L.push('|---|---|---:|');
    for (const [k, c] of Object.entries(r.cli)) {
      if (k === 'pipelineOursOverHera') continue;
      L.push(`| ${c.label} | ${span(c.ms)} | ${mib(c.rssMiB)} |`);
    }
    if (r.cli.pipelineOursOverHera) {
      L.push('', `Deployment pipeline, argo-gen generate / Hera: ${ratio(r.cli.pipelineOursOverHera)}.`);
    }
  }
  L.push('', '### Targets (issue 7)', '');
  L.push('| target | measured | verdict |');
  L.push('|---|---|---|');
  for (const t of r.targets) L.push(`| ${t.target} | ${t.measured} | ${t.met ? 'met' : `**${t.by}**`} |`);
  if (r.notes.length) L.push('', ...r.notes.map((n) => `* ${n}`));
  L.push('');
  return L.join('\n');
}

main();
