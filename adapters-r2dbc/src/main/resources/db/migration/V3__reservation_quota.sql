-- Reservation quota: whom each order's reservation counts against while it is PENDING_PAYMENT.
-- reservation_customer is the customer's email trimmed and lower-cased (the row holds the email already);
-- client_network is the client's IPv4 address or IPv6 /64 prefix, the same personal data as the access
-- log's client address. Both are nullable: the previous release, still serving during a rolling deploy,
-- inserts orders without them, and such an order counts against no quota.
ALTER TABLE orders ADD COLUMN reservation_customer text CHECK (char_length(reservation_customer) <= 254);
ALTER TABLE orders ADD COLUMN client_network text CHECK (char_length(client_network) <= 64);

-- The quota check counts a holder's pending orders; only pending orders are in these indexes.
CREATE INDEX orders_pending_by_customer_idx ON orders (reservation_customer) WHERE status = 'PENDING_PAYMENT';
CREATE INDEX orders_pending_by_client_idx ON orders (client_network) WHERE status = 'PENDING_PAYMENT';

-- Orders pending at upgrade time count against their customer straight away.
UPDATE orders SET reservation_customer = lower(btrim(customer_email)) WHERE status = 'PENDING_PAYMENT';
