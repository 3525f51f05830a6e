// Writes docs/organisation.schema.json from the organisation file's zod schema (pipelines/organisation/schema.ts).
import { writeFileSync } from 'node:fs';
import { organisationJsonSchema } from '../pipelines/organisation/json-schema.ts';

writeFileSync(new URL('../docs/organisation.schema.json', import.meta.url), organisationJsonSchema());
console.log('docs/organisation.schema.json: written from pipelines/organisation/schema.ts.');
