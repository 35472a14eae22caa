import { formatDate, formatDateTime, formatMoney, formatPercent } from '../format';

/** An amount in the reader's locale; the exact amount and currency stay in the markup. */
export function Amount({
  money,
}: {
  money: { amount: string; currency: string } | null | undefined;
}) {
  if (!money) return <>—</>;
  const exact = `${money.amount} ${money.currency}`;
  return (
    <data value={exact} title={exact}>
      {formatMoney(money.amount, money.currency)}
    </data>
  );
}

/** A share in percent in the reader's locale; the exact decimal stays in the markup. */
export function Percent({ value }: { value: string }) {
  return (
    <data value={value} title={`${value} %`}>
      {formatPercent(value)}
    </data>
  );
}

/** An instant in the reader's locale and time zone; the exact ISO time stays in `datetime`. */
export function When({ at }: { at: string }) {
  return (
    <time dateTime={at} title={at}>
      {formatDateTime(at)}
    </time>
  );
}

/** A calendar day, never shifted across time zones; the exact day stays in `datetime`. */
export function Day({ date }: { date: string }) {
  return (
    <time dateTime={date} title={date}>
      {formatDate(date)}
    </time>
  );
}
