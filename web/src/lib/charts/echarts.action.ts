// The ECharts lifecycle as a Svelte action: the only module that touches the ECharts runtime.
// `init` on mount, `setOption(…, { notMerge: true })` on every new option, `setTheme` when the
// colour scheme flips, `resize` from a ResizeObserver, `connect(group)`, `dispose` on destroy.
// Deferred work (the resize frame) checks `isDisposed()` first.
//
// Only what the dashboard draws is registered (tree-shaken through `echarts/core`): bars and lines on a
// grid with tooltip, legend, aria description and shaded bands (markArea, for partial periods), and the heatmap with
// its continuous visual map (teams page), on canvas.
// A builder that needs another series type or component adds it to `use([...])` here (e.g. SVGRenderer
// before passing `renderer: 'svg'`), or ECharts throws. PNG exports go through `getDataURL`
// (../charts/export-png.ts), not the toolbox.
import { connect, init, use, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ActionReturn } from 'svelte/action';

use([BarChart, LineChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, MarkAreaComponent, MarkLineComponent, VisualMapContinuousComponent, CanvasRenderer]);

export interface EChartsActionParams {
  option: EChartsCoreOption;
  /** `dark` uses ECharts' built-in dark theme; `light` its default theme. */
  theme?: 'light' | 'dark';
  /** Fixed at creation: changing it re-creates the chart. `svg` needs SVGRenderer registered above. */
  renderer?: 'canvas' | 'svg';
  /** Charts in the same group share tooltips and legend selection (`echarts.connect`). */
  group?: string;
  /** Called with the instance after `init`, and with `undefined` once it is disposed. */
  onchart?: (chart: EChartsType | undefined) => void;
  /** Called once, when the first render (including animations) has finished. */
  onrendered?: () => void;
}

// `setTheme({})` resets to ECharts' default theme; a theme name that is not registered is ignored.
const themeFor = (theme: EChartsActionParams['theme']) => (theme === 'dark' ? 'dark' : {});

export function echarts(node: HTMLElement, params: EChartsActionParams): ActionReturn<EChartsActionParams> {
  let current = params;
  let chart: EChartsType | undefined;
  let frame = 0;

  function create(): void {
    const instance = init(node, current.theme === 'dark' ? 'dark' : undefined, {
      renderer: current.renderer ?? 'canvas',
    });
    chart = instance;
    const onFinished = () => {
      instance.off('finished', onFinished);
      if (!instance.isDisposed()) current.onrendered?.();
    };
    instance.on('finished', onFinished);
    instance.setOption(current.option, { notMerge: true });
    if (current.group) {
      instance.group = current.group;
      connect(current.group);
    }
    current.onchart?.(instance);
  }

  function destroy(): void {
    cancelAnimationFrame(frame);
    if (chart && !chart.isDisposed()) chart.dispose();
    chart = undefined;
    current.onchart?.(undefined);
  }

  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (chart && !chart.isDisposed()) chart.resize();
    });
  });

  create();
  observer.observe(node);

  return {
    update(next) {
      const previous = current;
      current = next;
      if (!chart || chart.isDisposed() || (next.renderer ?? 'canvas') !== (previous.renderer ?? 'canvas')) {
        destroy();
        create();
        return;
      }
      if (next.theme !== previous.theme) chart.setTheme(themeFor(next.theme));
      if (next.option !== previous.option) chart.setOption(next.option, { notMerge: true });
      if (next.group !== previous.group) {
        chart.group = next.group ?? '';
        if (next.group) connect(next.group);
      }
    },
    destroy() {
      observer.disconnect();
      destroy();
    },
  };
}
