// Splitting normalised text into the tokens a problem is told by: words, and codes (product names and error codes
// such as "E-404", "0x80070005", "RouterX200", "ERR_SYNC_409", which name the same problem in every language and
// so are never stemmed nor stop-worded). Numbers, quantities ("300GB", "2nd") and ids (INC0012345, ORD-99-1234,
// txn_3k9d8f7g2h1j) are dropped: they name a case, not a problem.

export type RawToken = { kind: 'word'; text: string } | { kind: 'code'; key: string; display: string };

// Letters and digits, joined by inner hyphens, underscores, dots and apostrophes ("e-mail", "ERR_SYNC_409", "l'app").
const tokenPattern = /[\p{L}\p{N}]+(?:[-_.'’][\p{L}\p{N}]+)*/gu;
const hasLetter = /\p{L}/u;
const hasDigit = /\p{N}/u;
const wordSeparators = /[-.'’]/;
const codeSeparators = /[-_.'’]/g;
const hex = /^0x[0-9a-f]{4,}$/iu;
// A letter prefix and a run of digits (with dashes): a ticket, order, invoice or VAT id once it has 5+ digits.
const prefixedNumber = /^\p{L}{0,6}[-_#/]?\p{N}[\p{N}\-_/]*$/u;
// A number of two digits or more with a short unit ("300GB", "50mbps", "10am", "24h"), or an English ordinal ("2nd").
// One digit and letters stays a code: "2FA", "3DS", "4G", "5G" name things.
const quantity = /^(?:\p{N}{2,}(?:[.,]\p{N}+)?\p{L}{1,5}|\p{N}+(?:st|nd|rd|th))$/iu;

/** Longest word kept: anything longer is a pasted blob (base64, a hash without digits), not a word. */
export const MAX_WORD_LENGTH = 40;

export function* rawTokens(text: string): Generator<RawToken> {
  for (const m of text.matchAll(tokenPattern)) {
    const token = m[0];
    if (!hasLetter.test(token)) continue; // a number, a date, a version, an amount
    if (hasDigit.test(token) || token.includes('_')) {
      if (isCaseId(token)) continue;
      const key = token.toLowerCase().replace(codeSeparators, '');
      if (key.length >= 2 && key.length <= MAX_WORD_LENGTH) yield { kind: 'code', key, display: token };
      continue;
    }
    for (const part of token.split(wordSeparators)) {
      if (part.length >= 2 && part.length <= MAX_WORD_LENGTH) yield { kind: 'word', text: part.toLowerCase() };
    }
  }
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
