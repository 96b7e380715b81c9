-- pgbench mirror of one POST /orders transaction, statement by statement as the service sends
-- them (captured from PostgreSQL's log: R2dbcIdempotencyStore.claimOrGetExisting,
-- R2dbcCarCatalog.findById, StatusTransition, R2dbcOrderNumberSequence, R2dbcOrderRepository.insert).
-- Each client orders its own cars: car n = base + client_id * stride + i of bench_order_cars (compare.sh),
-- with i counting this client's transactions (-D i=0 -D base=... -D stride=...). The ids the service makes in Java
-- (order id, idempotency key) come from gen_random_uuid() here.
\set i :i + 1
\set n :base + :client_id * :stride + :i
BEGIN READ WRITE;
INSERT INTO idempotency_keys (scope, key, request_fingerprint, resource_id, created_at) VALUES ('place-order', gen_random_uuid()::text, 'c64bdabe4615e51dbbcf565137ee7e4ef59e76156f304f8298953480ebc45aa5', gen_random_uuid(), now()) ON CONFLICT (scope, key) DO NOTHING;
SELECT id, title, make, model, year, price, currency, mileage_km, fuel_type, transmission, body_type, location, thumbnail_url, status, listed_at, description, color, doors, seats, engine_power_kw, engine_displacement_cc, features, images, seller_name, seller_city FROM cars WHERE id = (SELECT id FROM bench_order_cars WHERE n = :n) \gset car_
UPDATE cars SET status = 'RESERVED' WHERE id = :car_id AND status = 'AVAILABLE';
SELECT nextval('order_number_seq') AS next \gset
INSERT INTO orders (id, order_number, status, car_id, amount, currency, customer_full_name, customer_email, customer_phone, delivery_option, delivery_line1, delivery_city, delivery_postal_code, delivery_country, notes, created_at, expires_at) VALUES (gen_random_uuid(), 'ORD-2026-' || lpad(:next::text, 6, '0'), 'PENDING_PAYMENT', :car_id, :car_price, :car_currency, 'Bench Buyer', 'bench@example.com', '+4915112345678', 'PICKUP', NULL, NULL, NULL, NULL, NULL, now(), now() + interval '30 minutes');
COMMIT;
