/** A Workflow whose DAG task `b` depends on `a` through `levels` pairs of parentheses (for readers that recurse). */
export function deepDepends(levels: number) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name: 'deep' },
    spec: {
      entrypoint: 'main',
      templates: [
        { name: 'leaf', container: { image: 'alpine:3.20' } },
        {
          name: 'main',
          dag: {
            tasks: [
              { name: 'a', template: 'leaf' },
              { name: 'b', template: 'leaf', depends: `${'('.repeat(levels)}a${')'.repeat(levels)}` },
            ],
          },
        },
      ],
    },
  };
}
