// An issue's flags (recurring, rising, new) as words and icons, never colour alone: each badge shows the word and an
// icon whose shape differs per flag, with the tone (colour) on top. The API states each flag's test; the badge's
// title and the screen reader's text say it.
import type { IssueFlag } from './list-params';

export type FlagIcon = 'arrow-up' | 'star' | 'repeat';
export type FlagTone = 'bad' | 'warn' | 'muted';

export interface FlagPresentation {
  word: string;
  icon: FlagIcon;
  tone: FlagTone;
  /** What the flag means when the API does not say its test. */
  meaning: string;
}

export const flagPresentation: Record<IssueFlag, FlagPresentation> = {
  rising: { word: 'Rising', icon: 'arrow-up', tone: 'bad', meaning: 'This period is significantly above its trailing baseline.' },
  new: { word: 'New', icon: 'star', tone: 'warn', meaning: 'First seen recently, with enough tickets to matter.' },
  recurring: { word: 'Recurring', icon: 'repeat', tone: 'muted', meaning: 'Present in most of the recent periods.' },
};

/** The order badges are shown in: what needs attention first. */
export const flagOrder: readonly IssueFlag[] = ['rising', 'new', 'recurring'];

/** The flags of an issue in display order, unknown ones left out, each once. */
export function orderedFlags(flags: readonly string[]): IssueFlag[] {
  return flagOrder.filter((flag) => flags.includes(flag));
}

/** SVG path data (24 × 24 box): an arrow up, a star, two arrows round a loop. */
export const flagIconPaths: Record<FlagIcon, string> = {
  'arrow-up': 'M12 20V5 M5.5 11.5L12 5l6.5 6.5',
  star: 'M12 3.5l2.6 5.6 6 .7-4.5 4.1 1.2 6-5.3-3-5.3 3 1.2-6-4.5-4.1 6-.7z',
  repeat: 'M4 11V9a3 3 0 0 1 3-3h12 M16 3l3 3-3 3 M20 13v2a3 3 0 0 1-3 3H5 M8 21l-3-3 3-3',
};
