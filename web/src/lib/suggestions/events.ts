// A suggestion's audit trail (`events`, managers only) in words: one line per change, with the texts it kept. Pure:
// unit-tested in node (test/web/suggestion-board.test.ts). The payloads are docs/suggestions.md's ("Storage and the
// audit trail"); anything unexpected in one is left out rather than guessed.
import type { SuggestionDetail, SuggestionStatus } from '../api/suggestions';
import { statusLabels } from './board';

export type SuggestionEvent = NonNullable<SuggestionDetail['events']>[number];

/** What an event did, and the text it carried (a comment, a response, a reason, an edit's text before), if any. */
export interface EventLine {
  action: string;
  text: string | null;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const statusWord = (value: unknown): string => statusLabels[value as SuggestionStatus] ?? String(value);

export function describeEvent(event: Pick<SuggestionEvent, 'kind' | 'payload'>): EventLine {
  const payload = (typeof event.payload === 'object' && event.payload !== null ? event.payload : {}) as Record<string, unknown>;
  switch (event.kind) {
    case 'create':
      return { action: payload.anonymous === true ? 'submitted it, anonymous to colleagues' : 'submitted it', text: null };
    case 'edit': {
      const after = (typeof payload.after === 'object' && payload.after !== null ? payload.after : {}) as Record<string, unknown>;
      const before = (typeof payload.before === 'object' && payload.before !== null ? payload.before : {}) as Record<string, unknown>;
      const fields = Object.keys(after).join(', ') || 'it';
      const by = payload.linked_by === 'demo' ? ' (linked by the demo)' : '';
      const earlier = str(before.body) ?? str(before.title);
      return { action: `changed ${fields}${by}`, text: earlier === null ? null : `Before: ${earlier}` };
    }
    case 'vote':
      return { action: 'voted', text: null };
    case 'unvote':
      return { action: 'took their vote back', text: null };
    case 'comment':
      return { action: 'commented', text: str(payload.body) };
    case 'comment_edit':
      return { action: 'edited a comment', text: str(payload.before) === null ? null : `Before: ${str(payload.before)}` };
    case 'move': {
      const to = payload.to;
      const when = to === 'implemented' && str(payload.implemented_on) ? ` (live ${str(payload.implemented_on)})` : '';
      return { action: `moved it from ${statusWord(payload.from)} to ${statusWord(to)}${when}`, text: to === 'declined' ? str(payload.reason) : null };
    }
    case 'response':
      return { action: 'answered', text: str(payload.response) };
  }
}
