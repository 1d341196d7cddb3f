package dev.nestor.ddns.dns;

import dev.nestor.config.ConfigError;
import dev.nestor.config.ConfigException;
import dev.nestor.ddns.config.D2Config;
import dev.nestor.ddns.config.D2ConfigParser;
import dev.nestor.ddns.config.TsigAlgorithm;
import dev.nestor.ddns.config.TsigKeySpec;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TextParseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured TSIG keys made usable: secret files read, secrets decoded, dnsjava {@link TSIG} signers built.
 * This is the step that touches the file system, so config-test and reloads report a missing secret file with
 * the entry's JSON path, like any other configuration error.
 */
public final class TsigKeys {
    private final Map<String, TSIG> byName;

    private TsigKeys(Map<String, TSIG> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static TsigKeys none() {
        return new TsigKeys(Map.of());
    }

    public static TsigKeys load(D2Config config) throws ConfigException {
        Map<String, TSIG> out = new LinkedHashMap<>();
        List<ConfigError> errors = new ArrayList<>();
        for (TsigKeySpec k : config.tsigKeys()) {
            String secret = k.secret();
            if (k.secretFile() != null) {
                try {
                    secret = Files.readString(Path.of(k.secretFile()), StandardCharsets.US_ASCII).trim();
                } catch (IOException e) {
                    errors.add(new ConfigError(k.path() + ".secret-file", "tsig-key : cannot read secret file "
                            + k.secretFile() + ": " + e.getMessage()));
                    continue;
                }
                if (secret.isEmpty()) {
                    errors.add(new ConfigError(k.path() + ".secret-file", "tsig-key : Expected '" + k.secretFile() + "' to not be empty"));
                    continue;
                }
            }
            byte[] raw = D2ConfigParser.decodeSecret(secret);
            if (raw == null) {
                errors.add(new ConfigError(k.path() + (k.secretFile() != null ? ".secret-file" : ".secret"),
                        "Cannot make D2TsigKey: the secret is not valid base64"));
                continue;
            }
            try {
                out.put(k.name(), new TSIG(algorithm(k.algorithm()), Name.fromString(k.dnsName()), raw));
            } catch (TextParseException | IllegalArgumentException e) {
                errors.add(new ConfigError(k.path() + ".name", "Cannot make D2TsigKey: " + e.getMessage()));
            }
        }
        if (!errors.isEmpty()) throw new ConfigException(errors);
        return new TsigKeys(out);
    }

    private static Name algorithm(TsigAlgorithm a) {
        return switch (a) {
            case HMAC_MD5 -> TSIG.HMAC_MD5;
            case HMAC_SHA1 -> TSIG.HMAC_SHA1;
            case HMAC_SHA224 -> TSIG.HMAC_SHA224;
            case HMAC_SHA256 -> TSIG.HMAC_SHA256;
            case HMAC_SHA384 -> TSIG.HMAC_SHA384;
            case HMAC_SHA512 -> TSIG.HMAC_SHA512;
        };
    }

    /** The signer for a key name, or null when the name is "" (unsigned) or unknown. */
    public TSIG get(String name) {
        return name == null || name.isEmpty() ? null : byName.get(name);
    }
}
