import { Link } from 'react-router';
import { paginationItems } from './pagination-pages';

interface PaginationProps {
  page: number;
  pages: number;
  /** The address of another page of the list. */
  pageLink: (page: number) => string;
  /** Names the navigation landmark, when a page has more than one list. */
  label?: string;
}

const ARROW_LEFT =
  'M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z';
const ARROW_RIGHT =
  'm14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z';

function Arrow({ direction }: { direction: 'left' | 'right' }) {
  return (
    <svg
      className={`nhsuk-icon nhsuk-icon--arrow-${direction}`}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      focusable="false"
      aria-hidden="true"
    >
      <path d={direction === 'left' ? ARROW_LEFT : ARROW_RIGHT} />
    </svg>
  );
}

/** NHS.UK numbered pagination: previous, the pages around this one, next. */
export function Pagination({ page, pages, pageLink, label = 'Pagination' }: PaginationProps) {
  if (pages <= 1) return null;
  return (
    <nav
      className="nhsuk-pagination nhsuk-pagination--numbered"
      role="navigation"
      aria-label={label}
    >
      {page > 1 && (
        <Link to={pageLink(page - 1)} className="nhsuk-pagination__previous" rel="prev">
          <Arrow direction="left" />
          <span className="nhsuk-pagination__title">
            Previous<span className="nhsuk-u-visually-hidden"> page</span>
          </span>
        </Link>
      )}
      <ul className="nhsuk-pagination__list">
        {paginationItems(page, pages).map((item, index) =>
          item === 'gap' ? (
            <li
              className="nhsuk-pagination__item nhsuk-pagination__item--ellipsis"
              key={`gap-${index}`}
            >
              ⋯
            </li>
          ) : (
            <li
              className={`nhsuk-pagination__item${item === page ? ' nhsuk-pagination__item--current' : ''}`}
              key={item}
            >
              <Link
                className="nhsuk-pagination__link"
                to={pageLink(item)}
                aria-label={`Page ${item}`}
                aria-current={item === page ? 'page' : undefined}
              >
                {item}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < pages && (
        <Link to={pageLink(page + 1)} className="nhsuk-pagination__next" rel="next">
          <span className="nhsuk-pagination__title">
            Next<span className="nhsuk-u-visually-hidden"> page</span>
          </span>
          <Arrow direction="right" />
        </Link>
      )}
    </nav>
  );
}
