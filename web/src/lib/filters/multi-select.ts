// A pick of several values of one dimension (the filter bar, a goal's scope), pure: what its button says, what a
// toggle leaves picked, and the pick in words. An empty pick means every value ("All channels").
import type { FilterOption } from './options';

export interface PickWords {
  /** The empty pick: "All channels". */
  all: string;
  /** The values counted: "channels" in "3 channels". */
  plural: string;
}

/** The label of `value` among `options`, else the value itself (a team the list has not loaded yet). */
export function labelOf(value: string, options: readonly FilterOption[]): string {
  return options.find((option) => option.value === value)?.label ?? value;
}

/**
 * The button's text: "All channels" for none, the label of one ("Email"), the labels of two ("Email, Phone"),
 * else the count ("3 channels"), so the button keeps its width on a phone.
 */
export function summarisePick(picked: readonly string[], options: readonly FilterOption[], words: PickWords): string {
  if (picked.length === 0) return words.all;
  if (picked.length <= 2) return picked.map((value) => labelOf(value, options)).join(', ');
  return `${picked.length} ${words.plural}`;
}

/**
 * The pick after `value` is toggled, in the options' order (so the same pick is always the same URL); values not
 * among the options (a shared link's team not loaded yet) stay first, in their order.
 */
export function togglePick(picked: readonly string[], value: string, options: readonly FilterOption[]): string[] {
  const next = new Set(picked);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  const known = options.map((option) => option.value);
  return [...[...next].filter((v) => !known.includes(v)), ...known.filter((v) => next.has(v))];
}

/** The options to list: `options`, then any picked value they lack (shown by its value until its label is known). */
export function optionsWithPicked(options: readonly FilterOption[], picked: readonly string[]): FilterOption[] {
  const missing = picked.filter((value) => !options.some((option) => option.value === value));
  return [...options, ...missing.map((value) => ({ value, label: value }))];
}

/** Labels as alternatives: "Email", "Email or Chat", "Email, Chat or Phone". */
export function eitherOf(labels: readonly string[]): string {
  if (labels.length <= 1) return labels[0] ?? '';
  return `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}
