import type { PersonalDataCipher } from './crypto/personal-data';
import type { Db, Sqlite } from './database';
import type { Log } from './log';

/** What every service is handed: storage, the personal-data cipher, the log and a clock tests can set. */
export interface CoreContext {
  db: Db;
  sqlite: Sqlite;
  cipher: PersonalDataCipher;
  clock: () => Date;
  log: Log;
}
