// A refused sign-in in words. The server's problem document is the source (its 429 detail says when to try again);
// the fallbacks cover a server that answers without one, so the person always learns what happened and what to do.
import type { ApiError } from '../api/client';

export interface Refusal {
  title: string;
  detail: string;
}

export function signInRefusal(error: ApiError): Refusal {
  switch (error.status) {
    case 401:
      // Never which of the two was wrong: that would tell a guesser which user names exist.
      return { title: 'Wrong user name or password', detail: newWords(error.detail, error.title) ?? 'Check both (passwords are case-sensitive) and try again.' };
    case 429:
      return { title: 'Too many sign-in attempts', detail: error.detail ?? serverSentence(error) ?? 'Wait a few minutes before trying again.' };
    case 0:
      return { title: error.title, detail: error.detail ?? '' };
    default:
      return { title: error.title, detail: error.detail ?? `The server answered with status ${error.status}.` };
  }
}

/** The problem's title when the server wrote one (not the bare HTTP status text a proxy or fallback gives). */
function serverSentence(error: ApiError): string | undefined {
  return /^(HTTP \d+|too many requests)$/i.test(error.title) ? undefined : error.title;
}

/** `detail` unless it only repeats the title ("Wrong user name or password."), which would be said twice. */
function newWords(detail: string | undefined, title: string): string | undefined {
  const bare = (text: string) => text.trim().replace(/[.!]$/, '').toLowerCase();
  return detail && bare(detail) !== bare(title) ? detail : undefined;
}
