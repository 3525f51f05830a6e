// A goal's status in words and an icon, never colour alone: the scorecard, the report and the editor's preview all
// show the word, an icon whose shape differs per status, and a tone (colour) on top of both.

/** As the API judges a period (sql/goals/judge.ts): at risk only for an open period. */
export type GoalStatus = 'met' | 'at_risk' | 'missed' | 'no_data';

export type StatusIcon = 'check' | 'warning' | 'cross' | 'dash';
export type StatusTone = 'good' | 'warn' | 'bad' | 'muted';

export interface StatusPresentation {
  word: string;
  icon: StatusIcon;
  tone: StatusTone;
  /** One sentence for a screen reader or a tooltip. */
  meaning: string;
}

export const statusPresentation: Record<GoalStatus, StatusPresentation> = {
  met: { word: 'Met', icon: 'check', tone: 'good', meaning: 'The period meets the target.' },
  at_risk: { word: 'At risk', icon: 'warning', tone: 'warn', meaning: 'The open period is on course to miss the target.' },
  missed: { word: 'Missed', icon: 'cross', tone: 'bad', meaning: 'The period misses the target.' },
  no_data: { word: 'No data', icon: 'dash', tone: 'muted', meaning: 'No tickets were measured in the period.' },
};

/** The presentation of any status string the API may send (an unknown one reads as "No data"). */
export function presentStatus(status: string | null | undefined): StatusPresentation {
  return statusPresentation[(status ?? 'no_data') as GoalStatus] ?? statusPresentation.no_data;
}

/** SVG path data (24 × 24 box) of each icon: a check, a triangle with "!", a cross, a dash. */
export const statusIconPaths: Record<StatusIcon, string> = {
  check: 'M5 12.5l4.5 4.5L19 7.5',
  warning: 'M12 3.5L22 20.5H2z M12 10v4.5 M12 17.3v.2',
  cross: 'M6 6l12 12 M18 6L6 18',
  dash: 'M6 12h12',
};
