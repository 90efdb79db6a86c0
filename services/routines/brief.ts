import { DateTime } from 'luxon';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { db, type Complaint, type Task } from '../db/db';
import type { AgendaEvent } from '../calendar/types';
import { cachedAgenda } from '../agenda/refresh';
import { complaintsNeedingAttention, slaState, type SlaState } from '../complaints/sla';
import { getProfile } from '../profile';
import { formatDateTime, formatNumber, t, tn } from '../i18n';
import { ensureAlarmAt } from '../background/alarms';
import { NOTIFICATION_ICON } from '../tasks/reminders';
import { ledgerInvoices, type InvoiceDue, type InvoiceSource } from './invoices';

// The morning brief: what needs attention today, in one view (dashboard #/brief, linked from the
// popup), one notification a day at the time the user set, and a plain-text brief for the manager
// the user can paste into a new mail. Computed from the local database when asked, never stored.

export interface BriefSettings {
  enabled: boolean;
  /** Local time in the business's zone, "HH:MM". */
  time: string;
  /** A customer is "waiting" once their complaint has had no answer for this many hours. */
  waitingHours: number;
}

export const DEFAULT_BRIEF_SETTINGS: BriefSettings = { enabled: true, time: '08:30', waitingHours: 24 };

export const briefSettings = storage.defineItem<BriefSettings>('local:morningBrief', {
  fallback: DEFAULT_BRIEF_SETTINGS,
  version: 1,
});
/** Local day ("YYYY-MM-DD") whose brief notification was shown: one a day. */
const shownDay = storage.defineItem<string>('local:morningBriefShownDay', { fallback: '' });

export const BRIEF_ALARM = 'morning-brief';
export const BRIEF_NOTIFICATION = 'morning-brief';

export interface BriefComplaint {
  complaint: Complaint;
  state: Exclude<SlaState, 'ok'>;
  dueAt: number;
}

export interface Brief {
  /** Local day of the brief in `zone`. */
  day: string;
  zone: string;
  meetings: AgendaEvent[];
  complaints: BriefComplaint[];
  /** Open tasks due today or overdue that are not checklist items. */
  tasks: Task[];
  checklistItems: Task[];
  /** Null when there is no ledger in this build. */
  invoices: InvoiceDue[] | null;
  waiting: { complaint: Complaint; since: number }[];
}

export interface BriefSources {
  zone?: string;
  waitingHours?: number;
  invoices?: InvoiceSource | null;
  meetings?: () => Promise<AgendaEvent[]>;
}

const HOUR = 3_600_000;

export async function buildBrief(now: number = Date.now(), sources: BriefSources = {}): Promise<Brief> {
  const zone = sources.zone ?? (await getProfile()).timeZone;
  const waitingHours = sources.waitingHours ?? (await briefSettings.getValue()).waitingHours;
  const today = DateTime.fromMillis(now, { zone });
  const start = today.startOf('day').toMillis();
  const end = today.endOf('day').toMillis();

  const meetings = (await (sources.meetings ?? (async () => (await cachedAgenda()).events))())
    // Cancelled events and ones the manager declined are not today's meetings.
    .filter(
      (e) =>
        e.startMs < end + 1 && e.endMs > start && e.status !== 'cancelled' && e.myResponse !== 'declined',
    )
    .sort((a, b) => a.startMs - b.startMs);

  const complaints = (await complaintsNeedingAttention(now))
    .map((complaint) => ({ complaint, sla: slaState(complaint, now) }))
    .filter(
      (c): c is { complaint: Complaint; sla: { state: Exclude<SlaState, 'ok'>; dueAt: number } } =>
        c.sla !== null && c.sla.state !== 'ok',
    )
    .map(({ complaint, sla }) => ({ complaint, state: sla.state, dueAt: sla.dueAt }))
    .sort((a, b) => a.dueAt - b.dueAt);

  const due = await db.tasks
    .where('[status+dueAt]')
    .between(['open', 0], ['open', end], true, true)
    .toArray();
  const tasks = due.filter((task) => !task.checklistRunId);
  const checklistItems = due.filter((task) => task.checklistRunId);

  const source = sources.invoices === undefined ? ledgerInvoices() : sources.invoices;
  const invoices = source ? await source.dueBy(today.toISODate()!) : null;

  // Complaints still "new" with no reply of ours, older than the threshold: customers waiting.
  const waitingSince = now - waitingHours * HOUR;
  const waiting = (
    await db.complaints
      .where('[status+createdAt]')
      .between(['new', 0], ['new', waitingSince], true, true)
      .toArray()
  )
    .filter((c) => c.firstResponseAt === null)
    .map((complaint) => ({ complaint, since: complaint.receivedAt ?? complaint.createdAt }))
    .filter((w) => w.since <= waitingSince)
    .sort((a, b) => a.since - b.since);

  return { day: today.toISODate()!, zone, meetings, complaints, tasks, checklistItems, invoices, waiting };
}

