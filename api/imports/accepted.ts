// Which files the import API takes: export formats by name here, by their bytes in pipelines/read.ts.
export const acceptedExtensions = ['csv', 'tsv', 'json', 'ndjson', 'jsonl', 'parquet', 'xes'] as const;

const acceptedName = new RegExp(`\\.(${acceptedExtensions.join('|')})(\\.gz)?$`, 'i');

export function isAcceptedName(name: string): boolean {
  return acceptedName.test(name);
}

export const acceptedList = `${acceptedExtensions.map((ext) => `.${ext}`).join(', ')} (each optionally .gz)`;

/** A client's file name made safe to store: no folders, no leading dots, only plain characters. */
export function storedName(clientName: string): string {
  const base = clientName.split(/[\\/]/).pop() ?? '';
  const safe = base.replace(/[^\w.\-]+/g, '_').replace(/^\.+/, '').slice(-200);
  return safe || 'upload';
}
