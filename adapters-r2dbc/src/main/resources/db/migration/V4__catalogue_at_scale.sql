-- carmarket:destructive-allowed (drops indexes that the new ones below replace; the previous release's
-- searches, which filter on status = 'AVAILABLE' like this one's, use the new ones during a rolling deploy)
--
-- What the query plans at 1 000 000 cars asked for (docs/performance.md, "Catalogue size").
--
-- make and model are strongly correlated (every Golf is a Volkswagen): without statistics on the pair the
-- planner multiplies their selectivities and expects a tenth of the Golfs.
CREATE STATISTICS cars_make_model_dependency (dependencies, mcv) ON make, model FROM cars;

-- A search walks the index of its sort key and keeps the cars that pass its filters. When every filter
-- column but the free text is in the index, the walk never reads a car's row until it has its page: at
-- 1M cars the cheapest BMWs lie 21 000 entries into the price order, and checking make in each row took
-- 0.5 s where checking it in the index takes a few milliseconds. Only available cars are searched, so
-- the indexes hold only those (a sold or reserved car leaves them).
CREATE INDEX cars_available_listed_at_idx ON cars (listed_at DESC, id)
    INCLUDE (make, model, price, year, mileage_km, fuel_type, transmission, body_type) WHERE status = 'AVAILABLE';
CREATE INDEX cars_available_price_idx ON cars (price, id)
    INCLUDE (make, model, year, mileage_km, fuel_type, transmission, body_type) WHERE status = 'AVAILABLE';
CREATE INDEX cars_available_year_idx ON cars (year DESC, id)
    INCLUDE (make, model, price, mileage_km, fuel_type, transmission, body_type) WHERE status = 'AVAILABLE';
CREATE INDEX cars_available_mileage_idx ON cars (mileage_km, id)
    INCLUDE (make, model, price, year, fuel_type, transmission, body_type) WHERE status = 'AVAILABLE';
-- A make (and model): its own range, newest first, and counted without visiting a row (make=BMW: 1.1 s to 50 ms).
CREATE INDEX cars_available_make_model_idx ON cars (make, model, listed_at DESC, id)
    INCLUDE (price, year, mileage_km, fuel_type, transmission, body_type) WHERE status = 'AVAILABLE';

DROP INDEX cars_status_listed_at_idx;
DROP INDEX cars_status_price_cover_idx;
DROP INDEX cars_status_year_cover_idx;
DROP INDEX cars_status_mileage_cover_idx;
DROP INDEX cars_make_model_idx;

ANALYZE cars;
