// The shared command line of every `lazarus` command: its parser, its answers to --help and
// to mistakes, and the nearest-name suggestions both use.
export type { CommandLine, CommandSpec, OptionSpec, OptionValues } from "./command-line.ts";
export { parseCommandLine } from "./command-line.ts";
export { answerEarly, refuse } from "./answer.ts";
export { countFlag } from "./count-flag.ts";
export { didYouMean, editDistance, nearestNames } from "./nearest.ts";
