/**
 * The file formats a specification (a draft for members, a published version for members
 * and providers) can be downloaded in: `?format=` of the export routes.
 */
export const EXPORT_FORMATS = ['docx', 'pdf', 'md'] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How each format is named to people choosing a download. */
export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  docx: 'Word (.docx)',
  pdf: 'PDF',
  md: 'Markdown (.md)',
};
