-- carmarket:destructive-allowed: drops only three V1 sort indexes, each replaced here by one with the same key; the previous release runs unchanged on the new ones.
-- A page query walks the index of its sort key and skips the rows that fail its filters until the page
-- is full. When a filter correlates with the sort key (low mileage with recent years, low prices with
-- high mileage), the walk skips tens of thousands of rows, each a heap fetch: 50 ms for
-- yearMin=2018&yearMax=2022&sort=mileage_asc over 100 000 cars. With the range and enum filter columns
-- in the index (INCLUDE), the walk is an index-only scan: 3-8 ms for the same page (docs/performance.md).
-- make, model and q keep their own indexes. The listed_at index stays narrow: the landing page (no filter,
-- newest) counts every available car along it, and a wider index would make that a sequential scan; listing
-- time does not correlate with the filters. Builds under a write lock on cars (about 0.3 s per index per
-- 100 000 cars); reads go on.
CREATE INDEX cars_status_price_cover_idx     ON cars (status, price, id)
    INCLUDE (year, mileage_km, fuel_type, transmission, body_type);
CREATE INDEX cars_status_year_cover_idx      ON cars (status, year DESC, id)
    INCLUDE (price, mileage_km, fuel_type, transmission, body_type);
CREATE INDEX cars_status_mileage_cover_idx   ON cars (status, mileage_km, id)
    INCLUDE (year, price, fuel_type, transmission, body_type);

DROP INDEX cars_status_price_idx;
DROP INDEX cars_status_year_idx;
DROP INDEX cars_status_mileage_idx;
