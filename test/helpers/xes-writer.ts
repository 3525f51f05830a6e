// Writes an XES event log (IEEE 1849) from rows already grouped by case: a test's independent way to
// turn a CSV event log into XES, sharing nothing with the reader under test.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';

export type XesType = 'string' | 'date' | 'int';
export interface XesAttribute {
  key: string;
  type: XesType;
  value: string;
}
export interface XesTrace {
  attributes: XesAttribute[];
  events: XesAttribute[][];
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (char) => escapes[char]!);
const attribute = (indent: string, a: XesAttribute) => `${indent}<${a.type} key="${escape(a.key)}" value="${escape(a.value)}"/>\n`;

const head = `<?xml version="1.0" encoding="UTF-8" ?>
<log xes.version="1849-2016" xes.features="" xmlns="http://www.xes-standard.org/">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>
  <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>
  <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>
  <global scope="event">
    <string key="lifecycle:transition" value="complete"/>
  </global>
  <classifier name="Activity" keys="concept:name"/>
`;

/** Writes the traces to `file`, gzipped when it ends in .gz. */
export async function writeXes(file: string, traces: Iterable<XesTrace>): Promise<void> {
  const out = createWriteStream(file);
  const gzip = file.endsWith('.gz') ? createGzip() : undefined;
  const sink = gzip ?? out;
  gzip?.pipe(out);
  const write = async (text: string) => {
    if (!sink.write(text)) await once(sink, 'drain');
  };
  await write(head);
  for (const trace of traces) {
    let text = '  <trace>\n';
    for (const a of trace.attributes) text += attribute('    ', a);
    for (const event of trace.events) {
      text += '    <event>\n';
      for (const a of event) text += attribute('      ', a);
      text += '    </event>\n';
    }
    await write(`${text}  </trace>\n`);
  }
  sink.end('</log>\n');
  await once(out, 'close');
}
