// The values the filter bar offers per dimension: the canonical vocabularies (pipelines/mapping/canonical.ts,
// api/contracts.ts), with their labels. Teams come from `GET /api/teams`.
import type { FilterDimension } from './filters';
import { CHANNELS } from '../charts/palette';

export interface FilterOption {
  value: string;
  label: string;
}

const capitalised = (value: string) => value.charAt(0).toUpperCase() + value.slice(1).replaceAll('_', ' ');

export const fixedOptions: Record<Exclude<FilterDimension, 'team'>, FilterOption[]> = {
  channel: CHANNELS.map((value) => ({ value, label: capitalised(value) })),
  priority: ['low', 'normal', 'high', 'urgent'].map((value) => ({ value, label: capitalised(value) })),
  provider: [
    { value: 'in_house', label: 'In-house' },
    { value: 'outsourced', label: 'Outsourced' },
    { value: 'independent', label: 'Independent' },
  ],
  requester_kind: [
    { value: 'external', label: 'External customers' },
    { value: 'internal', label: 'Internal' },
  ],
};

export const allLabels: Record<FilterDimension, string> = {
  team: 'All teams',
  channel: 'All channels',
  priority: 'All priorities',
  provider: 'All providers',
  requester_kind: 'All requesters',
};

/** What a pick of several values counts: "3 channels". */
export const pluralLabels: Record<FilterDimension, string> = {
  team: 'teams',
  channel: 'channels',
  priority: 'priorities',
  provider: 'providers',
  requester_kind: 'requester kinds',
};
