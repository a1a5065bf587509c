import type { FeedbackLink } from '@coproduce/domain';
import { Link } from 'react-router';
import { paths } from '../../paths';

interface SpecificationLinksProps {
  workspaceId: string;
  feedbackId: string;
  links: readonly FeedbackLink[];
}

/**
 * Where feedback shaped a specification: each link opens the specification with this
 * feedback selected, quoting the words it is tied to as they read now.
 */
export function SpecificationLinks({ workspaceId, feedbackId, links }: SpecificationLinksProps) {
  if (links.length === 0) return <>Not linked to a specification</>;
  return (
    <ul className="nhsuk-list coproduce-feedback-links">
      {links.map((link, index) => (
        <li key={`${link.specificationId}:${index}`}>
          <Link to={paths.specificationFeedback(workspaceId, link.specificationId, feedbackId)}>
            {link.specificationName}
          </Link>
          {link.anchor === null ? (
            ' (the whole specification)'
          ) : link.textRemoved ? (
            <>: the text it was linked to has since been removed</>
          ) : (
            <>
              : <q className="coproduce-quote">{link.currentText ?? link.quote ?? ''}</q>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
