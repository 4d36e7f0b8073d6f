/**
 * The public order form (点单): what the form holds, and the pure step to the
 * hub's EducationOrderInput (schema: orderLegalEducation). The hub checks
 * everything again and answers per field; this only catches what a person can
 * fix before sending (a blank field, no law and no domain, a phone number
 * with letters), so the message sits beside the field without a round trip.
 */
import type { MessageKey } from '../../app/i18n';

export const REQUESTER_KINDS = ['SCHOOL', 'COMMUNITY', 'VILLAGE', 'ENTERPRISE', 'WORKPLACE', 'OTHER'] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];

export interface OrderFormValues {
  requesterKind: RequesterKind | '';
  requesterName: string;
  contactName: string;
  contactPhone: string;
  topic: string;
  lawId: string;
  domainId: string;
  districtId: string;
  wishedFrom: string;
  wishedTo: string;
  audienceSize: string;
}

export type OrderField = keyof OrderFormValues;

/** The fields in the order the form shows them (and the first problem gets the focus). */
export const ORDER_FIELDS: readonly OrderField[] = [
  'requesterKind',
  'requesterName',
  'contactName',
  'contactPhone',
  'topic',
  'lawId',
  'domainId',
  'districtId',
  'wishedFrom',
  'wishedTo',
  'audienceSize',
];

export interface EducationOrderInput {
  requesterKind: RequesterKind;
  requesterName: string;
  contactName: string;
  contactPhone: string;
  topic: string;
  lawId: string | null;
  domainId: string | null;
  districtId: string;
  wishedFrom: string;
  wishedTo: string;
  audienceSize: number | null;
}

export const LIMITS = { requesterName: 100, contactName: 50, topic: 500, audienceSize: 100_000 } as const;

/** The hub's rule for a telephone number (orders.types.ts). */
const PHONE = /^[0-9+()\- ]{5,20}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function emptyOrderForm(preset: Partial<OrderFormValues> = {}): OrderFormValues {
  return {
    requesterKind: '',
    requesterName: '',
    contactName: '',
    contactPhone: '',
    topic: '',
    lawId: '',
    domainId: '',
    districtId: '',
    wishedFrom: '',
    wishedTo: '',
    audienceSize: '',
    ...preset,
  };
}

export type OrderProblems = Partial<Record<OrderField, MessageKey>>;

export type BuiltOrder = { ok: true; input: EducationOrderInput } | { ok: false; problems: OrderProblems };

/** The form's values as the mutation's input, or the problems to show beside the fields. */
export function toOrderInput(values: OrderFormValues): BuiltOrder {
  const problems: OrderProblems = {};
  const text = (field: 'requesterName' | 'contactName' | 'topic') => {
    const value = values[field].trim();
    if (!value) problems[field] = 'orders.problem.required';
    else if (value.length > LIMITS[field]) problems[field] = `orders.problem.tooLong.${field}`;
    return value;
  };
  if (!values.requesterKind) problems.requesterKind = 'orders.problem.required';
  const requesterName = text('requesterName');
  const contactName = text('contactName');
  const topic = text('topic');
  const phone = values.contactPhone.trim();
  if (!phone) problems.contactPhone = 'orders.problem.required';
  else if (!PHONE.test(phone)) problems.contactPhone = 'orders.problem.phone';
  if (!values.lawId && !values.domainId) problems.lawId = 'orders.problem.lawOrDomain';
  if (!values.districtId) problems.districtId = 'orders.problem.required';
  if (!DAY.test(values.wishedFrom)) problems.wishedFrom = 'orders.problem.required';
  if (!DAY.test(values.wishedTo)) problems.wishedTo = 'orders.problem.required';
  else if (DAY.test(values.wishedFrom) && values.wishedTo < values.wishedFrom) problems.wishedTo = 'orders.problem.endsBeforeStart';
  let audienceSize: number | null = null;
  const size = values.audienceSize.trim();
  if (size) {
    audienceSize = Number(size);
    if (!/^\d+$/.test(size) || audienceSize < 1 || audienceSize > LIMITS.audienceSize) problems.audienceSize = 'orders.problem.audienceSize';
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    input: {
      requesterKind: values.requesterKind as RequesterKind,
      requesterName,
      contactName,
      contactPhone: phone,
      topic,
      lawId: values.lawId || null,
      domainId: values.domainId || null,
      districtId: values.districtId,
      wishedFrom: values.wishedFrom,
      wishedTo: values.wishedTo,
      audienceSize,
    },
  };
}

/** A menu item picked: its law and domain fill the form (the first law, when it teaches several). */
export function fromMenuItem(values: OrderFormValues, item: { laws: readonly { id: string }[]; domain: { id: string } | null }): OrderFormValues {
  return { ...values, lawId: item.laws[0]?.id ?? '', domainId: item.domain?.id ?? '' };
}
