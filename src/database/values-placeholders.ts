/** `($1, $2, …), (…)` placeholders for a multi-row INSERT or a VALUES list of `rows` rows with `columns` values each, each optionally cast. */
export function valuesPlaceholders(rows: number, columns: number, casts?: string[]): string {
  const groups: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= columns; c++) cells.push(`$${r * columns + c}${casts ? `::${casts[c - 1]}` : ''}`);
    groups.push(`(${cells.join(', ')})`);
  }
  return groups.join(', ');
}
