/** The one download helper: saves a Blob under a file name via a temporary object URL. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves text (e.g. CSV) as a UTF-8 file. */
export function downloadText(
  text: string,
  fileName: string,
  mime = 'text/csv;charset=utf-8',
): void {
  downloadBlob(new Blob([text], { type: mime }), fileName);
}
