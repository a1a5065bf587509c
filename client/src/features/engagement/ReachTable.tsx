import type { EngagementEvent } from '@coproduce/domain';
import { Table } from '../../components/Table';
import { EVENT_REACH_ROWS } from './event-form';
import { formatCount } from './report-figures';

/** Who took part in an event, group by group, and the total. */
export function ReachTable({ event }: { event: EngagementEvent }) {
  const rows = EVENT_REACH_ROWS.flatMap((row) => {
    const count = event.reach.find(
      (entry) => entry.audience === row.audience && (entry.ageBand ?? undefined) === row.ageBand,
    );
    if (!count) return [];
    const group =
      row.audience === 'children-and-young-people'
        ? `Children and young people, ${row.label.charAt(0).toLowerCase()}${row.label.slice(1)}`
        : row.label;
    return [{ key: row.key, cells: [group, formatCount(count.count)] }];
  });
  return (
    <>
      {rows.length === 0 ? (
        <p>No counts by group were recorded.</p>
      ) : (
        <Table caption="Who took part" captionHidden headers={['Group', 'Number']} rows={rows} />
      )}
      <p>
        <strong>{formatCount(event.total)}</strong> {event.total === 1 ? 'person' : 'people'} took
        part in all
        {event.tookPart === null ? ' (the sum of the groups)' : ''}.
      </p>
    </>
  );
}
