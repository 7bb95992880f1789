import { formatMoney } from '../../shared/format';
import { compareScenarios, type ComparedScenario, type ComparisonRow } from './scenario-compare-model';

/** Saved scenarios side by side: NPV retained, cash freed, value lost per objective, differing epics. */
export function ScenarioCompare({
  scenarios,
  currency,
}: {
  scenarios: readonly ComparedScenario[];
  currency: string;
}) {
  const comparison = compareScenarios(scenarios);
  const money = (value: number | null) => (value === null ? '—' : formatMoney(value, currency));
  const section = (title: string, rows: readonly ComparisonRow<number>[]) =>
    rows.length === 0 ? null : (
      <>
        <tr>
          <th scope="rowgroup" colSpan={scenarios.length + 1} className="vl-compare-group">
            {title}
          </th>
        </tr>
        {rows.map((row) => (
          <tr key={`${title}-${row.label}`}>
            <th scope="row">{row.label}</th>
            {row.values.map((value, index) => (
              <td key={index} className="vl-num">
                {money(value)}
              </td>
            ))}
          </tr>
        ))}
      </>
    );
  return (
    <div className="vl-compare">
      <div className="vl-table-scroll" tabIndex={0} role="region" aria-label="Scenarios compared">
        <table className="vl-table vl-compare-table">
          <caption>Scenarios compared</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              {scenarios.map((scenario, index) => (
                <th scope="col" key={index}>
                  {scenario.name}
                  {scenario.view.status === 'infeasible' ? ' (no plan meets it)' : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {section('Totals', [comparison.npvRetained, comparison.cashFreed])}
            {section('Cash freed per period', comparison.cashFreedByPeriod)}
            {section('Value lost per objective', comparison.valueLostByObjective)}
            {comparison.differingEpics.length === 0 ? null : (
              <>
                <tr>
                  <th scope="rowgroup" colSpan={scenarios.length + 1} className="vl-compare-group">
                    Epics decided differently
                  </th>
                </tr>
                {comparison.differingEpics.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
                    {row.values.map((value, index) => (
                      <td key={index}>{value ?? '—'}</td>
                    ))}
                  </tr>
                ))}
              </>
            )}
          </tbody>
        </table>
      </div>
      {comparison.differingEpics.length === 0 ? (
        <p className="vl-subtle">Every epic takes the same decision in these scenarios.</p>
      ) : null}
    </div>
  );
}
