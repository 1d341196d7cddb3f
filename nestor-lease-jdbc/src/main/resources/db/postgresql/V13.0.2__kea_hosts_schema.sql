-- Kea 2.2's host reservation tables (schema version 13.0: hosts, ipv6_reservations, dhcp4_options, dhcp6_options
-- and their lookup tables host_identifier_type and dhcp_option_scope), written for Nestor with Kea's names,
-- columns, encodings and indexes, so that Kea's PostgreSQL host backend and Nestor's read and write the same rows.
-- A database made by `kea-admin db-init` already has these tables: IF NOT EXISTS leaves them as Kea made them
-- (and ON CONFLICT DO NOTHING leaves Kea's lookup rows). The configuration backend's tables are not part of it, so
-- the option tables lack Kea's foreign keys to them. schema_version is not touched.

CREATE TABLE IF NOT EXISTS host_identifier_type (
    type SMALLINT NOT NULL PRIMARY KEY,
    name VARCHAR(32) DEFAULT NULL
);
INSERT INTO host_identifier_type VALUES
    (0, 'hw-address'), (1, 'duid'), (2, 'circuit-id'), (3, 'client-id'), (4, 'flex-id')
    ON CONFLICT DO NOTHING;

CREATE TABLE IF NOT EXISTS dhcp_option_scope (
    scope_id SMALLINT NOT NULL PRIMARY KEY,
    scope_name VARCHAR(32) DEFAULT NULL
);
INSERT INTO dhcp_option_scope VALUES
    (0, 'global'), (1, 'subnet'), (2, 'client-class'), (3, 'host'), (4, 'shared-network'), (5, 'pool'),
    (6, 'pd-pool')
    ON CONFLICT DO NOTHING;

-- One row per reservation. dhcp4_subnet_id / dhcp6_subnet_id: 0 for a global reservation, NULL when the host has
-- no reservation in that protocol (Kea's SUBNET_ID_UNUSED). ipv4_address and dhcp4_next_server are IPv4 addresses
-- as integers; the client classes are comma-separated.
CREATE TABLE IF NOT EXISTS hosts (
    host_id SERIAL PRIMARY KEY,
    dhcp_identifier BYTEA NOT NULL,
    dhcp_identifier_type SMALLINT NOT NULL,
    dhcp4_subnet_id BIGINT,
    dhcp6_subnet_id BIGINT,
    ipv4_address BIGINT,
    hostname VARCHAR(255) DEFAULT NULL,
    dhcp4_client_classes VARCHAR(255) DEFAULT NULL,
    dhcp6_client_classes VARCHAR(255) DEFAULT NULL,
    dhcp4_next_server BIGINT,
    dhcp4_server_hostname VARCHAR(64) DEFAULT NULL,
    dhcp4_boot_file_name VARCHAR(128) DEFAULT NULL,
    user_context TEXT,
    auth_key VARCHAR(32) DEFAULT NULL,
    CONSTRAINT fk_host_identifier_type FOREIGN KEY (dhcp_identifier_type) REFERENCES host_identifier_type (type)
        ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS fk_host_identifier_type ON hosts (dhcp_identifier_type);
CREATE INDEX IF NOT EXISTS hosts_by_hostname ON hosts (lower(hostname)) WHERE hostname IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS key_dhcp4_identifier_subnet_id
    ON hosts (dhcp_identifier, dhcp_identifier_type, dhcp4_subnet_id) WHERE dhcp4_subnet_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS key_dhcp4_ipv4_address_subnet_id ON hosts (ipv4_address, dhcp4_subnet_id);
CREATE UNIQUE INDEX IF NOT EXISTS key_dhcp6_identifier_subnet_id
    ON hosts (dhcp_identifier, dhcp_identifier_type, dhcp6_subnet_id) WHERE dhcp6_subnet_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS key_dhcp_identifier ON hosts (dhcp_identifier, dhcp_identifier_type);

-- Reserved IPv6 addresses (type 0, prefix_len 128) and prefixes (type 2), address as text.
CREATE TABLE IF NOT EXISTS ipv6_reservations (
    reservation_id SERIAL PRIMARY KEY,
    address VARCHAR(39) NOT NULL,
    prefix_len SMALLINT NOT NULL DEFAULT '128',
    type SMALLINT NOT NULL DEFAULT '0',
    dhcp6_iaid INT,
    host_id INT NOT NULL,
    CONSTRAINT fk_ipv6_reservations_host FOREIGN KEY (host_id) REFERENCES hosts (host_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS fk_ipv6_reservations_host_idx ON ipv6_reservations (host_id);
CREATE INDEX IF NOT EXISTS key_dhcp6_address_prefix_len ON ipv6_reservations (address, prefix_len);

-- Options; a host's options have scope_id 3 and its host_id. value is the payload on the wire (without code and
-- length), formatted_value the configuration text when the option was given as text.
CREATE TABLE IF NOT EXISTS dhcp4_options (
    option_id SERIAL PRIMARY KEY,
    code SMALLINT NOT NULL,
    value BYTEA,
    formatted_value TEXT,
    space VARCHAR(128) DEFAULT NULL,
    persistent BOOLEAN NOT NULL DEFAULT 'f',
    dhcp_client_class VARCHAR(128) DEFAULT NULL,
    dhcp4_subnet_id BIGINT,
    host_id INT,
    scope_id SMALLINT NOT NULL,
    user_context TEXT,
    shared_network_name VARCHAR(128) DEFAULT NULL,
    pool_id BIGINT,
    modification_ts TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_options_host1 FOREIGN KEY (host_id) REFERENCES hosts (host_id) ON DELETE CASCADE,
    CONSTRAINT fk_dhcp4_option_scode FOREIGN KEY (scope_id) REFERENCES dhcp_option_scope (scope_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS fk_dhcp4_options_host1_idx ON dhcp4_options (host_id);
CREATE INDEX IF NOT EXISTS fk_dhcp4_options_pool ON dhcp4_options (pool_id);
CREATE INDEX IF NOT EXISTS fk_dhcp4_options_scope_idx ON dhcp4_options (scope_id);
CREATE INDEX IF NOT EXISTS fk_dhcp4_options_shared_network ON dhcp4_options (shared_network_name);
CREATE INDEX IF NOT EXISTS fk_dhcp4_options_subnet ON dhcp4_options (dhcp4_subnet_id);

CREATE TABLE IF NOT EXISTS dhcp6_options (
    option_id SERIAL PRIMARY KEY,
    code INT NOT NULL,
    value BYTEA,
    formatted_value TEXT,
    space VARCHAR(128) DEFAULT NULL,
    persistent BOOLEAN NOT NULL DEFAULT 'f',
    dhcp_client_class VARCHAR(128) DEFAULT NULL,
    dhcp6_subnet_id BIGINT,
    host_id INT,
    scope_id SMALLINT NOT NULL,
    user_context TEXT,
    shared_network_name VARCHAR(128) DEFAULT NULL,
    pool_id BIGINT,
    pd_pool_id BIGINT,
    modification_ts TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_options_host10 FOREIGN KEY (host_id) REFERENCES hosts (host_id) ON DELETE CASCADE,
    CONSTRAINT fk_dhcp6_option_scode FOREIGN KEY (scope_id) REFERENCES dhcp_option_scope (scope_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS fk_dhcp6_options_host1_idx ON dhcp6_options (host_id);
CREATE INDEX IF NOT EXISTS fk_dhcp6_options_pd_pool ON dhcp6_options (pd_pool_id);
CREATE INDEX IF NOT EXISTS fk_dhcp6_options_pool ON dhcp6_options (pool_id);
CREATE INDEX IF NOT EXISTS fk_dhcp6_options_scope_idx ON dhcp6_options (scope_id);
CREATE INDEX IF NOT EXISTS fk_dhcp6_options_shared_network ON dhcp6_options (shared_network_name);
CREATE INDEX IF NOT EXISTS fk_dhcp6_options_subnet ON dhcp6_options (dhcp6_subnet_id);

-- never-send (Kea 2.4+ keeps it as "cancelled"; Kea 2.2 has no column for it): prefixed, so Kea's own later
-- upgrade adding "cancelled" does not collide.
ALTER TABLE dhcp4_options ADD COLUMN nestor_cancelled BOOLEAN NOT NULL DEFAULT 'f';
ALTER TABLE dhcp6_options ADD COLUMN nestor_cancelled BOOLEAN NOT NULL DEFAULT 'f';

INSERT INTO nestor_schema VALUES (2, 2);
