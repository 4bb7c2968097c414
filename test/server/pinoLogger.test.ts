import { createPinoLogger } from '../../src/server/ops/pinoLogger';

function capture(level: 'debug' | 'info' = 'info') {
  const lines: string[] = [];
  const logger = createPinoLogger(level, { write: (line: string) => void lines.push(line) });
  return { logger, lines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('the pino Logger', () => {
  it('writes one JSON line per event with level name, ISO time, event and fields', () => {
    const { logger, lines } = capture();
    logger.info('report_submitted', { reference: 'SOME-2026-0001', recipients: 2 });
    logger.debug('hidden', {});
    const [line] = lines();
    expect(lines()).toHaveLength(1);
    expect(line).toMatchObject({ level: 'info', service: 'somebot', event: 'report_submitted', reference: 'SOME-2026-0001', recipients: 2 });
    expect(String(line!.time)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('replaces fields that could carry report text, should a caller ever pass one', () => {
    const { logger, lines } = capture('debug');
    logger.warn('oops', { description: 'SECRET description', note: 'SECRET note', text: 'SECRET text', code: 'x' });
    const raw = JSON.stringify(lines());
    expect(raw).not.toContain('SECRET');
    expect(lines()[0]).toMatchObject({ description: '[redacted]', code: 'x' });
  });
});
