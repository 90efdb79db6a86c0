import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { lastWriter } from '../../services/mail-sites/ours';
import type { ThreadSnapshot } from '../../services/mail-sites/types';
import { t } from '../../services/i18n';

/**
 * When the business's own message is the newest, nothing is waiting for an answer: drafts stay folded
 * (a second apology is the last thing a customer needs) until the user asks for one. A draft handed
 * over by another action (a booking confirmation) is new news and shows at once.
 */
export function AfterOurReply(props: {
  snapshot: ThreadSnapshot;
  handoff: boolean;
  children: ComponentChildren;
}) {
  const [open, setOpen] = useState(false);
  if (open || props.handoff || lastWriter(props.snapshot) !== 'us') return <>{props.children}</>;
  return (
    <section class="card" data-testid="drafts-folded">
      <p class="muted">{t('draftsAfterOurReply')}</p>
      <button type="button" onClick={() => setOpen(true)}>
        {t('showDraftsAnyway')}
      </button>
    </section>
  );
}
