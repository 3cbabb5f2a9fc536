import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'

export type BarDatum = { label: string; value: number }

/** Horizontal bars: long Russian labels stay readable. */
export function HorizontalBars({ data, name }: { data: BarDatum[]; name: string }) {
  const height = Math.max(160, data.length * 28 + 40)
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Bar dataKey="value" name={name} fill="#0b5cad" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  )
}

export function GrowthChart({
  data,
  addedName,
  totalName,
}: {
  data: { month: string; added: number; total: number }[]
  addedName: string
  totalName: string
}) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={data} margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" tick={{ fontSize: 11 }} />
        <YAxis yAxisId="total" allowDecimals={false} />
        <YAxis yAxisId="added" orientation="right" allowDecimals={false} />
        <Tooltip />
        <Line
          yAxisId="total"
          type="monotone"
          dataKey="total"
          name={totalName}
          stroke="#0b5cad"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          yAxisId="added"
          type="monotone"
          dataKey="added"
          name={addedName}
          stroke="#c8102e"
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  )
}
