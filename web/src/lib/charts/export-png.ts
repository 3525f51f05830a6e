// A chart as a PNG that says what it shows: the title, then the range and filters, above the chart's own image
// (ECharts `getDataURL`), painted on the card's surface colour so it reads the same outside the page.
import type { EChartsType } from 'echarts/core';
import { SURFACE, type ColorScheme } from './palette';

const PIXEL_RATIO = 2;
const PADDING = 16;
const TITLE_PX = 18;
const LINE_PX = 14;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', 'Liberation Sans', Arial, sans-serif";
const TEXT: Record<ColorScheme, { title: string; muted: string }> = {
  light: { title: '#1c1f24', muted: '#596170' },
  dark: { title: '#e6e9ee', muted: '#a3acba' },
};

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart image could not be read.'));
    image.src = url;
  });
}

/** The chart with `title` and `lines` (range, filters) above it, as a PNG data URL. */
export async function chartPng(chart: EChartsType, scheme: ColorScheme, title: string, lines: readonly string[]): Promise<string> {
  const background = SURFACE[scheme];
  // The pointer is on the Download button, but the last hovered bar would still be highlighted in the image.
  chart.dispatchAction({ type: 'hideTip' });
  chart.dispatchAction({ type: 'downplay' });
  const image = await loadImage(chart.getDataURL({ type: 'png', pixelRatio: PIXEL_RATIO, backgroundColor: background }));
  const header = PADDING + TITLE_PX + 6 + lines.length * (LINE_PX + 6) + PADDING / 2;
  const width = image.width / PIXEL_RATIO + 2 * PADDING;
  const height = header + image.height / PIXEL_RATIO + PADDING;
  const canvas = document.createElement('canvas');
  canvas.width = width * PIXEL_RATIO;
  canvas.height = height * PIXEL_RATIO;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the image.');
  context.scale(PIXEL_RATIO, PIXEL_RATIO);
  context.fillStyle = background;
  context.fillRect(0, 0, width, height);
  context.textBaseline = 'top';
  context.fillStyle = TEXT[scheme].title;
  context.font = `600 ${TITLE_PX}px ${FONT}`;
  context.fillText(title, PADDING, PADDING, width - 2 * PADDING);
  context.fillStyle = TEXT[scheme].muted;
  context.font = `${LINE_PX}px ${FONT}`;
  lines.forEach((line, i) => context.fillText(line, PADDING, PADDING + TITLE_PX + 6 + i * (LINE_PX + 6), width - 2 * PADDING));
  context.drawImage(image, PADDING, header, image.width / PIXEL_RATIO, image.height / PIXEL_RATIO);
  return canvas.toDataURL('image/png');
}
