/** What other features may use of settings: the settings service, the desk's identity, its table. */
export type { DeskIdentity, SettingsService } from './settings';
export { desk } from './schema';
