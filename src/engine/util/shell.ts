/**
 * Splits a command line into words as a POSIX shell would for simple commands: single quotes
 * keep everything, double quotes allow \" \\ \$ \` escapes, a backslash outside quotes escapes
 * the next character. Used for kubectl command lines and for containers' `sh -c` scripts.
 */
export function shellWords(line: string): { words: string[]; unterminatedQuote?: string } {
  const words: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let has = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) cur += line[++i];
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
      has = true;
    } else if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (has) words.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (has) words.push(cur);
  return quote ? { words, unterminatedQuote: quote } : { words };
}
