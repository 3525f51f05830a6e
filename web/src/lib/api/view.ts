// The filters every API question takes: a resolved range of days and the dimension values, in the API's terms.
import type { FilterDimension, Hours } from '../filters/filters';
import { filterDimensions } from '../filters/filters';
import type { DayRange } from '../filters/presets';

/** What a view of the dashboard is filtered to: the global filter bar's state with its range resolved. */
export interface ViewFilters {
  /** `from` inclusive, `to` exclusive, as the API reads them. */
  range: DayRange;
  dimensions: Record<FilterDimension, string[]>;
  hours: Hours;
}

/** The dimension filters as API query parameters (`channel=email&channel=phone`); empty ones left out. */
export function dimensionParams(view: Pick<ViewFilters, 'dimensions'>): Partial<Record<FilterDimension, string[]>> {
  const out: Partial<Record<FilterDimension, string[]>> = {};
  for (const dimension of filterDimensions) {
    const values = view.dimensions[dimension];
    if (values.length > 0) out[dimension] = [...values];
  }
  return out;
}

/** Range, hours and dimension filters as API query parameters, in a fixed order. */
export function viewParams(view: ViewFilters) {
  return { from: view.range.from, to: view.range.to, hours: view.hours, ...dimensionParams(view) };
}
