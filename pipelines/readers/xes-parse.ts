// Streams an XES event log (IEEE 1849) through a SAX parser and hands each trace and event, with its
// attributes, to a sink as it closes: nothing of the log is kept in memory but the element being read.
//
// What is read: the attributes directly inside a <trace>, an <event> and a <global> (string, date, int,
// float, boolean, id), with their text as written. What is skipped on purpose: <extension>, <classifier>,
// log-level attributes, <list> and <container> attributes (no single text value), and meta-attributes
// nested inside an attribute (they describe the attribute, not the event).
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { LoadError } from '../load-error.ts';
import type { FileShape } from '../read.ts';

/** An element's attributes by key; a key written twice keeps its last value. */
export type XesAttributes = Record<string, string>;

export interface XesSink {
  /** Told when a trace closes (its attributes may follow its events). */
  trace(traceNo: number, attributes: XesAttributes): void;
  /** `traceNo` is null for an event written directly under <log>; `line` is where its start tag ends. */
  event(traceNo: number | null, line: number, attributes: XesAttributes): void;
  /** A <global scope="trace|event"> default, for elements that do not carry the key themselves. */
  globalDefault(scope: 'trace' | 'event', key: string, value: string): void;
  /** Awaited after each chunk of the file is parsed (and once at its end, with `end`): a place to write out. */
  afterChunk?(end: boolean): Promise<void>;
}

const scalarAttributes = new Set(['string', 'date', 'int', 'float', 'boolean', 'id']);
const nestedAttributes = new Set(['list', 'container', 'values']);

const decoders: Record<FileShape['encoding'], string> = { 'utf-8': 'utf-8', 'latin-1': 'latin1', 'utf-16': 'utf-16le' };

function openText(file: string, shape: Pick<FileShape, 'gzip'>): Readable {
  const bytes = createReadStream(file);
  return shape.gzip ? bytes.pipe(createGunzip()) : bytes;
}

/** Where the parser is, as the element names that matter: log, trace, event, global, attribute. */
type Context = 'document' | 'log' | 'trace' | 'event' | 'global' | 'attribute' | 'skipped';

/**
 * Parses the whole log (or until `stopAfterEvents` events have been seen), calling the sink; returns
 * the number of events.
 * Malformed XML, a root other than <log>, or an attribute without a key fail with the line.
 */
export async function parseXes(file: string, shape: Pick<FileShape, 'gzip' | 'encoding'>, sink: XesSink, stopAfterEvents = Infinity): Promise<number> {
  const parser = new SaxesParser({ position: true, xmlns: false });
  const stack: Context[] = ['document'];
  let traceNo: number | null = null;
  let traces = -1;
  let events = 0;
  let globalScope: 'trace' | 'event' | null = null;
  // Only the element being read is held: its attributes until it closes.
  let traceAttributes: XesAttributes = Object.create(null);
  let event: { line: number; attributes: XesAttributes } | null = null;
  const fail = (message: string): never => {
    throw new LoadError(file, `is not a valid XES log: line ${parser.line}: ${message}`);
  };

  const close = (context: Context, parent: Context) => {
    if (context === 'event') {
      sink.event(parent === 'trace' ? traceNo : null, event!.line, event!.attributes);
      events++;
    } else if (context === 'trace') {
      sink.trace(traceNo!, traceAttributes);
    }
  };

  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1]!;
    const name = tag.name;
    let context: Context = 'skipped';
    if (parent === 'document') {
      if (name !== 'log') fail(`the root element is <${name}>, not <log>: this is not an XES event log`);
      context = 'log';
    } else if (parent === 'log' && name === 'trace') {
      traceNo = ++traces;
      traceAttributes = Object.create(null);
      context = 'trace';
    } else if ((parent === 'log' || parent === 'trace') && name === 'event') {
      event = { line: parser.line, attributes: Object.create(null) };
      context = 'event';
    } else if (parent === 'log' && name === 'global') {
      const scope = tag.attributes.scope ?? 'event';
      globalScope = scope === 'trace' || scope === 'event' ? scope : null;
      context = 'global';
    } else if ((parent === 'trace' || parent === 'event' || parent === 'global') && (scalarAttributes.has(name) || nestedAttributes.has(name))) {
      context = 'attribute';
      if (scalarAttributes.has(name)) {
        const key = tag.attributes.key || fail(`<${name}> has no key`);
        const value = tag.attributes.value ?? '';
        if (parent === 'event') event!.attributes[key] = value;
        else if (parent === 'trace') traceAttributes[key] = value;
        else if (globalScope) sink.globalDefault(globalScope, key, value);
      }
    }
    if (tag.isSelfClosing) {
      if (context === 'event' || context === 'trace') close(context, parent);
      return;
    }
    stack.push(context);
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    const context = stack.pop()!;
    close(context, stack[stack.length - 1]!);
  });

  const notWellFormed = (error: unknown) =>
    error instanceof LoadError
      ? error
      : new LoadError(file, `is not well-formed XML: line ${parser.line}, column ${parser.column + 1}: ${(error as Error).message.replace(/^\d+:\d+: /, '')}`, { cause: error });
  const feed = (text: string | null) => {
    try {
      if (text === null) parser.close();
      else parser.write(text);
    } catch (error) {
      throw notWellFormed(error);
    }
  };

  const text = openText(file, shape);
  const decoder = new TextDecoder(decoders[shape.encoding]);
  try {
    for await (const chunk of text) {
      feed(decoder.decode(chunk as Buffer, { stream: true }));
      if (events >= stopAfterEvents) return events;
      await sink.afterChunk?.(false);
    }
    feed(decoder.decode());
    feed(null);
    await sink.afterChunk?.(true);
  } finally {
    text.destroy();
  }
  return events;
}
