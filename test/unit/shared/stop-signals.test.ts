import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { listenForStopSignals } from '../../../src/shared/stop-signals.js';
import { captureLogs } from '../../helpers/capture-logs.js';

describe('stop signals', () => {
  it('when SIGINT comes twice (terminal and npm) and then SIGTERM, then the stop runs once and the rest are "already stopping"', () => {
    const emitter = new EventEmitter();
    const logs = captureLogs('info');
    const signals = listenForStopSignals({ log: logs.log, emitter });
    const stops: string[] = [];
    signals.onStop((signal) => stops.push(signal));

    emitter.emit('SIGINT');
    emitter.emit('SIGINT');
    emitter.emit('SIGTERM');

    expect(stops).toEqual(['SIGINT']);
    expect(signals.requested).toBe('SIGINT');
    expect(logs.lines().map((l) => l.msg)).toEqual([
      'already stopping; the second signal changes nothing',
      'already stopping; the second signal changes nothing',
    ]);
    // the listeners stay: a later signal never falls back to Node's default kill
    expect(emitter.listenerCount('SIGINT')).toBe(1);
    expect(emitter.listenerCount('SIGTERM')).toBe(1);
  });

  it('when a signal comes during start-up, then the stop runs as soon as it is handed over', () => {
    const emitter = new EventEmitter();
    const logs = captureLogs('info');
    const signals = listenForStopSignals({ log: logs.log, emitter });
    emitter.emit('SIGTERM');
    const stops: string[] = [];
    signals.onStop((signal) => stops.push(signal));
    expect(stops).toEqual(['SIGTERM']);
    expect(logs.lines()[0]?.msg).toMatch(/during start-up/);
  });
});
