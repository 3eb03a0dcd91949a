import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvFile, csvRecords, type CsvColumn } from '../../shared/exports/csv-cells';
import { useTempDirs } from '../testing/temp-dir';
import { writeCsvFile } from './csv-file';

const tempDir = useTempDirs();

interface Row {
  id: number;
  name: string;
}
const columns: CsvColumn<Row>[] = [
  { header: 'id', kind: 'number', value: (r) => String(r.id) },
  { header: 'name', kind: 'text', value: (r) => r.name },
];
function* rows(count: number): Generator<Row> {
  for (let id = 1; id <= count; id += 1) {
    yield { id, name: id % 7 === 0 ? `=Zoë "${id}",\r\nLtd` : `Café ${id}` };
  }
}

describe('writeCsvFile', () => {
  it('writes, over many chunks, exactly the text csvFile makes', async () => {
    const path = join(await tempDir(), 'big.csv');
    // About 2 MB: dozens of chunks, and the disk falls behind more than once.
    const size = await writeCsvFile(path, csvRecords(columns, rows(100_000)));
    const bytes = await readFile(path);
    expect(bytes.equals(Buffer.from(csvFile(columns, rows(100_000)), 'utf8'))).toBe(true);
    expect(size).toBe(bytes.length);
    expect(size).toBeGreaterThan(1_500_000);
  });

  it('writes a file with no rows as its BOM and header', async () => {
    const path = join(await tempDir(), 'empty.csv');
    await writeCsvFile(path, csvRecords(columns, []));
    expect(await readFile(path, 'utf8')).toBe('\uFEFFid,name\r\n');
  });

  it('removes a file that fails half-way, and never writes over one already there', async () => {
    const folder = await tempDir();
    const failing = join(folder, 'failing.csv');
    function* breaks(): Generator<string> {
      yield 'x'.repeat(200_000);
      throw new Error('the ledger went away');
    }
    await expect(writeCsvFile(failing, breaks())).rejects.toThrow('the ledger went away');
    await expect(readFile(failing)).rejects.toMatchObject({ code: 'ENOENT' });

    const existing = join(folder, 'existing.csv');
    await writeFile(existing, 'keep me');
    await expect(writeCsvFile(existing, csvRecords(columns, rows(3)))).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(await readFile(existing, 'utf8')).toBe('keep me');
  });
});
