/**
 * A real SMTP server on 127.0.0.1 for mail tests: no TLS, any login or none, every accepted message
 * kept and parsed. It can refuse the next messages with a reply of your choice, to exercise retries.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The From header as sent, e.g. `Satupintu <no-reply@satupintu.test>`. */
  from: string;
  /** The envelope recipients (RCPT TO), which is where the mail really went. */
  to: string[];
  subject: string;
  text: string;
  html?: string;
  messageId: string;
  /** Every header, names lower-cased, values unfolded and decoded. */
  headers: Record<string, string>;
}

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>`, ready for SMTP_URL. */
  url: string;
  /** Accepted mail, in order of arrival. */
  messages: ReceivedMail[];
  /** How many messages were refused so far. */
  refused: number;
  /** Refuses the next `count` messages after reading them, with `reply` (default a temporary 451). */
  refuseNext(count: number, reply?: { code: number; message: string }): void;
  /** Resolves with the first accepted mail matching `predicate`, waiting for it if need be. */
  waitForMail(predicate?: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const refusals: { code: number; message: string }[] = [];
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const refusal = refusals.shift();
        if (refusal) {
          refused++;
          callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
          return;
        }
        try {
          const to = session.envelope.rcptTo.map((r) => r.address);
          messages.push(toReceivedMail(parseMime(Buffer.concat(chunks).toString('utf8')), to));
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    get refused() {
      return refused;
    },
    refuseNext(count, reply = { code: 451, message: '4.3.0 Mailbox busy, try again later' }) {
      for (let i = 0; i < count; i++) refusals.push(reply);
    },
    async waitForMail(predicate = () => true, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No matching mail within ${timeoutMs} ms (${messages.length} received)`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface MimePart {
  headers: Record<string, string>;
  body: string;
}

function toReceivedMail(message: MimePart, to: string[]): ReceivedMail {
  const parts = leafParts(message);
  const text = parts.find((p) => contentType(p).type === 'text/plain');
  const html = parts.find((p) => contentType(p).type === 'text/html');
  return {
    from: message.headers.from ?? '',
    to,
    subject: message.headers.subject ?? '',
    text: text ? decodeBody(text) : '',
    ...(html ? { html: decodeBody(html) } : {}),
    messageId: message.headers['message-id'] ?? '',
    headers: message.headers,
  };
}

// Just enough MIME for what nodemailer writes: folded headers, RFC 2047 encoded words, nested
// multiparts, quoted-printable and base64 bodies, all in UTF-8.
function parseMime(raw: string): MimePart {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function contentType(part: MimePart): { type: string; boundary?: string } {
  const value = part.headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(value)?.[1];
  return { type: value.split(';')[0]!.trim().toLowerCase(), ...(boundary ? { boundary } : {}) };
}

function leafParts(part: MimePart): MimePart[] {
  const { type, boundary } = contentType(part);
  if (!type.startsWith('multipart/') || !boundary) return [part];
  const sections = part.body.split(`--${boundary}`).slice(1);
  // The section after the closing `--boundary--` is the epilogue.
  const inner = sections.filter((s) => !s.startsWith('--')).map((s) => parseMime(s.replace(/^\r?\n/, '').replace(/\r?\n$/, '')));
  return inner.flatMap(leafParts);
}

function decodeBody(part: MimePart): string {
  const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  let decoded: string;
  if (encoding === 'base64') decoded = Buffer.from(part.body, 'base64').toString('utf8');
  else if (encoding === 'quoted-printable') decoded = decodeQuotedPrintable(part.body);
  else decoded = part.body;
  return decoded.replace(/\r\n/g, '\n').replace(/\n$/, '');
}

function decodeQuotedPrintable(text: string): string {
  const unwrapped = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < unwrapped.length; i++) {
    const hex = unwrapped[i] === '=' ? /^[0-9A-Fa-f]{2}/.exec(unwrapped.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(unwrapped[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset: string, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}
