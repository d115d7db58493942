/**
 * The printed 季度通报's narrative cites the quarter's red cards and overdue (逾期未反馈) 督办单
 * (issue 16 item 6), from the counts the service adds beside the ranking, in the UI language:
 * the same facts in Chinese and in English, with no Chinese left in English outside feed names.
 */
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DayIndex } from '../../src/domain/calendar';
import { dayFromIso } from '../../src/domain/calendar';
import { bulletinRanking, type Bulletin } from '../../src/engine/bulletin';
import { quarterSupervision } from '../../src/engine/quarter-supervision';
import { rankQuarter } from '../../src/engine/ranking';
import { rankingMethodology } from '../../src/engine/ranking-view-methodology';
import { DEFAULT_SLOW_ACTION_THRESHOLDS } from '../../src/domain/slow-action';
import { RankingPrintReport } from '../../src/export/print-ranking-report';
import { useLocaleStore } from '../../src/i18n';
import type { CaseStatusRow } from '../../src/engine/dashboard';
import { Q3, TEST_AS_OF_MS, testIndexed } from './rankings-helpers';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e]/;
const day = (iso: string): DayIndex => dayFromIso(iso);

function bulletinWith(supervised: boolean): Bulletin {
  const ranking = rankQuarter(testIndexed(), Q3, { asOfMs: TEST_AS_OF_MS });
  const d = ranking.departments[0]!;
  // Two red cards earned in Q3 (one in Q2 does not count) and one notice overdue in Q3.
  const rows = [
    { departmentId: d.departmentId, redSince: day('2026-07-15') },
    { departmentId: d.departmentId, redSince: day('2026-09-30') },
    { departmentId: d.departmentId, redSince: day('2026-06-30') },
  ] as unknown as CaseStatusRow[];
  const supervision = quarterSupervision(
    rows,
    new Map([[d.departmentId, [day('2026-08-03'), day('2026-10-08')]]]),
    { from: day('2026-07-01'), to: day('2026-09-30') },
  );
  return {
    header: {
      city: '枫林市',
      office: '市政务服务管理局',
      documentNumber: null,
      issuedOn: null,
      edition: null,
    },
    ranking: { ...bulletinRanking(supervised ? { ...ranking, supervision } : ranking) },
  };
}

function renderReport(b: Bulletin) {
  return render(
    <RankingPrintReport
      bulletin={b}
      methodology={rankingMethodology(b.ranking, DEFAULT_SLOW_ACTION_THRESHOLDS)}
      generatedAtMs={TEST_AS_OF_MS}
    />,
  );
}

/** The report's text without the feed data marked lang="zh-CN". */
function uiText(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement;
  for (const el of copy.querySelectorAll('[lang="zh-CN"]')) el.remove();
  return copy.textContent ?? '';
}

afterEach(() => act(() => useLocaleStore.setState({ locale: 'zh-CN' })));

describe('季度通报 narrative', () => {
  it('counts the red cards earned and notices overdue in the quarter only', () => {
    const s = bulletinWith(true).ranking.supervision;
    expect(s).toMatchObject({ redCards: 2, overdueNotices: 1 });
  });

  it('cites the red cards and overdue notices in Chinese', () => {
    renderReport(bulletinWith(true));
    const text = screen.getByTestId('print-report').textContent ?? '';
    expect(text).toContain('本季度全市新增红牌 2 张，督办单逾期未反馈 1 件');
    expect(text).toMatch(/红牌与逾期未反馈督办单较多的是 .+（红牌 2 张、逾期未反馈 1 件）/);
  });

  it('says the same in English, with no Chinese outside feed names', () => {
    act(() => useLocaleStore.setState({ locale: 'en' }));
    renderReport(bulletinWith(true));
    const report = screen.getByTestId('print-report');
    expect(report.getAttribute('lang')).toBe('en');
    const text = report.textContent ?? '';
    expect(text).toContain(
      'This quarter the city issued 2 new red cards, and 1 supervision notices',
    );
    expect(text).toContain('(2 red cards, 1 overdue notices)');
    expect(uiText(report)).not.toMatch(CJK);
  });

  it('leaves the sentence out when the figures carry no 督办 record (the CLI, an old edition)', () => {
    renderReport(bulletinWith(false));
    expect(screen.getByTestId('print-report').textContent).not.toContain('红牌');
  });
});
