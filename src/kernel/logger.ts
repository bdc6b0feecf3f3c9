import { pino } from 'pino';
import type { Logger } from 'pino';

export type { Logger };

/** Field names whose values never reach a log line, wherever they are nested. */
const secretKeys = ['password', 'apiKey', 'clientSecret', 'secret', 'token', 'accessToken', 'refreshToken', 'authorization', 'cookie'];

export function createLogger(options: { level: string; pretty: 'auto' | 'true' | 'false'; destination?: NodeJS.WritableStream }): Logger {
  const pretty = options.pretty === 'true' || (options.pretty === 'auto' && process.stdout.isTTY === true);
  const redact = { paths: secretKeys.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `req.headers.${k}`]), censor: '[secret]' };
  if (pretty && !options.destination) {
    return pino({ level: options.level, redact, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  return options.destination
    ? pino({ level: options.level, redact }, options.destination as pino.DestinationStream)
    : pino({ level: options.level, redact });
}
