// A ticket's subject and description → the terms a similarity grouping compares: the problem's words, stemmed and
// accent-folded for matching, and its codes. Pure and per ticket; never throws (bad input gives no terms and a
// reason). The steps, each in its own module: normalise (NFKC, case) → strip courtesy (quoted replies, greeting,
// sign-off) and noise (URLs, e-mails, handles, #refs) → detect the language → tokenise (codes kept whole; numbers,
// quantities and ids dropped) → stop words and stemming for the language → fold accents for the key.
import { analyserFor } from './analysers.ts';
import { cyrillicLanguages, detectLanguage, type DetectedBy } from './language.ts';
import { foldAccents } from './normalise.ts';
import { stripCourtesy, stripReplyPrefix } from './strip-courtesy.ts';
import { stripNoise } from './strip-noise.ts';
import { rawTokens } from './tokens.ts';

/**
 * How much of a description is read: the problem is stated at its start, and what runs on past this (a pasted
 * log, a forwarded thread, a 1 MB attachment pasted as text) only costs time: every step is linear in the text,
 * and one such ticket would cost as much as thousands of ordinary ones. 8 KB is several pages of prose.
 */
export const MAX_DESCRIPTION_CHARS = 8 * 1024;
export const MAX_SUBJECT_CHARS = 1024;

const latin = /^[a-z]+$/;

export type NoTermsReason = 'no text' | 'no words left after stripping';

export interface TicketTerms {
  /** ISO 639-1 code of the ticket's language, or 'und'. */
  language: string;
  /** How the language was decided (a short text falls back to the caller's language or to its script). */
  languageBy: DetectedBy;
  /** Matching keys, in text order, repeats kept: stems accent-folded ("racun"), codes without separators ("e404"). */
  terms: string[];
  /** Parallel to `terms`: the form as written, case-folded but with its accents ("računa"), codes as written ("E-404"). */
  display: string[];
  /**
   * How many of `terms` (the first ones) come from the subject, which says the problem in few words: an issue is
   * named by them first (naming.ts). Absent: not known (read as none).
   */
  subjectTerms?: number;
  /** Why `terms` is empty. */
  reason?: NoTermsReason;
}

export interface TicketTermsOptions {
  /** Language to assume when the text is too short to tell (e.g. the organisation's or the load's main language). */
  fallbackLanguage?: string;
}

export function ticketTerms(subject: string | null | undefined, description: string | null | undefined, options: TicketTermsOptions = {}): TicketTerms {
  const rawSubject = clip(typeof subject === 'string' ? subject : '', MAX_SUBJECT_CHARS);
  const rawDescription = clip(typeof description === 'string' ? description : '', MAX_DESCRIPTION_CHARS);
  if (!rawSubject.trim() && !rawDescription.trim()) return empty('und', 'none', 'no text');

  // NFKC before stripping, so that full-width "＠" and "：" are seen; case is kept for the codes' display form.
  const subjectText = stripNoise(stripReplyPrefix(rawSubject.normalize('NFKC')));
  const text = subjectText + '\n' + stripNoise(stripCourtesy(rawDescription.normalize('NFKC')));
  // Tokenising does not depend on the language, so it comes first and its words feed the language vote. No token
  // spans the line break, so the subject's tokens come first.
  const tokens = [...rawTokens(text)];
  let subjectTokens = 0;
  for (const _ of rawTokens(subjectText)) subjectTokens++;
  const words: string[] = [];
  for (const t of tokens) if (t.kind === 'word') words.push(t.text);
  const guess = detectLanguage(text, words, options.fallbackLanguage);
  const analyser = analyserFor(guess.language);
  // A Latin word in a Cyrillic ticket ("Ledgerly", "invoices", "export") is borrowed English: analysed as English,
  // it meets the English tickets' terms.
  const latinAnalyser = cyrillicLanguages.has(guess.language) ? analyserFor('en') : analyser;
  const memo = memoFor(guess.language);

  const terms: string[] = [];
  const display: string[] = [];
  let subjectTerms = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (i === subjectTokens) subjectTerms = terms.length;
    if (token.kind === 'code') {
      terms.push(token.key);
      display.push(token.display);
      continue;
    }
    const word = token.text;
    let key = memo.get(word);
    if (key === undefined) {
      const a = latinAnalyser !== analyser && latin.test(word) ? latinAnalyser : analyser;
      key = a.stopWords.has(word) || a.stopWords.has(foldAccents(word)) ? '' : foldAccents(a.stem ? a.stem(word) : word);
      // English quoted in a Latin-script ticket of another language ("Transaction could not be processed" in a
      // Croatian one): a word its own stemmer leaves as it is and plain ASCII is read as English too, so that it
      // meets the English tickets' terms; an English function word goes. Only where the language has a stemmer to
      // tell (hr, it, es): a Croatian word its stemmer keeps may lose an English-looking ending ("jutros" → "jutro").
      if (key === word && analyser.stem && borrowsEnglish(guess.language) && latin.test(word)) {
        const english = analyserFor('en');
        key = english.stopWords.has(word) ? '' : english.stem!(word);
      }
      remember(memo, word, key);
    }
    if (!key) continue;
    terms.push(key);
    display.push(word);
  }
  if (!terms.length) return empty(guess.language, guess.by, 'no words left after stripping');
  return { language: guess.language, languageBy: guess.by, terms, display, subjectTerms: subjectTerms < 0 ? terms.length : subjectTerms };
}

/** Languages written in Latin script whose tickets quote English (error messages, product words). */
function borrowsEnglish(language: string): boolean {
  return language !== 'en' && language !== 'tl' && language !== 'und' && !cyrillicLanguages.has(language);
}

function empty(language: string, languageBy: DetectedBy, reason: NoTermsReason): TicketTerms {
  return { language, languageBy, terms: [], display: [], reason };
}

/** The first `max` UTF-16 units, without splitting a surrogate pair (an emoji cut in half is not text). */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = text.charCodeAt(max - 1) >= 0xd800 && text.charCodeAt(max - 1) <= 0xdbff ? max - 1 : max;
  return text.slice(0, end);
}

// Word → key per language: support text repeats a small vocabulary, so most words are looked up, not stemmed.
// Bounded: a load of a million tickets with typos and names would otherwise grow it without end.
const MEMO_LIMIT = 200_000;
const memos = new Map<string, Map<string, string>>();

function memoFor(language: string): Map<string, string> {
  let memo = memos.get(language);
  if (!memo) memos.set(language, (memo = new Map()));
  return memo;
}

function remember(memo: Map<string, string>, word: string, key: string) {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, key);
}
