package io.supplytwin.ledger.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * One organisation's identity: MSP id, X.509 certificate (ECDSA P-256) and, for the organisations this process
 * acts for, the private key. {@link #serialized()} is the creator bytes Fabric puts in a proposal, so the contract
 * API's {@code ClientIdentity} reads it as it would on a peer.
 */
public final class OrgIdentity {

    public static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private final String mspId;
    private final X509Certificate certificate;
    private final PrivateKey privateKey;
    private final byte[] serialized;

    public OrgIdentity(String mspId, X509Certificate certificate, PrivateKey privateKey) {
        this.mspId = mspId;
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.serialized = SerializedIdentity.newBuilder().setMspid(mspId)
                .setIdBytes(com.google.protobuf.ByteString.copyFrom(certificatePem().getBytes(StandardCharsets.UTF_8)))
                .build().toByteArray();
    }

    public String mspId() {
        return mspId;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PublicKey publicKey() {
        return certificate.getPublicKey();
    }

    public Optional<PrivateKey> privateKey() {
        return Optional.ofNullable(privateKey);
    }

    /** Fabric's {@code SerializedIdentity}: MSP id and PEM certificate. */
    public byte[] serialized() {
        return serialized.clone();
    }

    public String certificatePem() {
        try {
            return Pem.encode("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate of " + mspId + " cannot be encoded", e);
        }
    }

    public byte[] sign(byte[] data) {
        if (privateKey == null) {
            throw new IllegalStateException("no private key for " + mspId + " in this process");
        }
        try {
            Signature s = Signature.getInstance(SIGNATURE_ALGORITHM);
            s.initSign(privateKey);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign as " + mspId, e);
        }
    }

    public boolean verify(byte[] data, byte[] signature) {
        return verify(publicKey(), data, signature);
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(SIGNATURE_ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // a malformed signature is simply not a valid one
        }
    }

    /** The identity without its private key, as other organisations know it. */
    public OrgIdentity publicOnly() {
        return new OrgIdentity(mspId, certificate, null);
    }
}
