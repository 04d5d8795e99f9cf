import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The compiled page scripts (src/dashboard/web, built by `npm run build` into dist/src/dashboard/web). */
const WEB_SCRIPT = /^[a-z][a-z0-9-]*\.js$/;

/** uPlot, served from node_modules as installed: its minified script and stylesheet. */
const VENDOR_FILES: Record<string, string> = {
  'uPlot.iife.min.js': 'uPlot.iife.min.js',
  'uPlot.min.css': 'uPlot.min.css',
};

/**
 * Where the dashboard's files are, answering only names of a fixed shape (no path ever comes from a request).
 * The page scripts are found next to this file when running compiled (dist/src/dashboard/web), else in the build
 * output of the checkout (ts-jest runs this file from src/, the test builds the scripts first).
 */
export class DashboardAssets {
  readonly webDir: string | null;
  private readonly vendorDir: string;

  constructor(
    candidates: string[] = [join(__dirname, 'web'), join(__dirname, '..', '..', 'dist', 'src', 'dashboard', 'web')],
  ) {
    this.webDir = candidates.find((dir) => existsSync(join(dir, 'app.js'))) ?? null;
    this.vendorDir = dirname(require.resolve('uplot/dist/uPlot.iife.min.js'));
  }

  /** Absolute path of a page script, or null for any other name or a script that does not exist. */
  script(name: string): string | null {
    if (!this.webDir || !WEB_SCRIPT.test(name)) return null;
    const path = join(this.webDir, name);
    return existsSync(path) ? path : null;
  }

  vendor(name: string): string | null {
    const file = Object.hasOwn(VENDOR_FILES, name) ? VENDOR_FILES[name] : undefined;
    return file ? join(this.vendorDir, file) : null;
  }
}
