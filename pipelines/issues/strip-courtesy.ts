// Line-level stripping of what surrounds a customer's problem: the quoted reply chain, the opening greeting and the
// closing sign-off block. Whole lines only (or a greeting's words before its comma), so a sentence that merely
// contains "thanks" or "pozdrav" is never cut.
import { courtesyParticles, greetingCues, sentFromCues, signOffCues } from './courtesy-cues.ts';
import { foldAccents, normaliseText } from './normalise.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (cues: readonly string[]) =>
  [...new Set(cues.map((c) => foldAccents(normaliseText(c))))].sort((a, b) => b.length - a.length).map(escape).join('|');
const particles = alternation(courtesyParticles);

// A cue, then at most a few short words (a name, "team", "po", "Ledgerly support"), then punctuation: the whole line.
const greetingLine = new RegExp(`^(?:${alternation(greetingCues)})(?:\\s*[,!.:;]?\\s*[\\p{L}.'’-]+){0,4}\\s*[,!.:;…]*$`, 'u');
// A cue with its comma or exclamation mark, at the start of a line that goes on ("Hi, my app crashes", "Здравствуйте! Не могу…").
const greetingPrefix = new RegExp(`^(?:${alternation(greetingCues)})(?:\\s+[\\p{L}'’-]+){0,2}\\s*[,!]`, 'u');
const signOffLine = new RegExp(`^(?:${alternation(signOffCues)})(?:\\s+(?:${particles}))?(?:\\s*[,!.:;]?\\s*[\\p{L}.'’-]+){0,3}\\s*[,!.:;…]*$`, 'u');
const sentFromLine = new RegExp(`^(?:${alternation(sentFromCues)})\\b`, 'u');
const separatorLine = /^(?:-{2,}|_{2,}|—+|={2,})\s*$/u;

// Headers a mail client writes above the message it quotes ("On Mon, 3 Nov 2025, Ana <a@b.hr> wrote:", the
// localised forms of the same, "-----Original Message-----", "From: Ana <a@b.hr>"). Matched on the folded line.
const quoteHeaders: readonly RegExp[] = [
  /^(?:on|am|le|el|il|em|op|dana|dne|noong|w dniu)\b.*\b(?:wrote|schrieb|ecrit|escribio|scritto|escreveu|schreef|napisao|napisala|napisao\/la|je napisao|sumulat|napisał)\b.*:?$/u,
  /(?:написал|написала|написал\(а\)|пишет)\s*:$/u,
  /^.*[<[][^>\]]*@[^>\]]*[>\]]\s*:$/u,
  /^-{2,}\s*(?:original message|izvorna poruka|исходное сообщение|messaggio originale|mensaje original|orihinal na mensahe)\s*-{2,}$/u,
  /^(?:from|od|от|da|de|mula kay)\s*:\s.*@/u,
];

/** Mail subject prefixes ("Re:", "Fwd:", "Odg:", "AW:", "RE[2]:"), repeated, in the languages we meet. */
const replyPrefix = /^(?:\s*(?:re|fw|fwd|aw|wg|odg|odgovor|proslijeđeno|sv|vs|rif|r|rv|res|отв|пересл|ответ)\s*(?:\[\d+\])?\s*:)+\s*/iu;

const asciiOnly = /^[\x00-\x7f]*$/;
// NFKC and accent folding leave ASCII as it is: an ASCII line (most lines of most tickets) only needs lower case.
const fold = (line: string) => (asciiOnly.test(line) ? line.toLowerCase() : foldAccents(normaliseText(line))).trim();

export function stripReplyPrefix(subject: string): string {
  return subject.replace(replyPrefix, '');
}

/** The description without quoted replies, its greeting line and its sign-off block. */
export function stripCourtesy(description: string): string {
  const lines = description.split(/\r\n|\r|\n/);
  let end = lines.length;

  // 1. A quoted reply chain: everything from its header, or from the first "> " line, is someone else's text.
  for (let i = 0; i < end; i++) {
    const raw = lines[i]!.trimStart();
    // Every header form has a colon or starts with dashes: other lines skip the folding and the patterns.
    const mayBeHeader = raw.length <= 200 && (raw.includes(':') || raw.startsWith('-'));
    if (raw.startsWith('>') || (mayBeHeader && quoteHeaders.some((re) => re.test(fold(raw))))) {
      end = i;
      break;
    }
  }

  // 2. The sign-off block: within the last 6 non-empty lines, the earliest sign-off line (or mail-app line, or
  // "--" separator) followed only by short lines (a name, a company, a phone number).
  const nonEmpty: number[] = [];
  for (let i = end - 1; i >= 0 && nonEmpty.length < 6; i--) if (lines[i]!.trim()) nonEmpty.push(i);
  let cut = end;
  for (const i of nonEmpty) {
    const f = fold(lines[i]!);
    if (f.length > 60) break;
    if (signOffLine.test(f) || sentFromLine.test(f) || separatorLine.test(f)) cut = i;
  }
  end = cut;

  // 3. The greeting: the first non-empty line, whole if it is only a greeting, else its greeting words.
  let start = 0;
  while (start < end && !lines[start]!.trim()) start++;
  const kept = lines.slice(start, end);
  if (kept.length) {
    const first = kept[0]!;
    const f = fold(first);
    if (f.length <= 60 && greetingLine.test(f)) kept.shift();
    else {
      const m = greetingPrefix.exec(f);
      if (m) kept[0] = first.slice(cutIndex(first, f, m[0].length));
    }
  }
  return kept.join('\n');
}

/**
 * Where, in the original line, the greeting prefix found in its folded form ends. Folding can change lengths
 * ("ß" → "ss", trimmed spaces), but not the count of commas and exclamation marks, and the prefix ends with one.
 */
function cutIndex(original: string, folded: string, foldedEnd: number): number {
  const punctuation = /[,!]/g;
  let wanted = 0;
  for (let i = 0; i < foldedEnd; i++) if (folded[i] === ',' || folded[i] === '!') wanted++;
  let m: RegExpExecArray | null;
  while ((m = punctuation.exec(original))) if (--wanted === 0) return m.index + 1;
  return 0;
}
