/**
 * Reads the nginx example (deploy/nginx/) just enough to tell which headers a
 * path gets: the `location` nginx picks (an exact `= /path` first, else the
 * longest prefix), its `add_header` lines and those of the snippets it
 * includes. Also lists the plain-HTTP servers' redirects.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface NginxLocation {
  exact: boolean;
  path: string;
  headers: Array<[name: string, value: string]>;
}

export interface NginxSite {
  locations: NginxLocation[];
  /** `return` lines of servers that listen on port 80, e.g. `301 https://$host$request_uri`. */
  httpRedirects: string[];
}

const ADD_HEADER = /^add_header\s+([\w-]+)\s+"([^"]*)"\s+always;$/;

/** The add_header lines of a snippet file, in order. */
function snippetHeaders(file: string): Array<[string, string]> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => ADD_HEADER.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [match[1]!, match[2]!]);
}

export function readNginxSite(folder: string, site = 'ipp-help.conf'): NginxSite {
  const text = readFileSync(join(folder, site), 'utf8').replace(/#.*$/gm, '');
  const servers = text.split(/^server\s*\{/m).slice(1);
  const locations: NginxLocation[] = [];
  const httpRedirects: string[] = [];
  for (const server of servers) {
    if (/^\s*listen\s+80\b/m.test(server)) {
      for (const match of server.matchAll(/^\s*return\s+([^;]+);/gm)) httpRedirects.push(match[1]!.trim());
      continue;
    }
    for (const match of server.matchAll(/location\s+(=\s+)?(\S+)\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g)) {
      const headers: Array<[string, string]> = [];
      for (const line of match[3]!.split('\n').map((entry) => entry.trim())) {
        const include = /^include\s+snippets\/([\w.-]+);$/.exec(line);
        if (include) headers.push(...snippetHeaders(join(folder, basename(include[1]!))));
        const header = ADD_HEADER.exec(line);
        if (header) headers.push([header[1]!, header[2]!]);
      }
      locations.push({ exact: Boolean(match[1]), path: match[2]!, headers });
    }
  }
  return { locations, httpRedirects };
}

/** The location nginx uses for a request path. */
export function nginxLocationFor(site: NginxSite, pathname: string): NginxLocation | undefined {
  const exact = site.locations.find((location) => location.exact && location.path === pathname);
  if (exact) return exact;
  return site.locations.filter((location) => !location.exact && pathname.startsWith(location.path)).sort((a, b) => b.path.length - a.path.length)[0];
}

/** Lower-case header name → values, as nginx sends them for a path. */
export function nginxHeadersFor(site: NginxSite, pathname: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const [name, value] of nginxLocationFor(site, pathname)?.headers ?? []) {
    const key = name.toLowerCase();
    result.set(key, [...(result.get(key) ?? []), value]);
  }
  return result;
}
