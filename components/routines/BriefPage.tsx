import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { useLive } from '../use-live';
import { getProfile, type BusinessProfile } from '../../services/profile';
import {
  briefComposeLinks,
  briefMailto,
  briefSettings,
  briefText,
  buildBrief,
  DEFAULT_BRIEF_SETTINGS,
  formatMinor,
  isEmptyBrief,
  type BriefSettings,
} from '../../services/routines/brief';
import { formatDateTime, t } from '../../services/i18n';
import './routines.css';

// The morning brief page (dashboard #/brief): everything that needs attention today, each item
// linking to where it is handled, and the brief for the manager as a new mail the user sends (or copies).

function Section({
  title,
  testId,
  count,
  children,
}: {
  title: string;
  testId: string;
  count: number;
  children: ComponentChildren;
}) {
  return (
    <section class="card brief-section" data-testid={testId} aria-label={title}>
      <h3>
        {title} <span class="muted">({count})</span>
      </h3>
      {count === 0 ? <p class="muted">{t('briefNothingHere')}</p> : <ul class="plain">{children}</ul>}
    </section>
  );
}

function Settings({ value, onChange }: { value: BriefSettings; onChange: (v: BriefSettings) => void }) {
  return (
    <details class="card no-print" data-testid="brief-settings">
      <summary>{t('briefSettings')}</summary>
      <div class="row">
        <label>
          <input
            type="checkbox"
            checked={value.enabled}
            onChange={(e) => onChange({ ...value, enabled: e.currentTarget.checked })}
          />{' '}
          {t('briefEnabled')}
        </label>
        <label>
          {t('briefTime')}{' '}
          <input
            type="time"
            value={value.time}
            onChange={(e) => e.currentTarget.value && onChange({ ...value, time: e.currentTarget.value })}
          />
        </label>
        <label>
          {t('briefWaitingHours')}{' '}
          <input
            type="number"
            min={1}
            max={720}
            style={{ width: '5em' }}
            value={value.waitingHours}
            onChange={(e) =>
              onChange({ ...value, waitingHours: Math.max(1, Number(e.currentTarget.value) || 24) })
            }
          />
        </label>
      </div>
    </details>
  );
}

