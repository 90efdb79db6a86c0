import type { SplitBody } from './text';

// Parsed message bodies by message id. A site re-renders little around a message (typing in the
// reply box, a ticking clock, presence dots), and re-reading a multi-megabyte body for each of those
// froze the page; a body is parsed again only when its element or its children change.

interface Entry {
  body: Element;
  children: number;
  last: Node | null;
  value: SplitBody;
}

export class BodyCache {
  private entries = new Map<string, Entry>();
  constructor(private readonly limit = 300) {}

  /** The body's parsed text: from the cache when `body` is the element parsed before, unchanged. */
  get(id: string, body: Element, parse: (body: Element) => SplitBody): SplitBody {
    const known = this.entries.get(id);
    if (
      known &&
      known.body === body &&
      known.children === body.childElementCount &&
      known.last === body.lastChild
    ) {
      return known.value;
    }
    const value = parse(body);
    this.entries.delete(id);
    this.entries.set(id, { body, children: body.childElementCount, last: body.lastChild, value });
    // Oldest first in a Map: drop the least recently parsed past the limit.
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
