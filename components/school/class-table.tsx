import type { ClassCounts } from "@/lib/schools/statuses";

/** Counts per class (or one school): a plain table that reads on a phone. Texts come in as props. */
export function ClassTable({
  rows,
  labels,
  testId,
}: {
  rows: { key: string; label: string; counts: ClassCounts; href?: string }[];
  labels: { class: string; total: string; enrolled: string; funded: string; waiting: string; unpaid: string; rate: string };
  testId: string;
}) {
  return (
    <div className="overflow-x-auto rounded-xl bg-cell">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="text-ink-muted">
          <tr>
            <th scope="col" className="px-2 py-2 font-medium">{labels.class}</th>
            <th scope="col" className="px-2 py-2 text-right font-medium">{labels.total}</th>
            <th scope="col" className="px-2 py-2 text-right font-medium">{labels.enrolled}</th>
            <th scope="col" className="px-2 py-2 text-right font-medium">{labels.funded}</th>
            <th scope="col" className="px-2 py-2 text-right font-medium">{labels.waiting}</th>
            <th scope="col" className="px-2 py-2 text-right font-medium">{labels.unpaid}</th>
            <th scope="col" className="px-2 py-2 text-right font-medium">{labels.rate}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-t border-line" data-testid={`${testId}-row`}>
              <th scope="row" className="px-2 py-2 font-medium">
                {r.href ? (
                  <a href={r.href} className="text-brand underline">
                    {r.label}
                  </a>
                ) : (
                  r.label
                )}
              </th>
              <td className="px-2 py-2 text-right tabular-nums">{r.counts.total}</td>
              <td className="px-2 py-2 text-right tabular-nums">{r.counts.enrolled + r.counts.elsewhere}</td>
              <td className="px-2 py-2 text-right tabular-nums">{r.counts.funded}</td>
              <td className="px-2 py-2 text-right tabular-nums">{r.counts.waiting}</td>
              <td className="px-2 py-2 text-right tabular-nums">{r.counts.unpaid}</td>
              <td className="px-2 py-2 text-right tabular-nums" data-testid={`${testId}-rate`}>
                {r.counts.rate}%
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
