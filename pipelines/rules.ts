// Rules across fields that a single column's parse cannot see. `violated` is SQL over the mapped row.
import type { LoadKind } from './mapping/types.ts';

export interface CrossFieldRule {
  field: string;
  violated: string;
  reason: string;
}

export const crossFieldRules: Record<LoadKind, CrossFieldRule[]> = {
  tickets: [
    { field: 'solved_at', violated: 'solved_at < created_at', reason: 'solved before created' },
    { field: 'solved_at', violated: 'solved_at < first_response_at', reason: 'solved before first response' },
    { field: 'first_response_at', violated: 'first_response_at < created_at', reason: 'first response before created' },
    { field: 'created_at', violated: "created_at > now() + INTERVAL 1 DAY", reason: 'created in the future' },
  ],
  events: [],
  messages: [],
  feedback: [
    { field: 'score', violated: 'score < 0 OR score > scale_max', reason: 'score outside its scale' },
    { field: 'scale_max', violated: 'scale_max NOT IN (1, 3, 5, 7, 10)', reason: 'unsupported scale (1, 3, 5, 7 or 10)' },
  ],
};
