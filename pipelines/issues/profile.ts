// An issue's profile: how many of its tickets have each feature. Its core (the features a good share of its tickets
// have) is what a new ticket is compared with, so a group is matched by what its tickets have in common rather than
// by whichever ticket started it, and a group cannot drift by chaining from neighbour to neighbour.
import type { GroupingOptions } from './state.ts';

/** Feature counts, most frequent first, ties by feature (a fixed order whatever the order of counting). */
export function sortedCounts(counts: Map<string, number>, limit: number): [string, number][] {
  const entries = [...counts.entries()];
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (entries.length > limit) entries.length = limit;
  return entries;
}

/** The core of a profile given most frequent first: features in at least coreShare of `size` tickets, at most coreSize. */
export function coreFeatures(sorted: readonly (readonly [string, number])[], size: number, options: GroupingOptions): string[] {
  const floor = Math.max(1, options.coreShare * size);
  const core: string[] = [];
  for (const [feature, count] of sorted) {
    if (count < floor || core.length === options.coreSize) break;
    core.push(feature);
  }
  return core;
}

/** Counts `features` (one ticket's, or `times` tickets' with the same features) into `into`. */
export function addCounts(into: Map<string, number>, features: readonly string[], times = 1): void {
  for (const feature of features) into.set(feature, (into.get(feature) ?? 0) + times);
}
