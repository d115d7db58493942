import type { SlowActionCode } from '../domain/slow-action';
import { FeedText } from './feed-text';
import { useSlowActionText } from './slow-action-text';

/** A slow-action flag's reason in the UI language, step names marked as feed text. */
export function FlagReason({
  code,
  evidence,
}: {
  code: SlowActionCode;
  evidence: Readonly<Record<string, unknown>>;
}) {
  const w = useSlowActionText();
  return (
    <>
      {w
        .explanationParts(code, evidence)
        .map((p, i) => (typeof p === 'string' ? p : <FeedText key={i}>{p.feed}</FeedText>))}
    </>
  );
}
