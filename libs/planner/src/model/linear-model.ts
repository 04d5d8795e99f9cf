/** A solver-neutral sparse linear model: min c'x subject to rowLower <= Ax <= rowUpper, colLower <= x <= colUpper. */
export interface LinearModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 1 = integer, 0 = continuous. */
  integrality: Int32Array;
  colNames: string[];
  rowLower: Float64Array;
  rowUpper: Float64Array;
  rowNames: string[];
  /** Row-wise (CSR) matrix. */
  rowStarts: Int32Array;
  rowIndices: Int32Array;
  rowValues: Float64Array;
}

/**
 * Incremental builder; every column and row has a readable name (jslp's keys, the optional warm basis, debugging).
 * Names are unique by construction of the constraint families except in rare id clashes; jslp de-duplicates them.
 */
export class LinearModelBuilder {
  private readonly cost: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly integer: number[] = [];
  private readonly colNames: string[] = [];
  private readonly rowLo: number[] = [];
  private readonly rowHi: number[] = [];
  private readonly rowNames: string[] = [];
  private readonly starts: number[] = [0];
  private readonly indices: number[] = [];
  private readonly values: number[] = [];

  get numCols(): number {
    return this.cost.length;
  }

  addColumn(name: string, lower: number, upper: number, cost = 0, integer = false): number {
    this.colNames.push(name);
    this.lower.push(lower);
    this.upper.push(upper);
    this.cost.push(cost);
    this.integer.push(integer ? 1 : 0);
    return this.cost.length - 1;
  }

  upperOf(column: number): number {
    return this.upper[column];
  }

  addCost(column: number, cost: number): void {
    this.cost[column] += cost;
  }

  /** Adds `lower <= sum(coefficient * column) <= upper`; repeated columns are summed, zero terms dropped. */
  addRow(name: string, lower: number, upper: number, terms: [number, number][]): void {
    const sorted = terms.slice().sort((a, b) => a[0] - b[0]);
    for (let i = 0; i < sorted.length;) {
      const column = sorted[i][0];
      if (column < 0) throw new Error(`row ${name}: missing column`);
      let value = 0;
      for (; i < sorted.length && sorted[i][0] === column; i++) value += sorted[i][1];
      if (value === 0) continue;
      this.indices.push(column);
      this.values.push(value);
    }
    this.starts.push(this.indices.length);
    this.rowLo.push(lower);
    this.rowHi.push(upper);
    this.rowNames.push(name);
  }

  build(): LinearModel {
    return {
      numCols: this.cost.length,
      numRows: this.rowLo.length,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      integrality: Int32Array.from(this.integer),
      colNames: this.colNames,
      rowLower: Float64Array.from(this.rowLo),
      rowUpper: Float64Array.from(this.rowHi),
      rowNames: this.rowNames,
      rowStarts: Int32Array.from(this.starts),
      rowIndices: Int32Array.from(this.indices),
      rowValues: Float64Array.from(this.values),
    };
  }
}

export function evaluateObjective(model: LinearModel, values: Float64Array): number {
  let total = 0;
  for (let j = 0; j < model.numCols; j++) total += model.colCost[j] * values[j];
  return total;
}
