/**
 * jsdom has no fetch classes, and @forge/bridge's requestJira builds a Request and answers with a
 * Response. These are the few members it and the admin page use.
 */
type HeaderInit = Record<string, string> | [string, string][] | FakeHeaders | undefined;

class FakeHeaders {
  private readonly map = new Map<string, string>();
  constructor(init?: HeaderInit) {
    const pairs =
      init instanceof FakeHeaders
        ? [...init.entries()]
        : Array.isArray(init)
          ? init
          : Object.entries(init ?? {});
    for (const [key, value] of pairs) this.set(key, value);
  }
  has(key: string): boolean {
    return this.map.has(key.toLowerCase());
  }
  get(key: string): string | null {
    return this.map.get(key.toLowerCase()) ?? null;
  }
  set(key: string, value: string): void {
    this.map.set(key.toLowerCase(), value);
  }
  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

class FakeRequest {
  readonly method: string;
  readonly headers: FakeHeaders;
  private readonly body: unknown;
  constructor(_url: string, init: { method?: string; headers?: HeaderInit; body?: unknown } = {}) {
    this.method = (init.method ?? 'GET').toUpperCase();
    this.headers = new FakeHeaders(init.headers);
    this.body = init.body;
  }
  text(): Promise<string> {
    return Promise.resolve(typeof this.body === 'string' ? this.body : '');
  }
}

class FakeResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: FakeHeaders;
  private readonly body: string;
  constructor(
    body: string | null,
    init: { status?: number; statusText?: string; headers?: HeaderInit } = {},
  ) {
    this.body = body ?? '';
    this.status = init.status ?? 200;
    this.statusText = init.statusText ?? '';
    this.ok = this.status >= 200 && this.status < 300;
    this.headers = new FakeHeaders(init.headers);
  }
  text(): Promise<string> {
    return Promise.resolve(this.body);
  }
  json(): Promise<unknown> {
    return Promise.resolve(JSON.parse(this.body) as unknown);
  }
}

export function installFetchClasses(): void {
  const scope = globalThis as Record<string, unknown>;
  scope['Headers'] ??= FakeHeaders;
  scope['Request'] ??= FakeRequest;
  scope['Response'] ??= FakeResponse;
}
