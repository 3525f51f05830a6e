// Who acts (on an issue, on a customer's flags): until there are accounts (issue 13), each action names its author
// in a `by` field, a person's name of 1 to 100 characters, remembered in this browser so a lead types it once, on
// whichever page. When sign-in arrives, this module is what the signed-in account replaces.
export const leadNameKey = 'servicepulse:lead-name';
export const maxLeadName = 100;

/** The name as the API takes it (trimmed), or null when it is empty or too long (counted as the API counts: UTF-16 units). */
export function validLeadName(raw: string): string | null {
  const name = raw.trim();
  return name.length >= 1 && name.length <= maxLeadName ? name : null;
}

type NameStorage = Pick<Storage, 'getItem' | 'setItem'>;

function storage(): NameStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage refused (privacy settings): the name is asked each time
  }
}

/** The name remembered in this browser ('' when none, or when what is stored is not a valid name). */
export function rememberedLeadName(store: NameStorage | null = storage()): string {
  try {
    return validLeadName(store?.getItem(leadNameKey) ?? '') ?? '';
  } catch {
    return '';
  }
}

/** Remembers a valid name for the next action; an invalid one is not stored. */
export function rememberLeadName(raw: string, store: NameStorage | null = storage()): void {
  const name = validLeadName(raw);
  if (!name) return;
  try {
    store?.setItem(leadNameKey, name);
  } catch {
    // storage full or refused: the action still goes through with the typed name
  }
}
