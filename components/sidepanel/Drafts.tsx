import type { ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Analysis } from '../../services/assistant/types';
import { decisionDraft, draftLanguage, draftReplies, type Draft } from '../../services/assistant/drafting';
import { findCondition } from '../../services/assistant/conditions';
import { findPlaceholders, removePlaceholders } from '../../services/assistant/placeholders';
import { ownText } from '../../services/assistant/text';
import { analysedThread } from '../../services/assistant/analyse';
import { polishDraft, type BusinessProfile as AiBusiness, type Rejection } from '../../services/assistant/ai';
import type { Commitment, Decision, Tone } from '../../services/assistant/templates';
import type { FactKind } from '../../services/assistant/claims';
import { activeBackend, aiSettings } from '../../services/ai-settings';
import type { ThreadSnapshot } from '../../services/mail-sites/types';
import type { BusinessProfile } from '../../services/profile';
import type { TemplateRecord } from '../../services/db/db';
import { sendToBackground } from '../../services/messaging';
import { locale, t, type MessageKey } from '../../services/i18n';
import { placeholderFor } from '../../services/assistant/templates';
import { thread as boundThread } from './bound-tab';
import { intentLabel } from './AnalysisCard';
import { findEmails } from '../../services/email-address';

/** A slow local model may take a while; past this the template draft is all there is. */
const POLISH_TIMEOUT_MS = 60_000;

const REJECTION: Record<Rejection, MessageKey> = {
  empty: 'aiRejectEmpty',
  length: 'aiRejectLength',
  language: 'aiRejectLanguage',
  link: 'aiRejectLink',
  email: 'aiRejectEmail',
  phone: 'aiRejectPhone',
  commitment: 'aiRejectCommitment',
  markup: 'aiRejectMarkup',
  payment: 'aiRejectPayment',
  fact: 'aiRejectFact',
};

const FACT: Record<FactKind, MessageKey> = {
  shipped: 'factShipped',
  delivered: 'factDelivered',
  refunded: 'factRefunded',
  cancelled: 'factCancelled',
};

const COMMITMENT: Record<Commitment, MessageKey> = {
  refund: 'tplCommitRefund',
  compensation: 'tplCommitCompensation',
  replacement: 'tplCommitReplacement',
};

const DECISION: Record<Decision, MessageKey> = {
  refund: 'decisionRefund',
  replacement: 'decisionReplacement',
  decline: 'decisionDecline',
};

const toneLabel = (tone: Tone) => (tone === 'formal' ? t('toneFormal') : t('toneFriendly'));

/** What a tab says: the template's name, its tone and language; a guessed language is said. */
function tabLabel(d: Draft): string {
  const base = `${d.templateName} · ${toneLabel(d.tone)} · ${d.language.toUpperCase()}`;
  return d.otherLanguage ? `${base} · ${t('otherLanguageDraft')}` : base;
}

/** Tab labels, numbered where two would read the same (a business may name two templates alike). */
function distinctLabels(labels: string[]): string[] {
  return labels.map((label, i) => {
    const same = labels.filter((l) => l === label).length;
    return same > 1 ? `${label} (${labels.slice(0, i + 1).filter((l) => l === label).length})` : label;
  });
}

/** The draft text with its placeholders marked, so the user sees what is left to fill. */
function Marked({ text }: { text: string }) {
  const parts: ComponentChildren[] = [];
  let last = 0;
  for (const p of findPlaceholders(text)) {
    parts.push(text.slice(last, p.index));
    parts.push(<mark data-testid="placeholder">{p.text}</mark>);
    last = p.index + p.text.length;
  }
  parts.push(text.slice(last));
  return (
    <div class="pre" dir="auto" data-testid="draft-marked" aria-label={t('placeholdersPreview')}>
      {parts}
    </div>
  );
}

function rejectionText(reason: Rejection, detail: string): string {
  const named =
    reason === 'commitment'
      ? COMMITMENT[detail as Commitment]
      : reason === 'fact'
        ? FACT[detail as FactKind]
        : undefined;
  return t(REJECTION[reason], named ? t(named) : detail);
}

type Polish =
  | { kind: 'busy' }
  | { kind: 'suggestion'; text: string }
  | { kind: 'rejected'; reason: Rejection; detail: string }
  | { kind: 'unreachable'; detail: string };

/**
 * The thread the analysis was made from, as it was read or pasted: the one passed in, else the one
 * `analyseThread` read (pasted or from the tab), else the bound tab's snapshot when it is that
 * thread. Only an analysis made elsewhere (never in the panel) falls back to one message rebuilt
 * from the analysis, enough for the output check.
 */
