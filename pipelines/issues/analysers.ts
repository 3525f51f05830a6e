// Stop words and stemmer per language, from maintained packages:
// - stop words: `stopword` (its Croatian and Tagalog lists are stopwords-iso's; its English list is the classic
//   short one, where stopwords-iso's 1,298 English words include "work", "problem", "help", "bill", "down" and
//   "high", the very words a support problem is told by);
// - stemmers: Snowball's Russian, Italian, Spanish and Serbian from `@orama/stemmers` (Snowball has no Croatian;
//   its Serbian stemmer is written for the shared Serbo-Croatian morphology in Latin and Cyrillic script, and
//   strips Croatian case endings: "lozinka/lozinke/lozinku" → "lozink"); English from `stemmer` (Porter; Orama's
//   English port drops the "t" of "-tion", so "connection" and "connected" would not meet);
// - Tagalog: no Tagalog stemmer. Snowball has none, and the one maintained alternative (@nlpjs/lang-tl, an affix
//   stripper) counts syllables with a no-op and tries only its first infix; Taglish tickets write the affix with
//   a hyphen ("nag-crash", "makapag-login"), which tokenising already splits off. What Tagalog tickets do inflect
//   is the English they borrow ("invoices", "payments", "updating"), so they get the English (Porter) stemmer: it
//   meets the English tickets' stems, and leaves Tagalog words alone or trims them the same way every time.
// - Tagalog's list (stopwords-iso's) lacks the politeness particles and discourse words every Tagalog ticket
//   carries ("po", "naman", "lang", "daw"), and the verb affixes Taglish writes before a hyphen ("nag-error",
//   "ma-download"), so those few are added; and since Taglish switches to English mid-sentence, English stop words
//   count as Tagalog ones too.
// Other languages the detector names get their stop words where `stopword` has them, and no stemming.
import { stemmer as englishStemmer } from 'stemmer';
import { stemmer as russianStemmer } from '@orama/stemmers/russian';
import { stemmer as italianStemmer } from '@orama/stemmers/italian';
import { stemmer as spanishStemmer } from '@orama/stemmers/spanish';
import { stemmer as serbianStemmer } from '@orama/stemmers/serbian';
import stopword from 'stopword';
import { foldAccents, normaliseText } from './normalise.ts';

/** The languages with full support: detection, stop words and stemming. ISO 639-1. */
export const supportedLanguages = ['en', 'hr', 'ru', 'tl', 'it', 'es'] as const;

export interface Analyser {
  /** Stop words, normalised, each also accent-folded ("već" and "vec": Croatian is often typed without diacritics). */
  stopWords: ReadonlySet<string>;
  /** Snowball (or Porter) stem of a normalised, unfolded word; null: no stemmer for the language. */
  stem: ((word: string) => string) | null;
}

// ISO 639-1 (what the detector answers) → the `stopword` package's ISO 639-3 list.
const stopWordLists: Record<string, readonly string[]> = {
  en: stopword.eng, hr: stopword.hrv, ru: stopword.rus, tl: stopword.tgl, it: stopword.ita, es: stopword.spa,
  de: stopword.deu, fr: stopword.fra, pt: stopword.por, nl: stopword.nld, pl: stopword.pol, sl: stopword.slv,
  cs: stopword.ces, sk: stopword.slk, sv: stopword.swe, da: stopword.dan, no: stopword.nob, fi: stopword.fin,
  hu: stopword.hun, ro: stopword.ron, tr: stopword.tur, uk: stopword.ukr, bg: stopword.bul, el: stopword.ell,
  et: stopword.est, lt: stopword.lit, lv: stopword.lav, ca: stopword.cat, eu: stopword.eus, ms: stopword.msa,
};

const tagalogExtra = [
  'po', 'ho', 'opo', 'oho', 'naman', 'lang', 'lamang', 'daw', 'raw', 'rin', 'nga', 'ba', 'kasi', 'yung', 'yun', 'nung', 'sana',
  'nag', 'mag', 'na', 'ma', 'pag', 'naka', 'maka', 'nakapag', 'makapag', 'nagka', 'magka', 'nagpa', 'magpa', 'nagsi', 'magsi', 'ipa', 'i',
];
// `stopword`'s classic English list lacks a few words every support ticket opens or tells its story with ("Hi, when
// I export…").
const englishExtra = ['when', 'hi', 'hello', 'hey'];
const extraStopWords: Record<string, readonly string[]> = { en: englishExtra, tl: [...tagalogExtra, ...stopword.eng, ...englishExtra] };

/**
 * Porter, except where it cuts a word down to a function word: "one" and "ones" → "on", which then meets every
 * unfiltered "on". (Porter's "use" → "us" stays: it meets the pronoun, and measured on the Comcast titles, keeping
 * them apart split the throttling theme — "throttling us" — from 89 % to 61 % of its titles in one group.)
 */
const englishExceptions = new Map([['one', 'one'], ['ones', 'one']]);

function englishStem(word: string): string {
  return englishExceptions.get(word) ?? englishStemmer(word);
}

const stemmers: Record<string, (word: string) => string> = {
  en: englishStem, tl: englishStem, hr: serbianStemmer, ru: russianStemmer, it: italianStemmer, es: spanishStemmer,
};

/**
 * Each supported language's own function words, for the language vote in language.ts: its list and Tagalog's
 * particles ("po" is what tells Taglish from Croatian, whose list also has "po", "sa" and "na"), not the English
 * words Tagalog borrows.
 */
export const votingStopWords: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  supportedLanguages.map((l) => [l, new Set([...stopWordLists[l]!, ...(l === 'tl' ? tagalogExtra : [])].map(normaliseText))]),
);

const cache = new Map<string, Analyser>();
const none: Analyser = { stopWords: new Set(), stem: null };

/** The analyser for a language code; 'und' and unknown codes get none (every word kept, unstemmed). */
export function analyserFor(language: string): Analyser {
  let a = cache.get(language);
  if (!a) {
    const list = stopWordLists[language];
    const stem = stemmers[language] ?? null;
    if (!list && !stem) return none;
    const stopWords = new Set<string>();
    for (const w of [...(list ?? []), ...(extraStopWords[language] ?? [])]) {
      const n = normaliseText(w);
      stopWords.add(n);
      stopWords.add(foldAccents(n));
    }
    a = { stopWords, stem };
    cache.set(language, a);
  }
  return a;
}
