// Saving generated files from the browser.

/** Saves `href` (a Blob or data: URL) as `filename` by clicking a temporary link. */
function clickDownloadLink(filename: string, href: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

/** Saves `content` as a file named `filename`. */
export function downloadBlob(filename: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  clickDownloadLink(filename, url);
  // Revoke after the click has been handled; revoking synchronously cancels the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Saves CSV text; the UTF-8 byte order mark makes Excel read non-ASCII names correctly. */
export function downloadCsv(filename: string, csv: string): void {
  downloadBlob(filename, new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
}

/** Saves a `data:` URL (e.g. from ECharts' `getDataURL`). */
export function downloadDataUrl(filename: string, dataUrl: string): void {
  clickDownloadLink(filename, dataUrl);
}