export function BriefPage() {
  const [settings, setSettings] = useState<BriefSettings>(DEFAULT_BRIEF_SETTINGS);
  const [profile, setProfile] = useState<BusinessProfile | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    void briefSettings.getValue().then(setSettings);
    void getProfile().then(setProfile);
  }, []);
  // Storage is read above, outside the live query: it follows the database only.
  const brief = useLive(
    () =>
      profile
        ? buildBrief(Date.now(), { zone: profile.timeZone, waitingHours: settings.waitingHours })
        : Promise.resolve(null),
    [profile, settings.waitingHours],
  );

  async function save(next: BriefSettings) {
    setSettings(next);
    await briefSettings.setValue(next);
  }

  async function copy() {
    if (!brief) return;
    try {
      await navigator.clipboard.writeText(briefText(brief));
      setCopied(t('briefCopied'));
    } catch (err) {
      setCopied(t('errorGeneric', err instanceof Error ? err.message : String(err)));
    }
  }

  if (!brief || !profile) return <p class="muted">…</p>;
  const z = brief.zone;
  const time = (ms: number) => formatDateTime(ms, { timeStyle: 'short' }, z);
  const compose = briefComposeLinks(brief, profile.managerEmail);
  return (
    <section class="routines-page" data-testid="brief-page">
      <h2>{t('briefHeading')}</h2>
      <p class="muted">{formatDateTime(Date.now(), { dateStyle: 'full' }, z)}</p>
      <Settings value={settings} onChange={(v) => void save(v)} />
      {isEmptyBrief(brief) && (
        <p class="notice" data-testid="brief-empty">
          {t('briefEmpty')}
        </p>
      )}
      <div class="brief-grid">
        <Section title={t('briefMeetings')} testId="brief-meetings" count={brief.meetings.length}>
          {brief.meetings.map((m) => (
            <li key={m.id}>
              <strong>{m.allDay ? t('briefAllDay') : time(m.startMs)}</strong> {m.title || t('briefUntitled')}
              {m.location ? <span class="muted"> · {m.location}</span> : null}
            </li>
          ))}
        </Section>
        <Section title={t('morningComplaints')} testId="brief-complaints" count={brief.complaints.length}>
          {brief.complaints.map(({ complaint, state, dueAt }) => (
            <li key={complaint.id}>
              <span class={state === 'breached' ? 'chip severity-high' : 'chip'}>
                {state === 'breached' ? t('briefBreached') : t('briefAtRisk')}
              </span>{' '}
              <a href={`#/complaints/${encodeURIComponent(complaint.id)}`}>{complaint.subject}</a>{' '}
              <span class="muted">
                {complaint.customerName || complaint.customerEmail} · {t('briefDueAt', time(dueAt))}
              </span>
            </li>
          ))}
        </Section>
        <Section title={t('morningTasks')} testId="brief-tasks" count={brief.tasks.length}>
          {brief.tasks.map((task) => (
            <li key={task.id}>
              <a href={`#/tasks/${encodeURIComponent(task.id)}`}>{task.title}</a>{' '}
              {task.dueAt !== null && (
                <span class="muted">
                  {formatDateTime(task.dueAt, { dateStyle: 'short', timeStyle: 'short' }, z)}
                </span>
              )}
            </li>
          ))}
        </Section>
        <Section title={t('briefChecklist')} testId="brief-checklist" count={brief.checklistItems.length}>
          {brief.checklistItems.map((task) => (
            <li key={task.id}>
              <a href={`#/tasks/${encodeURIComponent(task.id)}`}>{task.title}</a>{' '}
              <span class="muted">{task.notes}</span>
            </li>
          ))}
        </Section>
        {brief.invoices ? (
          <Section title={t('morningInvoices')} testId="brief-invoices" count={brief.invoices.length}>
            {brief.invoices.map((i) => (
              <li key={i.id}>
                <a href={`#/ledger/${encodeURIComponent(i.id)}`}>
                  {i.supplier} {i.number}
                </a>{' '}
                <strong>{formatMinor(i.total, i.currency)}</strong> <span class="muted">{i.dueDate}</span>
              </li>
            ))}
          </Section>
        ) : (
          <p class="muted">{t('briefNoLedger')}</p>
        )}
        <Section title={t('briefWaiting')} testId="brief-waiting" count={brief.waiting.length}>
          {brief.waiting.map(({ complaint, since }) => (
            <li key={complaint.id}>
              <a href={`#/complaints/${encodeURIComponent(complaint.id)}`}>
                {complaint.customerName || complaint.customerEmail}
              </a>{' '}
              — {complaint.subject}{' '}
              <span class="muted">
                {t(
                  'briefWaitingSince',
                  formatDateTime(since, { dateStyle: 'medium', timeStyle: 'short' }, z),
                )}
              </span>
            </li>
          ))}
        </Section>
      </div>
      <section class="card" data-testid="brief-manager" aria-label={t('briefForManager')}>
        <h3>{t('briefForManager')}</h3>
        <pre class="brief-text" data-testid="brief-text">
          {briefText(brief)}
        </pre>
        <div class="row no-print">
          <button type="button" class="primary" onClick={() => void copy()}>
            {t('briefCopy')}
          </button>
          <a href={compose.gmail} target="_blank" rel="noopener noreferrer" data-testid="brief-gmail">
            {t('briefOpenGmail')}
          </a>
          <a href={compose.outlook} target="_blank" rel="noopener noreferrer" data-testid="brief-outlook">
            {t('briefOpenOutlook')}
          </a>
          <a
            href={compose.outlookPersonal}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="brief-outlook-personal"
          >
            {t('briefOpenOutlookPersonal')}
          </a>
          <a href={briefMailto(brief, profile.managerEmail)} data-testid="brief-mailto">
            {t('briefOpenMailApp')}
          </a>
        </div>
        <p class="muted">{t('briefNewMailNote')}</p>
        {copied && (
          <p role="status" class="notice">
            {copied}
          </p>
        )}
      </section>
    </section>
  );
}
