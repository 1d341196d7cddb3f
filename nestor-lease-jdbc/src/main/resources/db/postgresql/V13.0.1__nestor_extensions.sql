-- Nestor's additions to Kea's lease schema 13.0. Additive only: Kea 2.2 names its columns in every statement,
-- so it ignores these, and schema_version stays 13.0 so Kea still accepts the database. Nestor's own level is
-- kept in nestor_schema.
CREATE TABLE nestor_schema (
    id INT NOT NULL PRIMARY KEY,
    level INT NOT NULL
);

-- Released (Kea 2.7+) and registered (Kea 3.0+, DHCPv6) leases; the lease tables reference lease_state.
INSERT INTO lease_state VALUES (3, 'released'), (4, 'registered');

-- Kea 2.2 has no hardware type for DHCPv4 leases (it assumes Ethernet: NULL reads as 1) and no pool ids.
ALTER TABLE lease4
    ADD COLUMN nestor_hwtype SMALLINT,
    ADD COLUMN nestor_pool_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE lease6 ADD COLUMN nestor_pool_id BIGINT NOT NULL DEFAULT 0;

-- Paging and ordering by address need numeric order, which the text key does not have: index the address as inet.
CREATE INDEX lease6_by_nestor_inet ON lease6 ((address::inet));

INSERT INTO nestor_schema VALUES (1, 1);
