/** Reads a message as it arrived at the test SMTP server: its headers and decoded parts. */

export interface Part {
  contentType: string;
  fileName: string | null;
  body: Buffer;
}

/** The leaf parts of a MIME message, decoded (quoted-printable and base64). */
export function mimeParts(raw: Buffer): { headers: string; parts: Part[] } {
  const text = raw.toString('latin1');
  const split = text.indexOf('\r\n\r\n');
  const headers = text.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = text.slice(split + 4);
  const header = (name: string) =>
    new RegExp(`^${name}:\\s*(.*)$`, 'mi').exec(headers)?.[1]?.trim() ?? '';
  const contentType = header('Content-Type');
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (boundary) {
    const pieces = body.split(`--${boundary}`).slice(1, -1);
    return {
      headers,
      parts: pieces.flatMap(
        (piece) => mimeParts(Buffer.from(piece.replace(/^\r\n/, ''), 'latin1')).parts,
      ),
    };
  }
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const decoded =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body
              .replace(/=\r\n/g, '')
              .replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
                String.fromCharCode(parseInt(hex, 16)),
              ),
            'latin1',
          )
        : Buffer.from(body, 'latin1');
  const fileName = /filename="?([^";]+)"?/i.exec(header('Content-Disposition'))?.[1] ?? null;
  return {
    headers,
    parts: [{ contentType: contentType.split(';')[0]!.toLowerCase(), fileName, body: decoded }],
  };
}
