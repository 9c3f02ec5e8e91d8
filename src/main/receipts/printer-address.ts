/**
 * What a printer address may be. A "device path" is a printer device and nothing else: never a
 * regular file (an admin could otherwise overwrite desk.key or the database by printing to it).
 * Network printers need a real host and a port in range. Checked when a printer is saved and again
 * before every print.
 */
import { realpathSync, statSync } from 'node:fs';

export type AddressProblem = { key: string; params?: Record<string, string | number> };

const linuxDevice =
  /^\/dev\/(usb\/lp\d+|lp\d+|ttyUSB\d+|ttyACM\d+|ttyS\d+|serial\/by-(id|path)\/[A-Za-z0-9_.:-]+)$/;
const windowsPort = /^(COM\d{1,3}|LPT\d)$/i;
const windowsDevice = /^\\\\\.\\[A-Za-z0-9_.-]+$/;
const windowsShare = /^\\\\[A-Za-z0-9_.-]+\\[^\\/:*?"<>|]+$/;

/** The path Node must open: COM3 as \\.\COM3 (Node would otherwise make it a file in the working folder). */
export function deviceOpenPath(address: string, platform: NodeJS.Platform = process.platform): string {
  const a = address.trim();
  return platform === 'win32' && windowsPort.test(a) ? `\\\\.\\${a.toUpperCase()}` : a;
}

/**
 * Why a device path cannot be a printer, or null. `mustExist`: at print time the device has to be
 * there; when saving, an unplugged printer is accepted as long as its name is a printer device's.
 */
export function deviceProblem(
  address: string,
  options: { platform?: NodeJS.Platform; mustExist: boolean },
): AddressProblem | null {
  const platform = options.platform ?? process.platform;
  const a = address.trim();
  if (platform === 'win32') {
    return windowsPort.test(a) || windowsDevice.test(a) || windowsShare.test(a)
      ? null
      : { key: 'errors.printerDeviceWindows' };
  }
  if (!linuxDevice.test(a)) return { key: 'errors.printerDeviceName' };
  let resolved: string;
  try {
    resolved = realpathSync(a);
  } catch {
    return options.mustExist ? { key: 'errors.printerDeviceMissing', params: { path: a } } : null;
  }
  // A link named like a printer (udev's /dev/serial/by-id/… are links) must end at a character
  // device: never a regular file, whatever the link says.
  if (!resolved.startsWith('/dev/') || !statSync(resolved).isCharacterDevice())
    return { key: 'errors.printerDeviceNotDevice', params: { path: a } };
  return null;
}

const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const hostname =
  /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** host[:port] of a raw-TCP printer (port 9100 when absent), or the problem with it. */
export function parseTcpPrinter(address: string): { host: string; port: number } | AddressProblem {
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:[\]\s]+))(?::(\d{1,5}))?$/.exec(address.trim());
  if (!m) return { key: 'errors.printerAddress' };
  const host = (m[1] ?? m[2])!;
  const port = m[3] ? Number(m[3]) : 9100;
  if (port < 1 || port > 65535) return { key: 'errors.printerPort', params: { port } };
  const v4 = ipv4.exec(host);
  if (v4) {
    if (v4.slice(1).some((o) => Number(o) > 255)) return { key: 'errors.printerHost', params: { host } };
  } else if (!m[1] && (/^\d+(\.\d+)*$/.test(host) || !hostname.test(host))) {
    return { key: 'errors.printerHost', params: { host } };
  }
  return { host, port };
}
