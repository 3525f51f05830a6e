// Unicode normalisation of ticket text. NFKC first, so that full-width letters, ligatures and compatibility forms
// ("ﬁ", "Ｅ４０４", "①") compare as the plain characters they stand for; then case folding. Accents are folded
// only for the matching key (the display form keeps them, so an issue can be named in the ticket's own spelling).

/** NFKC and lower case (`toLowerCase` is full Unicode case mapping; it also maps "İ" and Greek final sigma). */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

// Letters that carry their accent in the base character, so NFD leaves them whole: fold them by hand.
const undecomposable: Record<string, string> = { đ: 'd', ð: 'd', ø: 'o', ł: 'l', ħ: 'h', ı: 'i', æ: 'ae', œ: 'oe', ß: 'ss' };
const undecomposablePattern = /[đðøłħıæœß]/g;
const marks = /\p{M}+/gu;
const asciiOnly = /^[\x00-\x7f]*$/;

/**
 * The accent-folded key of an already normalised word: "račun" and "racun" (Croatian typed without diacritics),
 * "ёлка"/"елка", "й"/"и", "factura"/"fáctura" match. Pure ASCII, the common case, is returned as it is.
 */
export function foldAccents(word: string): string {
  if (asciiOnly.test(word)) return word;
  return word.normalize('NFD').replace(marks, '').replace(undecomposablePattern, (c) => undecomposable[c]!).normalize('NFC');
}
