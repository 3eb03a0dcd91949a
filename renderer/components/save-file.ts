/** Hands a file from the API to the browser's (or the desktop window's) download. */
import type { DocumentFile } from '../../shared/api/invoices';

export function saveFile(file: DocumentFile, type: string): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  // Let the download take the file before its address is let go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
