import { describe, expect, it } from 'vitest';
import { adapterFor } from './adapters';

describe('adapterFor', () => {
  it('gives each site its own adapter', () => {
    expect(adapterFor('gmail').site).toBe('gmail');
    expect(adapterFor('outlook').site).toBe('outlook');
  });

  it('each adapter only understands its own site', () => {
    const outlookPage = new DOMParser().parseFromString(
      '<div data-app-section="ConversationContainer"><div role="heading" aria-level="2">Hi</div></div>',
      'text/html',
    );
    const read = adapterFor('gmail').readThread(outlookPage, 'https://mail.google.com/mail/u/0/#inbox');
    expect(read.ok ? 'ok' : read.problem.kind).toBe('not-understood');
  });
});
