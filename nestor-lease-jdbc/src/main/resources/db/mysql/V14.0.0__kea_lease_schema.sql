-- Kea's lease schema for MySQL/MariaDB at Kea's schema version 14.0 (Kea 2.2), written for Nestor: the tables,
-- indexes, statistics triggers and dump procedures that Kea's lease backend, kea-admin and Nestor use, with Kea's
-- names and column encodings, so that Kea and Nestor can share a database created by either tool. Host
-- reservations and the configuration backend are not part of it.
-- Statements are split as the mysql client splits them (DELIMITER), so this file also runs with `mysql < file`.

CREATE TABLE schema_version (
    version INT NOT NULL PRIMARY KEY,
    minor INT
) ENGINE = InnoDB;

-- lease states (Kea's Lease::STATE_*)
CREATE TABLE lease_state (
    state INT UNSIGNED NOT NULL PRIMARY KEY,
    name VARCHAR(64) NOT NULL
) ENGINE = InnoDB;
INSERT INTO lease_state VALUES (0, 'default'), (1, 'declined'), (2, 'expired-reclaimed');

-- where a DHCPv6 lease's hardware address came from (Kea's HWAddr::HWADDR_SOURCE_* bit values)
CREATE TABLE lease_hwaddr_source (
    hwaddr_source INT UNSIGNED NOT NULL PRIMARY KEY,
    name VARCHAR(40)
) ENGINE = InnoDB;
INSERT INTO lease_hwaddr_source VALUES
    (0, 'HWADDR_SOURCE_UNKNOWN'), (1, 'HWADDR_SOURCE_RAW'), (2, 'HWADDR_SOURCE_IPV6_LINK_LOCAL'),
    (4, 'HWADDR_SOURCE_DUID'), (8, 'HWADDR_SOURCE_CLIENT_ADDR_RELAY_OPTION'), (16, 'HWADDR_SOURCE_REMOTE_ID'),
    (32, 'HWADDR_SOURCE_SUBSCRIBER_ID'), (64, 'HWADDR_SOURCE_DOCSIS_CMTS'), (128, 'HWADDR_SOURCE_DOCSIS_MODEM');

CREATE TABLE lease6_types (
    lease_type TINYINT NOT NULL PRIMARY KEY,
    name VARCHAR(5)
) ENGINE = InnoDB;
INSERT INTO lease6_types VALUES (0, 'IA_NA'), (1, 'IA_TA'), (2, 'IA_PD');

-- DHCPv4 leases. address is the IPv4 address as an unsigned integer; expire is cltt + valid_lifetime
-- (cltt alone for an infinite lifetime, 4294967295, so it cannot overflow).
CREATE TABLE lease4 (
    address INT UNSIGNED NOT NULL PRIMARY KEY,
    hwaddr VARBINARY(20),
    client_id VARBINARY(128),
    valid_lifetime INT UNSIGNED,
    expire TIMESTAMP NULL DEFAULT NULL,
    subnet_id INT UNSIGNED,
    fqdn_fwd BOOL,
    fqdn_rev BOOL,
    hostname VARCHAR(255),
    state INT UNSIGNED DEFAULT 0,
    user_context TEXT,
    INDEX lease4_by_hwaddr_subnet_id (hwaddr, subnet_id),
    INDEX lease4_by_client_id_subnet_id (client_id, subnet_id),
    INDEX lease4_by_subnet_id (subnet_id),
    INDEX lease4_by_hostname (hostname),
    INDEX lease4_by_expire_state (expire, state),
    CONSTRAINT fk_lease4_state FOREIGN KEY (state) REFERENCES lease_state (state)
) ENGINE = InnoDB;

