import { Empty, Timeline, Typography } from 'antd';
import type { z } from '../../contract/zod';
import type { cardEvent, noticeEvent, NoticeFlag } from '../../contract/duban';
import { intlLocale, useLocaleStore } from '../../i18n';
import { formatDateTime } from '../format';
import { useRoleName } from '../role-labels';
import type { DubanLabel } from './duban-labels';

type NoticeEvent = z.infer<typeof noticeEvent>;
type CardEvent = z.infer<typeof cardEvent>;

/** One line of a 督办 timeline, card or notice, in the shape the list renders. */
export interface TimelineEntry {
  key: string;
  atMs: number;
  /** What happened, already in words. */
  what: string;
  /** The notice number or card the event belongs to. */
  subject: string;
  actor: string;
  actorRole: string | null;
  actorDepartment: string | null;
  /** What was said (reason, cause, measures…), in words. */
  details: string[];
  tone: 'red' | 'green' | 'blue' | 'gray';
}

type L = (key: DubanLabel, values?: Record<string, string | number>) => string;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Words for what a notice event said (the stored body is the request as the service took it). */
function noticeDetails(e: NoticeEvent, l: L): string[] {
  const b = e.body;
  const out: string[] = [];
  const add = (label: DubanLabel, value: string | null) => {
    if (value !== null) out.push(`${l(label)}：${value}`);
  };
  add('field.instructions', str(b['instructions']));
  add('field.cause', str(b['cause']));
  add('field.measures', str(b['measures']));
  add('field.expectedBy', str(b['expectedBy']));
  const reason = str(b['reason']);
  if (e.kind === 'appealed') {
    const known = ['applicant-delay', 'platform-error', 'force-majeure', 'other'] as const;
    const code = known.find((k) => k === reason);
    add('field.reason', code ? l(`reason.${code}`) : reason);
    add('field.explanation', str(b['explanation']));
  } else add(e.kind === 'returned' ? 'field.returnReason' : 'field.decisionReason', reason);
  add('field.dueOn', e.dueOn);
  if (b['late'] === true) out.push(l('field.late'));
  return out;
}

/**
 * A notice's events as timeline lines. `flags` (rule name and evidence of the slow-action flags
 * it covers, as issued) are said beside its 签发 event.
 */
export function noticeEntries(
  number: string,
  events: NoticeEvent[],
  l: L,
  flags: readonly NoticeFlag[] = [],
): TimelineEntry[] {
  const flagLines = flags.map((f) => `${l('field.flag')}：${f.ruleName}（${f.explanation}）`);
  return events.map((e) => ({
    key: `n-${number}-${e.version}`,
    atMs: Date.parse(e.at),
    what: l(`event.${e.kind}`),
    subject: number,
    actor: e.actor,
    actorRole: e.actorRole,
    actorDepartment: e.actorDepartment,
    details: e.kind === 'issued' ? [...noticeDetails(e, l), ...flagLines] : noticeDetails(e, l),
    tone:
      e.kind === 'revoked'
        ? 'gray'
        : e.kind === 'closed'
          ? 'green'
          : e.kind === 'issued'
            ? 'red'
            : 'blue',
  }));
}

export function cardEntries(cardLabel: string, events: CardEvent[], l: L): TimelineEntry[] {
  return events.map((e) => ({
    key: `c-${cardLabel}-${e.seq}`,
    atMs: Date.parse(e.at),
    what: `${l(`cardEvent.${e.kind}`)}${e.level ? ` · ${l(`level.${e.level}`)}` : ''}`,
    subject: cardLabel,
    actor: e.actor,
    actorRole: e.actorRole,
    actorDepartment: e.actorDepartment,
    details: [e.onDay, e.reason].filter((x): x is string => x !== null && x !== ''),
    tone: e.kind === 'revoked' || e.kind === 'cancelled' ? 'gray' : 'red',
  }));
}

/** Who did it: name, role and department (the system has no role). */
function WhoLine({ e }: { e: TimelineEntry }) {
  const roleName = useRoleName();
  // The service records its own steps (a card earned, upgraded, cancelled) as actor `system` with
  // no role: the role's words (系统 / System) name it, the code is not shown.
  const actor = e.actor === 'system' && e.actorRole === null ? null : e.actor;
  const parts = [actor, roleName(e.actorRole), e.actorDepartment];
  return <Typography.Text type="secondary">{parts.filter(Boolean).join(' · ')}</Typography.Text>;
}

/** The 督办 timeline, oldest first: who, role, department, when, what and why. */
export function DubanTimeline({ entries, testId }: { entries: TimelineEntry[]; testId?: string }) {
  const locale = intlLocale(useLocaleStore((s) => s.locale));
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const sorted = [...entries].sort((a, b) => a.atMs - b.atMs || a.key.localeCompare(b.key));
  return (
    <Timeline
      data-testid={testId}
      items={sorted.map((e) => ({
        key: e.key,
        color: e.tone,
        content: (
          <div data-testid="duban-event">
            <Typography.Text strong>{e.what}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {e.subject} · {Number.isFinite(e.atMs) ? formatDateTime(e.atMs, locale) : ''}
            </Typography.Text>
            <div>
              <WhoLine e={e} />
            </div>
            {e.details.map((d) => (
              <div key={d}>
                <Typography.Text>{d}</Typography.Text>
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
