import { pageSkeleton, type Skeleton } from './skeleton';
import { skeletonVocabulary } from './skeleton-vocabulary';

/** The live page's skeleton, with visibility from real layout (only where it changes, not per descendant). */
export function saveSkeleton(doc: Document, url: string): Skeleton {
  const visible = (el: Element) => (el.checkVisibility ? el.checkVisibility() : true);
  return pageSkeleton(doc, url, {
    vocabulary: skeletonVocabulary(),
    isHidden: (el) => !visible(el) && (el.parentElement === null || visible(el.parentElement)),
  });
}
