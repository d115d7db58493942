import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_COLORS } from './chart-colors';

export interface RedDepartmentDatum {
  departmentId: string;
  name: string;
  red: number;
}

export interface RedDepartmentsChartProps {
  data: readonly RedDepartmentDatum[];
  redLabel: string;
  /** Opens the department (a bar is a link to /departments/:id). */
  onOpen: (departmentId: string) => void;
}

/** Open red cards per department, most first, as horizontal bars (long Chinese names fit). */
export function RedDepartmentsChart({ data, redLabel, onOpen }: RedDepartmentsChartProps) {
  const rows = data.map((d) => ({ ...d }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 0, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
        <YAxis
          type="category"
          dataKey="name"
          width={120}
          tick={{ fontSize: 12, lang: 'zh-CN' }}
          interval={0}
        />
        <Tooltip />
        <Bar
          dataKey="red"
          name={redLabel}
          fill={CHART_COLORS.red}
          isAnimationActive={false}
          cursor="pointer"
          label={{ position: 'right', fontSize: 12, fill: '#434343' }}
          onClick={(entry: { payload?: RedDepartmentDatum }) => {
            if (entry.payload) onOpen(entry.payload.departmentId);
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
