package io.supplytwin.ledger.identity;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organisations of the embedded ledger and their identities. Each organisation keeps its key pair in its own
 * directory ({@code <dir>/<mspId>/cert.pem}, {@code key.pem}, the layout of a Fabric MSP's signcerts/keystore),
 * created on first start. Keys are ECDSA P-256 from the JDK; the self-signed certificate is built with Bouncy
 * Castle, which Fabric's contract API already brings.
 */
public final class Consortium {

    private static final Logger LOG = LoggerFactory.getLogger(Consortium.class);

    private final Map<String, OrgIdentity> byMsp;

    public Consortium(Collection<OrgIdentity> identities) {
        Map<String, OrgIdentity> m = new LinkedHashMap<>();
        identities.forEach(i -> m.put(i.mspId(), i));
        this.byMsp = Map.copyOf(m);
    }

    /** Loads the four organisations' identities from {@code dir}, creating missing ones. */
    public static Consortium loadOrCreate(Path dir) throws IOException, GeneralSecurityException {
        Map<String, OrgIdentity> ids = new LinkedHashMap<>();
        for (Org org : Org.values()) {
            Path orgDir = dir.resolve(org.mspId());
            Path cert = orgDir.resolve("cert.pem");
            Path key = orgDir.resolve("key.pem");
            if (!Files.exists(cert) || !Files.exists(key)) {
                Files.createDirectories(orgDir);
                OrgIdentity created = generate(org.mspId());
                Files.writeString(cert, created.certificatePem());
                Files.writeString(key, Pem.encode("PRIVATE KEY", created.privateKey().orElseThrow().getEncoded()));
                LOG.info("created identity of {} in {}", org.mspId(), orgDir);
            }
            ids.put(org.mspId(), new OrgIdentity(org.mspId(), Pem.certificate(Files.readString(cert)),
                    Pem.privateKey(Files.readString(key))));
        }
        return new Consortium(ids.values());
    }

    /** Fresh in-memory identities for the four organisations (tests, benchmarks). */
    public static Consortium generate() {
        Map<String, OrgIdentity> ids = new LinkedHashMap<>();
        for (Org org : Org.values()) {
            ids.put(org.mspId(), generate(org.mspId()));
        }
        return new Consortium(ids.values());
    }

    /** A new P-256 key pair with a self-signed certificate whose subject names the organisation. */
    public static OrgIdentity generate(String mspId) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = gen.generateKeyPair();
            X500Name subject = new X500Name("CN=admin." + mspId + ",O=" + mspId + ",OU=client");
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject,
                    pair.getPublic());
            var signer = new JcaContentSignerBuilder(OrgIdentity.SIGNATURE_ALGORITHM).build(pair.getPrivate());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new OrgIdentity(mspId, cert, pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create an identity for " + mspId, e);
        }
    }

    public Optional<OrgIdentity> find(String mspIdOrAlias) {
        OrgIdentity direct = byMsp.get(mspIdOrAlias);
        if (direct != null) {
            return Optional.of(direct);
        }
        return Org.find(mspIdOrAlias).map(o -> byMsp.get(o.mspId()));
    }

    public OrgIdentity get(String mspId) {
        return find(mspId).orElseThrow(() -> new IllegalArgumentException("unknown organisation " + mspId
                + " (known: " + String.join(", ", byMsp.keySet()) + ")"));
    }

    public Collection<OrgIdentity> members() {
        return byMsp.values();
    }

    /** Canonical text of the members' MSP ids and certificates, kept in the genesis block. */
    public byte[] configBytes() {
        StringBuilder sb = new StringBuilder();
        byMsp.values().stream().sorted(java.util.Comparator.comparing(OrgIdentity::mspId))
                .forEach(i -> sb.append(i.mspId()).append('\n').append(i.certificatePem()));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the members back from {@link #configBytes()} (public keys only). */
    public static Consortium fromConfigBytes(byte[] config) throws GeneralSecurityException {
        String text = new String(config, StandardCharsets.UTF_8);
        Map<String, OrgIdentity> ids = new LinkedHashMap<>();
        String end = "-----END CERTIFICATE-----\n";
        int pos = 0;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int stop = text.indexOf(end, nl);
            if (nl < 0 || stop < 0) {
                throw new GeneralSecurityException("malformed consortium configuration at character " + pos);
            }
            String msp = text.substring(pos, nl);
            String pem = text.substring(nl + 1, stop + end.length());
            ids.put(msp, new OrgIdentity(msp, Pem.certificate(pem), null));
            pos = stop + end.length();
        }
        return new Consortium(ids.values());
    }
}
