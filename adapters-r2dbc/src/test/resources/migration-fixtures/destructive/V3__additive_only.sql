/* Additive changes; words like DROP or RENAME in comments and strings do not count. */
ALTER TABLE orders ADD COLUMN channel text NOT NULL DEFAULT 'web'; -- DROP TABLE orders
ALTER TABLE orders ADD COLUMN referrer text, ADD CONSTRAINT orders_referrer_length CHECK (char_length(referrer) <= 200);
ALTER TABLE payments ADD COLUMN fee numeric(12,2) NOT NULL DEFAULT 0;
CREATE INDEX orders_channel_idx ON orders (channel);
COMMENT ON COLUMN orders.channel IS 'never DROP or TRUNCATE; RENAME is fine';
CREATE FUNCTION noop() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM nothing; END $$;
