// What src/shared may assume of its two runtimes (Node in main, Chromium in the renderer): only
// these globals, which both provide. Used by tsconfig.shared.json alone; main and the renderer see
// the full declarations of their own runtime.
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly href: string;
}
