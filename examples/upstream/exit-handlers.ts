// Port of Argo's examples/exit-handlers.yaml: a workflow-level exit handler branching on the workflow's status.
import { container, globals, step, steps, when, workflow } from '@argo-gen/dsl';

const sh = (name: string, command: string) =>
  container(name, { image: 'alpine:3.23', command: ['sh', '-c'], args: [command] });

const intentionalFail = sh('intentional-fail', 'echo intentional failure; exit 1');
const sendEmail = sh(
  'send-email',
  `echo send e-mail: ${globals.name} ${globals.status} ${globals.duration}. Failed steps ${globals.failures}`,
);
const exitHandler = steps('exit-handler', [
  [
    step('notify', sendEmail),
    step('celebrate', sh('celebrate', 'echo hooray!'), { when: when.eq(globals.status, 'Succeeded') }),
    step('cry', sh('cry', 'echo boohoo!'), { when: when.ne(globals.status, 'Succeeded') }),
  ],
]);

export default workflow({ generateName: 'exit-handlers-' }, { entrypoint: intentionalFail, onExit: exitHandler });
