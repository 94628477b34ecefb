/**
 * Which build this is. The public build (the default) must carry no trace of
 * internal entries; `KB_AUDIENCE=internal npm run build` makes the internal one.
 */
export type Audience = 'public' | 'internal';

export function buildAudience(env: Record<string, string | undefined> = process.env): Audience {
  return env.KB_AUDIENCE === 'internal' ? 'internal' : 'public';
}

/** Is an entry with this audience part of the current build? */
export function isInBuild(audience: Audience, build: Audience = buildAudience()): boolean {
  return audience === 'public' || build === 'internal';
}
