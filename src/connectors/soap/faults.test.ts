import { describe, expect, it } from 'vitest';
import { findRule } from '../http/response-rules.js';
import { soapFaultRules } from './faults.js';

const fault = (code: string, text: string) =>
  `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>${code}</faultcode><faultstring>${text}</faultstring><detail/></soap:Fault></soap:Body></soap:Envelope>`;
const answer = (text: string, headers: Record<string, string> = {}, status = 500) => ({ status, headers: new Headers(headers), text });

describe('soapFaultRules', () => {
  const rules = soapFaultRules('24SevenOffice', 'GetInvoices');
  const kindOf = (text: string, status = 500) => findRule(answer(text, {}, status), rules)?.kind;

  it('sorts faults by their text and code', () => {
    expect(kindOf(fault('soap:Server', 'Client is not authenticated on this identity'))).toBe('auth-expired');
    expect(kindOf(fault('soap:Server', 'Limit exceeded by 12. Request is blocked.'))).toBe('retry-after');
    expect(kindOf(fault('soap:Client', 'Provided IdentityId is blocked. Please use GetIdentitiesWithCredential'))).toBe('config');
    expect(kindOf(fault('soap:Server', 'Timeout expired. The timeout period elapsed'))).toBe('transient');
    expect(kindOf(fault('soap:Client', 'Server was unable to read request.'))).toBe('record');
    expect(kindOf(fault('soap:Server', 'Customer 17 does not exist'))).toBe('record');
  });

  it('leaves answers without a fault, and faults on a 2xx, to the ladder', () => {
    expect(kindOf('<html>Bad gateway</html>', 502)).toBeUndefined();
    expect(kindOf(fault('soap:Server', 'Customer 17 does not exist'), 200)).toBeUndefined();
  });

  it('takes the system texts it is given over the defaults', () => {
    const custom = soapFaultRules('24SevenOffice', 'GetInvoices', { sessionGone: /Sitzung abgelaufen/ });
    expect(findRule(answer(fault('soap:Server', 'Sitzung abgelaufen')), custom)?.kind).toBe('auth-expired');
    expect(findRule(answer(fault('soap:Server', 'Client is not authenticated')), custom)?.kind).toBe('record');
  });

  it('reads the quarantine end from the text, else from APILimitReset, against the server Date', () => {
    const throttled = rules[1]!;
    const date = { date: 'Wed, 01 May 2024 10:00:00 GMT' };
    expect(throttled.retryAfterMs?.(answer(fault('soap:Server', 'Limit exceeded by 1. Request is blocked. Quarantine ends at 2024-05-01T10:00:30Z'), date))).toBe(30_000);
    expect(throttled.retryAfterMs?.(answer(fault('soap:Server', 'Limit exceeded by 1.'), { ...date, apilimitreset: '2024-05-01T10:05:00Z' }))).toBe(300_000);
    expect(throttled.retryAfterMs?.(answer(fault('soap:Server', 'Limit exceeded by 1.'), date))).toBeUndefined();
  });

  it('names the system, the operation and the fault in its messages', () => {
    const text = fault('soap:Server', 'Customer 17 does not exist');
    expect(findRule(answer(text), rules)?.message?.(answer(text))).toBe('24SevenOffice GetInvoices failed (soap:Server): Customer 17 does not exist');
  });
});
