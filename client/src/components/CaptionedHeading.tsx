import type { HTMLAttributes, ReactNode } from 'react';

/**
 * A page's heading with what it belongs to above it (NHS.UK's heading with a caption).
 * A screen reader hears both as one heading: "caption – title".
 */
export function CaptionedHeading({
  caption,
  children,
  ...attributes
}: { caption: ReactNode; children: ReactNode } & HTMLAttributes<HTMLHeadingElement>) {
  return (
    <h1 {...attributes}>
      <span className="nhsuk-caption-l">
        {caption}
        <span className="nhsuk-u-visually-hidden"> – </span>
      </span>
      {children}
    </h1>
  );
}
