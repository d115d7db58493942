import type { ReactNode } from 'react';

/**
 * Text that is data from the city's feed — a department, item, task or person name, a step name
 * — and so stays in Chinese whatever the UI language. Marked with its language (WCAG "language of
 * parts": a screen reader in English mode reads it as Chinese), which is also how the language
 * tours tell data from untranslated UI text.
 */
export const FEED_LANG = 'zh-CN';

export function FeedText({ children }: { children: ReactNode }) {
  return <span lang={FEED_LANG}>{children}</span>;
}

/** Cell props for a table column whose cells hold feed text (antd `onCell`). */
export function feedCell(): { lang: string } {
  return { lang: FEED_LANG };
}
