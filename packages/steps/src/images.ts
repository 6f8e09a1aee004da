/**
 * Every container image the steps run, in one place and pinned to an exact version, so that an upgrade is one
 * reviewed line. Each step also takes an `image` option to override its default (a mirror, a digest, a newer tag).
 */
export const images = Object.freeze({
  /**
   * kaniko builds images from a Dockerfile inside a pod, without a Docker daemon and without privileged mode.
   * @see https://github.com/GoogleContainerTools/kaniko/releases/tag/v1.23.2
   */
  kaniko: 'gcr.io/kaniko-project/executor:v1.23.2',
  /**
   * kubectl, matched to the cluster's minor version (kubectl supports one minor version of skew either way).
   * @see https://hub.docker.com/r/bitnami/kubectl/tags
   */
  kubectl: 'bitnami/kubectl:1.31.4',
  /**
   * ansible-core with ansible-playbook on Alpine.
   * @see https://hub.docker.com/r/alpine/ansible/tags
   */
  ansible: 'alpine/ansible:2.18.1',
  /**
   * Grafana k6, the load generator behind perf-check; its image ships a POSIX shell, which perf-check uses to turn
   * k6's exit code into a verdict.
   * @see https://hub.docker.com/r/grafana/k6/tags
   */
  k6: 'grafana/k6:0.54.0',
  /**
   * A minimal shell for the one-line `fail` step that ends a strategy's failure branch.
   * @see https://hub.docker.com/_/busybox/tags
   */
  busybox: 'busybox:1.37.0',
});

export type ImageName = keyof typeof images;