-- DHCPv6 leases and delegated prefixes, keyed by the address in its canonical text form.
CREATE TABLE lease6 (
    address VARCHAR(39) NOT NULL PRIMARY KEY,
    duid VARBINARY(128),
    valid_lifetime INT UNSIGNED,
    expire TIMESTAMP NULL DEFAULT NULL,
    subnet_id INT UNSIGNED,
    pref_lifetime INT UNSIGNED,
    lease_type TINYINT,
    iaid INT UNSIGNED,
    prefix_len TINYINT UNSIGNED,
    fqdn_fwd BOOL,
    fqdn_rev BOOL,
    hostname VARCHAR(255),
    hwaddr VARBINARY(20),
    hwtype SMALLINT UNSIGNED,
    hwaddr_source INT UNSIGNED,
    state INT UNSIGNED DEFAULT 0,
    user_context TEXT,
    INDEX lease6_by_subnet_id_lease_type (subnet_id, lease_type),
    INDEX lease6_by_duid_iaid_subnet_id (duid, iaid, subnet_id),
    INDEX lease6_by_hostname (hostname),
    INDEX lease6_by_expire_state (expire, state),
    CONSTRAINT fk_lease6_type FOREIGN KEY (lease_type) REFERENCES lease6_types (lease_type),
    CONSTRAINT fk_lease6_hwaddr_source FOREIGN KEY (hwaddr_source) REFERENCES lease_hwaddr_source (hwaddr_source),
    CONSTRAINT fk_lease6_state FOREIGN KEY (state) REFERENCES lease_state (state)
) ENGINE = InnoDB;

-- Lease counts per subnet and state (assigned = 0, declined = 1), kept by the triggers below so that every
-- server sharing the database reads the same numbers.
CREATE TABLE lease4_stat (
    subnet_id INT UNSIGNED NOT NULL,
    state INT UNSIGNED NOT NULL,
    leases BIGINT,
    PRIMARY KEY (subnet_id, state)
) ENGINE = InnoDB;

CREATE TABLE lease6_stat (
    subnet_id INT UNSIGNED NOT NULL,
    lease_type INT UNSIGNED NOT NULL,
    state INT UNSIGNED NOT NULL,
    leases BIGINT,
    PRIMARY KEY (subnet_id, lease_type, state)
) ENGINE = InnoDB;

