/**
 * The contract between renderer and main: every method the renderer may call, with its zod
 * input and output schemas and who may call it. The preload bridge, the IPC handlers, the
 * browser-mode HTTP routes and the renderer's api client are all generated from this table.
 */
import type { z } from 'zod';
import type { Result } from '../result';
import { accountMethods, authMethods } from './accounts';
import { appMethods } from './app';
import { auditMethods } from './audit';
import { backupMethods } from './backups';
import { trailMethods } from './trail';
import { privacyMethods } from './privacy';
import { profileMethods } from './profile';
import { settingsMethods } from './settings';
import { complaintMethods } from './complaints';
import { forwardingMethods } from './forwarding';
import { receiptMethods } from './receipts';
import { attachmentMethods } from './attachments';
import { referenceMethods } from './reference';
import { reportMethods } from './reports';
import { reviewMethods } from './review';

export const contract = {
  ...appMethods,
  ...authMethods,
  ...accountMethods,
  ...settingsMethods,
  ...referenceMethods,
  ...complaintMethods,
  ...receiptMethods,
  ...attachmentMethods,
  ...forwardingMethods,
  ...auditMethods,
  ...reviewMethods,
  ...reportMethods,
  ...backupMethods,
  ...trailMethods,
  ...privacyMethods,
  ...profileMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** window.desk, and its browser-mode twin: one async function per contract method. */
export type DeskApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
};

export { channelFor, channelPrefix } from './method-names';
