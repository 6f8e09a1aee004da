// Port of Argo's examples/hello-world.yaml.
import { container, workflow } from '@argo-gen/dsl';

const helloWorld = container('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'] });

export default workflow({ generateName: 'hello-world-' }, { entrypoint: helloWorld });
