import type { Logger } from 'pino';

/**
 * Text messages to a phone (SMS or WhatsApp through a provider). Providers differ per region and contract,
 * so the platform only fixes this interface; the logging sender is for development and demos, where the
 * code appears in the server log.
 */
export interface SmsSender {
  send(message: { to: string; text: string; tag: string }): Promise<void>;
}

export class LoggingSmsSender implements SmsSender {
  constructor(private readonly log: Logger) {}

  async send(message: { to: string; text: string; tag: string }): Promise<void> {
    this.log.info({ sms: { to: message.to, tag: message.tag }, text: message.text }, 'SMS (development sender, not delivered)');
  }
}

/** Keeps what was sent, for tests and for the demo's "messages" view. */
export class RecordingSmsSender implements SmsSender {
  readonly sent: { to: string; text: string; tag: string; at: Date }[] = [];

  async send(message: { to: string; text: string; tag: string }): Promise<void> {
    this.sent.push({ ...message, at: new Date() });
  }
}
