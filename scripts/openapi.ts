// npm run openapi: writes docs/central-api.openapi.json from the zod schemas of the central contract.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApi } from '../src/main/forwarding/openapi';

const file = join(import.meta.dirname, '..', 'docs', 'central-api.openapi.json');
writeFileSync(file, JSON.stringify(buildOpenApi(), null, 2) + '\n');
console.log(`written ${file}`);
