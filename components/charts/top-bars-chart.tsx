"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Horizontal bars of the top entries of a ranking. */
export function TopBarsChart({ data, label }: { data: { name: string; value: number }[]; label: string }) {
  return (
    <div className="w-full" style={{ height: Math.max(120, data.length * 28 + 24) }} data-testid="top10-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="name" width={96} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="value" name={label} fill="#07c160" radius={[0, 3, 3, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
