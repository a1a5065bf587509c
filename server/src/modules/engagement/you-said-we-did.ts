import {
  AUDIENCE_NAMES,
  FEEDBACK_STATUS_NAMES,
  ageBandName,
  type Feedback as FeedbackView,
  type YouSaidWeDid,
  type YouSaidWeDidItem,
} from '@coproduce/domain';
import { ukDateTime } from '../../base/uk-time';
import type { ComposedDocument, ComposedSection } from '../specification-export/composed-document';
import { spreadsheetCsv } from './csv/spreadsheet-csv';

const NO_THEME = 'Not themed yet';

/**
 * "You said, we did" for one specification: its feedback by theme (an item under each of
 * its themes), each with the words it shaped as they read now, or why it was not taken
 * forward. Themes by how much was said, then by name.
 */
export function youSaidWeDid(
  specification: { id: string; name: string },
  feedback: readonly FeedbackView[],
  now: Date,
): YouSaidWeDid {
  const themes = new Map<string, YouSaidWeDidItem[]>();
  for (const item of feedback) {
    const shown = reportItem(item, specification.id);
    for (const theme of item.themes.length > 0 ? item.themes : [NO_THEME]) {
      themes.set(theme, [...(themes.get(theme) ?? []), shown]);
    }
  }
  return {
    specification,
    generatedAt: now.toISOString(),
    themes: [...themes.entries()]
      .map(([name, items]) => ({ name, items }))
      .sort(
        (a, b) =>
          Number(a.name === NO_THEME) - Number(b.name === NO_THEME) ||
          b.items.length - a.items.length ||
          a.name.localeCompare(b.name, 'en-GB'),
      ),
  };
}

function reportItem(item: FeedbackView, specificationId: string): YouSaidWeDidItem {
  return {
    id: item.id,
    text: item.text,
    verbatim: item.verbatim,
    audience: item.audience,
    ageBand: item.ageBand,
    event: item.event,
    source: item.source,
    status: item.status,
    reason: item.reason,
    places: item.links
      .filter((link) => link.specificationId === specificationId && link.anchor)
      .map((link) => ({
        currentText: link.currentText,
        quote: link.quote,
        textRemoved: link.textRemoved,
      })),
  };
}

/** Who said it, in words: "Parents and carers, at Drop-in at Riverside (4 March 2027)". */
export function whoSaidIt(item: YouSaidWeDidItem): string {
  const who =
    AUDIENCE_NAMES[item.audience] + (item.ageBand ? ` aged ${ageBandName(item.ageBand)}` : '');
  const where = item.event
    ? `at ${item.event.title} (${ukDateTime(new Date(item.event.startsAt))})`
    : item.source
      ? `by ${item.source}`
      : '';
  return [who, where].filter(Boolean).join(', ');
}

/** What was done, in words: the text it shaped now, or why not, or where it stands. */
export function whatWeDid(item: YouSaidWeDidItem): string {
  if (item.status === 'not-taken-forward') return `Not taken forward: ${item.reason ?? ''}`.trim();
  const places = item.places.map((place) =>
    place.textRemoved || place.currentText === null
      ? `The text it shaped has since been removed (it read: “${place.quote ?? ''}”).`
      : `The specification now says: “${place.currentText}”`,
  );
  const status = FEEDBACK_STATUS_NAMES[item.status];
  return places.length > 0 ? [`${status}.`, ...places].join('\n') : `${status}.`;
}

function said(item: YouSaidWeDidItem): string {
  return item.verbatim ? `“${item.text}”` : `${item.text} (summarised)`;
}

export function youSaidWeDidCsv(report: YouSaidWeDid): string {
  return spreadsheetCsv(
    ['Theme', 'You said', 'Words', 'Who and where', 'Status', 'We did'],
    report.themes.flatMap((theme) =>
      theme.items.map((item) => [
        theme.name,
        item.text,
        item.verbatim ? 'verbatim' : 'summarised',
        whoSaidIt(item),
        FEEDBACK_STATUS_NAMES[item.status],
        whatWeDid(item),
      ]),
    ),
  );
}

export function youSaidWeDidDocument(report: YouSaidWeDid): ComposedDocument {
  const sections: ComposedSection[] = report.themes.map((theme) => ({
    heading: theme.name,
    paragraphs: [],
    sections: theme.items.map((item, index) => ({
      heading: `${theme.name}: ${index + 1} of ${theme.items.length}`,
      paragraphs: [`You said: ${said(item)}`, whoSaidIt(item), `We did: ${whatWeDid(item)}`],
    })),
  }));
  return {
    cover: {
      title: `You said, we did: ${report.specification.name}`,
      subtitle: `How what people told us shaped the specification, as it reads on ${ukDateTime(new Date(report.generatedAt))}.`,
    },
    sections:
      sections.length > 0
        ? sections
        : [
            {
              heading: 'No feedback yet',
              paragraphs: ['No feedback is linked to this specification yet.'],
            },
          ],
  };
}
