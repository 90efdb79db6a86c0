// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../db/db';
import { enqueue, type OutboxHandler } from './outbox';
import { registerOutbox, resumeWaiting } from './worker';

class Offline extends Error {
  readonly kind = 'network';
}
class SignedOut extends Error {
  readonly kind = 'auth';
}

beforeEach(async () => {
  fakeBrowser.reset();
  await db.delete();
  await db.open();
});

describe('outbox worker', () => {
  it('sends what waited as soon as the network is back or the user signs in, and keeps one alarm for the rest', async () => {
    let online = false;
    let signedIn = false;
    const h: OutboxHandler = {
      kind: 'book',
      async run(_payload, item) {
        if (!online) throw new Offline('Failed to fetch');
        if (item.key === 'needs-sign-in' && !signedIn) throw new SignedOut('Reconnect');
        return 'ok';
      },
    };
    const a = await enqueue('book', 'needs-network', {});
    const b = await enqueue('book', 'needs-sign-in', {});
    registerOutbox([h]);
    const row = (id: string) => db.outbox.get(id);
    await vi.waitFor(async () => expect((await row(a.id))?.waiting?.reason).toBe('network'));
    await vi.waitFor(async () => expect((await row(b.id))?.waiting?.reason).toBe('network'));
    // Many tries already: the next one would be minutes away.
    await db.outbox.toCollection().modify((i) => {
      i.waiting = { reason: 'network', since: i.createdAt, tries: 9 };
      i.nextAttemptAt = Date.now() + 5 * 60_000;
    });

    online = true;
    globalThis.dispatchEvent(new Event('online'));
    await vi.waitFor(async () => expect((await row(a.id))?.status).toBe('done'));
    await vi.waitFor(async () => expect((await row(b.id))?.waiting?.reason).toBe('sign-in'));
    const waiting = (await row(b.id))!;
    expect(waiting.nextAttemptAt - Date.now()).toBeGreaterThan(30_000);
    expect((await fakeBrowser.alarms.get('outbox'))?.scheduledTime).toBe(waiting.nextAttemptAt);

    signedIn = true;
    await resumeWaiting('sign-in');
    await vi.waitFor(async () => expect((await row(b.id))?.status).toBe('done'));
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('outbox')).toBeUndefined());
  });
});
