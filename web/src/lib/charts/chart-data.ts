// What a series chart shows, as a table for the screen (periods down, groups across) and as CSV (one line per
// period and group): both built from the same `SeriesMatrix` and coverage the chart is drawn from, so the chart,
// its data table and its download always hold the same numbers.
import type { SeriesResponse } from '$api/contracts';
import { csvText, type CsvValue } from '../../../../common/csv';
import { formatPeriod, formatValue } from '../format';
import type { PeriodCoverage } from './partial';
import { toMatrix, type SeriesMatrix } from './series-matrix';

export interface TableColumn {
  label: string;
  numeric: boolean;
  /** Long text (a ticket's subject): wraps within a reasonable width instead of widening the table. */
  wrap?: boolean;
}

export interface TableRow {
  /** The row header (a period in words). */
  label: string;
  cells: string[];
  /** Marked as partial in the table. */
  partial?: boolean;
}

/** A data table: what `DataTable.svelte` renders. */
export interface DataTableModel {
  caption: string;
  /** The first column's header (the row labels'), then one column per cell. */
  rowHeader: string;
  columns: TableColumn[];
  rows: TableRow[];
  footer?: TableRow;
}

const grainWord = { day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter' } as const;

/** The chart's numbers as a table: a row per period, a column per group (plus Total for counts, and a total row). */
export function seriesTable(
  matrix: SeriesMatrix,
  unit: SeriesResponse['metric']['unit'],
  caption: string,
  coverage?: readonly PeriodCoverage[],
  groupLabel: (group: string) => string = (group) => group,
): DataTableModel {
  const withTotals = matrix.additive && matrix.groups.length > 1;
  const columns: TableColumn[] = matrix.groups.map((group) => ({ label: groupLabel(group), numeric: true }));
  if (withTotals) columns.push({ label: 'Total', numeric: true });
  const rows = matrix.periods.map((period, p): TableRow => {
    const partial = coverage?.[p]?.partial ?? false;
    const cells = matrix.groups.map((_, g) => formatValue(matrix.values[g]?.[p] ?? null, unit));
    if (withTotals) cells.push(formatValue(matrix.periodTotals[p] ?? 0, unit));
    const label = formatPeriod(period, matrix.grain);
    return { label: partial ? `${label} (partial)` : label, cells, partial };
  });
  const footer = matrix.additive
    ? { label: 'Total', cells: [...matrix.groupTotals.map((v) => formatValue(v, unit)), ...(withTotals ? [formatValue(matrix.total, unit)] : [])] }
    : undefined;
  return { caption, rowHeader: grainWord[matrix.grain], columns, rows, footer };
}

/**
 * The chart's numbers as CSV, one line per period and group (long format, in chart order, zeros of counts included):
 * `<grain>_start,<by>,<metric key>,tickets,partial`, e.g. `week_start,channel,created,tickets,partial`. Without a group
 * dimension the `<by>` column is left out; a period with nothing measured has an empty value; `partial` is `true`
 * for a period only partly in the range or the data. With `groupName` (groups whose ids are codes: teams,
 * providers, requester kinds) a `<by>_name` column follows the ids: the id is what the API, the URL and other
 * exports filter and join on, the name is what a person reads in a spreadsheet
 * (`week_start,provider,provider_name,created,tickets,partial`).
 */
export function seriesCsv(response: SeriesResponse, coverage?: readonly PeriodCoverage[], groupName?: (group: string) => string): string {
  const matrix = toMatrix(response);
  const grouped = response.by !== null;
  const named = grouped && groupName !== undefined;
  const header: CsvValue[] = [`${response.grain}_start`, ...(grouped ? [response.by] : []), ...(named ? [`${response.by}_name`] : []), response.metric.key, 'tickets', 'partial'];
  const lines: CsvValue[][] = [header];
  matrix.periods.forEach((period, p) => {
    const partial = coverage?.[p]?.partial ?? false;
    matrix.groups.forEach((group, g) => {
      const ids = grouped ? [group, ...(named ? [groupName(group)] : [])] : [];
      lines.push([period, ...ids, matrix.values[g]?.[p] ?? null, matrix.tickets[g]?.[p] ?? 0, partial ? 'true' : 'false']);
    });
  });
  return csvText(lines);
}
