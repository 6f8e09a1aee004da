import { dag, inputs, output, param, task, workflowParams, workflowTemplate } from '@argo-gen/dsl';
import { kaniko } from '@argo-gen/steps';

/**
 * Builds and pushes the three Burger Stack images with kaniko, from one git revision, tagged alike. Each image's
 * `repository@digest` is an output, so deploys roll out exactly what was built.
 */
const REPO = 'https://github.com/burger-stack/burger.git';
const REGISTRY = 'registry.burger.example/burger';

const image = (component: string) =>
  kaniko({
    name: `build-${component}`,
    context: { git: { url: REPO } },
    subPath: component,
    destinations: [`${REGISTRY}/${component}`],
    cache: { repo: `${REGISTRY}/cache`, ttl: '168h' },
    registrySecret: 'burger-registry',
  });

const frontendImage = image('frontend');
const backendImage = image('backend');
// The database image is Postgres with the schema migrations baked in; its Dockerfile has a `migrations` stage.
const databaseImage = kaniko({
  name: 'build-database',
  context: { git: { url: REPO } },
  subPath: 'database',
  target: 'migrations',
  destinations: [`${REGISTRY}/database`],
  buildArgs: { POSTGRES_MAJOR: '16' },
  cache: { repo: `${REGISTRY}/cache`, ttl: '168h' },
  registrySecret: 'burger-registry',
});

const i = inputs({
  revision: param.string({ default: 'refs/heads/main', description: 'The git ref to build' }),
  tag: param.string({ default: 'latest', description: 'The tag pushed for every image' }),
});
const frontend = task('frontend', frontendImage, { args: { revision: i.revision, tag: i.tag } });
const backend = task('backend', backendImage, { args: { revision: i.revision, tag: i.tag } });
const database = task('database', databaseImage, { args: { revision: i.revision, tag: i.tag } });

/** The entrypoint, also called by the pipeline through `templateRef`. */
export const buildImages = dag('build-images', [frontend, backend, database], {
  inputs: i,
  outputs: {
    'frontend-image': output.from(frontend.outputs.parameters.image),
    'backend-image': output.from(backend.outputs.parameters.image),
    'database-image': output.from(database.outputs.parameters.image),
  },
});

export default workflowTemplate('burger-build', {
  namespace: 'burger-ci',
  labels: { 'app.kubernetes.io/part-of': 'burger-stack' },
  params: workflowParams({
    revision: param.string({ default: 'refs/heads/main' }),
    tag: param.string({ default: 'latest' }),
  }),
  entrypoint: buildImages,
  spec: { serviceAccountName: 'burger-builder', executor: { serviceAccountName: 'burger-executor' } },
});
