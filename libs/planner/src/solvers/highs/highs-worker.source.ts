/**
 * Source of the HiGHS worker thread, evaluated with `new Worker(source, { eval: true })`: no file to resolve, so it
 * runs the same under ts-jest, tsx and compiled JS in dist/. It loads the WASM module once and keeps one persistent
 * model, so the repair rounds of a tick re-solve warm (bounds changed, basis kept).
 */
export const HIGHS_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const highsReady = require(workerData.highsPath)();
let model = null;
let isMip = false;
let names = null;
let tag = 'plan';
const bases = new Map();

// Warm start across ticks: statuses of columns and rows with the same name in the previous model; new columns at
// their lower bound, new rows basic; then the basic count is evened out to the row count. HiGHS may still reject it.
function warmBasis(highs, m) {
  const lastBasis = bases.get(tag);
  if (!lastBasis) return;
  const colStatus = new Int32Array(m.numCols);
  const rowStatus = new Int32Array(m.numRows);
  let basic = 0;
  for (let j = 0; j < m.numCols; j++) {
    const status = lastBasis.cols.get(m.colNames[j]);
    colStatus[j] = status === undefined ? 0 : status;
    if (colStatus[j] === 1) basic++;
  }
  for (let i = 0; i < m.numRows; i++) {
    const status = lastBasis.rows.get(m.rowNames[i]);
    rowStatus[i] = status === undefined ? 1 : status;
    if (rowStatus[i] === 1) basic++;
  }
  for (let i = m.numRows - 1; i >= 0 && basic > m.numRows; i--) {
    if (rowStatus[i] === 1 && !lastBasis.rows.has(m.rowNames[i])) { rowStatus[i] = 0; basic--; }
  }
  for (let j = m.numCols - 1; j >= 0 && basic > m.numRows; j--) {
    if (colStatus[j] === 1) { colStatus[j] = 0; basic--; }
  }
  for (let i = 0; i < m.numRows && basic < m.numRows; i++) {
    if (rowStatus[i] !== 1) { rowStatus[i] = 1; basic++; }
  }
  try {
    model.setBasis({ colStatus, rowStatus });
  } catch (e) {
    model.setLogicalBasis();
  }
}

function keepBasis() {
  if (!names || isMip) return;
  try {
    if (Number(model.info.get('basis_validity')) !== 1) return;
    const basis = model.getBasis();
    const cols = new Map();
    const rows = new Map();
    names.cols.forEach((name, j) => cols.set(name, basis.colStatus[j]));
    names.rows.forEach((name, i) => rows.set(name, basis.rowStatus[i]));
    bases.set(tag, { cols, rows });
  } catch (e) {}
}

function fix(array, infinity) {
  const out = Float64Array.from(array);
  for (let i = 0; i < out.length; i++) {
    if (out[i] === Infinity) out[i] = infinity;
    else if (out[i] === -Infinity) out[i] = -infinity;
  }
  return out;
}

function load(highs, m) {
  if (model) model.dispose();
  model = highs.createModel();
  model.options.set({ output_flag: false });
  const hasIntegers = m.integrality.some((v) => v !== 0);
  isMip = hasIntegers;
  model.passModel({
    numCols: m.numCols,
    numRows: m.numRows,
    colCost: m.colCost,
    colLower: fix(m.colLower, highs.infinity),
    colUpper: fix(m.colUpper, highs.infinity),
    rowLower: fix(m.rowLower, highs.infinity),
    rowUpper: fix(m.rowUpper, highs.infinity),
    matrix: { format: 'csr', numRows: m.numRows, numCols: m.numCols, starts: m.rowStarts, indices: m.rowIndices, values: m.rowValues },
    integrality: hasIntegers ? m.integrality : undefined,
  });
  // Bases are kept by name only for the next tick's warm start (warmBasisAcrossTicks): mapping every column and row
  // name after each solve cost ~10 % of a large site's tick for nothing when it is off.
  names = m.warmBasis ? { cols: m.colNames, rows: m.rowNames } : null;
  tag = m.tag || 'plan';
  if (!hasIntegers && m.warmBasis) warmBasis(highs, m);
}

function solve(highs, request) {
  if (!model) throw new Error('no model loaded');
  if (request.relaxIntegrality && isMip) {
    model.clearIntegrality();
    isMip = false;
  }
  if (request.bounds && request.bounds.indices.length > 0) {
    const latest = new Map();
    request.bounds.indices.forEach((column, i) => latest.set(column, [request.bounds.lower[i], request.bounds.upper[i]]));
    const columns = [...latest.keys()].sort((a, b) => a - b);
    model.changeColsBounds(
      { kind: 'set', indices: Int32Array.from(columns) },
      Float64Array.from(columns.map((c) => latest.get(c)[0])),
      Float64Array.from(columns.map((c) => latest.get(c)[1])),
    );
  }
  model.options.set({
    time_limit: Math.max(0.01, request.timeLimitSeconds),
    mip_rel_gap: request.mipGap,
    solver: request.algorithm === 'ipm' ? 'ipm' : 'choose',
  });
  model.zeroAllClocks();
  model.run();
  const code = model.getModelStatus();
  const s = highs.constants.modelStatus;
  const primal = Number(model.info.get('primal_solution_status'));
  const hasSolution = primal === highs.constants.solutionStatus.feasible;
  let status = 'error';
  if (code === s.optimal || code === s.empty) status = 'optimal';
  else if (code === s.infeasible || code === s.unboundedOrInfeasible) status = 'infeasible';
  else if (code === s.timeLimit || code === s.iterationLimit || code === s.interrupted || code === s.solutionLimit) status = hasSolution ? 'feasible' : 'timeout';
  const values = hasSolution || code === s.empty ? model.getSolution().colValue : undefined;
  if (status === 'optimal') keepBasis();
  const objective = values ? model.getObjectiveValue() : undefined;
  let bound = status === 'optimal' && !isMip ? objective : undefined;
  if (isMip) {
    try {
      const b = Number(model.info.get('mip_dual_bound'));
      if (Number.isFinite(b)) bound = b;
    } catch (e) {}
  }
  return { status, code, values, objective, bound };
}

parentPort.on('message', async (message) => {
  try {
    const highs = await highsReady;
    if (message.kind === 'load') {
      load(highs, message.model);
      parentPort.postMessage({ id: message.id, ok: true });
    } else if (message.kind === 'solve') {
      const result = solve(highs, message.request);
      parentPort.postMessage({ id: message.id, ok: true, result }, result.values ? [result.values.buffer] : []);
    } else if (message.kind === 'ping') {
      parentPort.postMessage({ id: message.id, ok: true });
    }
  } catch (error) {
    parentPort.postMessage({ id: message.id, ok: false, error: String((error && error.stack) || error) });
  }
});
`;
