// Colour-blind-safe categorical colours (Okabe & Ito, "Color Universal Design", 2008), with a
// fixed colour per channel so a channel looks the same in every chart, in both themes.
//
// The eight Okabe–Ito colours stay distinguishable under protanopia, deuteranopia and
// tritanopia. Black is replaced by a neutral grey (readable on both backgrounds) for `other`,
// and yellow is kept for groups that are not channels because it has too little contrast
// against a white background to carry a known channel.

export type ColorScheme = 'light' | 'dark';

export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

/** The canonical channels (PRODUCT.md §3), in the order charts stack and list them. */
export const CHANNELS = ['desk', 'phone', 'email', 'chat', 'social', 'web', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

interface SchemeColours {
  light: string;
  dark: string;
}

const CHANNEL_COLOURS: Record<Channel, SchemeColours> = {
  desk: { light: OKABE_ITO.orange, dark: OKABE_ITO.orange },
  phone: { light: OKABE_ITO.skyBlue, dark: OKABE_ITO.skyBlue },
  email: { light: OKABE_ITO.blue, dark: '#2F8FD0' }, // lightened: #0072B2 is dim on the dark surface
  chat: { light: OKABE_ITO.bluishGreen, dark: OKABE_ITO.bluishGreen },
  social: { light: OKABE_ITO.reddishPurple, dark: OKABE_ITO.reddishPurple },
  web: { light: OKABE_ITO.vermillion, dark: OKABE_ITO.vermillion },
  other: { light: '#8A8A8A', dark: '#9E9E9E' },
};

/** The providers (PRODUCT.md §3), each with a fixed colour so a provider looks the same in every chart. */
export const PROVIDERS = ['in_house', 'outsourced', 'independent'] as const;
export type Provider = (typeof PROVIDERS)[number];

// A chart groups by one dimension, so providers reuse three Okabe–Ito colours far apart under every kind of
// colour blindness (blue, orange, bluish green); their ids never collide with a channel's.
const PROVIDER_COLOURS: Record<Provider, SchemeColours> = {
  in_house: CHANNEL_COLOURS.email,
  outsourced: CHANNEL_COLOURS.desk,
  independent: CHANNEL_COLOURS.chat,
};

/** Colours for groups that are not channels or providers, in order of first use within a chart. */
const EXTRA_COLOURS: readonly SchemeColours[] = [
  { light: '#B8A800', dark: OKABE_ITO.yellow },
  { light: OKABE_ITO.black, dark: '#E0E0E0' },
  ...CHANNELS.filter((c) => c !== 'other').map((c) => CHANNEL_COLOURS[c]),
];

/** What a group of answers means (a survey's band: NPS detractors are negative, promoters positive). */
export type Tone = 'negative' | 'neutral' | 'positive';

// Vermillion and bluish green stay apart under every colour-vision deficiency (Okabe–Ito); neutral is the grey of
// `other`. Bars carry their band's name in the legend and table too, so colour is never the only cue.
const TONE_COLOURS: Record<Tone, SchemeColours> = {
  negative: { light: OKABE_ITO.vermillion, dark: OKABE_ITO.vermillion },
  neutral: { light: '#8A8A8A', dark: '#9E9E9E' },
  positive: { light: OKABE_ITO.bluishGreen, dark: OKABE_ITO.bluishGreen },
};

export function toneColour(tone: Tone, scheme: ColorScheme): string {
  return TONE_COLOURS[tone][scheme];
}

/** Chart surface colours; keep in step with `--surface` in app.css (PNG exports are painted on it). */
export const SURFACE: Record<ColorScheme, string> = { light: '#ffffff', dark: '#1b1f27' };

export function isChannel(group: string): group is Channel {
  return (CHANNELS as readonly string[]).includes(group);
}

export function isProvider(group: string): group is Provider {
  return (PROVIDERS as readonly string[]).includes(group);
}

/** True for a group with a colour of its own (a channel or a provider): it takes no extra colour. */
export function hasFixedColour(group: string): boolean {
  return isChannel(group) || isProvider(group);
}

/**
 * The colour of a group. Channels and providers have fixed colours; any other group takes the `otherIndex`-th
 * extra colour (the caller numbers its groups without a fixed colour 0, 1, 2 … in display order).
 */
export function groupColour(group: string, scheme: ColorScheme, otherIndex = 0): string {
  if (isChannel(group)) return CHANNEL_COLOURS[group][scheme];
  if (isProvider(group)) return PROVIDER_COLOURS[group][scheme];
  const extra = EXTRA_COLOURS[otherIndex % EXTRA_COLOURS.length] ?? EXTRA_COLOURS[0]!;
  return extra[scheme];
}

/** Orders groups: channels (or providers) in canonical order first, then any other group alphabetically. */
export function compareGroups(a: string, b: string): number {
  const canonical = [...CHANNELS, ...PROVIDERS] as readonly string[];
  const ia = canonical.indexOf(a);
  const ib = canonical.indexOf(b);
  if (ia !== -1 || ib !== -1) {
    if (ia === -1) return 1;
    if (ib === -1) return -1;
    return ia - ib;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
