import type { PersonalDataCipher } from './crypto/personal-data';
import type { Db, Sqlite } from './database';

/** What every service is handed: storage, the personal-data cipher and a clock tests can set. */
export interface CoreContext {
  db: Db;
  sqlite: Sqlite;
  cipher: PersonalDataCipher;
  clock: () => Date;
}
