// The sequential models the generic linearizability engine checks histories against.

export type { Operation, SequentialModel, StepResult } from "./model.ts";
export type { RegisterInput, RegisterOptions, RegisterOutput, RegisterValue } from "./register.ts";
export { createRegisterModel, registerModel } from "./register.ts";
export type { CasRegisterInput, CasRegisterOutput } from "./cas-register.ts";
export { casRegisterModel, createCasRegisterModel } from "./cas-register.ts";
export type { KvInput, KvOutput, KvState } from "./kv.ts";
export { linearizableKvModel } from "./kv.ts";
export type { PorcupineKvInput, PorcupineKvOutput } from "./porcupine-kv.ts";
export { porcupineKvModel } from "./porcupine-kv.ts";