-- Assigned leases per client class named in user_context ISC.client-classes (Kea's limits hook reads them).
CREATE TABLE lease4_stat_by_client_class (
    client_class VARCHAR(128) NOT NULL PRIMARY KEY,
    leases BIGINT UNSIGNED NOT NULL
) ENGINE = InnoDB;

CREATE TABLE lease6_stat_by_client_class (
    client_class VARCHAR(128) NOT NULL,
    lease_type TINYINT NOT NULL,
    leases BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (client_class, lease_type),
    CONSTRAINT fk_lease6_stat_by_client_class_lease_type FOREIGN KEY (lease_type) REFERENCES lease6_types (lease_type)
) ENGINE = InnoDB;

DELIMITER $$

-- Counting uses INSERT ... ON DUPLICATE KEY UPDATE, one atomic statement, so concurrent servers creating the
-- first lease of a subnet cannot collide on the statistics row.
CREATE PROCEDURE nestor_lease4_count(IN p_subnet_id INT UNSIGNED, IN p_state INT UNSIGNED, IN p_delta INT)
BEGIN
    IF p_state IN (0, 1) THEN
        INSERT INTO lease4_stat (subnet_id, state, leases) VALUES (p_subnet_id, p_state, GREATEST(p_delta, 0))
            ON DUPLICATE KEY UPDATE leases = GREATEST(leases + p_delta, 0);
    END IF;
END $$

CREATE PROCEDURE nestor_lease6_count(IN p_subnet_id INT UNSIGNED, IN p_type INT UNSIGNED, IN p_state INT UNSIGNED,
                                     IN p_delta INT)
BEGIN
    IF p_state IN (0, 1) THEN
        INSERT INTO lease6_stat (subnet_id, lease_type, state, leases)
            VALUES (p_subnet_id, p_type, p_state, GREATEST(p_delta, 0))
            ON DUPLICATE KEY UPDATE leases = GREATEST(leases + p_delta, 0);
    END IF;
END $$

-- Counts the classes of an assigned lease's user context. Contexts that are not JSON or name no classes count
-- nothing (JSON_TABLE over NULL or a non-array yields no rows).
CREATE PROCEDURE nestor_lease4_count_classes(IN p_state INT UNSIGNED, IN p_context TEXT, IN p_delta INT)
BEGIN
    IF p_state = 0 AND p_context LIKE '%client-classes%' AND JSON_VALID(p_context) THEN
        INSERT INTO lease4_stat_by_client_class (client_class, leases)
            SELECT c.name, GREATEST(p_delta, 0)
            FROM JSON_TABLE(JSON_EXTRACT(p_context, '$."ISC"."client-classes"'), '$[*]'
                            COLUMNS (name VARCHAR(128) PATH '$')) AS c
            WHERE c.name IS NOT NULL
            ON DUPLICATE KEY UPDATE leases = IF(leases + p_delta < 0, 0, leases + p_delta);
    END IF;
END $$

CREATE PROCEDURE nestor_lease6_count_classes(IN p_state INT UNSIGNED, IN p_type TINYINT, IN p_context TEXT,
                                             IN p_delta INT)
BEGIN
    IF p_state = 0 AND p_context LIKE '%client-classes%' AND JSON_VALID(p_context) THEN
        INSERT INTO lease6_stat_by_client_class (client_class, lease_type, leases)
            SELECT c.name, p_type, GREATEST(p_delta, 0)
            FROM JSON_TABLE(JSON_EXTRACT(p_context, '$."ISC"."client-classes"'), '$[*]'
                            COLUMNS (name VARCHAR(128) PATH '$')) AS c
            WHERE c.name IS NOT NULL
            ON DUPLICATE KEY UPDATE leases = IF(leases + p_delta < 0, 0, leases + p_delta);
    END IF;
END $$

CREATE TRIGGER lease4_AINS AFTER INSERT ON lease4 FOR EACH ROW
BEGIN
    CALL nestor_lease4_count(NEW.subnet_id, NEW.state, 1);
    CALL nestor_lease4_count_classes(NEW.state, NEW.user_context, 1);
END $$

CREATE TRIGGER lease4_AUPD AFTER UPDATE ON lease4 FOR EACH ROW
BEGIN
    IF NOT (OLD.subnet_id <=> NEW.subnet_id AND OLD.state <=> NEW.state) THEN
        CALL nestor_lease4_count(OLD.subnet_id, OLD.state, -1);
        CALL nestor_lease4_count(NEW.subnet_id, NEW.state, 1);
    END IF;
    IF NOT (OLD.state <=> NEW.state AND OLD.user_context <=> NEW.user_context) THEN
        CALL nestor_lease4_count_classes(OLD.state, OLD.user_context, -1);
        CALL nestor_lease4_count_classes(NEW.state, NEW.user_context, 1);
    END IF;
END $$

CREATE TRIGGER lease4_ADEL AFTER DELETE ON lease4 FOR EACH ROW
BEGIN
    CALL nestor_lease4_count(OLD.subnet_id, OLD.state, -1);
    CALL nestor_lease4_count_classes(OLD.state, OLD.user_context, -1);
END $$

CREATE TRIGGER lease6_AINS AFTER INSERT ON lease6 FOR EACH ROW
BEGIN
    CALL nestor_lease6_count(NEW.subnet_id, NEW.lease_type, NEW.state, 1);
    CALL nestor_lease6_count_classes(NEW.state, NEW.lease_type, NEW.user_context, 1);
END $$

CREATE TRIGGER lease6_AUPD AFTER UPDATE ON lease6 FOR EACH ROW
BEGIN
    IF NOT (OLD.subnet_id <=> NEW.subnet_id AND OLD.lease_type <=> NEW.lease_type AND OLD.state <=> NEW.state) THEN
        CALL nestor_lease6_count(OLD.subnet_id, OLD.lease_type, OLD.state, -1);
        CALL nestor_lease6_count(NEW.subnet_id, NEW.lease_type, NEW.state, 1);
    END IF;
    IF NOT (OLD.state <=> NEW.state AND OLD.lease_type <=> NEW.lease_type AND OLD.user_context <=> NEW.user_context) THEN
        CALL nestor_lease6_count_classes(OLD.state, OLD.lease_type, OLD.user_context, -1);
        CALL nestor_lease6_count_classes(NEW.state, NEW.lease_type, NEW.user_context, 1);
    END IF;
END $$

CREATE TRIGGER lease6_ADEL AFTER DELETE ON lease6 FOR EACH ROW
BEGIN
    CALL nestor_lease6_count(OLD.subnet_id, OLD.lease_type, OLD.state, -1);
    CALL nestor_lease6_count_classes(OLD.state, OLD.lease_type, OLD.user_context, -1);
END $$

-- Kea's lease backend prepares calls to these three at start-up (its limits hook uses them).
CREATE FUNCTION isJsonSupported() RETURNS BOOL
    NOT DETERMINISTIC
BEGIN
    DECLARE probe INT;
    DECLARE CONTINUE HANDLER FOR SQLEXCEPTION RETURN FALSE;
    SET probe = JSON_EXTRACT('{"a": 1}', '$.a');
    RETURN probe = 1;
END $$

-- '' when the lease fits the address limits in its user context (ISC.limits), else a text naming the limit.
CREATE FUNCTION checkLease4Limits(user_context TEXT) RETURNS TEXT
    READS SQL DATA
BEGIN
    DECLARE class_name VARCHAR(255);
    DECLARE lim BIGINT;
    DECLARE used BIGINT;
    DECLARE sid BIGINT;
    DECLARE done INT DEFAULT 0;
    DECLARE classes CURSOR FOR
        SELECT c.name, c.lim FROM JSON_TABLE(JSON_EXTRACT(user_context, '$."ISC"."limits"."client-classes"'), '$[*]'
            COLUMNS (name VARCHAR(255) PATH '$.name', lim BIGINT PATH '$."address-limit"')) AS c
        WHERE c.lim IS NOT NULL;
    DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;
    IF user_context IS NULL OR NOT JSON_VALID(user_context) THEN
        RETURN '';
    END IF;
    OPEN classes;
    scan: LOOP
        FETCH classes INTO class_name, lim;
        IF done = 1 THEN LEAVE scan; END IF;
        SELECT IFNULL(MAX(leases), 0) INTO used FROM lease4_stat_by_client_class WHERE client_class = class_name;
        IF lim <= used THEN
            CLOSE classes;
            RETURN CONCAT('address limit ', lim, ' for client class "', class_name, '", current lease count ', used);
        END IF;
    END LOOP;
    CLOSE classes;
    SET sid = JSON_EXTRACT(user_context, '$."ISC"."limits"."subnet"."id"');
    SET lim = JSON_EXTRACT(user_context, '$."ISC"."limits"."subnet"."address-limit"');
    IF lim IS NOT NULL THEN
        SELECT IFNULL(MAX(leases), 0) INTO used FROM lease4_stat WHERE subnet_id = sid AND state = 0;
        IF lim <= used THEN
            RETURN CONCAT('address limit ', lim, ' for subnet ID ', sid, ', current lease count ', used);
        END IF;
    END IF;
    RETURN '';
END $$

CREATE FUNCTION checkLease6Limits(user_context TEXT) RETURNS TEXT
    READS SQL DATA
BEGIN
    DECLARE class_name VARCHAR(255);
    DECLARE lim BIGINT;
    DECLARE plim BIGINT;
    DECLARE used BIGINT;
    DECLARE sid BIGINT;
    DECLARE done INT DEFAULT 0;
    DECLARE classes CURSOR FOR
        SELECT c.name, c.lim, c.plim
        FROM JSON_TABLE(JSON_EXTRACT(user_context, '$."ISC"."limits"."client-classes"'), '$[*]'
            COLUMNS (name VARCHAR(255) PATH '$.name', lim BIGINT PATH '$."address-limit"',
                     plim BIGINT PATH '$."prefix-limit"')) AS c;
    DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;
    IF user_context IS NULL OR NOT JSON_VALID(user_context) THEN
        RETURN '';
    END IF;
    OPEN classes;
    scan: LOOP
        FETCH classes INTO class_name, lim, plim;
        IF done = 1 THEN LEAVE scan; END IF;
        IF lim IS NOT NULL THEN
            SELECT IFNULL(MAX(leases), 0) INTO used FROM lease6_stat_by_client_class
                WHERE client_class = class_name AND lease_type = 0;
            IF lim <= used THEN
                CLOSE classes;
                RETURN CONCAT('address limit ', lim, ' for client class "', class_name, '", current lease count ', used);
            END IF;
        END IF;
        IF plim IS NOT NULL THEN
            SELECT IFNULL(MAX(leases), 0) INTO used FROM lease6_stat_by_client_class
                WHERE client_class = class_name AND lease_type = 2;
            IF plim <= used THEN
                CLOSE classes;
                RETURN CONCAT('prefix limit ', plim, ' for client class "', class_name, '", current lease count ', used);
            END IF;
        END IF;
    END LOOP;
    CLOSE classes;
    SET sid = JSON_EXTRACT(user_context, '$."ISC"."limits"."subnet"."id"');
    SET lim = JSON_EXTRACT(user_context, '$."ISC"."limits"."subnet"."address-limit"');
    SET plim = JSON_EXTRACT(user_context, '$."ISC"."limits"."subnet"."prefix-limit"');
    IF lim IS NOT NULL THEN
        SELECT IFNULL(MAX(leases), 0) INTO used FROM lease6_stat WHERE subnet_id = sid AND lease_type = 0 AND state = 0;
        IF lim <= used THEN
            RETURN CONCAT('address limit ', lim, ' for subnet ID ', sid, ', current lease count ', used);
        END IF;
    END IF;
    IF plim IS NOT NULL THEN
        SELECT IFNULL(MAX(leases), 0) INTO used FROM lease6_stat WHERE subnet_id = sid AND lease_type = 2 AND state = 0;
        IF plim <= used THEN
            RETURN CONCAT('prefix limit ', plim, ' for subnet ID ', sid, ', current lease count ', used);
        END IF;
    END IF;
    RETURN '';
END $$

-- kea-admin lease-dump: CSV in Kea's memfile layout (commas inside text escaped as &#x2c).
CREATE FUNCTION colonSeparatedHex(hex TEXT) RETURNS TEXT
    DETERMINISTIC
BEGIN
    DECLARE padded TEXT DEFAULT IF(MOD(LENGTH(hex), 2) = 1, CONCAT('0', hex), hex);
    DECLARE result TEXT DEFAULT '';
    DECLARE pos INT DEFAULT 1;
    WHILE pos <= LENGTH(padded) DO
        SET result = CONCAT(result, IF(pos = 1, '', ':'), SUBSTRING(padded, pos, 2));
        SET pos = pos + 2;
    END WHILE;
    RETURN LOWER(result);
END $$

CREATE PROCEDURE lease4DumpHeader()
BEGIN
    SELECT 'address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context';
END $$

CREATE PROCEDURE lease4DumpData()
BEGIN
    SELECT INET_NTOA(address), IFNULL(colonSeparatedHex(HEX(hwaddr)), ''),
           IFNULL(colonSeparatedHex(HEX(client_id)), ''), valid_lifetime, UNIX_TIMESTAMP(expire), subnet_id,
           fqdn_fwd, fqdn_rev, REPLACE(hostname, ',', '&#x2c'), state,
           REPLACE(IFNULL(user_context, ''), ',', '&#x2c')
    FROM lease4 ORDER BY address;
END $$

CREATE PROCEDURE lease6DumpHeader()
BEGIN
    SELECT 'address,duid,valid_lifetime,expire,subnet_id,pref_lifetime,lease_type,iaid,prefix_len,fqdn_fwd,fqdn_rev,hostname,hwaddr,state,user_context,hwtype,hwaddr_source';
END $$

CREATE PROCEDURE lease6DumpData()
BEGIN
    SELECT address, IFNULL(colonSeparatedHex(HEX(duid)), ''), valid_lifetime, UNIX_TIMESTAMP(expire), subnet_id,
           pref_lifetime, lease_type, iaid, prefix_len, fqdn_fwd, fqdn_rev, REPLACE(hostname, ',', '&#x2c'),
           IFNULL(colonSeparatedHex(HEX(hwaddr)), ''), state, REPLACE(IFNULL(user_context, ''), ',', '&#x2c'),
           hwtype, hwaddr_source
    FROM lease6 ORDER BY address;
END $$

DELIMITER ;

INSERT INTO schema_version VALUES (14, 0);
