import { useEffect, useMemo, useState } from 'preact/hooks';
import { getProfile, isValidZone, saveProfile, type BusinessProfile } from '../../services/profile';
import { mirrorProfileAddresses } from '../../services/background/threads';
import type { Tone } from '../../services/assistant/templates';
import { formatDateTime, t, type MessageKey } from '../../services/i18n';
import { isEmailAddress } from '../../services/email-address';

// The form keeps what the user typed as typed (numbers as text, half-filled rows): an error is
// shown beside its field and nothing is lost; only a form with no errors is saved.

type Range = { start: string; end: string };
type Place = BusinessProfile['places'][number];
const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

interface Form {
  businessName: string;
  managerName: string;
  managerEmail: string;
  /** The business's other addresses, one per line or comma-separated, as typed. */
  aliases: string;
  signature: string;
  timeZone: string;
  workingHours: Record<string, Range[]>;
  holidays: string[];
  meetingMinutes: string;
  bufferMinutes: string;
  minNoticeMinutes: string;
  places: Place[];
  tone: Tone;
  calendarProvider: '' | 'google' | 'microsoft';
  calendarId: string;
}

type Errors = Partial<Record<string, MessageKey>>;

function toForm(p: BusinessProfile): Form {
  return {
    businessName: p.businessName,
    managerName: p.managerName,
    managerEmail: p.managerEmail,
    aliases: p.aliases.join('\n'),
    signature: p.signature,
    timeZone: p.timeZone,
    workingHours: Object.fromEntries(DAYS.map((d) => [d, [...(p.workingHours[d] ?? [])]])),
    holidays: [...p.holidays],
    meetingMinutes: String(p.meetingMinutes),
    bufferMinutes: String(p.bufferMinutes),
    minNoticeMinutes: String(p.minNoticeMinutes),
    places: p.places.map((x) => ({ ...x })),
    tone: p.tone,
    calendarProvider: p.bookingCalendar?.provider ?? '',
    calendarId: p.bookingCalendar?.calendarId ?? '',
  };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function wholeMinutes(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

function validateProfile(f: Form): Errors {
  const e: Errors = {};
  if (f.managerEmail.trim() && !isEmailAddress(f.managerEmail)) e.managerEmail = 'profileErrEmail';
  if (aliasList(f.aliases).some((a) => !isEmailAddress(a))) e.aliases = 'profileErrAliases';
  if (!isValidZone(f.timeZone)) e.timeZone = 'profileErrZone';
  for (const day of DAYS) {
    const ranges = f.workingHours[day] ?? [];
    if (ranges.some((r) => !TIME.test(r.start) || !TIME.test(r.end))) e[`hours-${day}`] = 'profileErrTime';
    else if (ranges.some((r) => minutesOf(r.end) <= minutesOf(r.start)))
      e[`hours-${day}`] = 'profileErrRange';
    else {
      const sorted = [...ranges].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
      if (sorted.some((r, i) => i > 0 && minutesOf(r.start) < minutesOf(sorted[i - 1]!.end)))
        e[`hours-${day}`] = 'profileErrOverlap';
    }
  }
  if (wholeMinutes(f.meetingMinutes, 5, 480) === null) e.meetingMinutes = 'profileErrMeeting';
  if (wholeMinutes(f.bufferMinutes, 0, 240) === null) e.bufferMinutes = 'profileErrBuffer';
  if (wholeMinutes(f.minNoticeMinutes, 0, 60 * 24 * 30) === null) e.minNoticeMinutes = 'profileErrNotice';
  for (const p of f.places) if (!p.label.trim() || !p.detail.trim()) e[`place-${p.id}`] = 'profileErrPlace';
  if (f.calendarProvider && !f.calendarId.trim()) e.calendarId = 'profileErrCalendar';
  return e;
}

function fromForm(f: Form): BusinessProfile {
  const sortRanges = (rs: Range[]) => [...rs].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
  return {
    businessName: f.businessName.trim(),
    managerName: f.managerName.trim(),
    managerEmail: f.managerEmail.trim(),
    aliases: aliasList(f.aliases),
    signature: f.signature.trimEnd(),
    timeZone: f.timeZone,
    workingHours: Object.fromEntries(
      DAYS.filter((d) => (f.workingHours[d] ?? []).length > 0).map((d) => [
        d,
        sortRanges(f.workingHours[d]!),
      ]),
    ),
    holidays: [...f.holidays].sort(),
    meetingMinutes: Number(f.meetingMinutes),
    bufferMinutes: Number(f.bufferMinutes),
    minNoticeMinutes: Number(f.minNoticeMinutes),
    places: f.places.map((p) => ({ ...p, label: p.label.trim(), detail: p.detail.trim() })),
    bookingCalendar: f.calendarProvider
      ? { provider: f.calendarProvider, calendarId: f.calendarId.trim() }
      : null,
    tone: f.tone,
  };
}

const aliasList = (text: string) => [...new Set(text.split(/[\s,;]+/).filter(Boolean))];

function zones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: 'timeZone') => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['UTC'];
}