function threadFor(analysis: Analysis, given?: ThreadSnapshot | null): ThreadSnapshot {
  const latest = analysis.latestCustomerMessageId;
  const holds = (t: ThreadSnapshot | null | undefined): t is ThreadSnapshot =>
    !!t && (latest === null || t.messages.some((m) => m.id === latest));
  if (holds(given)) return given;
  // The thread analyseThread read, pasted or from the tab, exactly as it was read.
  const source = analysedThread(analysis);
  if (holds(source)) return source;
  const read = boundThread.value;
  if (read?.ok && read.snapshot.messages.some((m) => m.id === analysis.latestCustomerMessageId))
    return read.snapshot;
  const f = analysis.facts;
  return {
    site: 'gmail',
    threadId: '',
    url: '',
    subject: '',
    userEmail: null,
    readAt: Date.now(),
    messages: [
      {
        id: analysis.latestCustomerMessageId ?? 'pasted',
        from: { name: analysis.customer.name ?? '', email: analysis.customer.email ?? '' },
        to: [],
        cc: [],
        date: null,
        text: [
          analysis.summary,
          ...f.orders,
          ...f.invoices,
          ...f.tickets,
          ...f.phones.map((p) => p.text),
        ].join('\n'),
        quoted: '',
        signature: '',
        fromUser: false,
        collapsed: false,
      },
    ],
  };
}

