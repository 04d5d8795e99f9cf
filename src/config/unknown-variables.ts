import { Env } from './app-config';

/**
 * Variables that Apron's tools read, not the service: the seed script's target and key, the browser the dashboard
 * tests drive. Set in the same shell as `npm start`, they are not mistakes.
 */
export const TOOL_VARIABLES: readonly string[] = ['APRON_URL', 'APRON_KEY', 'APRON_CHROMIUM_PATH'];

/** A name this many edits or fewer from a known one is taken for a misspelling of it. */
const MAX_TYPO_EDITS = 3;

/**
 * Runs `load` (every configuration loader, which reads each variable it knows whether set or not) on a view of `env`
 * that records the names read. The loaders stay the one list of known variables.
 */
export function variablesReadBy(env: Env, load: (env: Env) => unknown): Set<string> {
  const read = new Set<string>();
  const recording = new Proxy(env, {
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return target[name as string];
    },
  });
  load(recording);
  return read;
}

/** One warning line per `APRON_*` variable that nothing reads, with the closest known name when it is near. */
export function unknownVariableWarnings(env: Env, known: Iterable<string>): string[] {
  const knownNames = [...new Set([...known, ...TOOL_VARIABLES])].filter((name) => name.startsWith('APRON_'));
  return Object.keys(env)
    .filter((name) => name.startsWith('APRON_') && !knownNames.includes(name))
    .sort()
    .map((name) => {
      const suggestion = closestName(name, knownNames);
      const hint = suggestion ? `; did you mean ${suggestion}?` : '; see the README for the settings';
      return `Unknown variable ${name} is ignored${hint}`;
    });
}

export function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; edits: number } | undefined;
  for (const candidate of candidates) {
    const edits = editDistance(name, candidate);
    if (edits <= MAX_TYPO_EDITS && (!best || edits < best.edits)) best = { name: candidate, edits };
  }
  return best?.name;
}

/** Levenshtein distance: insertions, deletions and substitutions of one character each count one. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}
