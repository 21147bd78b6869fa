/** Wraps paragraphs of already escaped HTML in the one layout all our emails share. */
export function emailHtml(paragraphs: string[]): string {
  return [
    '<!doctype html>',
    '<html>',
    '<body style="font-family: Arial, sans-serif; line-height: 1.5; color: #222;">',
    ...paragraphs.map((paragraph) => `<p>${paragraph}</p>`),
    '</body>',
    '</html>',
  ].join('\n');
}
