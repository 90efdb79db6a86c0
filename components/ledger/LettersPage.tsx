import { useEffect, useState } from 'preact/hooks';
import { getProfile, type BusinessProfile } from '../../services/profile';
import {
  LETTER_KINDS,
  composeLetter,
  letterDocx,
  type LetterFields,
  type LetterKind,
} from '../../services/ledger/letters';
import { localDay } from '../../services/ledger/dates';
import { locale, t, type MessageKey } from '../../services/i18n';
import { ledgerErrorMessage } from './labels';
import './letters.css';

/**
 * Letters from templates on the business's letterhead, previewed as the page will print (the print
 * stylesheet prints the letter alone: "Save as PDF" in the print dialog gives the PDF) and downloadable
 * as .docx. Path: #/letters/<kind>.
 */
export function LettersPage({ path }: { path: string[] }) {
  const [profile, setProfile] = useState<BusinessProfile | null>(null);
  const [kind, setKind] = useState<LetterKind>(
    LETTER_KINDS.includes(path[0] as LetterKind) ? (path[0] as LetterKind) : 'payment_reminder',
  );
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
    void getProfile().then(setProfile);
  }, []);
  if (!profile) return <p class="muted">…</p>;

  const letter = composeLetter(kind, fields, profile, localDay());
  const edit = (changes: Partial<LetterFields>) => setFields((f) => ({ ...f, ...changes }));
  const input = (key: keyof LetterFields, label: string, type = 'text') => (
    <label>
      {label}
      <input type={type} value={fields[key]} onInput={(e) => edit({ [key]: e.currentTarget.value })} />
    </label>
  );

  async function downloadDocx() {
    setError(null);
    try {
      const blob = await letterDocx(letter);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${kind}-${fields.reference.replace(/[^\p{L}\p{N}-]+/gu, '_') || localDay()}.docx`;
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
            {t('letterKind')}
            <select value={kind} onChange={(e) => setKind(e.currentTarget.value as LetterKind)}>
              {LETTER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`letterKind_${k}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
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
          {input('reference', t(`letterReference_${kind}` as MessageKey))}
          {kind === 'payment_reminder' && input('amount', t('letterAmount'))}
          {input('date', t(`letterDate_${kind}` as MessageKey), 'date')}
          <label>
            {t(`letterDetails_${kind}` as MessageKey)}
            <textarea
              rows={4}
              value={fields.details}
              onInput={(e) => edit({ details: e.currentTarget.value })}
            />
          </label>
          <div class="row">
            <button type="button" onClick={() => window.print()}>
              {t('letterPrint')}
            </button>
            <button type="button" onClick={() => void downloadDocx()}>
              {t('letterDocx')}
            </button>
          </div>
          {error && (
            <p role="alert" class="notice error">
              {error}
            </p>
          )}
        </div>
        <article class="letter" aria-label={t('letterPreview')} lang={letter.language} data-testid="letter">
          <header class="letterhead">
            {letter.letterhead.map((line, i) =>
              i === 0 ? <strong key={i}>{line}</strong> : <div key={i}>{line}</div>,
            )}
          </header>
          <p class="letter-date">{letter.dateLine}</p>
          <address>
            {letter.recipient.map((line, i) => (
              <div key={i}>{line}</div>
            ))}
          </address>
          <p>
            <strong>{letter.subject}</strong>
          </p>
          <p>{letter.salutation}</p>
          {letter.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          <p class="letter-closing">{letter.closing}</p>
          {letter.signature.map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </article>
      </div>
    </section>
  );
}
