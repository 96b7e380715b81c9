-- carmarket schema: cars, orders, payments, idempotency keys, processed provider events.
-- Business rules that must hold across instances live here as constraints and unique indexes;
-- the adapter maps violations of the named rule indexes to domain errors.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE cars (
    id                     uuid          PRIMARY KEY,
    title                  text          NOT NULL,
    make                   text          NOT NULL,
    model                  text          NOT NULL,
    year                   integer       NOT NULL CHECK (year BETWEEN 1900 AND 2100),
    price                  numeric(12,2) NOT NULL CHECK (price >= 0),
    currency               char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    mileage_km             integer       NOT NULL CHECK (mileage_km >= 0),
    fuel_type              text          NOT NULL CHECK (fuel_type IN ('PETROL', 'DIESEL', 'HYBRID', 'ELECTRIC', 'LPG')),
    transmission           text          NOT NULL CHECK (transmission IN ('MANUAL', 'AUTOMATIC')),
    body_type              text          NOT NULL CHECK (body_type IN ('SEDAN', 'HATCHBACK', 'ESTATE', 'SUV', 'COUPE', 'CONVERTIBLE', 'VAN', 'PICKUP')),
    location               text          NOT NULL,
    thumbnail_url          text,
    status                 text          NOT NULL CHECK (status IN ('AVAILABLE', 'RESERVED', 'SOLD')),
    listed_at              timestamptz   NOT NULL,
    description            text          NOT NULL,
    color                  text          NOT NULL,
    doors                  integer       NOT NULL CHECK (doors >= 0),
    seats                  integer       NOT NULL CHECK (seats >= 0),
    engine_power_kw        integer       NOT NULL CHECK (engine_power_kw > 0),
    engine_displacement_cc integer       CHECK (engine_displacement_cc > 0),
    features               text[]        NOT NULL DEFAULT '{}',
    images                 text[]        NOT NULL DEFAULT '{}',
    seller_name            text          NOT NULL,
    seller_city            text          NOT NULL
);

-- Search: every query filters status = 'AVAILABLE' and orders by one sort key, then id.
-- One b-tree per sort key, led by status and ending with id, so the matches are read already in
-- ORDER BY order (DESC sorts of the ASC indexes use an incremental sort on the presorted key).
CREATE INDEX cars_status_listed_at_idx ON cars (status, listed_at DESC, id);
CREATE INDEX cars_status_price_idx     ON cars (status, price, id);
CREATE INDEX cars_status_year_idx      ON cars (status, year DESC, id);
CREATE INDEX cars_status_mileage_idx   ON cars (status, mileage_km, id);
-- Equality filters on make and make + model.
CREATE INDEX cars_make_model_idx       ON cars (make, model);
-- q: case-insensitive substring (ILIKE) over title, make and model, as a BitmapOr of trigram indexes.
CREATE INDEX cars_title_trgm_idx       ON cars USING gin (title gin_trgm_ops);
CREATE INDEX cars_make_trgm_idx        ON cars USING gin (make gin_trgm_ops);
CREATE INDEX cars_model_trgm_idx       ON cars USING gin (model gin_trgm_ops);

CREATE SEQUENCE order_number_seq AS bigint START WITH 1 INCREMENT BY 1 NO CYCLE;

CREATE TABLE orders (
    id                    uuid          PRIMARY KEY,
    order_number          text          NOT NULL UNIQUE CHECK (order_number ~ '^ORD-[0-9]{4}-[0-9]{6,}$'),
    status                text          NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'EXPIRED', 'CANCELLED')),
    car_id                uuid          NOT NULL REFERENCES cars (id),
    amount                numeric(12,2) NOT NULL CHECK (amount >= 0),
    currency              char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    customer_full_name    text          NOT NULL,
    customer_email        text          NOT NULL,
    customer_phone        text          NOT NULL,
    delivery_option       text          NOT NULL CHECK (delivery_option IN ('PICKUP', 'DELIVERY')),
    delivery_line1        text,
    delivery_city         text,
    delivery_postal_code  text,
    delivery_country      char(2),
    notes                 text          CHECK (char_length(notes) <= 500),
    created_at            timestamptz   NOT NULL,
    expires_at            timestamptz   NOT NULL,
    -- A delivery address goes with DELIVERY and only with it.
    CONSTRAINT orders_delivery_address_matches_option CHECK (
        (delivery_option = 'DELIVERY' AND delivery_line1 IS NOT NULL AND delivery_city IS NOT NULL
            AND delivery_postal_code IS NOT NULL AND delivery_country IS NOT NULL)
        OR (delivery_option = 'PICKUP' AND delivery_line1 IS NULL AND delivery_city IS NULL
            AND delivery_postal_code IS NULL AND delivery_country IS NULL))
);

-- At most one live order per car, on every instance: the second insert fails (CAR_NOT_AVAILABLE).
CREATE UNIQUE INDEX orders_one_live_order_per_car ON orders (car_id) WHERE status IN ('PENDING_PAYMENT', 'PAID');
-- The expiry scan reads only pending orders, oldest expiry first.
CREATE INDEX orders_pending_expiry_idx ON orders (expires_at, id) WHERE status = 'PENDING_PAYMENT';

CREATE TABLE payments (
    id                  uuid          PRIMARY KEY,
    order_id            uuid          NOT NULL REFERENCES orders (id),
    status              text          NOT NULL CHECK (status IN ('PENDING', 'CAPTURED', 'FAILED')),
    method              text          NOT NULL CHECK (method IN ('CARD', 'BANK_TRANSFER')),
    amount              numeric(12,2) NOT NULL CHECK (amount >= 0),
    currency            char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    provider_reference  text          NOT NULL,
    checkout_url        text          NOT NULL,
    created_at          timestamptz   NOT NULL,
    CONSTRAINT payments_provider_reference_key UNIQUE (provider_reference)
);

-- At most one PENDING or CAPTURED payment per order: the second insert fails (PAYMENT_ALREADY_STARTED).
CREATE UNIQUE INDEX payments_one_active_payment_per_order ON payments (order_id) WHERE status <> 'FAILED';

CREATE TABLE idempotency_keys (
    scope                text        NOT NULL,
    key                  text        NOT NULL,
    request_fingerprint  text        NOT NULL,
    resource_id          uuid        NOT NULL,
    created_at           timestamptz NOT NULL,
    CONSTRAINT idempotency_keys_scope_key_key UNIQUE (scope, key)
);

CREATE TABLE processed_payment_events (
    event_id      text        NOT NULL,
    processed_at  timestamptz NOT NULL,
    CONSTRAINT processed_payment_events_event_id_key UNIQUE (event_id)
);
