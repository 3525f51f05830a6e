// Pages by position (`limit` and `cursor`), for lists in a total order that each request reads whole: a load's
// rejected rows, the repeat contacters, the flagged customers. The cursor is the number of items before the page,
// as digits, and the client passes `next_cursor` back as it came; the load history pages by load id instead.
import { z } from 'zod';

const cursorText = z.string().regex(/^\d{1,15}$/, 'expected a cursor from next_cursor');

/** `limit` (1–`max`, `fallback` when absent) and `cursor`, to spread into a query's zod object. */
export const pageQueryShape = (max: number, fallback: number) => ({
  limit: z.coerce.number().int().min(1).max(max).default(fallback).meta({ description: `How many to list (1–${max}).` }),
  cursor: cursorText.optional().meta({ description: 'Where the page starts: a previous answer’s `next_cursor`; the first page without it.' }),
});

/** A query of `limit` and `cursor` only. */
export const pageQuery = (max: number, fallback: number) => z.object(pageQueryShape(max, fallback)).strict();

/** The items a cursor skips. */
export const offsetOf = (cursor: string | undefined): number => Number(cursor ?? 0);

/** The cursor of the page after `listed` items from `offset`, or null when they reach `total`. */
export function nextCursor(offset: number, listed: number, total: number): string | null {
  const next = offset + listed;
  return next < total ? String(next) : null;
}
