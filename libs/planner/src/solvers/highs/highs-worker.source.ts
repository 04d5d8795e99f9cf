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
}

function solve(highs, request) {
  if (!model) throw new Error('no model loaded');
  if (request.relaxIntegrality && isMip) {
    model.clearIntegrality();
    isMip = false;
  }
  if (request.bounds && request.bounds.indices.length > 0) {
    model.changeColsBounds(Int32Array.from(request.bounds.indices), Float64Array.from(request.bounds.lower), Float64Array.from(request.bounds.upper));
  }
  model.options.set({ time_limit: Math.max(0.01, request.timeLimitSeconds), mip_rel_gap: request.mipGap });
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
