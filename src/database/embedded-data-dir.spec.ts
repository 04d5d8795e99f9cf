import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DamagedDataDirError, ensureDataDir } from './embedded-data-dir';

const initdb = async (dir: string) => {
  mkdirSync(join(dir, 'base'), { recursive: true });
  writeFileSync(join(dir, 'PG_VERSION'), '17\n');
};

describe('ensureDataDir: an atomic first start of the embedded database', () => {
  let parent: string;
  let dataDir: string;
  beforeEach(() => {
    parent = mkdtempSync(join(tmpdir(), 'apron-data-'));
    dataDir = join(parent, 'data');
  });

  it('makes the database beside its place and moves it there when done', async () => {
    const made: string[] = [];
    await ensureDataDir(dataDir, async (dir) => {
      made.push(dir);
      await initdb(dir);
    });
    expect(made).toEqual([`${dataDir}.partial-${process.pid}`]);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(readdirSync(parent)).toEqual(['data']);
  });

  it('leaves nothing behind when the first start fails half-way, and the next start begins afresh', async () => {
    const failing = async (dir: string) => {
      mkdirSync(join(dir, 'base', '5'), { recursive: true });
      throw new Error('could not open file "base/5/16496"');
    };
    await expect(ensureDataDir(dataDir, failing)).rejects.toThrow('base/5/16496');
    expect(readdirSync(parent)).toEqual([]);
    await ensureDataDir(dataDir, initdb);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
  });

  it('clears a partial directory a killed start left, and opens a complete database as it is', async () => {
    mkdirSync(join(parent, 'data.partial-99999', 'base'), { recursive: true });
    await ensureDataDir(dataDir, initdb);
    const create = jest.fn(initdb);
    await ensureDataDir(dataDir, create);
    expect(create).not.toHaveBeenCalled();
    expect(readdirSync(parent)).toEqual(['data']);
  });

  it('takes an existing empty directory, and refuses one with files but no database, saying what to do', async () => {
    mkdirSync(dataDir);
    await ensureDataDir(dataDir, initdb);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);

    const other = join(parent, 'other');
    mkdirSync(join(other, 'base', '5'), { recursive: true });
    await expect(ensureDataDir(other, initdb)).rejects.toThrow(DamagedDataDirError);
    await expect(ensureDataDir(other, initdb)).rejects.toThrow(/move it away .* or set APRON_DATA_DIR/);
  });
});
