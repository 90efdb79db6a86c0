import type { Letter } from '../../services/ledger/letters';
import type { MeetingBrief } from '../../services/ledger/brief';
import { letterhead } from '../../services/ledger/letters';
import type { BusinessProfile } from '../../services/profile';
import { formatDateTime, locale, t } from '../../services/i18n';
import { dayLabel, money, statusLabel as ledgerStatus } from './labels';
import { statusLabel as complaintStatus } from '../complaints/labels';

// The meeting brief and the minutes template as documents (the Letter shape, so the same preview,
// print stylesheet and .docx serve them). Internal papers: written in the UI language.

function when(brief: MeetingBrief): string {
  const start = new Date(brief.meeting.start);
  const end = new Date(brief.meeting.end);
  return `${formatDateTime(start, { dateStyle: 'full', timeStyle: 'short' }, brief.meeting.timeZone)} – ${formatDateTime(end, { timeStyle: 'short' }, brief.meeting.timeZone)} (${brief.meeting.timeZone})`;
}

function who(brief: MeetingBrief): string {
  return brief.attendees.map((a) => (a.name ? `${a.name} <${a.email}>` : a.email)).join(', ');
}

function base(profile: BusinessProfile, title: string, today: string): Letter {
  return {
    language: locale.value,
    letterhead: letterhead(profile),
    dateLine: dayLabel(today),
    recipient: [],
    subject: title,
    salutation: '',
    paragraphs: [],
    closing: '',
    signature: [],
  };
}

export function briefDocument(brief: MeetingBrief, profile: BusinessProfile, today: string): Letter {
  const none = t('briefNone');
  const c = brief.meeting.customer;
  return {
    ...base(profile, t('briefTitle', brief.meeting.title), today),
    paragraphs: [
      t('briefWhen', when(brief)),
      t('briefWhere', brief.where || '—'),
      t('briefCustomer', c.name ? `${c.name} <${c.email}>` : c.email),
      t('briefWho', who(brief) || '—'),
      t('briefAbout', brief.summary || '—'),
      t(
        'briefComplaints',
        brief.complaints.map((x) => `${x.subject} (${complaintStatus(x.status)})`).join('; ') || none,
      ),
      t(
        'briefTasks',
        brief.tasks
          .map((x) => (x.dueAt ? `${x.title} (${formatDateTime(x.dueAt, { dateStyle: 'short' })})` : x.title))
          .join('; ') || none,
      ),
      t(
        'briefInvoices',
        brief.invoices
          .map(
            (x) =>
              `${x.number} · ${money(x.total, x.currency)} · ${ledgerStatus(x.status)} · ${dayLabel(x.dueDate)}`,
          )
          .join('; ') || none,
      ),
      t('briefThread', brief.meeting.threadUrl),
    ],
  };
}

export function minutesDocument(brief: MeetingBrief, profile: BusinessProfile, today: string): Letter {
  const blank = '……………………………………………………………………………………';
  return {
    ...base(profile, t('minutesTitle', brief.meeting.title), today),
    paragraphs: [
      t('briefWhen', when(brief)),
      t('briefWhere', brief.where || '—'),
      t('minutesAttendees', who(brief) || '—'),
      t('minutesAgenda', brief.summary || brief.meeting.title),
      t('minutesDecisions'),
      blank,
      blank,
      t('minutesActions'),
      blank,
      blank,
      t('minutesNextMeeting'),
      blank,
    ],
  };
}
