-- pgbench mirror of one POST /orders transaction, statement by statement as the service sends
-- them (captured from PostgreSQL's log: R2dbcIdempotencyStore.claimOrGetExisting, the reservation's
-- StatusTransition.returning, R2dbcOrderNumberSequence, R2dbcOrderRepository.insert).
-- Each client orders its own cars: car n = base + client_id * stride + i of bench_order_cars (compare.sh),
-- with i counting this client's transactions (-D i=0 -D base=... -D stride=...). The ids the service makes in Java
-- (order id, idempotency key) come from gen_random_uuid() here. Like the service, a client takes 32 order
-- numbers in one statement (concurrent clients' numbers interleave, so it keeps them as an array) and uses
-- them for its next 32 orders.
\set i :i + 1
\set n :base + :client_id * :stride + :i
BEGIN READ WRITE;
INSERT INTO idempotency_keys (scope, key, request_fingerprint, resource_id, created_at) VALUES ('place-order', gen_random_uuid()::text, 'c64bdabe4615e51dbbcf565137ee7e4ef59e76156f304f8298953480ebc45aa5', gen_random_uuid(), now()) ON CONFLICT (scope, key) DO NOTHING;
UPDATE cars SET status = 'RESERVED' WHERE id = (SELECT id FROM bench_order_cars WHERE n = :n) AND status = 'AVAILABLE' RETURNING id, price, currency \gset car_
\if (:i - 1) % 32 = 0
SELECT array_agg(next) AS block FROM (SELECT nextval('order_number_seq') AS next FROM generate_series(1, 32)) taken \gset
\endif
INSERT INTO orders (id, order_number, status, car_id, amount, currency, customer_full_name, customer_email, customer_phone, delivery_option, delivery_line1, delivery_city, delivery_postal_code, delivery_country, notes, created_at, expires_at, client_network, reservation_customer) VALUES (gen_random_uuid(), 'ORD-2026-' || lpad(((:block)::bigint[])[(:i - 1) % 32 + 1]::text, 6, '0'), 'PENDING_PAYMENT', :car_id, :car_price, :car_currency, 'Bench Buyer', 'bench@example.com', '+4915112345678', 'PICKUP', NULL, NULL, NULL, NULL, NULL, now(), now() + interval '30 minutes', '127.0.0.1/32', 'bench@example.com');
COMMIT;
