/** One attempt as an auth strategy sees it, so that a signing strategy can sign what is sent. */
export interface AuthRequest {
  method: string;
  /** The address with the request's query; in `headers()` also with the parameters `query()` added, so a signature covers them. */
  url: URL;
  /** The body exactly as sent (JSON text, form data, an envelope); undefined without one. */
  body: string | undefined;
}

/**
 * How an HTTP client proves who it is. The client asks on every attempt, so a renewed token or a
 * new session is used at once.
 */
export interface AuthStrategy {
  /** Headers for this attempt (authorization, a session cookie, a signature). */
  headers(request: AuthRequest): Record<string, string> | Promise<Record<string, string>>;
  /** Query parameters for this attempt (an API key in the query, a request signature). */
  query?(request: AuthRequest): Record<string, string> | Promise<Record<string, string>>;
  /**
   * The remote said the credentials are no longer good (401/403, or a response rule of kind
   * `auth-expired`, e.g. a SOAP fault saying the session is gone). Renew them; true retries the
   * request once, false gives up with a config error.
   */
  onExpired?(): Promise<boolean>;
}
