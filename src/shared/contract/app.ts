import { z } from 'zod';
import { languages } from '../i18n/languages';
import { deskCode, empty, text, userName, secret } from './common';
import { settingText, statusUrlField } from './settings';
import { method } from './define';

export const deskInfo = z.object({ code: z.string(), siteName: z.string() });

export const appMethods = {
  'app.status': method({
    summary: 'Whether the desk is set up, its code and site, and which shell runs it.',
    access: 'public',
    whileLocked: true,
    input: empty,
    output: z.object({
      setupDone: z.boolean(),
      desk: deskInfo.nullable(),
      shell: z.enum(['electron', 'browser']),
      version: z.string(),
      /** Suggestions for the setup form, from the reference data (the Pemkab's WhatsApp line). */
      setupDefaults: z.object({ followUpContact: z.string() }),
    }),
  }),
  'app.about': method({
    summary:
      'Tentang: the version, where the data, the key and the logs are, the database size and counts, the last backup, the memory in use (supervisor).',
    access: 'supervisor',
    input: empty,
    output: z.object({
      version: z.string(),
      shell: z.enum(['electron', 'browser']),
      runtime: z.object({ node: z.string(), electron: z.string().nullable(), sqlite: z.string() }),
      dataDir: z.string(),
      logDir: z.string(),
      keyAt: z.string(),
      databaseBytes: z.number(),
      counts: z.object({
        complaints: z.number(),
        events: z.number(),
        audit: z.number(),
        accounts: z.number(),
      }),
      lastBackupAt: z.string().nullable(),
      restoredAt: z.string().nullable(),
      /** The main process's memory: resident, the JS heap, buffers outside it, SQLite's page cache and mmap. */
      memory: z.object({
        rssBytes: z.number(),
        jsHeapUsedBytes: z.number(),
        jsHeapTotalBytes: z.number(),
        externalBytes: z.number(),
        sqliteCacheLimitBytes: z.number(),
        sqliteMmapBytes: z.number(),
      }),
    }),
  }),
  'app.reportError': method({
    summary: 'A failure in the desk window (a screen that crashed, a failed load), for the log.',
    access: 'public',
    whileLocked: true,
    passive: true,
    input: z.strictObject({
      where: z.enum(['screen', 'window', 'promise', 'reference']),
      message: z.string().max(500),
      stack: z.string().max(4000).optional(),
    }),
    output: z.null(),
  }),
  'app.setLanguage': method({
    summary: 'The language this window shows; main writes its messages to it in that language.',
    access: 'public',
    whileLocked: true,
    passive: true,
    input: z.strictObject({ language: z.enum(languages) }),
    output: z.null(),
  }),
  'setup.initialize': method({
    summary: 'First run only: desk code, site name and the first administrator.',
    access: 'public',
    input: z.strictObject({
      deskCode,
      siteName: text(3, 120),
      admin: z.strictObject({
        name: userName,
        displayName: text(2, 100),
        secret,
      }),
      /** Printed on every receipt: where the citizen asks about the complaint. */
      followUpContact: settingText(120),
      statusUrl: statusUrlField,
    }),
    output: z.object({ desk: deskInfo, adminId: z.string() }),
  }),
};
