// /api/customers: repeat contacters and flagged customers (issue 12 §2/§3), and the lead's flag and unflag (§4).
import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import type { Database } from '../../sql/db.ts';
import { clearCustomerFlag, customerFlags, flaggedCustomers, setCustomerFlag } from '../../sql/customers/flags.ts';
import { repeatContacters } from '../../sql/customers/repeat.ts';
import { EditRefusal } from '../../sql/issues/edits.ts';
import { actorFields, actorOf } from '../actor.ts';
import { customerFlagsSchema, flaggedCustomersSchema, repeatContactersSchema } from '../contracts.ts';
import { invalidRequest, json, problems, tooLarge } from '../openapi/responses.ts';
import { nextCursor, offsetOf, pageQuery, pageQueryShape } from '../paging.ts';
import { ProblemError } from '../problem.ts';
import { boundedText, jsonBodyOnly, validationHook } from '../validation.ts';
import { defaultRange, filterQueryShape, filtersOf, isoDate, parseRange } from './metric-query.ts';
import { maxNoteLength } from './issue-actions.ts';
import { accountOf } from '../auth/authorise.ts';
import { ticketFilters } from '../auth/scope.ts';

const maxListed = 1_000;

const repeatQuery = z
  .object({ from: isoDate.optional(), to: isoDate.optional(), ...pageQueryShape(maxListed, 100), ...filterQueryShape })
  .strict();
const flaggedQuery = pageQuery(maxListed, 100);

const flagParam = z.object({ id: boundedText(), flag: z.enum(customerFlags) });
const note = z.string().trim().min(1).max(maxNoteLength).nullable().default(null);
const flagBody = z.object({ note: note.meta({ description: 'Why (optional).' }), ...actorFields }).strict();

const day = (date: Date) => date.toISOString().slice(0, 10);

function refused(error: unknown): never {
  if (!(error instanceof EditRefusal)) throw error;
  throw new ProblemError(404, 'Not found', `${error.field}: ${error.message}.`, { issues: [{ parameter: error.field, message: error.message }] });
}

const notJson = 'The body is not application/json.';
const describeCustomers = {
  repeat: describeRoute({
    tags: ['customers'],
    summary: 'Repeat contacters: two or more tickets on one issue, or a ticket within 7 days of the previous one',
    description: 'Among each requester’s tickets created in the range and the filters. Default range: the last 52 weeks and this one. ' +
      'A page at a time, most tickets first (then latest contact, then customer id): `next_cursor` asks for the next page.',
    responses: { 200: json('A page of the repeat contacters, and how many there are.', repeatContactersSchema), ...problems({ 400: invalidRequest }) },
  }),
  flagged: describeRoute({
    tags: ['customers'],
    summary: 'Customers flagged abusive or legal_threat, with their open tickets and last contact',
    description: 'A page at a time, most open tickets first (then latest contact, then customer id): `next_cursor` asks for the next page.',
    responses: { 200: json('A page of the flagged customers, and how many there are.', flaggedCustomersSchema), ...problems({ 400: invalidRequest }) },
  }),
  flag: describeRoute({
    tags: ['customers'],
    summary: 'Flag a customer',
    description: 'Recorded with who (`by`) and when. A flag already set stays as it was.',
    responses: {
      200: json('The customer’s flags.', customerFlagsSchema),
      ...problems({ 400: invalidRequest, 404: 'There is no customer with this id (in the organisation file or as a requester).', 413: tooLarge, 415: notJson }),
    },
  }),
  unflag: describeRoute({
    tags: ['customers'],
    summary: 'Take a flag off a customer',
    description: 'The flag stays in the history (`cleared`) with who cleared it, when and why.',
    responses: {
      200: json('The customer’s flags.', customerFlagsSchema),
      ...problems({ 400: invalidRequest, 404: 'There is no such customer, or it does not have this flag.', 413: tooLarge, 415: notJson }),
    },
  }),
};

export function customerRoutes(db: Database, now: () => Date = () => new Date()) {
  return new Hono()
    .get('/repeat', describeCustomers.repeat, validator('query', repeatQuery, validationHook), async (c) => {
      const query = c.req.valid('query');
      const { from, to } = parseRange(query.from, query.to, defaultRange(now()));
      const offset = offsetOf(query.cursor);
      const { total, customers } = await repeatContacters(db, { from, to, filters: ticketFilters(accountOf(c), filtersOf(query)), limit: query.limit, offset });
      return c.json({ from: day(from), to: day(to), total, customers, next_cursor: nextCursor(offset, customers.length, total) });
    })
    .get('/flagged', describeCustomers.flagged, validator('query', flaggedQuery, validationHook), async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const offset = offsetOf(cursor);
      const { total, customers } = await flaggedCustomers(db, { limit, offset }, ticketFilters(accountOf(c), {}));
      return c.json({ total, customers, next_cursor: nextCursor(offset, customers.length, total) });
    })
    .put('/:id/flags/:flag', describeCustomers.flag, validator('param', flagParam, validationHook), jsonBodyOnly, validator('json', flagBody, validationHook), async (c) => {
      const { id, flag } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(await setCustomerFlag(db, id, flag, body.note, actorOf(c, now())).catch(refused));
    })
    .delete('/:id/flags/:flag', describeCustomers.unflag, validator('param', flagParam, validationHook), jsonBodyOnly, validator('json', flagBody, validationHook), async (c) => {
      const { id, flag } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(await clearCustomerFlag(db, id, flag, body.note, actorOf(c, now())).catch(refused));
    });
}
