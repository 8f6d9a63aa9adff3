import { DailyCostByStage } from '../../cost/dailySeries';
import { formatMoney, NO_DATA } from '../../cost/money';

/** Kept in the accessibility tree while invisible on screen. */
const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * The daily cost chart's numbers for screen readers: a table of day by
 * stage, visually hidden because the chart shows the same on screen.
 */
export function DailyCostTable(props: {
  title: string;
  data: DailyCostByStage;
  currency: string;
}) {
  const { title, data, currency } = props;
  return (
    <table style={visuallyHidden}>
      <caption>{title}: daily cost by stage</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          {data.series.map(s => (
            <th scope="col" key={s.stage}>
              {s.stage}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.dates.map((date, i) => (
          <tr key={date}>
            <th scope="row">{date}</th>
            {data.series.map(s => (
              <td key={s.stage}>
                {s.amounts[i] === null
                  ? NO_DATA
                  : `${formatMoney(s.amounts[i], currency)}${
                      s.estimated[i] ? ' (estimated)' : ''
                    }`}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
