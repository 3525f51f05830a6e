// Splitting normalised text into the tokens a problem is told by: words, and codes (product names and error codes
// such as "E-404", "0x80070005", "RouterX200", "ERR_SYNC_409", which name the same problem in every language and
// so are never stemmed nor stop-worded). Numbers, quantities ("300GB", "2nd") and ids (INC0012345, ORD-99-1234,
// txn_3k9d8f7g2h1j) are dropped: they name a case, not a problem.

export type RawToken = { kind: 'word'; text: string } | { kind: 'code'; key: string; display: string };

// Letters and digits, joined by inner hyphens, underscores, dots and apostrophes ("e-mail", "ERR_SYNC_409", "l'app").
const tokenPattern = /[\p{L}\p{N}]+(?:[-_.'’][\p{L}\p{N}]+)*/gu;
const hasLetter = /\p{L}/u;
const hasDigit = /\p{N}/u;
const wordSeparators = /[-.]/;
const apostrophes = /['’]/;
const joiners = /[-.'’]/;
// English clitics after an apostrophe: "we've", "it's", "you'll", "I'd", "I'm", "they're".
const clitics = new Set(['s', 're', 've', 'll', 'd', 'm']);
const codeSeparators = /[-_.'’]/g;
const hex = /^0x[0-9a-f]{4,}$/iu;
// A letter prefix and a run of digits (with dashes): a ticket, order, invoice or VAT id once it has 5+ digits.
const prefixedNumber = /^\p{L}{0,6}[-_#/]?\p{N}[\p{N}\-_/]*$/u;
// A number of two digits or more with a short unit ("300GB", "50mbps", "10am", "24h"), or an English ordinal ("2nd").
// One digit and letters stays a code: "2FA", "3DS", "4G", "5G" name things.
const quantity = /^(?:\p{N}{2,}(?:[.,]\p{N}+)?\p{L}{1,5}|\p{N}+(?:st|nd|rd|th))$/iu;

/** Longest word kept: anything longer is a pasted blob (base64, a hash without digits), not a word. */
export const MAX_WORD_LENGTH = 40;

/** The text's tokens in order (an array: the analysis reads them twice, for the language vote and for the terms). */
export function rawTokens(text: string): RawToken[] {
  const out: RawToken[] = [];
  for (const m of text.matchAll(tokenPattern)) {
    const token = m[0];
    const kinds = letterAndDigit(token);
    if (!(kinds & LETTER)) continue; // a number, a date, a version, an amount
    if (kinds & DIGIT || token.includes('_')) {
      if (isCaseId(token)) continue;
      const key = token.toLowerCase().replace(codeSeparators, '');
      if (key.length >= 2 && key.length <= MAX_WORD_LENGTH) out.push({ kind: 'code', key, display: token });
      continue;
    }
    for (const text of words(token.toLowerCase())) out.push({ kind: 'word', text });
  }
  return out;
}

const LETTER = 1;
const DIGIT = 2;

/**
 * Whether a token (letters, digits and the joiners of `tokenPattern`) has a letter (bit LETTER) and a digit (DIGIT):
 * by code unit for ASCII, Latin with accents and Cyrillic, where every character a token holds is a letter (a
 * token has no marks, and no "×" or "÷": they are not \p{L}\p{N}); by the Unicode classes otherwise.
 */
function letterAndDigit(token: string): number {
  let kinds = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x30 && c <= 0x39) kinds |= DIGIT;
      else if (((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) kinds |= LETTER;
    } else if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x400 && c <= 0x52f)) kinds |= LETTER;
    else if (c !== 0x2019) return (hasLetter.test(token) ? LETTER : 0) | (hasDigit.test(token) ? DIGIT : 0);
  }
  return kinds;
}

/** Whether a token that mixes letters and digits is an id or a quantity rather than a code worth keeping. */
export function isCaseId(token: string): boolean {
  if (hex.test(token)) return false; // 0x80070005: a Windows/COM error code, digits and all
  if (quantity.test(token)) return true;
  let digits = 0;
  let transitions = 0;
  let previous = 0; // 1 letter, 2 digit
  for (const ch of token) {
    const kind = hasDigit.test(ch) ? 2 : hasLetter.test(ch) ? 1 : 0;
    if (kind === 2) digits++;
    if (kind && previous && kind !== previous) transitions++;
    if (kind) previous = kind;
  }
  if (digits >= 5 && prefixedNumber.test(token)) return true;
  // Letters and digits interleaved again and again: a generated id (txn_3k9d8f7g2h1j, a UUID, a hash).
  return token.length >= 8 && transitions >= 3;
}

/**
 * The words of a letters-only token. Hyphens and dots split it ("nag-crash" → "nag", "crash"; Taglish "i-reset" →
 * "reset"), except the "e-" of electronic, written both ways in every language we meet ("e-mail"/"email",
 * "e-račun"/"eračun"): it stays joined. Apostrophes split it too
 * ("l'applicazione" → "l", "applicazione"), except English contractions: a negated auxiliary ("doesn't", "can't",
 * "won't") is a function word whole, and a clitic ("'ve", "'s", "'ll") is dropped.
 */
function words(token: string): string[] {
  if (!joiners.test(token)) return token.length >= 2 && token.length <= MAX_WORD_LENGTH ? [token] : [];
  const pieces = token.split(apostrophes);
  if (pieces.length > 1) {
    const last = pieces[pieces.length - 1]!;
    if (last === 't' && pieces[pieces.length - 2]!.endsWith('n')) return [];
    if (clitics.has(last)) pieces.pop();
  }
  const out: string[] = [];
  for (const piece of pieces) {
    let pending = '';
    for (const part of piece.split(wordSeparators)) {
      if (part === 'e') {
        pending = part;
        continue;
      }
      const word = pending + part;
      pending = '';
      if (word.length >= 2 && word.length <= MAX_WORD_LENGTH) out.push(word);
    }
  }
  return out;
}
