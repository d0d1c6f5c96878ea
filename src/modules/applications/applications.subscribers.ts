import { z } from 'zod';
import { loadConfig } from '../../platform/config.js';
import { KeyRing } from '../../platform/crypto/keyring.js';
import { defineSubscriber } from '../../platform/events/dispatcher.js';
import { CITIZEN_EVENTS, notifyCitizen, type NotifyDeps } from './notify.js';

const Payload = z.object({ applicationId: z.uuid(), kind: z.string() });

let configured: NotifyDeps | undefined;
/**
 * Handlers receive no configuration (JobContext has the database and a logger), so keys, the public URL
 * and the text channel come from loadConfig: the same validated environment the worker started with.
 */
function depsFromConfig(): NotifyDeps {
  if (!configured) {
    const config = loadConfig();
    configured = { keys: new KeyRing(config), publicUrl: config.publicUrl, textChannel: config.TEXT_CHANNEL };
  }
  return configured;
}

/**
 * One subscriber per citizen-facing event: its email and SMS/WhatsApp are queued in one transaction with
 * their notification rows, so a redelivered event (a retry after a crash) finds them and sends nothing twice.
 */
export function applicationsSubscribers(deps: () => NotifyDeps = depsFromConfig) {
  return (Object.keys(CITIZEN_EVENTS) as (keyof typeof CITIZEN_EVENTS)[]).map((name) =>
    defineSubscriber({
      event: name,
      name: `applications.notify-${CITIZEN_EVENTS[name].replace(/_/g, '-')}`,
      schema: Payload,
      handler: async (ctx, event) => {
        const queued = await ctx.database.db
          .transaction()
          .execute((tx) => notifyCitizen(tx, deps(), { id: event.id, name, applicationId: event.payload.applicationId }));
        if (queued.length > 0) {
          ctx.log.info({ eventId: event.id, event: name, channels: queued }, 'citizen notified');
          // Committed: send now instead of at the next delivery round (up to a minute later).
          ctx.outbound?.kick();
        }
      },
    }),
  );
}
