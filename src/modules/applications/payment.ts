import { formatRupiah } from '../../platform/i18n/format.js';
import * as E from './process.errors.js';

/**
 * How a bill gets paid. Each method is an adapter that checks what staff recorded and gives the reference
 * kept with the payment (unique per method, down to the database). Only methods that really settle money
 * outside this system are here: cash at the counter against a numbered receipt (kwitansi), and a bank
 * transfer whose reference staff found on the unit's account statement. A payment gateway would be one
 * more adapter, whose `record` asks the gateway and returns its transaction id.
 */
export interface PaymentInput {
  /** What was paid, in whole rupiah. */
  amount: number;
  /** The receipt number or transfer reference, as typed. */
  reference: string;
  /** What the bill still asks for, in whole rupiah. */
  outstanding: number;
}

export interface PaymentAdapter {
  /** Stored in applications.payment.method. */
  method: string;
  /** Full message key of the method's name. */
  labelKey: string;
  /** Full message key of the hint under the reference field. */
  referenceHintKey: string;
  /**
   * Checks the payment and returns the reference to keep.
   * @throws APPLICATIONS_PAYMENT_AMOUNT_MISMATCH, APPLICATIONS_PAYMENT_REFERENCE_INVALID (field errors on `amount`, `reference`).
   */
  record(input: PaymentInput): Promise<{ reference: string }>;
}

/** Bills are settled in full: Perda retribution is owed whole, and a partial payment would leave the case half paid. */
function checkAmount(input: PaymentInput) {
  if (input.amount !== input.outstanding) {
    const expected = formatRupiah(input.outstanding, 'id');
    throw E.PaymentAmountMismatch(
      { expected },
      { fields: [{ path: 'amount', key: 'applications.error.APPLICATIONS_PAYMENT_AMOUNT_MISMATCH', params: { expected } }] },
    );
  }
}

/** The reference in canonical form (trimmed, upper case, inner spaces collapsed), or a field error. */
function checkReference(raw: string, pattern: RegExp, squeeze: RegExp): string {
  const reference = raw.trim().toUpperCase().replace(squeeze, '');
  if (!pattern.test(reference)) {
    throw E.PaymentReferenceInvalid(
      {},
      { fields: [{ path: 'reference', key: 'applications.error.APPLICATIONS_PAYMENT_REFERENCE_INVALID' }] },
    );
  }
  return reference;
}

/** Cash at the counter: the number printed on the kwitansi handed to the citizen, e.g. `KW/2026/000123`. */
export const cashPayment: PaymentAdapter = {
  method: 'cash',
  labelKey: 'applications.process.payment.cash',
  referenceHintKey: 'applications.process.payment.cash.hint',
  async record(input) {
    checkAmount(input);
    return { reference: checkReference(input.reference, /^[A-Z0-9][A-Z0-9/.-]{2,49}$/, /\s+/g) };
  },
};

/** A transfer to the unit's treasury account, recorded once staff see it on the statement: the bank's reference. */
export const manualTransferPayment: PaymentAdapter = {
  method: 'manual_transfer',
  labelKey: 'applications.process.payment.manual_transfer',
  referenceHintKey: 'applications.process.payment.manual_transfer.hint',
  async record(input) {
    checkAmount(input);
    return { reference: checkReference(input.reference, /^[A-Z0-9]{6,40}$/, /[\s-]+/g) };
  },
};

const registry = new Map<string, PaymentAdapter>([cashPayment, manualTransferPayment].map((a) => [a.method, a]));

/** The methods staff can choose from, in the order they are offered. */
export const paymentAdapters = (): PaymentAdapter[] => [...registry.values()];

/** @throws APPLICATIONS_PAYMENT_METHOD_UNKNOWN */
export function paymentAdapter(method: string): PaymentAdapter {
  const adapter = registry.get(method);
  if (!adapter) {
    throw E.PaymentMethodUnknown({}, { fields: [{ path: 'method', key: 'applications.error.APPLICATIONS_PAYMENT_METHOD_UNKNOWN' }] });
  }
  return adapter;
}
