-- Kea's lease schema for PostgreSQL at Kea's schema version 13.0 (Kea 2.2), written for Nestor: the tables,
-- indexes, statistics triggers and dump functions that Kea's lease backend, kea-admin and Nestor use, with Kea's
-- names and column encodings, so that Kea and Nestor can share a database created by either tool. Host
-- reservations and the configuration backend are not part of it.
-- Function bodies are $$-quoted, so this file also runs with `psql -f file`.

CREATE TABLE schema_version (
    version INT NOT NULL PRIMARY KEY,
    minor INT
);

-- lease states (Kea's Lease::STATE_*)
CREATE TABLE lease_state (
    state BIGINT NOT NULL PRIMARY KEY,
    name VARCHAR(64) NOT NULL
);
INSERT INTO lease_state VALUES (0, 'default'), (1, 'declined'), (2, 'expired-reclaimed');

-- where a DHCPv6 lease's hardware address came from (Kea's HWAddr::HWADDR_SOURCE_* bit values)
CREATE TABLE lease_hwaddr_source (
    hwaddr_source INT NOT NULL PRIMARY KEY,
    name VARCHAR(40) DEFAULT NULL
);
INSERT INTO lease_hwaddr_source VALUES
    (0, 'HWADDR_SOURCE_UNKNOWN'), (1, 'HWADDR_SOURCE_RAW'), (2, 'HWADDR_SOURCE_IPV6_LINK_LOCAL'),
    (4, 'HWADDR_SOURCE_DUID'), (8, 'HWADDR_SOURCE_CLIENT_ADDR_RELAY_OPTION'), (16, 'HWADDR_SOURCE_REMOTE_ID'),
    (32, 'HWADDR_SOURCE_SUBSCRIBER_ID'), (64, 'HWADDR_SOURCE_DOCSIS_CMTS'), (128, 'HWADDR_SOURCE_DOCSIS_MODEM');

CREATE TABLE lease6_types (
    lease_type SMALLINT NOT NULL PRIMARY KEY,
    name VARCHAR(5)
);
INSERT INTO lease6_types VALUES (0, 'IA_NA'), (1, 'IA_TA'), (2, 'IA_PD');

-- DHCPv4 leases. address is the IPv4 address as an unsigned number; expire is cltt + valid_lifetime (cltt alone
-- for an infinite lifetime, 4294967295).
CREATE TABLE lease4 (
    address BIGINT NOT NULL PRIMARY KEY,
    hwaddr BYTEA,
    client_id BYTEA,
    valid_lifetime BIGINT,
    expire TIMESTAMP WITH TIME ZONE,
    subnet_id BIGINT,
    fqdn_fwd BOOLEAN,
    fqdn_rev BOOLEAN,
    hostname VARCHAR(255),
    state BIGINT DEFAULT 0,
    user_context TEXT,
    CONSTRAINT fk_lease4_state FOREIGN KEY (state) REFERENCES lease_state (state)
);
CREATE INDEX lease4_by_hwaddr_subnet_id ON lease4 (hwaddr, subnet_id);
CREATE INDEX lease4_by_client_id_subnet_id ON lease4 (client_id, subnet_id);
CREATE INDEX lease4_by_subnet_id ON lease4 (subnet_id);
CREATE INDEX lease4_by_hostname ON lease4 (lower(hostname)) WHERE hostname IS NOT NULL;
CREATE INDEX lease4_by_state_expire ON lease4 (state, expire);

-- DHCPv6 leases and delegated prefixes, keyed by the address in its canonical text form. iaid holds the unsigned
-- 32-bit IAID in a signed INT, as Kea stores it.
CREATE TABLE lease6 (
    address VARCHAR(39) NOT NULL PRIMARY KEY,
    duid BYTEA,
    valid_lifetime BIGINT,
    expire TIMESTAMP WITH TIME ZONE,
    subnet_id BIGINT,
    pref_lifetime BIGINT,
    lease_type SMALLINT,
    iaid INT,
    prefix_len SMALLINT,
    fqdn_fwd BOOLEAN,
    fqdn_rev BOOLEAN,
    hostname VARCHAR(255),
    state BIGINT DEFAULT 0,
    hwaddr BYTEA,
    hwtype SMALLINT,
    hwaddr_source SMALLINT,
    user_context TEXT,
    CONSTRAINT fk_lease6_type FOREIGN KEY (lease_type) REFERENCES lease6_types (lease_type),
    CONSTRAINT fk_lease6_state FOREIGN KEY (state) REFERENCES lease_state (state)
);
CREATE INDEX lease6_by_duid_iaid_subnet_id ON lease6 (duid, iaid, subnet_id);
CREATE INDEX lease6_by_subnet_id_lease_type ON lease6 (subnet_id, lease_type);
CREATE INDEX lease6_by_hostname ON lease6 (lower(hostname)) WHERE hostname IS NOT NULL;
CREATE INDEX lease6_by_state_expire ON lease6 (state, expire);

