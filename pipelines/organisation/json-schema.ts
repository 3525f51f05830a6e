// The organisation file's format as a JSON Schema, generated from its zod schema (schema.ts) so that the two never
// disagree; committed as docs/organisation.schema.json (`npm run docs:organisation`, checked by a test). It describes
// what a person writes: fields with a default may be left out. Checks that span items (overlapping intervals, a day
// listed twice, known time zones) are not expressible in it and are made on load.
import { z } from 'zod';
import { organisationSchema } from './schema.ts';

export function organisationJsonSchema(): string {
  const schema = z.toJSONSchema(organisationSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'ServicePulse organisation file' }, null, 2)}\n`;
}
