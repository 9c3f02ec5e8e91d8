/** The receipts feature's tables (drizzle). Migrations in drizzle/ are generated from every feature's
 * schema.ts; FTS5 and the append-only triggers live in hand-written migrations beside them. */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Receipt printers of this counter; one is the default. Configured by an admin. */
export const printers = sqliteTable('printers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['escpos-tcp', 'escpos-device', 'system', 'pdf'] }).notNull(),
  /** host:port, a device path, a system printer name, or a folder for PDF files */
  address: text('address').notNull(),
  paper: text('paper', { enum: ['58mm', '80mm', 'A4'] }).notNull(),
  codepageMapping: text('codepage_mapping').notNull().default('epson'),
  qrMode: text('qr_mode', { enum: ['native', 'raster'] })
    .notNull()
    .default('native'),
  timeoutMs: integer('timeout_ms').notNull().default(8000),
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  updatedAt: text('updated_at').notNull(),
});
