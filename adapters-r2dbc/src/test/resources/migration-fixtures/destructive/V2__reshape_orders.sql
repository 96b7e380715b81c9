-- Reshapes orders in ways the running release cannot survive.
ALTER TABLE orders DROP COLUMN notes;
ALTER TABLE orders RENAME COLUMN customer_phone TO phone;
ALTER TABLE orders ALTER COLUMN amount TYPE numeric(14,2);
ALTER TABLE orders ALTER COLUMN delivery_city SET NOT NULL;
ALTER TABLE orders ADD COLUMN channel text NOT NULL;
