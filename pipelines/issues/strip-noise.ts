// Inline noise that names a case, not a problem: URLs, e-mail addresses, @handles and "#12345" references. Ticket
// and order ids written without "#" (INC0012345, ORD-99-1234) and bare numbers go at tokenising (tokens.ts),
// which sees each token whole and can tell an id from an error code.

// Each pattern runs only when the character it cannot match without is in the text: most tickets have no URL,
// e-mail or "#", and a regular expression over the whole text costs more than `includes`.
const patterns: readonly { needs: string; re: RegExp }[] = [
  // Scheme URLs and www. hosts, up to the next space or bracket.
  { needs: '', re: /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"'()[\]]+/giu },
  // A host with a path and no scheme: "app.ledgerly.io/login?next=…".
  { needs: '/', re: /\b(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}\/[^\s<>"'()[\]]*/gu },
  // E-mail addresses.
  { needs: '@', re: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu },
  // @handles (after the e-mails, so "ana@x.hr" is not read as a handle).
  { needs: '@', re: /(?<![\p{L}\p{N}_])@[\p{L}\p{N}_.]+/gu },
  // "#12345", "#INC-12": a hash and a token with a digit in it.
  { needs: '#', re: /#[\p{L}\p{N}_-]*\p{N}[\p{L}\p{N}_-]*/gu },
];
const urlHint = /:\/\/|www\./i;

export function stripNoise(text: string): string {
  let out = text;
  for (const { needs, re } of patterns) {
    if (needs ? !out.includes(needs) : !urlHint.test(out)) continue;
    out = out.replace(re, ' ');
  }
  return out;
}