-- Lease counts per subnet and state (assigned = 0, declined = 1), kept by the triggers below so that every
-- server sharing the database reads the same numbers.
CREATE TABLE lease4_stat (
    subnet_id BIGINT NOT NULL,
    state BIGINT NOT NULL,
    leases BIGINT,
    PRIMARY KEY (subnet_id, state)
);

CREATE TABLE lease6_stat (
    subnet_id BIGINT NOT NULL,
    lease_type SMALLINT NOT NULL,
    state BIGINT NOT NULL,
    leases BIGINT,
    PRIMARY KEY (subnet_id, lease_type, state)
);

-- Assigned leases per client class named in user_context ISC.client-classes (Kea's limits hook reads them).
CREATE TABLE lease4_stat_by_client_class (
    client_class VARCHAR(128) NOT NULL PRIMARY KEY,
    leases BIGINT NOT NULL
);

CREATE TABLE lease6_stat_by_client_class (
    client_class VARCHAR(128) NOT NULL,
    lease_type SMALLINT NOT NULL,
    leases BIGINT NOT NULL,
    PRIMARY KEY (client_class, lease_type),
    CONSTRAINT fk_lease6_stat_by_client_class_lease_type FOREIGN KEY (lease_type) REFERENCES lease6_types (lease_type)
);

-- The client classes named in a user context; none when it is not JSON or names none.
CREATE FUNCTION nestor_context_classes(context TEXT) RETURNS SETOF TEXT LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF context IS NULL OR position('client-classes' IN context) = 0 THEN
        RETURN;
    END IF;
    BEGIN
        RETURN QUERY SELECT jsonb_array_elements_text(context::jsonb -> 'ISC' -> 'client-classes');
    EXCEPTION WHEN others THEN
        RETURN;
    END;
END;
$$;

-- Counting uses INSERT ... ON CONFLICT, one atomic statement, so concurrent servers creating the first lease of a
-- subnet cannot collide on the statistics row.
CREATE FUNCTION nestor_lease4_count(p_subnet_id BIGINT, p_state BIGINT, p_context TEXT, p_delta INT)
RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    IF p_state IN (0, 1) THEN
        INSERT INTO lease4_stat AS s VALUES (p_subnet_id, p_state, GREATEST(p_delta, 0))
            ON CONFLICT (subnet_id, state) DO UPDATE SET leases = GREATEST(s.leases + p_delta, 0);
    END IF;
    IF p_state = 0 THEN
        INSERT INTO lease4_stat_by_client_class AS s
            SELECT DISTINCT c, GREATEST(p_delta, 0) FROM nestor_context_classes(p_context) AS c
            ON CONFLICT (client_class) DO UPDATE SET leases = GREATEST(s.leases + p_delta, 0);
    END IF;
END;
$$;

CREATE FUNCTION nestor_lease6_count(p_subnet_id BIGINT, p_type SMALLINT, p_state BIGINT, p_context TEXT, p_delta INT)
RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    IF p_state IN (0, 1) THEN
        INSERT INTO lease6_stat AS s VALUES (p_subnet_id, p_type, p_state, GREATEST(p_delta, 0))
            ON CONFLICT (subnet_id, lease_type, state) DO UPDATE SET leases = GREATEST(s.leases + p_delta, 0);
    END IF;
    IF p_state = 0 THEN
        INSERT INTO lease6_stat_by_client_class AS s
            SELECT DISTINCT c, p_type, GREATEST(p_delta, 0) FROM nestor_context_classes(p_context) AS c
            ON CONFLICT (client_class, lease_type) DO UPDATE SET leases = GREATEST(s.leases + p_delta, 0);
    END IF;
END;
$$;

CREATE FUNCTION func_lease4_ains() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nestor_lease4_count(NEW.subnet_id, NEW.state, NEW.user_context, 1);
    RETURN NULL;
END;
$$;

CREATE FUNCTION func_lease4_aupd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.subnet_id IS DISTINCT FROM NEW.subnet_id OR OLD.state IS DISTINCT FROM NEW.state
            OR OLD.user_context IS DISTINCT FROM NEW.user_context THEN
        PERFORM nestor_lease4_count(OLD.subnet_id, OLD.state, OLD.user_context, -1);
        PERFORM nestor_lease4_count(NEW.subnet_id, NEW.state, NEW.user_context, 1);
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION func_lease4_adel() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nestor_lease4_count(OLD.subnet_id, OLD.state, OLD.user_context, -1);
    RETURN NULL;
END;
$$;

CREATE TRIGGER lease4_ains AFTER INSERT ON lease4 FOR EACH ROW EXECUTE FUNCTION func_lease4_ains();
CREATE TRIGGER lease4_aupd AFTER UPDATE ON lease4 FOR EACH ROW EXECUTE FUNCTION func_lease4_aupd();
CREATE TRIGGER lease4_adel AFTER DELETE ON lease4 FOR EACH ROW EXECUTE FUNCTION func_lease4_adel();

CREATE FUNCTION func_lease6_ains() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nestor_lease6_count(NEW.subnet_id, NEW.lease_type, NEW.state, NEW.user_context, 1);
    RETURN NULL;
END;
$$;

CREATE FUNCTION func_lease6_aupd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.subnet_id IS DISTINCT FROM NEW.subnet_id OR OLD.lease_type IS DISTINCT FROM NEW.lease_type
            OR OLD.state IS DISTINCT FROM NEW.state OR OLD.user_context IS DISTINCT FROM NEW.user_context THEN
        PERFORM nestor_lease6_count(OLD.subnet_id, OLD.lease_type, OLD.state, OLD.user_context, -1);
        PERFORM nestor_lease6_count(NEW.subnet_id, NEW.lease_type, NEW.state, NEW.user_context, 1);
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION func_lease6_adel() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nestor_lease6_count(OLD.subnet_id, OLD.lease_type, OLD.state, OLD.user_context, -1);
    RETURN NULL;
END;
$$;

CREATE TRIGGER lease6_ains AFTER INSERT ON lease6 FOR EACH ROW EXECUTE FUNCTION func_lease6_ains();
CREATE TRIGGER lease6_aupd AFTER UPDATE ON lease6 FOR EACH ROW EXECUTE FUNCTION func_lease6_aupd();
CREATE TRIGGER lease6_adel AFTER DELETE ON lease6 FOR EACH ROW EXECUTE FUNCTION func_lease6_adel();

-- Kea's lease backend prepares calls to these three at start-up (its limits hook uses them).
CREATE FUNCTION isJsonSupported() RETURNS BOOLEAN LANGUAGE sql IMMUTABLE AS $$
    SELECT true;
$$;

-- '' when the lease fits the address limits in its user context (ISC.limits), else a text naming the limit.
CREATE FUNCTION nestor_check_limits(context TEXT, family INT) RETURNS TEXT LANGUAGE plpgsql AS $$
DECLARE
    limits JSONB;
    class JSONB;
    used BIGINT;
    kind TEXT;
    ltype SMALLINT;
    lim BIGINT;
    sid BIGINT;
BEGIN
    BEGIN
        limits := context::jsonb -> 'ISC' -> 'limits';
    EXCEPTION WHEN others THEN
        RETURN '';
    END;
    IF limits IS NULL THEN
        RETURN '';
    END IF;
    FOR class IN SELECT jsonb_array_elements(COALESCE(limits -> 'client-classes', '[]'::jsonb)) LOOP
        FOREACH kind IN ARRAY ARRAY['address', 'prefix'] LOOP
            lim := (class ->> (kind || '-limit'))::BIGINT;
            CONTINUE WHEN lim IS NULL OR (family = 4 AND kind = 'prefix');
            ltype := CASE kind WHEN 'address' THEN 0 ELSE 2 END;
            IF family = 4 THEN
                SELECT COALESCE(MAX(leases), 0) INTO used FROM lease4_stat_by_client_class
                    WHERE client_class = class ->> 'name';
            ELSE
                SELECT COALESCE(MAX(leases), 0) INTO used FROM lease6_stat_by_client_class
                    WHERE client_class = class ->> 'name' AND lease_type = ltype;
            END IF;
            IF lim <= used THEN
                RETURN kind || ' limit ' || lim || ' for client class "' || (class ->> 'name')
                    || '", current lease count ' || used;
            END IF;
        END LOOP;
    END LOOP;
    sid := (limits -> 'subnet' ->> 'id')::BIGINT;
    FOREACH kind IN ARRAY ARRAY['address', 'prefix'] LOOP
        lim := (limits -> 'subnet' ->> (kind || '-limit'))::BIGINT;
        CONTINUE WHEN lim IS NULL OR (family = 4 AND kind = 'prefix');
        ltype := CASE kind WHEN 'address' THEN 0 ELSE 2 END;
        IF family = 4 THEN
            SELECT COALESCE(MAX(leases), 0) INTO used FROM lease4_stat WHERE subnet_id = sid AND state = 0;
        ELSE
            SELECT COALESCE(MAX(leases), 0) INTO used FROM lease6_stat
                WHERE subnet_id = sid AND lease_type = ltype AND state = 0;
        END IF;
        IF lim <= used THEN
            RETURN kind || ' limit ' || lim || ' for subnet ID ' || sid || ', current lease count ' || used;
        END IF;
    END LOOP;
    RETURN '';
END;
$$;

CREATE FUNCTION checkLease4Limits(user_context TEXT) RETURNS TEXT LANGUAGE sql AS $$
    SELECT nestor_check_limits(user_context, 4);
$$;

CREATE FUNCTION checkLease6Limits(user_context TEXT) RETURNS TEXT LANGUAGE sql AS $$
    SELECT nestor_check_limits(user_context, 6);
$$;

-- kea-admin lease-dump: CSV in Kea's memfile layout (commas inside text escaped as &#x2c).
CREATE FUNCTION colonSeparatedHex(hex TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT string_agg(substr(p.padded, i, 2), ':' ORDER BY i)
    FROM (SELECT CASE WHEN length(hex) % 2 = 1 THEN '0' || hex ELSE hex END AS padded) AS p,
         generate_series(1, length(p.padded), 2) AS i;
$$;

CREATE FUNCTION lease4DumpHeader() RETURNS TEXT LANGUAGE sql AS $$
    SELECT 'address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context'::TEXT;
$$;

CREATE FUNCTION lease4DumpData() RETURNS TABLE (address INET, hwaddr VARCHAR, client_id VARCHAR,
    valid_lifetime BIGINT, expire BIGINT, subnet_id BIGINT, fqdn_fwd INT, fqdn_rev INT, hostname VARCHAR,
    state BIGINT, user_context VARCHAR) LANGUAGE sql AS $$
    SELECT '0.0.0.0'::INET + l.address, colonSeparatedHex(encode(l.hwaddr, 'hex')),
           colonSeparatedHex(encode(l.client_id, 'hex')), l.valid_lifetime, extract(epoch FROM l.expire)::BIGINT,
           l.subnet_id, l.fqdn_fwd::INT, l.fqdn_rev::INT, replace(l.hostname, ',', '&#x2c'), l.state,
           replace(l.user_context, ',', '&#x2c')
    FROM lease4 AS l ORDER BY l.address;
$$;

CREATE FUNCTION lease6DumpHeader() RETURNS TEXT LANGUAGE sql AS $$
    SELECT 'address,duid,valid_lifetime,expire,subnet_id,pref_lifetime,lease_type,iaid,prefix_len,fqdn_fwd,fqdn_rev,hostname,hwaddr,state,user_context,hwtype,hwaddr_source'::TEXT;
$$;

CREATE FUNCTION lease6DumpData() RETURNS TABLE (address VARCHAR, duid VARCHAR, valid_lifetime BIGINT,
    expire BIGINT, subnet_id BIGINT, pref_lifetime BIGINT, lease_type SMALLINT, iaid INT, prefix_len SMALLINT,
    fqdn_fwd INT, fqdn_rev INT, hostname VARCHAR, hwaddr VARCHAR, state BIGINT, user_context VARCHAR,
    hwtype SMALLINT, hwaddr_source SMALLINT) LANGUAGE sql AS $$
    SELECT l.address, colonSeparatedHex(encode(l.duid, 'hex')), l.valid_lifetime,
           extract(epoch FROM l.expire)::BIGINT, l.subnet_id, l.pref_lifetime, l.lease_type, l.iaid, l.prefix_len,
           l.fqdn_fwd::INT, l.fqdn_rev::INT, replace(l.hostname, ',', '&#x2c'),
           colonSeparatedHex(encode(l.hwaddr, 'hex')), l.state, replace(l.user_context, ',', '&#x2c'), l.hwtype,
           l.hwaddr_source
    FROM lease6 AS l ORDER BY l.address;
$$;

INSERT INTO schema_version VALUES (13, 0);
