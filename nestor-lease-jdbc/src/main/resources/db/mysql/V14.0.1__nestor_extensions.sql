-- Nestor's additions to Kea's lease schema 14.0. Additive only: Kea 2.2 names its columns in every statement,
-- so it ignores these, and schema_version stays 14.0 so Kea still accepts the database. Nestor's own level is
-- kept in nestor_schema.
CREATE TABLE nestor_schema (
    id INT NOT NULL PRIMARY KEY,
    level INT NOT NULL
) ENGINE = InnoDB;

-- Released (Kea 2.7+) and registered (Kea 3.0+, DHCPv6) leases; the lease tables reference lease_state.
INSERT INTO lease_state VALUES (3, 'released'), (4, 'registered');

-- Kea 2.2 has no hardware type for DHCPv4 leases (it assumes Ethernet: NULL reads as 1) and no pool ids.
ALTER TABLE lease4
    ADD COLUMN nestor_hwtype SMALLINT UNSIGNED NULL,
    ADD COLUMN nestor_pool_id INT UNSIGNED NOT NULL DEFAULT 0;

-- The address as 16 bytes, derived by the server from the text key (so rows Kea writes have it too): paging and
-- ordering by address need numeric order, which the text does not have.
ALTER TABLE lease6
    ADD COLUMN nestor_pool_id INT UNSIGNED NOT NULL DEFAULT 0,
    ADD COLUMN nestor_binaddr VARBINARY(16) AS (INET6_ATON(address)) STORED,
    ADD INDEX lease6_by_nestor_binaddr (nestor_binaddr);

INSERT INTO nestor_schema VALUES (1, 1);
