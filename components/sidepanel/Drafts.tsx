import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Analysis } from '../../services/assistant/types';
import { draftReplies, type Draft } from '../../services/assistant/drafting';
import type { BusinessProfile } from '../../services/profile';
import type { TemplateRecord } from '../../services/db/db';
import { sendToBackground } from '../../services/messaging';
import { t } from '../../services/i18n';
import { intentLabel } from './AnalysisCard';

interface Props {
  analysis: Analysis;
  templates: TemplateRecord[];
  profile: BusinessProfile;
  tabId: number | null;
  /** Extra text the scheduler offers for {{slots}}. */
  slots?: string;
  /** Draft handed over by another action (e.g. the booking confirmation), shown first. */
  extra?: { label: string; text: string } | null;
}

/** 2–3 drafts in the customer's language, each editable, then "Insert reply" into the site's box. */
export function Drafts({ analysis, templates, profile, tabId, slots, extra }: Props) {
  const drafts = useMemo(
    () =>
      draftReplies(analysis, templates, {
        businessName: profile.businessName || undefined,
        managerName: profile.managerName || undefined,
        signature: profile.signature || undefined,
        preferredTone: profile.tone,
        slots,
      }),
    [analysis, templates, profile, slots],
  );
  const [chosen, setChosen] = useState(0);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [replyAll, setReplyAll] = useState(false);

  useEffect(() => {
    setChosen(0);
    setTexts({});
    setStatus(null);
  }, [analysis]);
  useEffect(() => {
    if (extra) setChosen(-1);
  }, [extra]);

  const current: Pick<Draft, 'text' | 'missing'> & { key: string; label: string } =
    chosen === -1 && extra
      ? { key: 'extra', label: extra.label, text: extra.text, missing: [] }
      : {
          key: drafts[chosen]?.templateId ?? '',
          label: drafts[chosen]?.templateName ?? '',
          text: drafts[chosen]?.text ?? '',
          missing: drafts[chosen]?.missing ?? [],
        };
  const text = texts[current.key] ?? current.text;

  async function insert() {
    if (tabId === null) return;
    setStatus(null);
    try {
      const outcome = await sendToBackground({
        type: 'tab:insert-reply',
        data: { tabId, text, mode: replyAll ? 'replyAll' : 'reply' },
      });
      setStatus(
        outcome.ok
          ? { kind: 'ok', text: outcome.appended ? t('insertedBelow') : t('inserted') }
          : { kind: 'error', text: t('insertFailed', outcome.error) },
      );
    } catch (err) {
      setStatus({ kind: 'error', text: t('insertFailed', err instanceof Error ? err.message : String(err)) });
    }
  }

  if (drafts.length === 0 && !extra) return <p class="notice">{t('noTemplates')}</p>;
  return (
    <section class="card" aria-labelledby="drafts-heading" data-testid="drafts">
      <h2 id="drafts-heading">{t('draftsHeading')}</h2>
      <div class="row" role="tablist" aria-label={t('draftsHeading')}>
        {extra && (
          <button
            type="button"
            role="tab"
            aria-selected={chosen === -1}
            class={chosen === -1 ? 'primary' : ''}
            onClick={() => setChosen(-1)}
          >
            {extra.label}
          </button>
        )}
        {drafts.map((d, i) => (
          <button
            key={d.templateId}
            type="button"
            role="tab"
            aria-selected={chosen === i}
            class={chosen === i ? 'primary' : ''}
            onClick={() => setChosen(i)}
            title={d.templateName}
          >
            {intentLabel(d.intent)} · {d.language.toUpperCase()} ·{' '}
            {d.tone === 'formal' ? t('toneFormal') : t('toneFriendly')}
          </button>
        ))}
      </div>
      {current.missing.length > 0 && (
        <p class="notice" data-testid="missing">
          {t('missingVariables', current.missing.join(', '))}
        </p>
      )}
      <textarea
        aria-label={t('draftText')}
        data-testid="draft-text"
        dir="auto"
        rows={12}
        value={text}
        onInput={(e) => setTexts({ ...texts, [current.key]: e.currentTarget.value })}
      />
      <div class="row">
        <button
          type="button"
          class="primary"
          disabled={tabId === null || !text.trim()}
          onClick={() => void insert()}
        >
          {t('insertReply')}
        </button>
        <label class="row">
          <input type="checkbox" checked={replyAll} onChange={(e) => setReplyAll(e.currentTarget.checked)} />
          {t('replyAll')}
        </label>
      </div>
      <p class="muted">{t('neverSends')}</p>
      {status && (
        <p role="status" class={status.kind === 'error' ? 'notice error' : 'muted'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
