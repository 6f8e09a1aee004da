import { dag, param, task, templateRef, workflowParams, workflowTemplate } from '@argo-gen/dsl';
import build, { buildImages } from './build.js';
import configure, { configureNamespace } from './configure.js';
import deployCanary, { deployProd } from './deploy-canary.js';
import deployRolling, { deployStaging } from './deploy-rolling.js';
import perfMonitor, { monitor } from './perf-monitor.js';

/**
 * The Burger Stack end to end: build and push the images, deploy them to staging, configure staging, release them
 * to production as canaries, configure production, then measure it. Every stage is a WorkflowTemplate of its own,
 * called through a typed `templateRef`, so arguments are checked against the callee's inputs and outputs are typed.
 * All templates live in `burger-ci` (Argo resolves a templateRef in the workflow's namespace); the stages act on
 * `burger-staging` and `burger-prod` through their ServiceAccounts' RoleBindings there.
 */
const p = workflowParams({
  revision: param.string({ default: 'refs/heads/main', description: 'The git ref to build and release' }),
  tag: param.string({ default: 'latest', description: 'The tag pushed for every image' }),
});

const images = task('build', templateRef(build, buildImages), { args: { revision: p.revision, tag: p.tag } });
const out = images.outputs.parameters;
const staging = task('deploy-staging', templateRef(deployRolling, deployStaging), {
  args: {
    'frontend-image': out['frontend-image'],
    'backend-image': out['backend-image'],
    'database-image': out['database-image'],
  },
});
const configureStaging = task('configure-staging', templateRef(configure, configureNamespace), {
  args: { namespace: 'burger-staging' },
  after: [staging],
});
const production = task('deploy-production', templateRef(deployCanary, deployProd), {
  args: { 'frontend-image': out['frontend-image'], 'backend-image': out['backend-image'] },
  after: [configureStaging],
});
const configureProduction = task('configure-production', templateRef(configure, configureNamespace), {
  args: { namespace: 'burger-prod' },
  after: [production],
});
const measure = task('perf-monitor', templateRef(perfMonitor, monitor), { after: [configureProduction] });

export const pipeline = dag('pipeline', [images, staging, configureStaging, production, configureProduction, measure]);

export default workflowTemplate('burger-pipeline', {
  namespace: 'burger-ci',
  labels: { 'app.kubernetes.io/part-of': 'burger-stack' },
  params: p,
  entrypoint: pipeline,
  spec: { serviceAccountName: 'burger-pipeline', executor: { serviceAccountName: 'burger-executor' } },
});
