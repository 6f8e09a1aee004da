// Port of Argo's examples/k8s-jobs.yaml: a resource template that creates a Job and waits for it.
import { output, resource, workflow } from '@argo-gen/dsl';

const manifest = `apiVersion: batch/v1
kind: Job
metadata:
  generateName: rand-num-
spec:
  completions: 3
  parallelism: 3
  template:
    metadata:
      name: rand
    spec:
      containers:
      - name: rand
        image: python:alpine3.23
        command: ["python", "-c", "import random; import time; print(random.randint(1, 1000)); time.sleep(10)"]
      restartPolicy: Never
`;

const randNum = resource(
  'rand-num',
  {
    action: 'create',
    successCondition: 'status.succeeded > 2',
    failureCondition: 'status.failed > 1',
    setOwnerReference: true,
    manifest,
  },
  { outputs: { 'job-name': output.jsonPath('{.metadata.name}'), 'job-obj': output.jqFilter('.') } },
);

// Upstream has neither name nor generateName (its `name:` sits inside an annotation's text); the DSL needs one.
export default workflow({ generateName: 'k8s-jobs-' }, { entrypoint: randNum });
