// The Recurring problems list's own choices in the URL (`?sort=cost&flag=rising`), beside the global filters
// (../filters/filters.ts keeps parameters it does not own). Pure: any query string reads into valid choices;
// writing leaves the defaults out, so a plain link stays plain.
export const issueSorts = ['volume', 'customers', 'cost', 'rise'] as const;
export type IssueSort = (typeof issueSorts)[number];

export const issueFlags = ['rising', 'new', 'recurring'] as const;
export type IssueFlag = (typeof issueFlags)[number];

export const sortLabels: Record<IssueSort, string> = {
  volume: 'Tickets',
  customers: 'Customers affected',
  cost: 'Cost',
  rise: 'Rise against the baseline',
};

export interface IssueListChoice {
  sort: IssueSort;
  /** Only the issues with this flag; null for all. */
  flag: IssueFlag | null;
}

export const defaultListChoice: IssueListChoice = { sort: 'volume', flag: null };

/** The parameters this module owns, in the order they are written. */
export const listParamNames = ['sort', 'flag'] as const;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return allowed.find((a) => a === value) ?? null;
}

/** The list's choices in `params`; anything unknown falls back to its default. */
export function listChoiceFromQuery(params: URLSearchParams): IssueListChoice {
  return {
    sort: oneOf(params.get('sort'), issueSorts) ?? defaultListChoice.sort,
    flag: oneOf(params.get('flag'), issueFlags),
  };
}

/** `params` with the list's parameters replaced by `choice` (defaults left out), every other parameter kept in place. */
export function listChoiceToQuery(choice: IssueListChoice, params: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams();
  for (const [name, value] of params) if (!(listParamNames as readonly string[]).includes(name)) out.append(name, value);
  if (choice.sort !== defaultListChoice.sort) out.set('sort', choice.sort);
  if (choice.flag) out.set('flag', choice.flag);
  return out;
}
