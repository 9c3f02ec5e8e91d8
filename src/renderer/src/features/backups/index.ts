/** What other screens may use of backups: the state panel Beranda shows. */
export { BackupStatusPanel } from './BackupStatusPanel';
