/**
 * Every container image the steps run, in one place and pinned by digest, so that an upgrade is one reviewed line and
 * a re-pushed tag changes nothing. Each reference keeps its tag for readers (`name:tag@sha256:…`: with a digest, the
 * runtime ignores the tag) and repeats it in the comment; `test/images.test.ts` checks that each pair is consistent.
 * Each step also takes an `image` option to override its default (a mirror, a newer digest).
 *
 * Provenance: this build machine cannot reach registries. The digests are the multi-arch index digests of these
 * tags as other public projects pinned them (each seen in several unrelated repositories); before relying on them,
 * confirm with `crane digest <name>:<tag>` (or `docker buildx imagetools inspect`). An image whose digest has not
 * been resolved is listed in `UNPINNED` with the reason; its steps carry a `security.argo-gen.io/image-digest`
 * exception annotation that says so, until its digest is filled in.
 */
export const images = Object.freeze({
  /**
   * kaniko builds images from a Dockerfile inside a pod, without a Docker daemon and without privileged mode.
   * @see https://github.com/GoogleContainerTools/kaniko/releases/tag/v1.23.2
   */
  kaniko:
    'gcr.io/kaniko-project/executor:v1.23.2@sha256:9e69fd4330ec887829c780f5126dd80edc663df6def362cd22e79bcdf00ac53f', // v1.23.2
  /**
   * kubectl, matched to the cluster's minor version (kubectl supports one minor version of skew either way).
   * @see https://hub.docker.com/r/bitnami/kubectl/tags
   */
  kubectl: 'bitnami/kubectl:1.31.4', // 1.31.4 (digest not resolved: see UNPINNED)
  /**
   * ansible-core with ansible-playbook and python3 on Alpine.
   * @see https://hub.docker.com/r/alpine/ansible/tags
   */
  ansible: 'alpine/ansible:2.18.1@sha256:22227b578da3371267201879f44de86569e9b531db536e1d9d2b83aed35b6cfc', // 2.18.1
  /**
   * Grafana k6, the load generator behind perf-check; its image ships a POSIX shell, which perf-check uses to turn
   * k6's exit code into a verdict.
   * @see https://hub.docker.com/r/grafana/k6/tags
   */
  k6: 'grafana/k6:0.54.0@sha256:1f40432b1cbe7234e977f96c362c9bc550a2d2b583d014dd8669fe40d3e9e755', // 0.54.0
  /**
   * A minimal shell for the one-line `fail` step that ends a strategy's failure branch.
   * @see https://hub.docker.com/_/busybox/tags
   */
  busybox: 'busybox:1.37.0@sha256:bdf57e528e45e4433820e045b29b4597825a1c9e38353532d90a01445013f82e', // 1.37.0
});

export type ImageName = keyof typeof images;

/** Images still pinned by tag only, each with why; `test/images.test.ts` holds every other image to a digest. */
export const UNPINNED: Readonly<Partial<Record<ImageName, string>>> = Object.freeze({
  kubectl:
    'bitnami/kubectl:1.31.4 is pinned by tag only: its digest could not be resolved from the build machine (no registry access); resolve it with `crane digest` and pin it in images.ts',
});
