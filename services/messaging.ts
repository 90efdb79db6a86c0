// The one message protocol of the extension. Each message has a schema (checked by whoever receives
// it), a direction in its name's section, and a typed response. Mail content travels in these
// messages as data only; no message can make the extension send mail.
import * as z from 'zod/mini';
import { browser, type Browser } from 'wxt/browser';
import type { ReadResult } from './mail-sites/types';
import type { RefreshOutcome } from './agenda/refresh';

const address = z.object({ name: z.string(), email: z.string() });
const threadMessage = z.object({
  id: z.string(),
  from: address,
  to: z.array(address),
  cc: z.array(address),
  date: z.nullable(z.string()),
  text: z.string(),
  quoted: z.string(),
  signature: z.string(),
  fromUser: z.boolean(),
  collapsed: z.boolean(),
});
const snapshot = z.object({
  site: z.enum(['gmail', 'outlook']),
  threadId: z.string(),
  url: z.string(),
  subject: z.string(),
  messages: z.array(threadMessage),
  userEmail: z.nullable(z.string()),
  readAt: z.number(),
});
const problem = z.union([
  z.object({ kind: z.literal('no-thread') }),
  z.object({ kind: z.literal('loading') }),
  z.object({ kind: z.literal('not-understood'), missing: z.array(z.string()) }),
]);
export const readResultSchema = z.union([
  z.object({ ok: z.literal(true), snapshot }),
  z.object({ ok: z.literal(false), problem }),
]);
const tabId = z.number().check(z.int(), z.nonnegative());

/** Content script → background. */
export const contentToBackground = {
  /** What the mail page shows now (sent on load and whenever the open thread changes). */
  'thread:report': z.object({ result: readResultSchema }),
  /** The Assist button was clicked: open the side panel on this tab. */
  'panel:open': z.object({}),
};

/** Extension pages → background. */
export const pageToBackground = {
  'thread:get': z.object({ tabId }),
  /** Reply insertion and re-reading go to the tab through the background, which checks the tab. */
  'tab:read': z.object({ tabId }),
  /** "Save page skeleton": the page's anonymised structure, for a bug report (no text, no address). */
  'tab:skeleton': z.object({ tabId }),
  'tab:insert-reply': z.object({
    tabId,
    text: z.string().check(z.maxLength(100_000)),
    mode: z.enum(['reply', 'replyAll']),
  }),
  /** Sign-in runs in the background (the auth broker) so it outlives the page that asked. */
  'auth:connect': z.object({ provider: z.enum(['google', 'microsoft']) }),
  'auth:disconnect': z.object({ provider: z.enum(['google', 'microsoft']) }),
  /** Refresh the agenda cache now (the popup asks on open; an alarm does it in between). */
  'agenda:refresh': z.object({}),
  /** Something was queued in the outbox: run it now rather than at the next alarm. */
  'outbox:kick': z.object({}),
  /**
   * A page wrote complaints or tasks: the shared sheet and lists hear of it now (the database's own
   * change events do not wake a sleeping service worker).
   */
  'sync:edited': z.object({ tables: z.array(z.enum(['complaints', 'tasks'])).check(z.maxLength(2)) }),
};

/** Background → content script. */
export const backgroundToContent = {
  'tab:read': z.object({}),
  'tab:skeleton': z.object({}),
  'tab:insert-reply': z.object({ text: z.string(), mode: z.enum(['reply', 'replyAll']) }),
};

/** Background → extension pages (broadcast). */
export const backgroundToPages = {
  'thread:changed': z.object({ tabId, result: z.nullable(readResultSchema) }),
};

export type InsertOutcome = { ok: true; appended: boolean } | { ok: false; error: string };

/** What each message answers. */
export interface Responses {
  'thread:report': void;
  'panel:open': void;
  'thread:get': ReadResult | null;
  'tab:read': ReadResult | null;
  'tab:skeleton': { html: string; elements: number; truncated: boolean };
  'tab:insert-reply': InsertOutcome;
  'thread:changed': void;
  /** `missing`: scopes the user unticked at consent (short names), [] when all were granted. */
  'auth:connect': { ok: true; missing: string[] } | { ok: false; error: string };
  'auth:disconnect': void;
  'agenda:refresh': RefreshOutcome[];
  'outbox:kick': void;
  'sync:edited': void;
}

type Schemas = Record<string, z.ZodMiniType>;
export type MessageOf<S extends Schemas> = {
  [K in keyof S & string]: { type: K; data: z.infer<S[K]> };
}[keyof S & string];

export type ContentToBackground = MessageOf<typeof contentToBackground>;
export type PageToBackground = MessageOf<typeof pageToBackground>;
export type BackgroundToContent = MessageOf<typeof backgroundToContent>;
export type BackgroundToPages = MessageOf<typeof backgroundToPages>;

/** Validates an incoming message against one direction's schemas; null when it is not one of them. */
export function parseMessage<S extends Schemas>(schemas: S, raw: unknown): MessageOf<S> | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, data } = raw as { type?: unknown; data?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(schemas, type)) return null;
  const parsed = z.safeParse(schemas[type]!, data);
  return parsed.success ? ({ type, data: parsed.data } as MessageOf<S>) : null;
}

export function sendToBackground<M extends ContentToBackground | PageToBackground>(
  message: M,
): Promise<Responses[M['type']]> {
  return browser.runtime.sendMessage(message);
}

export function sendToContent<M extends BackgroundToContent>(
  tab: number,
  message: M,
): Promise<Responses[M['type']]> {
  return browser.tabs.sendMessage(tab, message, { frameId: 0 });
}

/** Broadcast to open extension pages; no page open is not an error. */
export async function broadcastToPages(message: BackgroundToPages): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // "Receiving end does not exist": nobody is listening right now.
  }
}

export type Sender = Browser.runtime.MessageSender;
