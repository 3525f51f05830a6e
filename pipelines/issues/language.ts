// Language of a ticket, with `eld` (Efficient Language Detector, n-gram, 60 languages including Croatian, Tagalog
// and Russian, pure JavaScript). Measured on 180 hand-written helpdesk sentences (test/pipelines/issues/
// language-sentences.ts): eld's small database 180/180; franc 118/180 (it splits Croatian into hrv/srp/bos and
// Tagalog into its neighbours), franc-min 140/180 (no Croatian at all), franc-all 94/180, tinyld 144/180 (Croatian
// read as Serbian). Its "small" database (≈54 MB in memory) was as accurate as the large one on those sentences.
// Short texts are where every detector guesses: below MIN_LETTERS letters, or when eld calls its own answer
// unreliable, the caller's fallback language is used when its script fits, else the script decides (Cyrillic
// → Russian), else 'und'.
import { eld } from 'eld/small';
import { votingStopWords } from './analysers.ts';

/** Below this many letters a detector's answer is a guess (a two-word title: "Data cap" comes back Catalan). */
export const MIN_LETTERS = 12;
/**
 * Text given to the detector: a ticket's opening says which language it is in, and eld's time grows with the text
 * (≈0.5–1 µs a character here); 200 characters are two or three sentences, and every sentence of the accuracy set
 * is shorter.
 */
export const DETECTION_SAMPLE = 200;

/** Languages written in Cyrillic: a Latin word in their tickets is a borrowed (mostly English) product or term. */
export const cyrillicLanguages: ReadonlySet<string> = new Set(['ru', 'uk', 'bg', 'sr', 'be', 'mk', 'kk', 'ky', 'tg', 'mn']);
const letter = /\p{L}/u;

export type DetectedBy = 'stop words' | 'detector' | 'fallback' | 'script' | 'none';

export interface LanguageGuess {
  /** ISO 639-1 code, or 'und' (undetermined). */
  language: string;
  by: DetectedBy;
}

/**
 * The fast path, before the detector: the ticket's words are counted against the supported languages' stop-word
 * lists (the same maintained lists the analysis uses); a clear winner — at least MIN_VOTES function words and twice
 * the runner-up's count — is the language. eld costs about a microsecond a character; this costs a set lookup per
 * word. Ambiguous or function-word-poor text (titles, Taglish, a language we do not list) goes to eld.
 */
export const MIN_VOTES = 3;

// Each function word's languages as bits (bit i: votingStopWords' i-th language): one lookup a word, not one a
// language (the vote runs for every ticket; six set lookups a word were a tenth of the text analysis).
const votingLanguages = [...votingStopWords.keys()];
const votingBits = new Map<string, number>();
votingLanguages.forEach((language, i) => {
  for (const word of votingStopWords.get(language)!) votingBits.set(word, (votingBits.get(word) ?? 0) | (1 << i));
});

function voteByStopWords(words: readonly string[]): string | null {
  const votes = new Array<number>(votingLanguages.length).fill(0);
  for (const w of words) {
    let bits = votingBits.get(w);
    if (bits === undefined) continue;
    for (let i = 0; bits !== 0; i++, bits >>>= 1) if (bits & 1) votes[i]!++;
  }
  let best = '';
  let bestVotes = 0;
  let second = 0;
  votingLanguages.forEach((language, i) => {
    if (votes[i]! > bestVotes) {
      second = bestVotes;
      bestVotes = votes[i]!;
      best = language;
    } else if (votes[i]! > second) second = votes[i]!;
  });
  return bestVotes >= MIN_VOTES && bestVotes >= 2 * second ? best : null;
}

/** `words`: the text's words, normalised (for the stop-word vote); `fallback`: see TicketTermsOptions. */
export function detectLanguage(text: string, words: readonly string[] = [], fallback?: string): LanguageGuess {
  const voted = voteByStopWords(words);
  if (voted) return { language: voted, by: 'stop words' };
  const sample = text.length > DETECTION_SAMPLE ? text.slice(0, DETECTION_SAMPLE) : text;
  let letters = 0;
  let cyrillicLetters = 0;
  // By code unit, without a regular expression for ASCII and Cyrillic (the common cases: this runs per ticket).
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) {
      const lower = c | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) letters++;
    } else if (c >= 0x400 && c <= 0x52f) {
      letters++;
      cyrillicLetters++;
    } else if (letter.test(sample[i]!)) letters++;
  }
  if (letters === 0) return { language: 'und', by: 'none' };
  if (letters >= MIN_LETTERS) {
    const result = eld.detect(sample);
    if (result.language && result.isReliable()) return { language: result.language, by: 'detector' };
  }
  const mostlyCyrillic = cyrillicLetters * 2 > letters;
  if (fallback && cyrillicLanguages.has(fallback) === mostlyCyrillic) return { language: fallback, by: 'fallback' };
  return mostlyCyrillic ? { language: 'ru', by: 'script' } : { language: 'und', by: 'none' };
}
