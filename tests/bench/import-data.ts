/**
 * A large 311-style CSV for the import benchmarks: English headers, +00 offsets, explicit due
 * timestamps, 40 agencies; every 1,000th row is broken on purpose (a rejected record).
 */
export function big311Csv(rows: number): string {
  const out: string[] = [
    'Unique Key,Agency,Agency Name,Complaint Type,Created Date,Closed Date,Due Date,Status',
  ];
  const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
  for (let i = 0; i < rows; i++) {
    const agency = `A${pad(i % 40)}`;
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 9);
    const h = i % 24;
    const created = `2026-${pad(month)}-${pad(day)} ${pad(h)}:${pad(i % 60)}:00+00`;
    const due = `2026-${pad(month + 1)}-${pad(day)} ${pad(h)}:00:00+00`;
    const closed =
      i % 4 === 0
        ? ''
        : `2026-${pad(month)}-${pad(Math.min(28, day + (i % 9)))} ${pad((h + 5) % 24)}:30:00+00`;
    const bad = i % 1000 === 999;
    out.push(
      `${10_000_000 + i},${agency},Agency ${agency},Noise - Residential,${bad ? 'n/a' : created},${closed},${due},${closed === '' ? 'Open' : 'Closed'}`,
    );
  }
  return `${out.join('\r\n')}\r\n`;
}

export const BIG_311_MAPPING = {
  columns: {
    id: 'Unique Key',
    departmentId: 'Agency',
    departmentName: 'Agency Name',
    acceptedAt: 'Created Date',
    completedAt: 'Closed Date',
    dueAt: 'Due Date',
  },
};
