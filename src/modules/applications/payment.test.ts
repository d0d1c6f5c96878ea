import { describe, expect, it } from 'vitest';
import type { AppError } from '../../platform/errors.js';
import { refusal } from './process.test-support.js';
import { cashPayment, manualTransferPayment, paymentAdapter, paymentAdapters } from './payment.js';

describe('payment adapters', () => {
  it('offers cash and manual bank transfer, and nothing that pretends to be a gateway', () => {
    expect(paymentAdapters().map((a) => a.method)).toEqual(['cash', 'manual_transfer']);
    expect(paymentAdapter('cash')).toBe(cashPayment);
    const error = (() => {
      try {
        paymentAdapter('gateway');
      } catch (e) {
        return e as AppError;
      }
    })();
    expect([error?.code, error?.fields[0]?.path]).toEqual(['APPLICATIONS_PAYMENT_METHOD_UNKNOWN', 'method']);
  });

  it('takes a cash payment of exactly the bill against a kwitansi number, in canonical form', async () => {
    expect(await cashPayment.record({ amount: 40_000, outstanding: 40_000, reference: ' kw/2026/000123 ' })).toEqual({
      reference: 'KW/2026/000123',
    });
    const short = await refusal(cashPayment.record({ amount: 39_999, outstanding: 40_000, reference: 'KW/1' }));
    expect([short.code, short.params, short.fields[0]]).toEqual([
      'APPLICATIONS_PAYMENT_AMOUNT_MISMATCH',
      { expected: 'Rp 40.000' },
      { path: 'amount', key: 'applications.error.APPLICATIONS_PAYMENT_AMOUNT_MISMATCH', params: { expected: 'Rp 40.000' } },
    ]);
    expect((await refusal(cashPayment.record({ amount: 40_001, outstanding: 40_000, reference: 'KW/1' }))).code).toBe(
      'APPLICATIONS_PAYMENT_AMOUNT_MISMATCH',
    );
    for (const reference of ['', 'K', '<script>', 'x'.repeat(60)]) {
      expect((await refusal(cashPayment.record({ amount: 1, outstanding: 1, reference }))).code, reference).toBe(
        'APPLICATIONS_PAYMENT_REFERENCE_INVALID',
      );
    }
  });

  it('takes a bank transfer reference as letters and digits, ignoring spaces and dashes', async () => {
    expect(await manualTransferPayment.record({ amount: 15_000, outstanding: 15_000, reference: 'bpd-bali 2026 0203 77' })).toEqual({
      reference: 'BPDBALI2026020377',
    });
    expect((await refusal(manualTransferPayment.record({ amount: 15_000, outstanding: 15_000, reference: 'AB12' }))).code).toBe(
      'APPLICATIONS_PAYMENT_REFERENCE_INVALID',
    );
  });
});
