import type { ThreadSnapshot, ThreadMessage } from '../../services/mail-sites/types';
import { lastWriter } from '../../services/mail-sites/ours';
import { formatDateTime, t } from '../../services/i18n';

/** Who the customer is: the latest sender who is not the user. */
export function customerOf(snapshot: ThreadSnapshot): ThreadMessage['from'] | null {
  for (let i = snapshot.messages.length - 1; i >= 0; i--) {
    const message = snapshot.messages[i]!;
    if (!message.fromUser) return message.from;
  }
  return null;
}

// Mail text is shown as text nodes only (Preact escapes it); nothing from a mail becomes markup.
export function ThreadView({ snapshot }: { snapshot: ThreadSnapshot }) {
  const customer = customerOf(snapshot);
  const last = snapshot.messages.at(-1);
  const count = snapshot.messages.length;
  return (
    <section class="card" aria-labelledby="thread-subject">
      <h1 id="thread-subject" data-testid="thread-subject">
        {snapshot.subject || t('noSubject')}
      </h1>
      <p class="small clip" style={{ margin: 0 }}>
        <span class="visually-hidden">{t('customer')}: </span>
        <span data-testid="thread-customer">
          {customer
            ? `${customer.name || customer.email}${customer.name ? ` <${customer.email}>` : ''}`
            : '—'}
        </span>
      </p>
      {lastWriter(snapshot) === 'us' && (
        <p class="callout" role="status" data-testid="replied-last">
          {t('youRepliedLast')}
        </p>
      )}
      <details>
        {/* Who and when on one line with the message count: the draft stays on the first screen. */}
        <summary class="small muted">
          <span data-testid="thread-count">
            {count === 1 ? t('messageCountOne') : t('messageCount', count)}
          </span>
          {' · '}
          <span class="visually-hidden">{t('lastMessage')}: </span>
          {last?.date
            ? formatDateTime(new Date(last.date), { dateStyle: 'medium', timeStyle: 'short' })
            : t('unknownDate')}
        </summary>
        <ol class="messages">
          {snapshot.messages.map((m) => (
            <li key={m.id}>
              <div class="muted">
                {m.fromUser ? t('fromYou') : m.from.name || m.from.email}
                {m.date
                  ? ` · ${formatDateTime(new Date(m.date), { dateStyle: 'short', timeStyle: 'short' })}`
                  : ''}
              </div>
              <div class="pre" dir="auto">
                {m.text}
              </div>
              {m.collapsed && <div class="muted">{t('collapsedMessage')}</div>}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
