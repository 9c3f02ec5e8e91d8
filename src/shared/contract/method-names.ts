/**
 * Every method's name and its IPC channel, without the schemas: all the preload needs, so the
 * sandboxed preload stays a few kilobytes instead of carrying zod. A test keeps this list equal to
 * the contract's methods (test/unit/api.test.ts).
 */
import type { MethodName } from './index';

export const methodNameList = [
  'app.status',
  'app.reportError',
  'app.setLanguage',
  'setup.initialize',
  'auth.signIn',
  'auth.signOut',
  'auth.session',
  'auth.lock',
  'auth.unlock',
  'auth.changeSecret',
  'accounts.list',
  'accounts.officers',
  'accounts.create',
  'accounts.update',
  'accounts.resetSecret',
  'settings.get',
  'settings.update',
  'reference.all',
  'reference.saveHoliday',
  'reference.deleteHoliday',
  'reference.saveAgency',
  'reference.saveCategory',
  'reference.saveChannel',
  'complaints.create',
  'complaints.get',
  'complaints.findByReceipt',
  'complaints.findByContact',
  'complaints.revealPersonalData',
  'complaints.queue',
  'complaints.count',
  'complaints.act',
  'complaints.correct',
  'complaints.similar',
  'snippets.list',
  'snippets.save',
  'drafts.get',
  'drafts.save',
  'drafts.clear',
  'complaints.stats',
  'receipts.print',
  'receipts.prepare',
  'printers.list',
  'printers.save',
  'printers.test',
  'forwarding.status',
  'forwarding.sendNow',
  'forwarding.parked',
  'forwarding.resend',
  'forwarding.resendComplaint',
  'forwarding.settings',
  'forwarding.saveSettings',
  'forwarding.resume',
  'audit.list',
] as const satisfies readonly MethodName[];

/** The IPC channel for a method: one namespace, checked on both sides. */
export const channelPrefix = 'desk:';
export const channelFor = (name: MethodName) => `${channelPrefix}${name}`;
