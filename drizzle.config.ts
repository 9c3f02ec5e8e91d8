import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  // Each feature owns its tables in its own schema.ts; the platform owns the key check.
  schema: './src/main/*/schema.ts',
  out: './drizzle',
});
