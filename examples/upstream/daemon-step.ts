// Port of Argo's examples/daemon-step.yaml: a daemoned database, reached by its step's IP from later steps.
import { container, inputs, param, raw, step, steps, workflow } from '@argo-gen/dsl';

const influxdb = container(
  'influxdb',
  {
    image: 'influxdb:1.2',
    readinessProbe: { httpGet: { path: '/ping', port: 8086 }, initialDelaySeconds: 5, timeoutSeconds: 1 },
  },
  { daemon: true },
);
const c = inputs({ cmd: param.string() });
const client = container(
  'influxdb-client',
  { image: 'curlimages/curl:latest', command: ['sh', '-c'], args: [c.cmd] },
  { inputs: c },
);

const influx = step('influx', influxdb);
// Steps have no `ip` handle (only status, exitCode, id, startedAt, finishedAt), so the daemon's IP is raw.
const ip = raw('{{steps.influx.ip}}');
const run = (name: string, cmd: string) => step(name, client, { args: { cmd } });

export default workflow(
  { generateName: 'daemon-step-' },
  {
    entrypoint: steps('daemon-example', [
      [influx],
      [run('init-database', `curl -XPOST 'http://${ip}:8086/query' --data-urlencode "q=CREATE DATABASE mydb"`)],
      [
        run(
          'producer-1',
          `for i in $(seq 1 10); do curl -XPOST 'http://${ip}:8086/write?db=mydb' -d "cpu,host=server01,region=uswest load=$i" ; sleep .5 ; done`,
        ),
        run(
          'producer-2',
          `for i in $(seq 1 10); do curl -XPOST 'http://${ip}:8086/write?db=mydb' -d "cpu,host=server02,region=uswest load=$((RANDOM % 100))" ; sleep .5 ; done`,
        ),
        run(
          'producer-3',
          `curl -XPOST 'http://${ip}:8086/write?db=mydb' -d 'cpu,host=server03,region=useast load=15.4'`,
        ),
      ],
      [
        run(
          'consumer',
          `curl --silent -G http://${ip}:8086/query?pretty=true --data-urlencode "db=mydb" --data-urlencode "q=SELECT * FROM cpu"`,
        ),
      ],
    ]),
  },
);
