import { useEffect, useState } from 'preact/hooks';
import { getProfile, type BusinessProfile } from '../../services/profile';
import {
  LETTER_KINDS,
  complaintLetterFields,
  composeLetter,
  letterDocx,
  type LetterFields,
  type LetterKind,
} from '../../services/ledger/letters';
import { localDay } from '../../services/ledger/dates';
import { db } from '../../services/db/db';
import { locale, t, type MessageKey } from '../../services/i18n';
import { ledgerErrorMessage } from './labels';
import {
  bookedMeetings,
  meetingBrief,
  type BookedMeeting,
  type MeetingBrief,
} from '../../services/ledger/brief';
import { briefDocument, minutesDocument } from './brief-doc';
import type { Letter } from '../../services/ledger/letters';

type DocKind = LetterKind | 'meeting_brief' | 'minutes';
const MEETING_DOCS: DocKind[] = ['meeting_brief', 'minutes'];
const DOC_LABEL: Record<DocKind, MessageKey> = {
  payment_reminder: 'letterKind_payment_reminder',
  complaint_answer: 'letterKind_complaint_answer',
  confirmation: 'letterKind_confirmation',
  meeting_brief: 'docMeetingBrief',
  minutes: 'docMinutes',
};
import './letters.css';

/**
 * Letters from templates on the business's letterhead, previewed as the page will print (the print
 * stylesheet prints the letter alone: "Save as PDF" in the print dialog gives the PDF) and downloadable
 * as .docx. Path: #/letters/<kind>.
 */
