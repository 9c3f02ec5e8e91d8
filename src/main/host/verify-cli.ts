/**
 * Checks the hash chain of a desk's audit trail and history from the command line:
 * `npm run verify-trail -- [--data <folder>]`. Reads the database only (the desk may be running) and
 * needs no key. Exit status 0 when the chain holds, 1 when a row does not fit (named), 2 on misuse.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { createLog } from '../platform/log';
import { PersonalDataCipher } from '../platform/crypto/personal-data';
import { createTrail } from '../trail/trail';
import { describeReport } from '../trail/describe';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { data: { type: 'string', default: join(homedir(), 'MejaPengaduan') } },
  });
  const file = join(resolve(values.data!), 'desk.sqlite');
  if (!existsSync(file)) {
    console.error(`Basis data tidak ditemukan: ${file}`);
    return 2;
  }
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // The trail reads rows and hashes them; it never decrypts, so no key is needed (a throwaway one fills the slot).
    const ctx = {
      db: drizzle(sqlite),
      sqlite,
      cipher: new PersonalDataCipher(Buffer.alloc(32)),
      clock: () => new Date(),
      log: createLog(null),
    };
    const report = await createTrail(ctx).verify();
    console.log(describeReport(report));
    return report.ok ? 0 : 1;
  } finally {
    sqlite.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
