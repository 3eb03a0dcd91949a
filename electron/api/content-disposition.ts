/**
 * The Content-Disposition of a download (RFC 6266): `filename*` carries the real name in UTF-8
 * (RFC 8187), which every current browser reads; `filename` a plain-ASCII stand-in for any that
 * does not. Names come from safeFileName, so no path or control characters reach here.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  // encodeURIComponent leaves ' ( ) * as they are; RFC 8187 wants them encoded too.
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
