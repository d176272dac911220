"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Point = { day: string; newFollowers: number; unfollows: number };

export function DailyTrendChart({ data, labels }: { data: Point[]; labels: { newFollowers: string; unfollows: string } }) {
  return (
    <div className="h-64 w-full" data-testid="daily-trend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} tick={{ fontSize: 11 }} minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="newFollowers" name={labels.newFollowers} fill="#07c160" radius={[3, 3, 0, 0]} />
          <Bar dataKey="unfollows" name={labels.unfollows} fill="#94a3b8" radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
