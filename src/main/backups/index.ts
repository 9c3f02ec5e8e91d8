/** What other parts of main may use of backups: the service, and the restore the shells run. */
export { createBackups, type Backups, type BackupSummary } from './backups';
export { restoreBackup, inspectBackup, unlockBackup, BackupFileError, type RestoreReport } from './restore';
export { databaseKeyState, recoverKeyFromDatabase } from './recover-key';
export { newestBackup, DatabaseDamagedError } from './newest';
export { applyStagedRestore, stageRestore, stagedRestore, cancelStagedRestore } from './staged';
