// The property suite as a package (`lazarus/suite`): the adapter interface a store
// implements, the recorder for stores that do not record their own history, the command
// arbitraries, and runSuite / checkSuite to run it from another project's tests; etcd as
// a real store under test (suite/etcd/).
export type { AdapterOp, FaultHooks, FaultName, StoreAdapter } from "./adapter.ts";
export { faultNames, offeredFaults } from "./adapter.ts";
export { HistoryRecorder } from "./history-recorder.ts";
export type { CommandShape } from "./arbitraries.ts";
export { commandsArbitrary, defaultShape, stepArbitrary } from "./arbitraries.ts";
export type { SuiteStep, SuiteStepKind } from "./step.ts";
export { describeStep } from "./step.ts";
export type { ProvokedExplanations, RunFailure } from "./run-end.ts";
export { judgeRun, provokedByFaults, settle } from "./run-end.ts";
export type { RunRecord, SuiteOptions, SuiteOutcome } from "./run-suite.ts";
export { checkSuite, describeFailure, runSuite } from "./run-suite.ts";
export { ForbiddenReadError, StepRunner } from "./step-runner.ts";
export { MapAdapter } from "./map-adapter.ts";
export { SimulatorAdapter } from "./simulator-adapter.ts";
export type { ConfigurationBias, SimulatorConfig } from "./simulator-configurations.ts";
export { simulatorConfigurations } from "./simulator-configurations.ts";
export { simulatorSuite } from "./simulator-suite.ts";
export { replayHistory, type ReplayOutcome } from "./replay.ts";
export type { EtcdAdapterOptions, EtcdBugName, EtcdClusterOptions, EtcdFaultCounts, EtcdSuiteOptions, EtcdWorkloadOptions, EtcdWorkloadResult } from "./etcd/index.ts";
export { EtcdAdapter, EtcdCluster, etcdBugDescriptions, etcdBugNames, etcdSuite, findEtcd, installEtcdHint, isEtcdBugName, runEtcdWorkload } from "./etcd/index.ts";
