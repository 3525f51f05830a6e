// A suggestion change that cannot be made, and why: the API answers 404, 403, 409 or 422 naming `field`.
export type SuggestionRefusalKind = 'not_found' | 'forbidden' | 'conflict' | 'invalid';

export class SuggestionRefusal extends Error {
  constructor(
    readonly kind: SuggestionRefusalKind,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'SuggestionRefusal';
  }
}
