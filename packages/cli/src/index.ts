export type { Config, Target } from './config.js';
export { EXIT, type Io } from './io.js';
export { run } from './program.js';
