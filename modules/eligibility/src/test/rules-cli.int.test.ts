/** `npx kechuang rules check --input FILE.json --json`: the interface other tools rely on, no database needed. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../../apps/server/bin/kechuang.mjs');
const M = 1_000_000;

function inputFile(firms: unknown): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'kc-rules-')), 'firms.json');
  writeFileSync(file, JSON.stringify(firms));
  return file;
}

it('prints one result per enterprise, in input order, with conditions, scores, gaps and the tech-SME route', async () => {
  const file = inputFile([
    { id: 'B', asOf: '2024-05-31' },
    {
      id: 'A',
      asOf: '2024-05-31',
      foundedOn: '2015-03-15',
      employees: 200,
      sciTechStaff: 24,
      totalAssets: 80 * M,
      keyField: true,
      ownsCoreIp: true,
      incidents: false,
      resident: true,
      industryExcluded: false,
      restrictedCatalogue: false,
      dishonestyListed: false,
      years: [
        { year: 2021, revenue: 30 * M, rdExpense: 1.5 * M, rdExpenseDomestic: 1.5 * M, netAssets: 20 * M },
        { year: 2022, revenue: 40 * M, rdExpense: 2 * M, rdExpenseDomestic: 2 * M, netAssets: 24 * M },
        { year: 2023, revenue: 52 * M, rdExpense: 2.6 * M, rdExpenseDomestic: 2.6 * M, highTechRevenue: 33 * M, netAssets: 30 * M },
      ],
      ip: [
        { kind: 'inventionPatent', acquisition: 'own', count: 1 },
        { kind: 'utilityModel', acquisition: 'own', count: 6 },
      ],
      conversions: { 2021: 3, 2022: 4, 2023: 5 },
      assessed: { advancement: 6, coreSupport: 6, rdManagement: 14, standards: 0 },
      directRoutes: [],
    },
  ]);
  const { stdout } = await run(process.execPath, [BIN, 'rules', 'check', '--input', file, '--json'], {
    env: { ...process.env, KECHUANG_DATA_DIR: '/nonexistent' },
  });
  const { items } = JSON.parse(stdout);
  expect(items.map((i: { id: string }) => i.id)).toEqual(['B', 'A']);
  expect(items[1].hnte).toMatchObject({
    qualified: false,
    score: { ip: 20, conversion: 19, rdManagement: 14, growth: 12, total: 65 },
    gaps: [{ code: 'innovationScore', change: 6, unit: 'points' }],
  });
  expect(items[1].hnte.conditions.map((c: { code: string }) => c.code)).toEqual([
    'registeredOneYear',
    'coreIp',
    'keyField',
    'sciTechStaffShare',
    'rdExpenseShare',
    'rdDomesticShare',
    'highTechRevenueShare',
    'innovationScore',
    'noIncidents',
  ]);
  expect(items[1].techSme).toMatchObject({ qualified: true, route: 'score', score: { staff: 4, rd: 40, ip: 30, total: 74 } });
  expect(items[0].hnte.conditions.find((c: { code: string }) => c.code === 'coreIp')).toMatchObject({ pass: null, reason: { code: 'hnte.coreIpMissing' } });
});

it('names the enterprise and field of bad input and exits 1', async () => {
  const file = inputFile([{ id: 'C', asOf: '2024-01-01', employees: 5, sciTechStaff: 9 }]);
  const failed = await run(process.execPath, [BIN, 'rules', 'check', '--input', file, '--json']).catch((e: { code: number; stderr: string }) => e);
  expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('sciTechStaff') });
});
