import { Link } from 'react-router';

interface PaginationProps {
  page: number;
  pages: number;
  /** The address of another page of the list. */
  pageLink: (page: number) => string;
}

/** NHS.UK pagination: previous and next, each saying which page it leads to. */
export function Pagination({ page, pages, pageLink }: PaginationProps) {
  if (pages <= 1) return null;
  return (
    <nav className="nhsuk-pagination" role="navigation" aria-label="Pagination">
      <ul className="nhsuk-list nhsuk-pagination__list">
        {page > 1 && (
          <li className="nhsuk-pagination-item--previous">
            <Link
              className="nhsuk-pagination__link nhsuk-pagination__link--prev"
              to={pageLink(page - 1)}
            >
              <span className="nhsuk-pagination__title">Previous</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">
                Page {page - 1} of {pages}
              </span>
            </Link>
          </li>
        )}
        {page < pages && (
          <li className="nhsuk-pagination-item--next">
            <Link
              className="nhsuk-pagination__link nhsuk-pagination__link--next"
              to={pageLink(page + 1)}
            >
              <span className="nhsuk-pagination__title">Next</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">
                Page {page + 1} of {pages}
              </span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
