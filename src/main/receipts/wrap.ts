/** Word wrapping for fixed-width paper: never cuts a word unless the word alone is wider than the line. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r/g, '').split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (word.length > width) {
        if (line) lines.push(line);
        for (let i = 0; i < word.length; i += width) lines.push(word.slice(i, i + width));
        line = lines.pop()!;
        continue;
      }
      if (!line) line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  while (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** "Label: value" wrapped with the value's continuation lines indented under it. */
export function labelled(label: string, value: string, width: number): string[] {
  const prefix = `${label}: `;
  if (prefix.length + value.length <= width) return [prefix + value];
  if (prefix.length > width / 2)
    return [...wrapText(label + ':', width), ...wrapText(value, width - 2).map((l) => `  ${l}`)];
  const indent = ' '.repeat(prefix.length);
  return wrapText(value, width - prefix.length).map((l, i) => (i === 0 ? prefix : indent) + l);
}
