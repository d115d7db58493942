import { Fragment, type ReactNode } from 'react';

/**
 * Fills a message template's `{name}` placeholders with React nodes, for messages that embed data
 * which must keep its own markup (a feed's Chinese name marked lang="zh-CN" inside an English
 * sentence). Plain values go through the message table's own `m(key, values)`.
 */
export function richMessage(template: string, values: Record<string, ReactNode>): ReactNode {
  const parts = template.split(/\{(\w+)\}/g);
  // split with a capture group alternates text, name, text, name, …
  return parts.map((part, i) =>
    i % 2 === 0 ? part : <Fragment key={i}>{part in values ? values[part] : `{${part}}`}</Fragment>,
  );
}

/** Joins nodes with the language's list separator (、 in Chinese, ", " in English). */
export function joinNodes(nodes: ReactNode[], separator: string): ReactNode {
  return nodes.map((n, i) => (
    <Fragment key={i}>
      {i > 0 ? separator : null}
      {n}
    </Fragment>
  ));
}
