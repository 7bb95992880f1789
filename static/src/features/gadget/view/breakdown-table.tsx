import { useEffect, useState } from 'react';
import { issueSummaries } from '../data/jira-options';
import type { PortfolioView } from '../../../../../src/contract/gadget.contract';
import type { KpiFigures } from '../../../../../src/contract/kpi-figures';
import { InlineBar } from '../../../charts/bar';
import { KPI_NAMES } from '../../../../../src/contract/value-vocabulary';
import { formatRatio } from '../../../shared/format';
import { Table, type Column } from '../../../ui/table';
import { Figure } from './figure';
import type { EpicFilter } from '../data/gadget-api';
import { ScrollHint } from './scroll-hint';

type GroupBy = 'programme' | 'project';
type BreakdownColumn = 'name' | 'epics' | 'realisedBenefit' | 'roi' | 'expectedRoi' | 'npv';

interface Row {
  key: string;
  name: string;
  figures: KpiFigures;
}

function rowsOf(groups: Record<string, KpiFigures>, groupBy: GroupBy): Row[] {
  return Object.entries(groups).map(([key, figures]) => ({
    key,
    name: groupBy === 'programme' && key === '(none)' ? 'No programme' : key,
    figures,
  }));
}

/**
 * Programme names from Jira, to show beside their keys. Only a nicety: if Jira does not answer,
 * the keys alone still identify the programmes.
 */
function useProgrammeNames(keys: string[]): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const wanted = keys.filter((key) => /^[A-Z][A-Z0-9_]*-\d+$/.test(key)).slice(0, 100);
  const joined = wanted.join(',');
  useEffect(() => {
    let current = true;
    issueSummaries(joined === '' ? [] : joined.split(',')).then(
      (found) => {
        if (current) setNames(found);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [joined]);
  return names;
}

/**
 * ROI and value by programme or by project: sortable, with bars for realised benefit and ROI,
 * and each name opening the epics behind its row.
 */
export function BreakdownTable({
  byProgramme,
  byProject,
  truncated,
  currency,
  onDrill,
}: {
  byProgramme: Record<string, KpiFigures>;
  byProject: Record<string, KpiFigures>;
  truncated?: PortfolioView['truncated'];
  currency: string;
  onDrill: (filter: EpicFilter, title: string) => void;
}) {
  const [groupBy, setGroupBy] = useState<GroupBy>('programme');
  const programmeNames = useProgrammeNames(Object.keys(byProgramme));
  const rows = rowsOf(groupBy === 'programme' ? byProgramme : byProject, groupBy);
  const maxRealised = Math.max(0, ...rows.map((r) => r.figures.realisedBenefit));
  const rois = rows.map((r) => r.figures.roi).filter((v): v is number => v !== null);
  const roiRange = { min: Math.min(0, ...rois), max: Math.max(0, ...rois) };
  const groupLabel = groupBy === 'programme' ? 'Programme' : 'Project';
  const cut = groupBy === 'programme' ? truncated?.byProgramme : truncated?.byProject;
  const columns: Column<Row, BreakdownColumn>[] = [
    {
      key: 'name',
      label: groupLabel,
      sortValue: (row) => row.name,
      cell: (row) => (
        <>
          <button
            type="button"
            className="vl-link-button"
            onClick={() => {
              onDrill(
                { by: groupBy, key: row.key },
                groupBy === 'programme' && row.key === '(none)'
                  ? 'Epics without a programme'
                  : `Epics of ${groupBy} ${row.key}`,
              );
            }}
          >
            {row.name}
          </button>
          {groupBy === 'programme' && programmeNames.get(row.key) ? (
            <span className="vl-row-detail">{programmeNames.get(row.key)}</span>
          ) : null}
        </>
      ),
    },
    {
      key: 'epics',
      label: KPI_NAMES.epics,
      numeric: true,
      sortValue: (row) => row.figures.epics,
      cell: (row) => row.figures.epics,
    },
    {
      key: 'realisedBenefit',
      label: KPI_NAMES.realisedBenefit,
      numeric: true,
      className: 'vl-bar-cell',
      sortValue: (row) => row.figures.realisedBenefit,
      cell: (row) => (
        <>
          <Figure amount={row.figures.realisedBenefit} currency={currency} />
          <InlineBar value={row.figures.realisedBenefit} min={0} max={maxRealised} tone="value" />
        </>
      ),
    },
    {
      key: 'roi',
      label: KPI_NAMES.roi,
      numeric: true,
      className: 'vl-bar-cell',
      sortValue: (row) => row.figures.roi,
      cell: (row) => (
        <>
          {formatRatio(row.figures.roi)}
          {row.figures.roi === null ? null : (
            <InlineBar value={row.figures.roi} min={roiRange.min} max={roiRange.max} tone="signed" />
          )}
        </>
      ),
    },
    {
      key: 'expectedRoi',
      label: KPI_NAMES.expectedRoi,
      numeric: true,
      sortValue: (row) => row.figures.expectedRoi,
      cell: (row) => formatRatio(row.figures.expectedRoi),
    },
    {
      key: 'npv',
      label: KPI_NAMES.npv,
      numeric: true,
      sortValue: (row) => row.figures.npv,
      cell: (row) => <Figure amount={row.figures.npv} currency={currency} />,
    },
  ];
  return (
    <section className="vl-section vl-card" aria-labelledby="breakdown-heading">
      <div className="vl-section-head">
        <h2 id="breakdown-heading" className="vl-section-heading">
          Value by {groupBy}
        </h2>
        <div className="vl-segmented" role="group" aria-label="Group by">
          {(['programme', 'project'] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={groupBy === option}
              className="vl-segment"
              onClick={() => {
                setGroupBy(option);
              }}
            >
              {option === 'programme' ? 'By programme' : 'By project'}
            </button>
          ))}
        </div>
      </div>
      <ScrollHint key={groupBy}>
        <Table
          label={`Table of value by ${groupBy}`}
          columns={columns}
          rows={rows}
          rowKey={(row) => row.key}
          initialSort={{ key: 'realisedBenefit', direction: 'descending' }}
        />
      </ScrollHint>
      {cut ? (
        <p className="vl-legend-note" role="note">
          Showing the {cut.shown} {groupBy}s with the largest planned benefit of {cut.total}. The key figures
          above cover them all.
        </p>
      ) : null}
    </section>
  );
}
