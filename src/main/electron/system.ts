/**
 * What the operating system tells the desk: the system's proxy for a URL (Windows and desktop proxy
 * settings, PAC included, as Chromium resolves them), the PC going to sleep or its screen being
 * locked (every session locks), and the PC waking from sleep.
 */
import type { PowerMonitor, Session } from 'electron';

/** Chromium's answer ("PROXY host:port; DIRECT") as a proxy URL, or null to connect directly. */
export function proxyFromPac(answer: string): string | null {
  for (const entry of answer
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [kind, hostPort] = entry.split(/\s+/);
    if (kind === 'DIRECT') return null;
    if ((kind === 'PROXY' || kind === 'HTTP') && hostPort) return `http://${hostPort}`;
    if (kind === 'HTTPS' && hostPort) return `https://${hostPort}`;
    // SOCKS proxies are not supported by the HTTP client: try the next entry.
  }
  return null;
}

export function systemProxy(session: Pick<Session, 'resolveProxy'>) {
  return async (url: string) => proxyFromPac(await session.resolveProxy(url));
}

/** After sleep, timers and pooled connections are stale: the forwarding worker starts over. */
export function onResume(powerMonitor: Pick<PowerMonitor, 'on'>, restart: () => void) {
  powerMonitor.on('resume', restart);
}

/** Sleep or the OS lock screen: the desk locks too, whatever its own idle timer says. */
export function onSystemLock(powerMonitor: Pick<PowerMonitor, 'on'>, lockAll: () => void) {
  powerMonitor.on('suspend', lockAll);
  powerMonitor.on('lock-screen', lockAll);
}
