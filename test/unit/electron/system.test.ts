/** What the OS tells the desktop shell: the system proxy for a URL, and waking from sleep. */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { onResume, onSystemLock, proxyFromPac, systemProxy } from '../../../src/main/electron/system';

describe('the system proxy', () => {
  it('reads Chromium’s PAC answer: the first usable proxy, or direct', async () => {
    expect(proxyFromPac('DIRECT')).toBeNull();
    expect(proxyFromPac('PROXY proxy.pemkab.go.id:8080; DIRECT')).toBe('http://proxy.pemkab.go.id:8080');
    expect(proxyFromPac('HTTPS secure.proxy:443')).toBe('https://secure.proxy:443');
    expect(proxyFromPac('SOCKS5 s:1080; PROXY p:3128')).toBe('http://p:3128');
    expect(proxyFromPac('SOCKS5 s:1080')).toBeNull();
    const session = { resolveProxy: vi.fn(async () => 'PROXY 10.0.0.1:3128') };
    expect(await systemProxy(session)('https://pusat.go.id/v1/health')).toBe('http://10.0.0.1:3128');
    expect(session.resolveProxy).toHaveBeenCalledWith('https://pusat.go.id/v1/health');
  });
});

describe('waking from sleep', () => {
  it('restarts forwarding when the OS reports resume', () => {
    const powerMonitor = new EventEmitter();
    const restart = vi.fn();
    onResume(powerMonitor as never, restart);
    powerMonitor.emit('suspend');
    expect(restart).not.toHaveBeenCalled();
    powerMonitor.emit('resume');
    expect(restart).toHaveBeenCalledTimes(1);
  });
});

describe('sleep and the OS lock screen', () => {
  it('lock every session of the desk', () => {
    const powerMonitor = new EventEmitter();
    const lockAll = vi.fn();
    onSystemLock(powerMonitor as never, lockAll);
    powerMonitor.emit('resume');
    expect(lockAll).not.toHaveBeenCalled();
    powerMonitor.emit('suspend');
    powerMonitor.emit('lock-screen');
    expect(lockAll).toHaveBeenCalledTimes(2);
  });
});
