-- carmarket:destructive-allowed: the legacy table has been unused since release 2026.10.
DROP TABLE legacy_leads;
