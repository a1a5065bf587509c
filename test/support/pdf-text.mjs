// Prints the text of each page of a PDF read from stdin, line by line, with pdf.js
// (an ES module, so it runs outside Jest: see exported-files.ts).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0 })
  .promise;
const pages = [];
for (let number = 1; number <= pdf.numPages; number++) {
  const page = await pdf.getPage(number);
  const content = await page.getTextContent();
  pages.push(
    content.items
      .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
      .join(''),
  );
}
const { info } = await pdf.getMetadata();
process.stdout.write(JSON.stringify({ pages, title: info?.Title ?? null }));
