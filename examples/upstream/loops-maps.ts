// Port of Argo's examples/loops-maps.yaml: withItems over objects; `item.image` and `item.tag` are typed fields.
import { container, inputs, param, step, steps, workflow } from '@argo-gen/dsl';

const os = inputs({ image: param.string(), tag: param.string() });
const catOsRelease = container(
  'cat-os-release',
  { image: `${os.image}:${os.tag}`, command: ['cat'], args: ['/etc/os-release'] },
  { inputs: os },
);

const testLinux = step('test-linux', catOsRelease, {
  withItems: [
    { image: 'debian', tag: '9.1' },
    { image: 'debian', tag: '8.9' },
    { image: 'alpine', tag: '3.6' },
    { image: 'ubuntu', tag: '17.10' },
  ],
  args: (item) => ({ image: item.image, tag: item.tag }),
});

export default workflow({ generateName: 'loops-maps-' }, { entrypoint: steps('loop-map-example', [[testLinux]]) });
