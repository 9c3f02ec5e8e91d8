/** The backups feature's methods. */
import { actor, type Handlers } from '../platform/handlers';
import type { Backups } from './backups';
import { generateRecoveryCode } from './recovery';

export function backupHandlers(backups: Backups) {
  return {
    'backups.status': () => backups.status(),
    'backups.list': () => backups.list(),
    'backups.run': async (_input, call) => {
      const made = await backups.run('manual', actor(call));
      return {
        fileName: made.fileName,
        takenAt: made.takenAt,
        bytes: made.bytes,
        durationMs: made.durationMs,
        counts: made.counts,
        withRecovery: made.withRecovery,
        second: made.second,
      };
    },
    'backups.stageRestore': async (input, call) => {
      const staged = await backups.stageRestore(actor(call), input.path, input.passphrase ?? null);
      return { takenAt: staged.takenAt, deskCode: staged.deskCode, counts: staged.counts };
    },
    'backups.cancelRestore': (_input, call) => {
      backups.cancelStagedRestore(actor(call));
      return null;
    },
    'backups.setRecovery': async (input, call) => {
      const code = input.kind === 'code' ? generateRecoveryCode() : null;
      const { setAt } = await backups.setPassphrase(
        actor(call),
        code ?? (input.kind === 'passphrase' ? input.passphrase : ''),
      );
      return { setAt, code };
    },
  } satisfies Handlers<'backups'>;
}
