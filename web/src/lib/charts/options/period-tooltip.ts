// The tooltip of a chart with one bar per period (a problem's trend, a suggestion's weeks before and after): the
// whole period's column is shaded and the text is the caller's for that period's index.
import type { EChartsOption } from 'echarts';
import { CHART_FONT } from './metric-series';

type Tooltip = Exclude<EChartsOption['tooltip'], unknown[] | undefined>;

export function periodTooltip(textOf: (index: number) => string): Tooltip {
  return {
    trigger: 'axis',
    axisPointer: { type: 'shadow' },
    confine: true,
    textStyle: { fontFamily: CHART_FONT },
    formatter: (params) => {
      const item = Array.isArray(params) ? params[0] : params;
      return item?.dataIndex === undefined ? '' : textOf(item.dataIndex);
    },
  };
}