const LINK = /\bhttps?:\/\/[^\s<>"')]+|\bwww\.[^\s<>"')]+/gi;

/** What the business itself may put in a reply: its own addresses, phones and links. */
function businessFor(profile: BusinessProfile): AiBusiness {
  const own = [profile.signature, ...profile.places.map((p) => p.detail)].join('\n');
  return {
    name: profile.businessName,
    emails: [profile.managerEmail, ...findEmails(own)].filter(Boolean),
    phones: profile.places.filter((p) => p.kind === 'phone').map((p) => p.detail),
    links: own.match(LINK) ?? [],
  };
}

interface Props {
  analysis: Analysis;
  templates: TemplateRecord[];
  profile: BusinessProfile;
  tabId: number | null;
  /** Extra text the scheduler offers for {{slots}}. */
  slots?: string;
  /** Draft handed over by another action (e.g. the booking confirmation), shown first. */
  extra?: { label: string; text: string } | null;
  /** The thread the analysis was read from (the mail tab's or the pasted one), as it is: the AI
   * polish is given this thread, never one made up from the summary. */
  thread?: ThreadSnapshot | null;
}

/** 2–3 drafts in the customer's language, each editable, then "Insert reply" into the site's box. */
/**
 * Refund, replacement or decline answer a customer who wants something put right; a supplier's
 * invoice, a meeting request or a thank-you gets no such choice.
 */
const DECISION_INTENTS = new Set(['complaint', 'cancellation_refund', 'order_status']);
const decisionFits = (analysis: Analysis) => analysis.intents.some((i) => DECISION_INTENTS.has(i.intent));

export function Drafts({ analysis, templates, profile, tabId, slots, extra, thread }: Props) {
  const [decision, setDecision] = useState<Decision | null>(null);
  const context = useMemo(() => {
    const latest = threadFor(analysis, thread).messages.find(
      (m) => m.id === analysis.latestCustomerMessageId,
    );
    return {
      businessName: profile.businessName || undefined,
      managerName: profile.managerName || undefined,
      signature: profile.signature || undefined,
      preferredTone: profile.tone,
      slots,
      condition: latest ? findCondition(ownText(latest.text)) : null,
    };
  }, [analysis, profile, slots, thread]);
  const drafts = useMemo(() => {
    const list = draftReplies(analysis, templates, context);
    const decided = decision ? decisionDraft(analysis, templates, decision, context) : null;
    return decided ? [...list, decided] : list;
  }, [analysis, templates, context, decision]);
  const labels = distinctLabels(drafts.map(tabLabel));
  const [chosen, setChosen] = useState(0);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [replyAll, setReplyAll] = useState(false);
  const [aiOn, setAiOn] = useState(false);
  /** AI chosen in Options but not usable here (a permission not granted, the model not ready). */
  const [aiMissing, setAiMissing] = useState(false);
  const [polish, setPolish] = useState<Record<string, Polish>>({});
  const [inserting, setInserting] = useState(false);
  /** Placeholders found when the user asked to insert: they decide what happens to them. */
  const [blocked, setBlocked] = useState<string[] | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const forget = (key: string) =>
    setPolish((p) => {
      const next = { ...p };
      delete next[key];
      return next;
    });

  // Bumped when the thread changes: a model answer for the previous thread must not land on this one.
  const generation = useRef(0);

  useEffect(() => {
    generation.current++;
    setChosen(0);
    setTexts({});
    setStatus(null);
    setPolish({});
    setDecision(null);
    setBlocked(null);
  }, [analysis]);
  useEffect(() => setBlocked(null), [chosen]);
  useEffect(() => {
    let live = true;
    const check = () =>
      void Promise.all([activeBackend(), aiSettings.getValue()])
        .then(([backend, settings]) => {
          if (!live) return;
          setAiOn(backend !== null);
          setAiMissing(backend === null && settings.mode !== 'off');
        })
        .catch(() => live && setAiOn(false));
    check();
    const unwatch = aiSettings.watch(check);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  useEffect(() => {
    if (extra) setChosen(-1);
    forget('extra');
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
  const polished = polish[current.key];
  const commitments: Commitment[] = chosen === -1 ? [] : (drafts[chosen]?.commitments ?? []);
  const language =
    chosen === -1 ? draftLanguage(analysis) : (drafts[chosen]?.language ?? draftLanguage(analysis));

  async function polishCurrent() {
    const key = current.key;
    const draft = text;
    const started = generation.current;
    const settle = (state: Polish) => {
      if (generation.current === started) setPolish((p) => ({ ...p, [key]: state }));
    };
    settle({ kind: 'busy' });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), POLISH_TIMEOUT_MS);
    try {
      const backend = await activeBackend({ signal: controller.signal });
      if (!backend) {
        settle({ kind: 'unreachable', detail: '' });
        return;
      }
      const result = await polishDraft(backend, {
        thread: threadFor(analysis, thread),
        draft,
        language,
        business: businessFor(profile),
        commitments,
      });
      if (result.source === 'ai') settle({ kind: 'suggestion', text: result.text });
      else if (!result.rejected || result.rejected === 'unavailable' || result.rejected === 'error')
        settle({ kind: 'unreachable', detail: result.detail ?? '' });
      else settle({ kind: 'rejected', reason: result.rejected, detail: result.detail ?? '' });
    } catch (err) {
      settle({ kind: 'unreachable', detail: err instanceof Error ? err.message : String(err) });
    } finally {
      clearTimeout(timer);
    }
  }

  function chooseDecision(d: Decision) {
    setDecision(d);
    const at = drafts.filter((x) => !x.decision).length;
    setChosen(at);
  }

  /** Selects the first placeholder in the editor so the user can type over it. */
  function fillPlaceholders() {
    setBlocked(null);
    const first = findPlaceholders(text)[0];
    const el = textarea.current;
    if (!el || !first) return;
    el.focus();
    el.setSelectionRange(first.index, first.index + first.text.length);
  }

  async function insert(chosenText = text) {
    if (tabId === null || inserting) return;
    setStatus(null);
    // Nothing bracketed reaches the customer's reply box unless the user has dealt with it.
    const left = findPlaceholders(chosenText).map((p) => p.text);
    if (left.length > 0) {
      setBlocked(left);
      return;
    }
    setBlocked(null);
    // One insertion at a time: the button stays busy until the site's reply box has the text.
    setInserting(true);
    try {
      const outcome = await sendToBackground({
        type: 'tab:insert-reply',
        data: { tabId, text: chosenText, mode: replyAll ? 'replyAll' : 'reply' },
      });
      setStatus(
        outcome.ok
          ? { kind: 'ok', text: outcome.appended ? t('insertedBelow') : t('inserted') }
          : { kind: 'error', text: t('insertFailed', insertProblem(outcome.error)) },
      );
    } catch (err) {
      setStatus({ kind: 'error', text: t('insertFailed', err instanceof Error ? err.message : String(err)) });
    } finally {
      setInserting(false);
    }
  }

  // An empty state that offers the next step, not a warning.
  if (drafts.length === 0 && !extra)
    return (
      <div class="empty" data-testid="no-templates">
        <p>{t('noTemplates')}</p>
        <button
          type="button"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#templates') })}
        >
          {t('openTemplates')}
        </button>
      </div>
    );
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
            data-decision={d.decision}
          >
            {labels[i]}
          </button>
        ))}
      </div>
      {decisionFits(analysis) && (
        <div class="row" role="group" aria-label={t('decisionHeading')} data-testid="decisions">
          <span class="muted">{t('decisionHeading')}</span>
          {(['refund', 'replacement', 'decline'] as const).map((d) => (
            <button key={d} type="button" aria-pressed={decision === d} onClick={() => chooseDecision(d)}>
              {t(DECISION[d])}
            </button>
          ))}
        </div>
      )}
      {drafts[chosen]?.decision && <p class="notice">{t('decisionNote')}</p>}
      {drafts[chosen]?.answers && (
        <p class="muted" data-testid="draft-answers">
          {t(
            'draftAnswersBoth',
            intentLabel(drafts[chosen]!.answers![0]),
            intentLabel(drafts[chosen]!.answers![1]),
          )}
        </p>
      )}
      {drafts[chosen]?.confirmsTime && (
        <p class="muted" data-testid="draft-confirms-time">
          {t('draftConfirmsTime')}
        </p>
      )}
      {decision && !drafts.some((d) => d.decision === decision) && (
        <p class="notice">{t('decisionNoTemplate')}</p>
      )}
      {current.missing.length > 0 && (
        <p class="notice" data-testid="missing">
          {t(
            'missingVariables',
            current.missing.map((name) => placeholderFor(name, locale.value)).join(', '),
          )}
        </p>
      )}
      <textarea
        ref={textarea}
        aria-label={t('draftText')}
        data-testid="draft-text"
        dir="auto"
        rows={12}
        value={text}
        onInput={(e) => {
          setTexts({ ...texts, [current.key]: e.currentTarget.value });
          setBlocked(null);
        }}
      />
      {findPlaceholders(text).length > 0 && <Marked text={text} />}
      {aiOn && (
        <div class="row">
          <button
            type="button"
            disabled={polished?.kind === 'busy' || !text.trim()}
            onClick={() => void polishCurrent()}
          >
            {polished?.kind === 'busy' ? t('aiPolishing') : t('aiPolish')}
          </button>
        </div>
      )}
      {aiMissing && (
        <p class="muted" data-testid="ai-missing">
          {t('aiNotAvailableHere')}{' '}
          <button
            type="button"
            class="small"
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#ai') })}
          >
            {t('openAiSettings')}
          </button>
        </p>
      )}
      {polished?.kind === 'suggestion' && (
        <div class="card" data-testid="ai-suggestion" aria-labelledby="ai-suggestion-heading">
          <h3 id="ai-suggestion-heading" style={{ fontSize: '13px', margin: '0 0 4px' }}>
            {t('aiSuggestion')}
          </h3>
          <div class="pre" dir="auto">
            {polished.text}
          </div>
          <div class="row">
            <button
              type="button"
              class="primary"
              onClick={() => {
                setTexts({ ...texts, [current.key]: polished.text });
                forget(current.key);
              }}
            >
              {t('aiUseThis')}
            </button>
            <button type="button" onClick={() => forget(current.key)}>
              {t('aiDismiss')}
            </button>
          </div>
          <p class="muted">{t('aiSuggestionNote')}</p>
        </div>
      )}
      {polished?.kind === 'rejected' && (
        <p class="notice" role="status" data-testid="ai-rejected">
          {t('aiRejected', rejectionText(polished.reason, polished.detail))}
        </p>
      )}
      {polished?.kind === 'unreachable' && (
        <p class="notice" role="status" data-testid="ai-unreachable">
          {polished.detail ? t('aiUnreachableDetail', polished.detail) : t('aiUnreachable')}
        </p>
      )}
      <div class="row">
        <button
          type="button"
          class="primary"
          disabled={tabId === null || !text.trim() || inserting}
          aria-busy={inserting}
          onClick={() => void insert()}
        >
          {t('insertReply')}
        </button>
        <label class="row">
          <input type="checkbox" checked={replyAll} onChange={(e) => setReplyAll(e.currentTarget.checked)} />
          {t('replyAll')}
        </label>
      </div>
      {blocked && (
        <div
          role="alertdialog"
          aria-labelledby="placeholders-left"
          class="notice"
          data-testid="placeholders-left"
        >
          <p id="placeholders-left">{t('placeholdersBlock', blocked.length, blocked.join(', '))}</p>
          <div class="row">
            <button type="button" class="primary" onClick={fillPlaceholders}>
              {t('placeholdersFill')}
            </button>
            <button
              type="button"
              onClick={() => {
                const cleaned = removePlaceholders(text);
                setTexts({ ...texts, [current.key]: cleaned });
                void insert(cleaned);
              }}
            >
              {t('placeholdersRemove')}
            </button>
          </div>
        </div>
      )}
      <p class="muted">{t('neverSends')}</p>
      {status && (
        <p role="status" class={status.kind === 'error' ? 'notice error' : 'muted'}>
          {status.text}
        </p>
      )}
    </section>
  );
}

/** The content script reports why the reply box did not open as a code; say it in the UI language. */
function insertProblem(error: string): string {
  if (error === 'no-reply-button') return t('insertNoReplyButton');
  if (error === 'editor-timeout') return t('insertEditorTimeout');
  return error;
}
