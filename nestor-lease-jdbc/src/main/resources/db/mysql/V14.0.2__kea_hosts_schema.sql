-- Kea 2.2's host reservation tables (schema version 14.0: hosts, ipv6_reservations, dhcp4_options, dhcp6_options
-- and their lookup tables host_identifier_type and dhcp_option_scope), written for Nestor with Kea's names,
-- columns, encodings and indexes, so that Kea's MySQL host backend and Nestor's read and write the same rows.
-- A database made by `kea-admin db-init` already has these tables: IF NOT EXISTS leaves them as Kea made them
-- (and INSERT IGNORE leaves Kea's lookup rows). The configuration backend's tables are not part of it, so the
-- option tables lack Kea's foreign keys to them. schema_version is not touched.

CREATE TABLE IF NOT EXISTS host_identifier_type (
    type TINYINT NOT NULL PRIMARY KEY,
    name VARCHAR(32) DEFAULT NULL
) ENGINE = InnoDB;
INSERT IGNORE INTO host_identifier_type VALUES
    (0, 'hw-address'), (1, 'duid'), (2, 'circuit-id'), (3, 'client-id'), (4, 'flex-id');

CREATE TABLE IF NOT EXISTS dhcp_option_scope (
    scope_id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
    scope_name VARCHAR(32) DEFAULT NULL
) ENGINE = InnoDB;
INSERT IGNORE INTO dhcp_option_scope VALUES
    (0, 'global'), (1, 'subnet'), (2, 'client-class'), (3, 'host'), (4, 'shared-network'), (5, 'pool'),
    (6, 'pd-pool');

-- One row per reservation. dhcp4_subnet_id / dhcp6_subnet_id: 0 for a global reservation, NULL when the host has
-- no reservation in that protocol (Kea's SUBNET_ID_UNUSED). ipv4_address and dhcp4_next_server are IPv4 addresses
-- as unsigned integers; the client classes are comma-separated.
CREATE TABLE IF NOT EXISTS hosts (
    host_id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    dhcp_identifier VARBINARY(128) NOT NULL,
    dhcp_identifier_type TINYINT NOT NULL,
    dhcp4_subnet_id INT UNSIGNED DEFAULT NULL,
    dhcp6_subnet_id INT UNSIGNED DEFAULT NULL,
    ipv4_address INT UNSIGNED DEFAULT NULL,
    hostname VARCHAR(255) DEFAULT NULL,
    dhcp4_client_classes VARCHAR(255) DEFAULT NULL,
    dhcp6_client_classes VARCHAR(255) DEFAULT NULL,
    dhcp4_next_server INT UNSIGNED DEFAULT NULL,
    dhcp4_server_hostname VARCHAR(64) DEFAULT NULL,
    dhcp4_boot_file_name VARCHAR(128) DEFAULT NULL,
    user_context TEXT DEFAULT NULL,
    auth_key VARCHAR(32) DEFAULT NULL,
    UNIQUE KEY key_dhcp4_identifier_subnet_id (dhcp_identifier, dhcp_identifier_type, dhcp4_subnet_id),
    UNIQUE KEY key_dhcp6_identifier_subnet_id (dhcp_identifier, dhcp_identifier_type, dhcp6_subnet_id),
    KEY fk_host_identifier_type (dhcp_identifier_type),
    KEY hosts_by_hostname (hostname),
    KEY key_dhcp4_ipv4_address_subnet_id_identifier (ipv4_address, dhcp4_subnet_id),
    CONSTRAINT fk_host_identifier_type FOREIGN KEY (dhcp_identifier_type) REFERENCES host_identifier_type (type)
) ENGINE = InnoDB;

-- Reserved IPv6 addresses (type 0, prefix_len 128) and prefixes (type 2), address as text.
CREATE TABLE IF NOT EXISTS ipv6_reservations (
    reservation_id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    address VARCHAR(39) NOT NULL,
    prefix_len TINYINT UNSIGNED NOT NULL DEFAULT 128,
    type TINYINT UNSIGNED NOT NULL DEFAULT 0,
    dhcp6_iaid INT UNSIGNED DEFAULT NULL,
    host_id INT UNSIGNED NOT NULL,
    KEY fk_ipv6_reservations_host_idx (host_id),
    KEY key_dhcp6_address_prefix_len (address, prefix_len),
    CONSTRAINT fk_ipv6_reservations_Host FOREIGN KEY (host_id) REFERENCES hosts (host_id)
        ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE = InnoDB;

-- Options; a host's options have scope_id 3 and its host_id. value is the payload on the wire (without code and
-- length), formatted_value the configuration text when the option was given as text.
CREATE TABLE IF NOT EXISTS dhcp4_options (
    option_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code TINYINT UNSIGNED NOT NULL,
    value BLOB DEFAULT NULL,
    formatted_value TEXT DEFAULT NULL,
    space VARCHAR(128) DEFAULT NULL,
    persistent TINYINT(1) NOT NULL DEFAULT 0,
    dhcp_client_class VARCHAR(128) DEFAULT NULL,
    dhcp4_subnet_id INT UNSIGNED DEFAULT NULL,
    host_id INT UNSIGNED DEFAULT NULL,
    scope_id TINYINT UNSIGNED NOT NULL,
    user_context TEXT DEFAULT NULL,
    shared_network_name VARCHAR(128) DEFAULT NULL,
    pool_id BIGINT UNSIGNED DEFAULT NULL,
    modification_ts TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE KEY option_id_UNIQUE (option_id),
    KEY fk_options_host1_idx (host_id),
    KEY fk_dhcp4_option_scope (scope_id),
    KEY fk_dhcp4_options_shared_network (shared_network_name),
    KEY fk_dhcp4_options_subnet (dhcp4_subnet_id),
    KEY fk_dhcp4_options_pool (pool_id),
    KEY fk_dhcp4_options_client_class (dhcp_client_class),
    CONSTRAINT fk_dhcp4_option_scope FOREIGN KEY (scope_id) REFERENCES dhcp_option_scope (scope_id),
    CONSTRAINT fk_dhcp4_options_Host FOREIGN KEY (host_id) REFERENCES hosts (host_id)
        ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE = InnoDB;

CREATE TABLE IF NOT EXISTS dhcp6_options (
    option_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code SMALLINT UNSIGNED NOT NULL,
    value BLOB DEFAULT NULL,
    formatted_value TEXT DEFAULT NULL,
    space VARCHAR(128) DEFAULT NULL,
    persistent TINYINT(1) NOT NULL DEFAULT 0,
    dhcp_client_class VARCHAR(128) DEFAULT NULL,
    dhcp6_subnet_id INT UNSIGNED DEFAULT NULL,
    host_id INT UNSIGNED DEFAULT NULL,
    scope_id TINYINT UNSIGNED NOT NULL,
    user_context TEXT DEFAULT NULL,
    shared_network_name VARCHAR(128) DEFAULT NULL,
    pool_id BIGINT UNSIGNED DEFAULT NULL,
    pd_pool_id BIGINT UNSIGNED DEFAULT NULL,
    modification_ts TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE KEY option_id_UNIQUE (option_id),
    KEY fk_options_host1_idx (host_id),
    KEY fk_dhcp6_option_scope (scope_id),
    KEY fk_dhcp6_options_shared_network (shared_network_name),
    KEY fk_dhcp6_options_subnet (dhcp6_subnet_id),
    KEY fk_dhcp6_options_pool (pool_id),
    KEY fk_dhcp6_options_pd_pool (pd_pool_id),
    KEY fk_dhcp6_options_client_class (dhcp_client_class),
    CONSTRAINT fk_dhcp6_option_scope FOREIGN KEY (scope_id) REFERENCES dhcp_option_scope (scope_id),
    CONSTRAINT fk_dhcp6_options_Host FOREIGN KEY (host_id) REFERENCES hosts (host_id)
        ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE = InnoDB;

-- never-send (Kea 2.4+ keeps it as "cancelled"; Kea 2.2 has no column for it): prefixed, so Kea's own later
-- upgrade adding "cancelled" does not collide.
ALTER TABLE dhcp4_options ADD COLUMN nestor_cancelled TINYINT(1) NOT NULL DEFAULT 0;
ALTER TABLE dhcp6_options ADD COLUMN nestor_cancelled TINYINT(1) NOT NULL DEFAULT 0;

INSERT INTO nestor_schema VALUES (2, 2);
