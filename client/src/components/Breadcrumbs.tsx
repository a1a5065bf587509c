import { Link } from 'react-router';

export interface Crumb {
  to: string;
  text: string;
}

/** The trail above a page's heading; on small screens NHS.UK shows only a back link to the last crumb. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const parent = items.at(-1);
  return (
    <nav className="nhsuk-breadcrumb" aria-label="Breadcrumb">
      <ol className="nhsuk-breadcrumb__list">
        {items.map((item) => (
          <li className="nhsuk-breadcrumb__list-item" key={item.to}>
            <Link className="nhsuk-breadcrumb__link" to={item.to}>
              {item.text}
            </Link>
          </li>
        ))}
      </ol>
      {parent && (
        <Link className="nhsuk-back-link" to={parent.to}>
          <span className="nhsuk-u-visually-hidden">Back to </span>
          {parent.text}
        </Link>
      )}
    </nav>
  );
}
