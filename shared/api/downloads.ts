/**
 * Headless mode's file downloads. A large file (a CSV export) is not put inside the API's JSON:
 * the API answers with a ticket, and the browser fetches the file itself from
 * `downloadPath(ticket)` with an ordinary link, so it streams from disk to disk and never sits in
 * the page's memory. A link cannot carry the API's bearer token, and the token must never be in
 * an address, so the ticket stands in for it for that one file: random (256 bits), handed only
 * to a caller that showed the token, good once, and only for a minute or two (see
 * electron/exports/downloads.ts and electron/api/http.ts).
 */
export const downloadRoute = '/downloads/';

/** 32 random bytes in base64url. */
export const downloadTicketPattern = /^[A-Za-z0-9_-]{43}$/;

export function downloadPath(ticket: string): string {
  return `${downloadRoute}${ticket}`;
}
