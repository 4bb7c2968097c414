import { execFileSync } from 'node:child_process';
import { HEAP_GROWING_PERCENT, heapGrowthFlag } from '../../src/server/heapGrowth';

describe('heap growth of the server', () => {
  it('sets the growing percent unless node was started with one', () => {
    expect(heapGrowthFlag([])).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(heapGrowthFlag(['--inspect', '--max-old-space-size=512'])).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(heapGrowthFlag(['--heap-growing-percent=80'])).toBeUndefined();
    expect(heapGrowthFlag(['--heap-growing-percent', '80'])).toBeUndefined();
  });

  it("names a flag this Node's V8 knows (setFlagsFromString ignores unknown ones silently)", () => {
    const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    expect(options).toMatch(/^\s*--heap-growing-percent\b/m);
  });
});
