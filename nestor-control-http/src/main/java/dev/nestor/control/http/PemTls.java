package dev.nestor.control.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS contexts from PEM files, with the JDK alone: X.509 certificates through {@link CertificateFactory}, private
 * keys as PKCS#8 ({@code BEGIN PRIVATE KEY}) through {@link KeyFactory}; the older OpenSSL forms
 * {@code BEGIN RSA PRIVATE KEY} (PKCS#1) and {@code BEGIN EC PRIVATE KEY} (SEC1) are wrapped into PKCS#8 first.
 * Encrypted keys are refused with a clear message.
 */
public final class PemTls {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s:,\\-]*?)-----END \\1-----");
    private static final char[] NO_PASSWORD = new char[0];

    private PemTls() {
    }

    /** The server side of a control channel: our certificate and key, client certificates checked against the trust anchor. */
    public static SSLContext serverContext(TlsSettings tls) throws GeneralSecurityException, IOException {
        return context(keyManagers(tls.certFile(), tls.keyFile()), trustManagers(tls.trustAnchor()));
    }

    /**
     * A client context: the server is verified against {@code trustAnchor} (file or directory); {@code certFile}
     * and {@code keyFile} (both or neither) give a client certificate.
     */
    public static SSLContext clientContext(Path trustAnchor, Path certFile, Path keyFile) throws GeneralSecurityException, IOException {
        KeyManager[] km = certFile == null ? null : keyManagers(certFile, keyFile);
        return context(km, trustManagers(trustAnchor));
    }

    private static SSLContext context(KeyManager[] km, TrustManager[] tm) throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(km, tm, new SecureRandom());
        return ctx;
    }

    private static KeyManager[] keyManagers(Path certFile, Path keyFile) throws GeneralSecurityException, IOException {
        List<X509Certificate> chain = certificates(certFile);
        if (chain.isEmpty()) throw new CertificateException("no certificate in " + certFile);
        PrivateKey key = privateKey(keyFile);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("control", key, NO_PASSWORD, chain.toArray(new Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, NO_PASSWORD);
        return kmf.getKeyManagers();
    }

    private static TrustManager[] trustManagers(Path trustAnchor) throws GeneralSecurityException, IOException {
        List<X509Certificate> anchors = new ArrayList<>();
        if (Files.isDirectory(trustAnchor)) {
            // Kea's "trust-anchor" may name a directory of CA files (OpenSSL's CApath); read every certificate file in it
            try (Stream<Path> files = Files.list(trustAnchor)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    try {
                        anchors.addAll(certificates(f));
                    } catch (CertificateException | IOException notACertificate) {
                        // other files (keys, CRLs, notes) may live there too
                    }
                }
            }
        } else {
            anchors.addAll(certificates(trustAnchor));
        }
        if (anchors.isEmpty()) throw new CertificateException("no CA certificate found in " + trustAnchor);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        int n = 0;
        for (X509Certificate c : anchors) ks.setCertificateEntry("ca-" + n++, c);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf.getTrustManagers();
    }

    /** Every certificate in a PEM (or DER) file, in file order. */
    public static List<X509Certificate> certificates(Path file) throws IOException, CertificateException {
        byte[] bytes = Files.readAllBytes(file);
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            for (Certificate c : cf.generateCertificates(in)) out.add((X509Certificate) c);
        }
        return out;
    }

    /** The first private key in a PEM file (PKCS#8, PKCS#1 RSA or SEC1 EC). */
    public static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            if (!type.endsWith("PRIVATE KEY")) continue;
            if (type.equals("ENCRYPTED PRIVATE KEY") || m.group(2).contains("ENCRYPTED")) {
                throw new GeneralSecurityException("private key in " + file + " is encrypted; give an unencrypted key");
            }
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            byte[] pkcs8 = switch (type) {
                case "PRIVATE KEY" -> der;
                case "RSA PRIVATE KEY" -> Der.rsaPkcs1ToPkcs8(der);
                case "EC PRIVATE KEY" -> Der.ecSec1ToPkcs8(der);
                default -> throw new GeneralSecurityException("unsupported key type '" + type + "' in " + file);
            };
            return decode(pkcs8, file);
        }
        throw new GeneralSecurityException("no private key found in " + file);
    }

    private static PrivateKey decode(byte[] pkcs8, Path file) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pkcs8);
        for (String alg : List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(spec);
            } catch (GeneralSecurityException wrongAlgorithm) {
                // try the next one: a PKCS#8 blob names its algorithm only by OID
            }
        }
        throw new GeneralSecurityException("cannot decode the private key in " + file + " (RSA, EC and EdDSA keys are supported)");
    }

    /** The few DER encodings needed to wrap old OpenSSL key formats into PKCS#8 PrivateKeyInfo. */
    static final class Der {
        // AlgorithmIdentifier for rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters
        private static final byte[] RSA_ALG = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
                0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        // OID id-ecPublicKey (1.2.840.10045.2.1)
        private static final byte[] EC_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
        private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};

        private Der() {
        }

        static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
            return tlv(0x30, concat(VERSION_0, RSA_ALG, tlv(0x04, pkcs1)));
        }

        /** SEC1 ECPrivateKey carries its curve as the [0] parameters; PKCS#8 wants it in the AlgorithmIdentifier. */
        static byte[] ecSec1ToPkcs8(byte[] sec1) throws GeneralSecurityException {
            int[] outer = header(sec1, 0);
            if ((sec1[0] & 0xff) != 0x30) throw new GeneralSecurityException("EC key is not a DER sequence");
            int pos = outer[0];
            int end = outer[0] + outer[1];
            byte[] curve = null;
            while (pos < end) {
                int tag = sec1[pos] & 0xff;
                int[] h = header(sec1, pos);
                if (tag == 0xa0) curve = java.util.Arrays.copyOfRange(sec1, h[0], h[0] + h[1]);
                pos = h[0] + h[1];
            }
            if (curve == null) throw new GeneralSecurityException("EC key without curve parameters; convert it to PKCS#8");
            return tlv(0x30, concat(VERSION_0, tlv(0x30, concat(EC_OID, curve)), tlv(0x04, sec1)));
        }

        /** {@return {content offset, content length}} of the TLV at {@code at} */
        private static int[] header(byte[] b, int at) throws GeneralSecurityException {
            if (at + 1 >= b.length) throw new GeneralSecurityException("truncated DER");
            int len = b[at + 1] & 0xff;
            int off = at + 2;
            if (len >= 0x80) {
                int n = len & 0x7f;
                if (n == 0 || n > 3 || off + n > b.length) throw new GeneralSecurityException("bad DER length");
                len = 0;
                for (int i = 0; i < n; i++) len = (len << 8) | (b[off + i] & 0xff);
                off += n;
            }
            if (off + len > b.length) throw new GeneralSecurityException("truncated DER");
            return new int[] {off, len};
        }

        private static byte[] tlv(int tag, byte[] content) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
            out.write(tag);
            int len = content.length;
            if (len < 0x80) {
                out.write(len);
            } else if (len < 0x100) {
                out.write(0x81);
                out.write(len);
            } else if (len < 0x10000) {
                out.write(0x82);
                out.write(len >> 8);
                out.write(len);
            } else {
                out.write(0x83);
                out.write(len >> 16);
                out.write(len >> 8);
                out.write(len);
            }
            out.writeBytes(content);
            return out.toByteArray();
        }

        private static byte[] concat(byte[]... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] p : parts) out.writeBytes(p);
            return out.toByteArray();
        }
    }
}