export function LettersPage({ path }: { path: string[] }) {
  const [profile, setProfile] = useState<BusinessProfile | null>(null);
  const [kind, setKind] = useState<DocKind>(
    path[0] && path[0] in DOC_LABEL ? (path[0] as DocKind) : 'payment_reminder',
  );
  const [meetings, setMeetings] = useState<BookedMeeting[]>([]);
  const [meetingId, setMeetingId] = useState<string | null>(
    MEETING_DOCS.includes(path[0] as DocKind) ? (path[1] ?? null) : null,
  );
  const [brief, setBrief] = useState<MeetingBrief | null>(null);
  const [fields, setFields] = useState<LetterFields>({
    language: locale.value,
    recipientName: '',
    recipientAddress: '',
    reference: '',
    amount: '',
    date: localDay(),
    details: '',
  });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // A database that cannot be read says so instead of "Loading…" for ever.
    const failed = (err: unknown) => setError(ledgerErrorMessage(err));
    getProfile().then((p) => {
      setProfile(p);
      // #/letters/complaint_answer/<complaint id>: the answer to that complaint, prefilled.
      const complaintId = path[0] === 'complaint_answer' ? path[1] : undefined;
      if (complaintId)
        db.complaints
          .get(complaintId)
          .then((c) => c && setFields((f) => ({ ...f, ...complaintLetterFields(c, p.timeZone) })), failed);
    }, failed);
    bookedMeetings().then((list) => {
      setMeetings(list);
      setMeetingId((id) => id ?? list[0]?.id ?? null);
    }, failed);
  }, []);
  useEffect(() => {
    setBrief(null);
    if (meetingId)
      meetingBrief(meetingId).then(setBrief, (err: unknown) => setError(ledgerErrorMessage(err)));
  }, [meetingId]);
  if (!profile)
    return error ? (
      <p role="alert" class="notice error">
        {error}
      </p>
    ) : (
      <p class="muted">{t('loading')}</p>
    );

  const meetingDoc = MEETING_DOCS.includes(kind);
  const letter: Letter | null = !meetingDoc
    ? composeLetter(kind as LetterKind, fields, profile, localDay())
    : brief
      ? (kind === 'minutes' ? minutesDocument : briefDocument)(brief, profile, localDay())
      : null;
  const edit = (changes: Partial<LetterFields>) => setFields((f) => ({ ...f, ...changes }));
  const input = (key: keyof LetterFields, label: string, type = 'text') => (
    <label>
      {label}
      <input type={type} value={fields[key]} onInput={(e) => edit({ [key]: e.currentTarget.value })} />
    </label>
  );

  async function downloadDocx() {
    if (!letter) return;
    setError(null);
    try {
      const blob = await letterDocx(letter);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${kind}-${(meetingDoc ? (brief?.meeting.title ?? '') : fields.reference).replace(/[^\p{L}\p{N}-]+/gu, '_') || localDay()}.docx`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError(ledgerErrorMessage(err));
    }
  }

  return (
    <section class="stack letters-page" aria-labelledby="letters-heading">
      <h2 id="letters-heading">{t('lettersHeading')}</h2>
      {!profile.businessName.trim() && <p class="notice">{t('letterNoLetterhead')}</p>}
      <div class="letters-layout">
        <div class="form-grid letters-form">
          <label>
            {t('docDocument')}
            <select value={kind} onChange={(e) => setKind(e.currentTarget.value as DocKind)}>
              {[...LETTER_KINDS, ...MEETING_DOCS].map((k) => (
                <option key={k} value={k}>
                  {t(DOC_LABEL[k])}
                </option>
              ))}
            </select>
          </label>
          {meetingDoc && meetings.length === 0 && <p class="notice">{t('docNoMeetings')}</p>}
          {meetingDoc && meetings.length > 0 && (
            <label>
              {t('docMeeting')}
              <select value={meetingId ?? ''} onChange={(e) => setMeetingId(e.currentTarget.value)}>
                {meetings.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title} · {new Date(m.start).toLocaleString()}
                  </option>
                ))}
              </select>
            </label>
          )}
          {!meetingDoc && (
            <>
              <label>
                {t('letterLanguage')}
                <select
                  value={fields.language}
                  onChange={(e) => edit({ language: e.currentTarget.value as 'es' | 'en' })}
                >
                  <option value="es">{t('languageSpanish')}</option>
                  <option value="en">{t('languageEnglish')}</option>
                </select>
              </label>
              {input('recipientName', t('letterRecipient'))}
              <label>
                {t('letterAddress')}
                <textarea
                  rows={3}
                  value={fields.recipientAddress}
                  onInput={(e) => edit({ recipientAddress: e.currentTarget.value })}
                />
              </label>
              {input('reference', t(`letterReference_${kind as LetterKind}` as MessageKey))}
              {kind === 'payment_reminder' && input('amount', t('letterAmount'))}
              {input('date', t(`letterDate_${kind as LetterKind}` as MessageKey), 'date')}
              <label>
                {t(`letterDetails_${kind as LetterKind}` as MessageKey)}
                <textarea
                  rows={4}
                  value={fields.details}
                  onInput={(e) => edit({ details: e.currentTarget.value })}
                />
              </label>
            </>
          )}
          <div class="row">
            <button type="button" disabled={!letter} onClick={() => window.print()}>
              {t('letterPrint')}
            </button>
            <button type="button" disabled={!letter} onClick={() => void downloadDocx()}>
              {t('letterDocx')}
            </button>
          </div>
          {error && (
            <p role="alert" class="notice error">
              {error}
            </p>
          )}
        </div>
        {letter && <LetterView letter={letter} />}
      </div>
    </section>
  );
}

function LetterView({ letter }: { letter: Letter }) {
  return (
    <article class="letter" aria-label={t('letterPreview')} lang={letter.language} data-testid="letter">
      <header class="letterhead">
        {letter.letterhead.map((line, i) =>
          i === 0 ? <strong key={i}>{line}</strong> : <div key={i}>{line}</div>,
        )}
      </header>
      <p class="letter-date">{letter.dateLine}</p>
      {letter.recipient.length > 0 && (
        <address>
          {letter.recipient.map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </address>
      )}
      <p>
        <strong>{letter.subject}</strong>
      </p>
      {letter.salutation && <p>{letter.salutation}</p>}
      {letter.paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {letter.closing && <p class="letter-closing">{letter.closing}</p>}
      {letter.signature.map((line, i) => (
        <div key={i}>{line}</div>
      ))}
    </article>
  );
}
