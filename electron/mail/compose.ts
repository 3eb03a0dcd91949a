/**
 * Builds the exact bytes of a message (RFC 5322, with MIME parts for HTML and attachments)
 * with nodemailer's MailComposer. The bytes are built once, sent as they are and kept, so
 * what is in the customer's timeline is what went. A draft for the owner's own mail program
 * carries `X-Unsent: 1`, which Outlook, Apple Mail and Thunderbird open as a draft.
 */
import MailComposer from 'nodemailer/lib/mail-composer';

export interface ComposedAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface MessageParts {
  from: { name: string; address: string };
  to: string;
  cc: string[];
  bcc: string[];
  replyTo: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  date: Date;
  attachments: ComposedAttachment[];
  /** A draft for the owner's mail program rather than a message to send. */
  draft?: boolean;
}

export function composeMessage(parts: MessageParts): Promise<Buffer> {
  const composer = new MailComposer({
    from: { name: parts.from.name, address: parts.from.address },
    to: parts.to,
    ...(parts.cc.length ? { cc: parts.cc } : {}),
    // A BCC to self is an envelope recipient; it is never written into the headers.
    ...(parts.replyTo ? { replyTo: parts.replyTo } : {}),
    subject: parts.subject,
    text: parts.text,
    html: parts.html,
    messageId: parts.messageId,
    date: parts.date,
    attachments: parts.attachments.map((a) => ({
      filename: a.fileName,
      contentType: a.contentType,
      content: a.content,
    })),
    headers: parts.draft ? { 'X-Unsent': '1' } : {},
  });
  return new Promise((resolve, reject) => {
    composer
      .compile()
      .build((error, message) => (error ? reject(error) : resolve(withCrlf(message))));
  });
}

/**
 * Every line ends in CRLF (RFC 5322 2.3). MailComposer keeps the bare LFs of a text body in
 * its quoted-printable part; the SMTP client turns them into CRLF on the wire, so without this
 * the bytes kept would not be the bytes that went. Every part is 7-bit encoded by then, and
 * latin1 maps each byte to one character and back, so nothing else changes.
 */
function withCrlf(message: Buffer): Buffer {
  return Buffer.from(message.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
}

/** A Message-ID made once, when the message is approved: `<random@sender's domain>`. */
export function newMessageId(fromAddress: string, random: string): string {
  const domain = fromAddress.split('@')[1]?.trim() || 'goodwill.invalid';
  return `<${random}@${domain}>`;
}
