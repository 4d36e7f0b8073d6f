/**
 * 点单 /order: public, no sign-in. A school, community, village or
 * enterprise orders legal education; the hub routes the order to the
 * agencies holding enforcement powers in its domains. `?agencyId=Agency:12`
 * (the portal's link from an agency's page) shows that agency's menu to pick
 * from. After sending, a receipt says where the order went — or that no
 * agency holds powers there and the 普法办 sees it as unmet demand.
 */
import { useId, useRef, useState, useEffect } from 'react';
import { useI18n } from '../../app/I18nContext';
import type { PageProps } from '../../app/routes';
import { localName } from '../../app/session';
import { useSearchParam } from '../assessment/searchParam';
import { MenuCard } from './MenuCard';
import { emptyOrderForm, fromMenuItem, type OrderFormValues } from './orderForm';
import { OrderForm } from './OrderForm';
import type { OrderReceiptData } from './orders.queries';
import '../report/report.css';
import './orders.css';

export default function OrderPage(_props: PageProps) {
  const { t } = useI18n();
  const [agencyParam] = useSearchParam('agencyId');
  const agencyId = agencyParam && /^Agency:\d+$/.test(agencyParam) ? agencyParam : null;
  const [values, setValues] = useState<OrderFormValues>(() => emptyOrderForm());
  const [receipt, setReceipt] = useState<OrderReceiptData | null>(null);
  const [picked, setPicked] = useState<string | null>(null);

  return (
    <div className="page orders-page">
      <div className="page-heading">
        <h1>{t('orders.order.heading')}</h1>
        <p className="page-lead">{t('orders.order.lead')}</p>
      </div>
      {receipt ? (
        <Receipt
          receipt={receipt}
          onAgain={() => {
            // The next order of the same school keeps who orders and the contact.
            setValues((v) => emptyOrderForm({ requesterKind: v.requesterKind, requesterName: v.requesterName, contactName: v.contactName, contactPhone: v.contactPhone, districtId: v.districtId }));
            setPicked(null);
            setReceipt(null);
          }}
        />
      ) : (
        <div className="orders-order-layout">
          {agencyId ? (
            <MenuCard
              agencyId={agencyId}
              picked={picked}
              onPick={(item) => {
                setPicked(item.id);
                setValues((v) => fromMenuItem(v, item));
              }}
            />
          ) : null}
          <OrderForm values={values} onChange={setValues} onPlaced={setReceipt} />
        </div>
      )}
    </div>
  );
}

function Receipt({ receipt, onAgain }: { receipt: OrderReceiptData; onAgain: () => void }) {
  const { lang, t } = useI18n();
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  // The receipt replaces the form: focus moves to it so a screen reader reads it.
  useEffect(() => ref.current?.focus(), []);
  const routed = receipt.routedTo.length > 0;
  return (
    <section ref={ref} className="card orders-receipt" aria-labelledby={headingId} tabIndex={-1} data-testid="order-receipt">
      <header className="card-header">
        <h2 id={headingId} className="card-title">
          {t('orders.receipt.title')}
        </h2>
        <span className="card-note">{t('orders.receipt.number', { id: receipt.orderId })}</span>
      </header>
      <div className={`outcome ${routed ? 'outcome-success' : 'outcome-notice'}`} role="status">
        <p className="outcome-title">{routed ? t('orders.receipt.routed', { count: receipt.routedTo.length }) : t('orders.receipt.unrouted')}</p>
        {receipt.domains.length > 0 ? (
          <p>
            {t('orders.receipt.domains')} <span className="orders-receipt-domains">{receipt.domains.map((d) => localName(d, lang)).join('、')}</span>
          </p>
        ) : (
          <p>{t('orders.receipt.noDomains')}</p>
        )}
        {routed ? (
          <>
            <ul className="orders-receipt-agencies" aria-label={t('orders.receipt.agencies')}>
              {receipt.routedTo.map((a) => (
                <li key={a.id}>{localName(a, lang)}</li>
              ))}
            </ul>
            <p>{t('orders.receipt.next')}</p>
          </>
        ) : (
          <p>{t('orders.receipt.unmet')}</p>
        )}
      </div>
      <div className="record-actions">
        <button type="button" className="button button-quiet" onClick={onAgain}>
          {t('orders.receipt.again')}
        </button>
      </div>
    </section>
  );
}
