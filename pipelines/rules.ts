// Rules across fields that a single column's parse cannot see. `violated` is SQL over the mapped row.
import type { LoadKind } from './mapping/types.ts';

export interface CrossFieldRule {
  field: string;
  violated: string;
  reason: string;
}

/**
 * How far ahead of the loading machine's clock a timestamp may be and still load: exports from a source whose
 * clock runs a little fast, or written in a zone the mapping does not know, land within a day. Every kind judges
 * its own moment by it, so a ticket dated weeks ahead is refused whether a tickets file or an event log creates it.
 */
export const clockSkewTolerance = 'INTERVAL 1 DAY';
const inTheFuture = (field: string): CrossFieldRule => ({
  field,
  violated: `${field} > now() + ${clockSkewTolerance}`,
  reason: `${field === 'created_at' ? 'created' : 'dated'} in the future (more than a day ahead of this machine's clock)`,
});

export const crossFieldRules: Record<LoadKind, CrossFieldRule[]> = {
  tickets: [
    { field: 'solved_at', violated: 'solved_at < created_at', reason: 'solved before created' },
    { field: 'solved_at', violated: 'solved_at < first_response_at', reason: 'solved before first response' },
    { field: 'first_response_at', violated: 'first_response_at < created_at', reason: 'first response before created' },
    inTheFuture('created_at'),
  ],
  events: [inTheFuture('occurred_at')],
  messages: [inTheFuture('sent_at')],
  feedback: [
    inTheFuture('submitted_at'),
    { field: 'score', violated: 'score < 0 OR score > scale_max', reason: 'score outside its scale' },
    { field: 'scale_max', violated: 'scale_max NOT IN (1, 3, 5, 7, 10)', reason: 'unsupported scale (1, 3, 5, 7 or 10)' },
  ],
};
