/**
 * The whole API: every method the renderer may call, whatever the transport. Each domain
 * declares its methods in its own file; adding one is an edit there (and its service).
 */
import type { z } from 'zod';
import { appMethods } from './app';
import { behaviourMethods } from './behaviour';
import { cashMethods } from './cash';
import { customerMethods } from './customers';
import type { ApiResult } from './errors';
import { exportMethods } from './exports';
import { interestMethods } from './interest';
import { handoffMethods } from './handoffs';
import { importMethods } from './imports';
import { invoiceMethods } from './invoices';
import { ledgerMethods } from './ledger';
import { letterMethods } from './letters';
import { mailMethods } from './mail';
import type { Method } from './method';
import { paymentMethods } from './payments';
import { planMethods } from './plans';
import { reminderMethods } from './reminders';
import { settingsMethods } from './settings';
import { toneMethods } from './tone';

export const contract = {
  ...appMethods,
  ...settingsMethods,
  ...customerMethods,
  ...behaviourMethods,
  ...cashMethods,
  ...invoiceMethods,
  ...paymentMethods,
  ...ledgerMethods,
  ...reminderMethods,
  ...letterMethods,
  ...mailMethods,
  ...toneMethods,
  ...planMethods,
  ...interestMethods,
  ...exportMethods,
  ...handoffMethods,
  ...importMethods,
} satisfies Record<string, Method<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;

export const methodNames = Object.keys(contract).sort() as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/** What a caller passes. */
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a service receives, after validation (defaults filled, strings trimmed). */
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> =
  Contract[M] extends Method<z.ZodType, infer Output> ? Output : never;

/** Arguments of a call: the input may be left out when the method takes nothing. */
export type CallArgs<M extends MethodName> =
  Record<string, never> extends InputOf<M> ? [input?: InputOf<M>] : [input: InputOf<M>];

/**
 * `window.goodwill` in Electron: one function per method, nothing else. The preload builds
 * it from `methodNames` and checks it against this type.
 */
export type Bridge = {
  [M in MethodName]: (...args: CallArgs<M>) => Promise<ApiResult<OutputOf<M>>>;
};
