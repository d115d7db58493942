import { CloseOutlined, PrinterOutlined } from '@ant-design/icons';
import { noticePath } from '../../state/id-links';
import { Button } from 'antd';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useNavigate, useParams } from 'react-router';
import { useNotice } from '../../api/notices';
import { useSharedSettings } from '../../api/settings';
import type { CardItem, NoticeItem } from '../../contract/duban';
import '../../export/print-notice.css';
import '../../export/print-ranking.css';
import { useDubanLabels } from '../../ui/duban/duban-labels';
import { QueryGate } from '../../ui/query-gate';
import { useDubanMsg } from './duban-messages';
import { useNoticeCards } from './use-notice-cards';

/** "2026年9月30日" from an ISO instant, in Asia/Shanghai (a formal document's date line). */
function chineseDate(iso: string): string {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}年${get('month')}月${get('day')}日`;
}

/** "2026年10月9日" from a civil date (YYYY-MM-DD). */
function chineseDay(day: string): string {
  const [y, mo, d] = day.split('-').map(Number);
  return `${y}年${mo}月${d}日`;
}

/**
 * `/notices/:id/print`: the 督办单 as an A4 formal notice — the office's red letterhead, its
 * number 督〔2026〕第0012号, the department, the cases, the instructions, the deadline, the
 * office and date. Printed (or saved as PDF) through the shared print stylesheet: only the notice.
 */
export function NoticePrintPage() {
  const { noticeId = '' } = useParams();
  const notice = useNotice(Number(noticeId));
  return <QueryGate query={notice}>{(n) => <NoticePrint notice={n} />}</QueryGate>;
}

function NoticePrint({ notice }: { notice: NoticeItem }) {
  const m = useDubanMsg();
  const navigate = useNavigate();
  const cards = useNoticeCards(notice);
  const office = useSharedSettings().data?.settings.bulletin.office ?? '';
  useEffect(() => {
    const previous = document.title;
    // The browser proposes the title as the PDF's file name.
    document.title = `督办单-${notice.number}`;
    return () => {
      document.title = previous;
    };
  }, [notice.number]);
  const back = () => void navigate(noticePath(notice.id));
  return createPortal(
    <div className="print-overlay" role="dialog" aria-modal="true" aria-label={m('print')}>
      <div className="print-toolbar">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {m('printPreview')}
        </Button>
        <Button icon={<CloseOutlined />} onClick={back}>
          {m('back')}
        </Button>
      </div>
      <div className="print-page">
        <NoticeDocument notice={notice} cards={cards} office={office} />
      </div>
    </div>,
    document.body,
  );
}

/** The letter itself, always in Chinese: it is an official document of the office. */
function NoticeDocument({
  notice,
  cards,
  office,
}: {
  notice: NoticeItem;
  cards: CardItem[];
  office: string;
}) {
  const l = useDubanLabels();
  const byCase = new Map(cards.map((c) => [c.caseId, c]));
  return (
    <article className="notice-doc" data-testid="notice-doc">
      <p className="notice-office-line">{office}</p>
      <h1 className="notice-head">督 办 通 知 单</h1>
      <p className="notice-number" data-testid="notice-doc-number">
        {notice.number}
      </p>
      <hr className="notice-rule" />
      <p className="notice-to">{notice.departmentName}：</p>
      {notice.caseIds.length > 0 ? (
        <>
          <p>经电子监察系统核查，你单位下列办件已触发时限预警（预警 / 黄牌 / 红牌），现予督办。</p>
          <table>
            <thead>
              <tr>
                <th style={{ width: '10%' }}>序号</th>
                <th>办件编号</th>
                <th style={{ width: '18%' }}>等级</th>
                <th style={{ width: '24%' }}>产生日期</th>
              </tr>
            </thead>
            <tbody>
              {notice.caseIds.map((caseId, i) => {
                const card = byCase.get(caseId);
                return (
                  <tr key={caseId}>
                    <td>{i + 1}</td>
                    <td>{caseId}</td>
                    <td>{card ? l(`level.${card.level}`) : ''}</td>
                    <td>{card?.earnedOn ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      ) : null}
      {notice.flags.length > 0 ? (
        <>
          <p>经电子监察系统核查，你单位下列办件被标记为慢作为（证据如下），现予督办。</p>
          <table data-testid="notice-doc-flags">
            <thead>
              <tr>
                <th style={{ width: '8%' }}>序号</th>
                <th style={{ width: '22%' }}>办件编号</th>
                <th style={{ width: '14%' }}>规则</th>
                <th style={{ width: '14%' }}>首次标记</th>
                <th>证据</th>
              </tr>
            </thead>
            <tbody>
              {notice.flags.map((f, i) => (
                <tr key={`${f.rule}:${f.caseId}`}>
                  <td>{i + 1}</td>
                  <td>{f.caseId}</td>
                  <td>{f.ruleName}</td>
                  <td>{f.since}</td>
                  <td>{f.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <p>督办要求：{notice.instructions}</p>
      <p data-testid="notice-doc-deadline">
        请于 {chineseDay(notice.dueOn)} 前（{notice.deadlineDays}{' '}
        个工作日内，签发日不计）将超期原因、整改措施及预计完成时间书面反馈本室；如有异议，可在期限内提出申诉。
      </p>
      <p className="notice-sign">
        {office}
        <br />
        {chineseDate(notice.issuedAt)}
      </p>
      <p className="notice-foot">
        签发人：{notice.issuedBy}
        {'\u3000'}编号：{notice.number}
      </p>
    </article>
  );
}