const weekdayName = (day: string) =>
  formatDateTime(Date.UTC(2024, 0, Number(day)), { weekday: 'long' }, 'UTC'); // 2024-01-01 was a Monday

function FieldError({ code, id }: { code: MessageKey | undefined; id: string }) {
  if (!code) return null;
  return (
    <span id={id} class="notice error" role="alert" style={{ display: 'block', margin: '2px 0 6px' }}>
      {t(code)}
    </span>
  );
}

export function Profile() {
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [zoneSearch, setZoneSearch] = useState('');
  const [newHoliday, setNewHoliday] = useState('');
  const [status, setStatus] = useState<{ kind: 'saved' | 'invalid' | 'error'; text: string } | null>(null);
  const allZones = useMemo(zones, []);

  useEffect(() => void getProfile().then((p) => setForm(toForm(p))), []);
  if (!form)
    return (
      <section class="card" id="profile" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('profileHeading')}</h2>
        <p class="muted">{t('loading')}</p>
      </section>
    );

  const set = (changes: Partial<Form>) => {
    setForm({ ...form, ...changes });
    setStatus(null);
  };
  const setHours = (day: string, ranges: Range[]) =>
    set({ workingHours: { ...form.workingHours, [day]: ranges } });
  const setPlace = (id: string, changes: Partial<Place>) =>
    set({ places: form.places.map((p) => (p.id === id ? { ...p, ...changes } : p)) });

  const needle = zoneSearch.trim().toLowerCase().replace(/\s+/g, '_');
  const shownZones = allZones.filter((z) => !needle || z.toLowerCase().includes(needle));
  if (!shownZones.includes(form.timeZone)) shownZones.unshift(form.timeZone);

  async function save(e: Event) {
    e.preventDefault();
    if (!form) return;
    const found = validateProfile(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setStatus({ kind: 'invalid', text: t('profileInvalid') });
      return;
    }
    try {
      // The mail page's content script cannot open our database: it reads these addresses instead.
      await mirrorProfileAddresses(await saveProfile(fromForm(form)));
      setStatus({ kind: 'saved', text: t('saved') });
    } catch (err) {
      setStatus({ kind: 'error', text: t('errorGeneric', err instanceof Error ? err.message : String(err)) });
    }
  }

  const text = (field: 'businessName' | 'managerName' | 'managerEmail', label: MessageKey, type = 'text') => (
    <>
      <label class="row">
        <span style={{ minWidth: '200px' }}>{t(label)}</span>
        <input
          type={type}
          style={{ flex: 1 }}
          value={form[field]}
          aria-invalid={errors[field] ? true : undefined}
          aria-describedby={errors[field] ? `err-${field}` : undefined}
          onInput={(e) => set({ [field]: e.currentTarget.value })}
        />
      </label>
      <FieldError code={errors[field]} id={`err-${field}`} />
    </>
  );
  const minutes = (field: 'meetingMinutes' | 'bufferMinutes' | 'minNoticeMinutes', label: MessageKey) => (
    <>
      <div class="row">
        <label class="row">
          <span style={{ minWidth: '200px' }}>{t(label)}</span>
          <input
            inputMode="numeric"
            style={{ width: '90px' }}
            value={form[field]}
            aria-invalid={errors[field] ? true : undefined}
            aria-describedby={errors[field] ? `err-${field}` : undefined}
            onInput={(e) => set({ [field]: e.currentTarget.value })}
          />
        </label>
        <span class="muted">{t('profileMinutesUnit')}</span>
      </div>
      <FieldError code={errors[field]} id={`err-${field}`} />
    </>
  );

  return (
    <section class="card" id="profile" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('profileHeading')}</h2>
      <form onSubmit={(e) => void save(e)} noValidate>
        {text('businessName', 'profileBusinessName')}
        {text('managerName', 'profileManagerName')}
        {text('managerEmail', 'profileManagerEmail', 'email')}
        <label>
          <span>{t('profileAliases')}</span>
          <textarea
            rows={2}
            value={form.aliases}
            aria-invalid={errors.aliases ? true : undefined}
            aria-describedby={errors.aliases ? 'err-aliases' : 'hint-aliases'}
            onInput={(e) => set({ aliases: e.currentTarget.value })}
          />
        </label>
        <p class="muted" id="hint-aliases">
          {t('profileAliasesHint')}
        </p>
        <FieldError code={errors.aliases} id="err-aliases" />
        <label>
          <span>{t('profileSignature')}</span>
          <textarea
            rows={3}
            value={form.signature}
            onInput={(e) => set({ signature: e.currentTarget.value })}
          />
        </label>

        <h3 style={{ fontSize: '13px' }}>{t('profileTimeZone')}</h3>
        <div class="row">
          <input
            type="search"
            aria-label={t('profileZoneSearch')}
            placeholder={t('profileZoneSearch')}
            value={zoneSearch}
            onInput={(e) => setZoneSearch(e.currentTarget.value)}
          />
          <select
            aria-label={t('profileTimeZone')}
            value={form.timeZone}
            aria-invalid={errors.timeZone ? true : undefined}
            onChange={(e) => set({ timeZone: e.currentTarget.value })}
          >
            {shownZones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </div>
        <FieldError code={errors.timeZone} id="err-timeZone" />

        <h3 style={{ fontSize: '13px' }}>{t('profileHours')}</h3>
        {DAYS.map((day) => {
          const ranges = form.workingHours[day] ?? [];
          const name = weekdayName(day);
          return (
            <div key={day} data-testid={`day-${day}`} style={{ margin: '4px 0' }}>
              <div class="row">
                <strong style={{ minWidth: '110px' }}>{name}</strong>
                <label class="row">
                  <input
                    type="checkbox"
                    checked={ranges.length === 0}
                    onChange={(e) =>
                      setHours(day, e.currentTarget.checked ? [] : [{ start: '09:00', end: '17:00' }])
                    }
                  />
                  {t('profileDayOff')}
                </label>
                {ranges.map((r, i) => (
                  <span key={i} class="row">
                    <input
                      type="time"
                      aria-label={t('profileFrom', name)}
                      value={r.start}
                      onInput={(e) =>
                        setHours(
                          day,
                          ranges.map((x, j) => (j === i ? { ...x, start: e.currentTarget.value } : x)),
                        )
                      }
                    />
                    <span>–</span>
                    <input
                      type="time"
                      aria-label={t('profileTo', name)}
                      value={r.end}
                      onInput={(e) =>
                        setHours(
                          day,
                          ranges.map((x, j) => (j === i ? { ...x, end: e.currentTarget.value } : x)),
                        )
                      }
                    />
                    <button
                      type="button"
                      aria-label={t('profileRemoveRange', name)}
                      onClick={() =>
                        setHours(
                          day,
                          ranges.filter((_, j) => j !== i),
                        )
                      }
                    >
                      ×
                    </button>
                  </span>
                ))}
                {ranges.length > 0 && (
                  <button
                    type="button"
                    aria-label={t('profileAddRange', name)}
                    onClick={() => {
                      const last = ranges[ranges.length - 1]!;
                      setHours(day, [
                        ...ranges,
                        { start: last.end, end: last.end < '20:00' ? '20:00' : '23:59' },
                      ]);
                    }}
                  >
                    +
                  </button>
                )}
              </div>
              <FieldError code={errors[`hours-${day}`]} id={`err-hours-${day}`} />
            </div>
          );
        })}

        <h3 style={{ fontSize: '13px' }}>{t('profileHolidays')}</h3>
        <ul class="plain">
          {form.holidays.map((h) => (
            <li key={h} class="row">
              <span style={{ flex: 1 }}>
                {formatDateTime(Date.parse(`${h}T12:00:00Z`), { dateStyle: 'full' }, 'UTC')}
              </span>
              <button
                type="button"
                aria-label={t('profileRemoveHoliday', h)}
                onClick={() => set({ holidays: form.holidays.filter((x) => x !== h) })}
              >
                {t('optRemove')}
              </button>
            </li>
          ))}
        </ul>
        <div class="row">
          <input
            type="date"
            aria-label={t('profileHolidayDate')}
            value={newHoliday}
            onInput={(e) => setNewHoliday(e.currentTarget.value)}
          />
          <button
            type="button"
            disabled={!/^\d{4}-\d\d-\d\d$/.test(newHoliday)}
            onClick={() => {
              if (!form.holidays.includes(newHoliday))
                set({ holidays: [...form.holidays, newHoliday].sort() });
              setNewHoliday('');
            }}
          >
            {t('profileAddHoliday')}
          </button>
        </div>

        <h3 style={{ fontSize: '13px' }}>{t('profileMeetings')}</h3>
        {minutes('meetingMinutes', 'profileMeetingMinutes')}
        {minutes('bufferMinutes', 'profileBuffer')}
        {minutes('minNoticeMinutes', 'profileMinNotice')}

        <h3 style={{ fontSize: '13px' }}>{t('profilePlaces')}</h3>
        {form.places.map((p) => (
          <div key={p.id} data-testid="place">
            <div class="row">
              <select
                aria-label={t('profilePlaceKind')}
                value={p.kind}
                onChange={(e) => setPlace(p.id, { kind: e.currentTarget.value as Place['kind'] })}
              >
                <option value="room">{t('profilePlaceRoom')}</option>
                <option value="address">{t('profilePlaceAddress')}</option>
                <option value="phone">{t('profilePlacePhone')}</option>
              </select>
              <input
                aria-label={t('profilePlaceLabel')}
                placeholder={t('profilePlaceLabel')}
                value={p.label}
                onInput={(e) => setPlace(p.id, { label: e.currentTarget.value })}
              />
              <input
                aria-label={t('profilePlaceDetail')}
                placeholder={t('profilePlaceDetail')}
                style={{ flex: 1 }}
                value={p.detail}
                onInput={(e) => setPlace(p.id, { detail: e.currentTarget.value })}
              />
              <button
                type="button"
                aria-label={t('profileRemovePlace', p.label)}
                onClick={() => set({ places: form.places.filter((x) => x.id !== p.id) })}
              >
                {t('optRemove')}
              </button>
            </div>
            <FieldError code={errors[`place-${p.id}`]} id={`err-place-${p.id}`} />
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            set({
              places: [...form.places, { id: crypto.randomUUID(), label: '', detail: '', kind: 'room' }],
            })
          }
        >
          {t('profileAddPlace')}
        </button>

        <h3 style={{ fontSize: '13px' }}>{t('profileReplies')}</h3>
        <label class="row">
          <span style={{ minWidth: '200px' }}>{t('profileTone')}</span>
          <select value={form.tone} onChange={(e) => set({ tone: e.currentTarget.value as Tone })}>
            <option value="formal">{t('toneFormal')}</option>
            <option value="friendly">{t('toneFriendly')}</option>
          </select>
        </label>

        <h3 style={{ fontSize: '13px' }}>{t('profileBookingCalendar')}</h3>
        <p class="muted">{t('profileBookingHelp')}</p>
        <div class="row">
          <label class="row">
            <span>{t('profileProvider')}</span>
            <select
              value={form.calendarProvider}
              onChange={(e) => {
                const provider = e.currentTarget.value as Form['calendarProvider'];
                set({
                  calendarProvider: provider,
                  calendarId: form.calendarId || (provider ? form.managerEmail.trim() || 'primary' : ''),
                });
              }}
            >
              <option value="">{t('profileNoCalendar')}</option>
              <option value="google">{t('accountGoogle')}</option>
              <option value="microsoft">{t('accountMicrosoft')}</option>
            </select>
          </label>
          <label class="row" style={{ flex: 1 }}>
            <span>{t('profileCalendarId')}</span>
            <input
              style={{ flex: 1 }}
              value={form.calendarId}
              disabled={!form.calendarProvider}
              aria-invalid={errors.calendarId ? true : undefined}
              onInput={(e) => set({ calendarId: e.currentTarget.value })}
            />
          </label>
        </div>
        <FieldError code={errors.calendarId} id="err-calendarId" />

        <div class="row" style={{ marginTop: '10px' }}>
          <button type="submit" class="primary">
            {t('profileSave')}
          </button>
          {status && (
            <span
              role={status.kind === 'saved' ? 'status' : 'alert'}
              class={status.kind === 'saved' ? 'muted' : 'notice error'}
            >
              {status.text}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
