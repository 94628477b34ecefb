/**
 * A generated ticket export with known contents, for the bulk tests and
 * benchmarks: tickets whose error a rule answers (real rule examples), four
 * kinds of failure no rule answers (invented, so that no article ever
 * covers them) in known proportions, each written with varying ids, dates,
 * names and log prefixes, and tickets that name no failure at all.
 */
import { random } from './synthetic-rules.ts';

export interface GeneratedTicket {
  id: string;
  text: string;
  /** The gap the ticket carries (1–4, by frequency), or "answered", or "none". */
  kind: number | 'answered' | 'none';
}

/** The unanswered failures, most frequent first, with their share of tickets. */
export const GAP_KINDS = [
  {
    share: 0.3,
    words: 'the retention queue for mailbox',
    make: (r: Variation) => `Preservation job ${r.guid()} failed: the retention queue for mailbox ${r.email()} is frozen since ${r.stamp()}`,
  },
  {
    share: 0.2,
    words: 'could not be resolved in the hold scope',
    make: (r: Variation) => `Custodian ${r.email()} could not be resolved in the hold scope of case ${r.number()}`,
  },
  {
    share: 0.1,
    words: 'widget gateway rejected',
    code: 'AADSTS9999001',
    make: (r: Variation) =>
      `AADSTS9999001: The widget gateway rejected the request for tenant ${r.guid()}.\r\nTrace ID: ${r.guid()}\r\nTimestamp: ${r.stamp()}`,
  },
  {
    share: 0.05,
    words: 'export of hold report',
    make: (r: Variation) => `Export of hold report ${r.number()} timed out after ${r.number() % 90}.00:${String(r.number() % 60).padStart(2, '0')}:00`,
  },
] as const;

const ANSWERED = [
  'AADSTS700082: The refresh token has expired due to inactivity.',
  'Username is empty for the data source',
  'Password is empty for the data source',
  '{"error":"invalid_grant","error_description":"AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed."}',
];
const CHATTER = ['Thanks, the run works again.', 'Can we schedule a call next week?', 'Attached is the screenshot you asked for.'];

export class Variation {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = random(seed);
  }

  number(): number {
    return Math.floor(this.next() * 1_000_000);
  }

  hex(length: number): string {
    return Array.from({ length }, () => Math.floor(this.next() * 16).toString(16)).join('');
  }

  guid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-8${this.hex(3)}-${this.hex(12)}`;
  }

  email(): string {
    return `user${this.number()}@contoso${this.number() % 50}.com`;
  }

  stamp(): string {
    const two = (n: number) => String(n).padStart(2, '0');
    return `2025-${two(1 + (this.number() % 12))}-${two(1 + (this.number() % 28))} ${two(this.number() % 24)}:${two(this.number() % 60)}:${two(this.number() % 60)}`;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A log prefix, sometimes: the same error pasted from different places. */
  prefixed(text: string): string {
    const style = this.number() % 3;
    if (style === 0) return text;
    if (style === 1) return `${this.stamp()} ERROR Datasource '${this.pick(['HR Mailboxes', 'Legal', 'Finance EU', 'Sales'])}': ${text}`;
    return `Hi support, our IPP run failed again. The audit log says:\n${text}\nPlease help.`;
  }
}

/** `count` tickets; exactly round(share × count) of each gap kind, 20% answered, the rest chatter. */
export function generateTickets(count: number, seed = 7): GeneratedTicket[] {
  const variation = new Variation(seed);
  const kinds: GeneratedTicket['kind'][] = [];
  GAP_KINDS.forEach((gap, index) => kinds.push(...Array<number>(Math.round(gap.share * count)).fill(index + 1)));
  kinds.push(...Array<'answered'>(Math.round(0.2 * count)).fill('answered'));
  while (kinds.length < count) kinds.push('none');
  // Shuffled, so the kinds are spread through the export as they would be.
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = variation.number() % (i + 1);
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  return kinds.map((kind, i) => {
    const text = kind === 'answered' ? variation.pick(ANSWERED) : kind === 'none' ? variation.pick(CHATTER) : GAP_KINDS[kind - 1]!.make(variation);
    return { id: `T-${100_000 + i}`, text: kind === 'none' ? text : variation.prefixed(text), kind };
  });
}

/** The tickets as a JSON Lines export: `{"id", "text", "channel"}` per line. */
export function ticketsJsonl(tickets: GeneratedTicket[]): string {
  return tickets.map((ticket, i) => JSON.stringify({ id: ticket.id, channel: i % 2 ? 'email' : 'portal', text: ticket.text })).join('\n') + '\n';
}