export function isEmptyBrief(brief: Brief): boolean {
  return (
    !brief.meetings.length &&
    !brief.complaints.length &&
    !brief.tasks.length &&
    !brief.checklistItems.length &&
    !brief.invoices?.length &&
    !brief.waiting.length
  );
}

/** One line: "3 meetings · 2 complaints at risk · 5 tasks…" (the notification's text). */
export function briefSummary(brief: Brief): string {
  if (isEmptyBrief(brief)) return t('briefEmpty');
  const parts = [
    brief.meetings.length ? tn('briefCountMeetings', brief.meetings.length) : '',
    brief.complaints.length ? tn('briefCountComplaints', brief.complaints.length) : '',
    brief.tasks.length ? tn('briefCountTasks', brief.tasks.length) : '',
    brief.checklistItems.length ? tn('briefCountChecklist', brief.checklistItems.length) : '',
    brief.invoices?.length ? tn('briefCountInvoices', brief.invoices.length) : '',
    brief.waiting.length ? tn('briefCountWaiting', brief.waiting.length) : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

export const formatMinor = (minor: number, currency: string) =>
  formatNumber(minor / 100, { style: 'currency', currency });

const time = (ms: number, zone: string) => formatDateTime(ms, { timeStyle: 'short' }, zone);

/**
 * The brief as plain text for the manager (pasted into a new mail by the user). Mail-derived text
 * (customer names, subjects) goes in as text only; nothing here is HTML.
 */
export function briefText(brief: Brief): string {
  const z = brief.zone;
  const day = formatDateTime(DateTime.fromISO(brief.day, { zone: z }).toMillis(), { dateStyle: 'full' }, z);
  const lines: string[] = [t('briefMailTitle', day), ''];
  const section = (title: string, items: string[]) => {
    if (!items.length) return;
    lines.push(`${title} (${formatNumber(items.length)})`, ...items.map((i) => `- ${i}`), '');
  };
  section(
    t('briefMeetings'),
    brief.meetings.map((m) =>
      m.allDay
        ? `${t('briefAllDay')} ${m.title || t('briefUntitled')}`
        : `${time(m.startMs, z)} ${m.title || t('briefUntitled')}`,
    ),
  );
  section(
    t('morningComplaints'),
    brief.complaints.map(
      (c) =>
        `${c.state === 'breached' ? t('briefBreached') : t('briefAtRisk')}: ${c.complaint.customerName || c.complaint.customerEmail} — ${c.complaint.subject}`,
    ),
  );
  section(
    t('morningTasks'),
    brief.tasks.map((task) => task.title),
  );
  section(
    t('briefChecklist'),
    brief.checklistItems.map((task) => `${task.title} (${task.notes})`),
  );
  if (brief.invoices)
    section(
      t('morningInvoices'),
      brief.invoices.map(
        (i) => `${i.supplier} ${i.number}: ${formatMinor(i.total, i.currency)} (${i.dueDate})`,
      ),
    );
  section(
    t('briefWaiting'),
    brief.waiting.map(
      (w) =>
        `${w.complaint.customerName || w.complaint.customerEmail} — ${w.complaint.subject} (${formatDateTime(w.since, { dateStyle: 'medium', timeStyle: 'short' }, z)})`,
    ),
  );
  if (isEmptyBrief(brief)) lines.push(t('briefEmpty'));
  return lines.join('\n').trim() + '\n';
}

/** A mailto: link (RFC 6068) opening a new message with the brief: a draft the user sends, or not. */
export function briefMailto(brief: Brief, to = ''): string {
  const subject = t('briefMailSubject', brief.day);
  // Mail clients cut long mailto URLs; the body is trimmed, the full text stays in the copy.
  const body = briefText(brief).slice(0, 1800);
  return `mailto:${encodeURIComponent(to)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/**
 * The brief as a new message in the web mail the business uses: the compose page opens with the
 * subject and body filled in, a draft the user reads and sends, or not (nothing is sent by us).
 * Gmail's compose view (`view=cm`) and Outlook on the web's compose deep link (work or school
 * accounts at outlook.office.com, personal ones at outlook.live.com) take `to`, subject and body
 * from the address; long addresses are cut by the browsers, so the body is trimmed as for mailto.
 */
export function briefComposeLinks(
  brief: Brief,
  to = '',
): { gmail: string; outlook: string; outlookPersonal: string } {
  const subject = encodeURIComponent(t('briefMailSubject', brief.day));
  const body = encodeURIComponent(briefText(brief).slice(0, 1800));
  const recipient = encodeURIComponent(to);
  // Spaces as %20, never "+": Outlook keeps a "+" as written when it passes the address on at sign-in.
  const outlookQuery = `to=${recipient}&subject=${subject}&body=${body}`;
  return {
    gmail: `https://mail.google.com/mail/?view=cm&fs=1&to=${recipient}&su=${subject}&body=${body}`,
    outlook: `https://outlook.office.com/mail/deeplink/compose?${outlookQuery}`,
    outlookPersonal: `https://outlook.live.com/mail/0/deeplink/compose?${outlookQuery}`,
  };
}

/** The next time the brief is due: today at the set time in `zone` if still ahead, else tomorrow. */
export function nextBriefAt(now: number, hhmm: string, zone: string): number {
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  const local = DateTime.fromMillis(now, { zone });
  let at = local.set({ hour, minute, second: 0, millisecond: 0 });
  if (at.toMillis() <= now) at = at.plus({ days: 1 }).set({ hour, minute });
  return at.toMillis();
}

/** Plans the one brief alarm (kept when already set for that time; cleared when turned off). */
export async function scheduleBrief(now: number = Date.now()): Promise<number | null> {
  const settings = await briefSettings.getValue();
  if (!settings.enabled) {
    await browser.alarms.clear(BRIEF_ALARM);
    return null;
  }
  const at = nextBriefAt(now, settings.time, (await getProfile()).timeZone);
  await ensureAlarmAt(BRIEF_ALARM, at, now);
  return at;
}

/** Shows the day's brief notification once per local day; returns whether it was shown. */
export async function fireBrief(now: number = Date.now()): Promise<boolean> {
  const zone = (await getProfile()).timeZone;
  const day = DateTime.fromMillis(now, { zone }).toISODate()!;
  if ((await shownDay.getValue()) === day) return false;
  // An alarm missed while the browser was closed fires at start-up: before today's time it waits.
  const [hour, minute] = (await briefSettings.getValue()).time.split(':').map(Number) as [number, number];
  if (now < DateTime.fromMillis(now, { zone }).set({ hour, minute, second: 0, millisecond: 0 }).toMillis())
    return false;
  const brief = await buildBrief(now, { zone });
  await shownDay.setValue(day);
  await browser.notifications.create(BRIEF_NOTIFICATION, {
    type: 'basic',
    iconUrl: NOTIFICATION_ICON,
    title: t('briefNotificationTitle'),
    message: briefSummary(brief),
  });
  return true;
}

export const briefUrl = () => browser.runtime.getURL('/dashboard.html#/brief');

const logFailure = (what: string) => (err: unknown) => console.error(what, err);

/** Background wiring: the alarm, the notification click, and re-planning when the time changes. */
export function registerMorningBrief(): Promise<void> {
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== BRIEF_ALARM) return;
    await fireBrief(Math.max(Date.now(), alarm.scheduledTime)).catch(logFailure('Morning brief failed'));
    await scheduleBrief().catch(logFailure('Morning brief not planned'));
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id !== BRIEF_NOTIFICATION) return;
    void browser.notifications.clear(id);
    void browser.tabs.create({ url: briefUrl() });
  });
  briefSettings.watch(() => void scheduleBrief().catch(logFailure('Morning brief not planned')));
  return scheduleBrief().then(() => undefined, logFailure('Morning brief not planned'));
}
