// jsPDF's standard fonts (Helvetica...) encode text in WinAnsi (Windows-1252): é, è, ç,
// œ, Œ, €, « », ’ and — are there; the narrow no-break space that Intl puts in French
// numbers, the minus sign and a few symbols are not. This maps them to WinAnsi neighbours.
const replacements: Record<string, string> = {
  '\u202f': '\u00a0', // narrow no-break space → no-break space
  '\u2009': ' ',
  '\u2212': '-', // minus sign
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2248': '~',
  '\u2010': '-',
  '\u2011': '-',
  σ: 's',
  Φ: 'Phi',
  '⁻': '^-',
  '¹': '1',
  '₂': '2',
  '·': '.',
  '√': 'racine ',
};

const winAnsiExtra = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ']);

/** Returns text every character of which jsPDF's standard fonts can draw. */
export function pdfSafeText(text: string): string {
  let out = '';
  for (const ch of text) {
    const r = replacements[ch];
    if (r !== undefined) out += r;
    else if (ch.charCodeAt(0) <= 0xff || winAnsiExtra.has(ch)) out += ch;
    else out += '?';
  }
  return out;
}
