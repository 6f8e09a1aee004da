import { Option } from 'commander';

/** `--security`: the security lint's mode (README "Security"); it overrides `security.mode` of argo-gen.config.ts. */
export function securityOption(): Option {
  return new Option('--security <mode>', 'security lint: default, strict (every finding an error) or off').choices([
    'default',
    'strict',
    'off',
  ]);
}

/** `--pod-security`: the Pod Security Standards level the lint checks pods against. */
export function podSecurityOption(): Option {
  return new Option(
    '--pod-security <level>',
    'Pod Security Standards level pods must meet (default: baseline; strict: restricted)',
  ).choices(['baseline', 'restricted']);
}
