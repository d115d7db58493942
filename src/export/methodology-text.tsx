/**
 * The methodology as the rankings page's panel (antd) or the printed 季度通报 (a plain table)
 * shows it, in the UI language.
 */
import { Table, Typography } from 'antd';
import type { RankingMethodology } from '../engine/ranking-view-methodology';
import { useLocaleStore } from '../i18n';
import { methodologyText, type MethodologyRow } from './methodology-words';

/** The methodology as the page's panel (antd) or the print (a plain table) shows it. */
export function MethodologyText({
  methodology,
  variant,
}: {
  methodology: RankingMethodology;
  variant: 'panel' | 'print';
}) {
  const locale = useLocaleStore((s) => s.locale);
  const w = methodologyText(methodology, locale);
  if (variant === 'print') {
    return (
      <>
        <table className="print-table">
          <colgroup>
            <col style={{ width: '14%' }} />
            <col style={{ width: '11%' }} />
            <col style={{ width: '9%' }} />
            <col style={{ width: '44%' }} />
            <col style={{ width: '22%' }} />
          </colgroup>
          <thead>
            <tr>
              <th>{w.columns.indicator}</th>
              <th>{w.columns.weight}</th>
              <th>{w.columns.direction}</th>
              <th>{w.columns.meaning}</th>
              <th>{w.columns.scoring}</th>
            </tr>
          </thead>
          <tbody>
            {w.rows.map((i) => (
              <tr key={i.key}>
                <td>{i.name}</td>
                <td className="center">{i.weight}</td>
                <td className="center">{i.direction}</td>
                <td>{i.description}</td>
                <td>{i.scoring}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {w.sections.map((s) => (
          <section key={s.title}>
            <h3>{s.title}</h3>
            {s.paragraphs.map((p) => (
              <p key={p}>{p}</p>
            ))}
          </section>
        ))}
      </>
    );
  }
  return (
    <>
      <Table<MethodologyRow>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={w.rows}
        columns={[
          { key: 'name', title: w.columns.indicator, dataIndex: 'name', width: 110 },
          { key: 'weight', title: w.weightTitle, dataIndex: 'weight', width: 120 },
          { key: 'dir', title: w.columns.direction, dataIndex: 'direction', width: 90 },
          { key: 'desc', title: w.columns.meaning, dataIndex: 'description' },
          { key: 'scoring', title: w.columns.scoring, dataIndex: 'scoring', width: 220 },
        ]}
      />
      {w.sections.map((s) => (
        <section key={s.title} style={{ marginTop: 16 }}>
          <Typography.Title level={5}>{s.title}</Typography.Title>
          {s.paragraphs.map((p) => (
            <Typography.Paragraph key={p} style={{ marginBottom: 6 }}>
              {p}
            </Typography.Paragraph>
          ))}
        </section>
      ))}
    </>
  );
}
