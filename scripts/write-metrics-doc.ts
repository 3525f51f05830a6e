import { writeFileSync } from 'node:fs';
import { renderMetricsDoc } from '../sql/metrics/doc.ts';

writeFileSync(new URL('../docs/metrics.md', import.meta.url), renderMetricsDoc());
console.log('docs/metrics.md written from the metric registry.');
