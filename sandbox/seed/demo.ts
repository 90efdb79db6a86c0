import { SEED_THREADS, gmailDemoPath, outlookDemoPath } from './threads';

/** The thread the demo opens first: a Spanish complaint about a late delivery. */
const t = SEED_THREADS.find((x) => x.key === 'late-delivery') ?? SEED_THREADS[0]!;
export const DEMO_THREAD = {
  key: t.key,
  subject: t.subject,
  gmailPath: gmailDemoPath(t),
  outlookPath: outlookDemoPath(t),
};
