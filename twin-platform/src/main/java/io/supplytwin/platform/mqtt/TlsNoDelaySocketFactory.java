package io.supplytwin.platform.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS sockets for {@code ssl://} MQTT URIs with TCP_NODELAY on (see {@link TcpNoDelaySocketFactory} for why). Paho
 * insists on an {@link SSLSocketFactory} for {@code ssl://} and refuses one for {@code tcp://}, hence two classes.
 */
public final class TlsNoDelaySocketFactory extends SSLSocketFactory {

    private final SSLSocketFactory delegate;

    private TlsNoDelaySocketFactory(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    /** TLS trusting the given store (PKCS12, or JKS by extension), or the JVM's default trust when it is null. */
    public static TlsNoDelaySocketFactory trusting(Path truststore, String password) throws IOException, GeneralSecurityException {
        if (truststore == null) {
            return new TlsNoDelaySocketFactory(SSLContext.getDefault().getSocketFactory());
        }
        KeyStore store = KeyStore.getInstance(truststore.toString().endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(truststore)) {
            store.load(in, password == null || password.isEmpty() ? null : password.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return new TlsNoDelaySocketFactory(context.getSocketFactory());
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        s.setTcpNoDelay(true);
        return delegate.createSocket(s, host, port, autoClose);
    }

    @Override
    public Socket createSocket() throws IOException {
        return TcpNoDelaySocketFactory.noDelay(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return TcpNoDelaySocketFactory.noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return TcpNoDelaySocketFactory.noDelay(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return TcpNoDelaySocketFactory.noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return TcpNoDelaySocketFactory.noDelay(delegate.createSocket(address, port, localAddress, localPort));
    }
}
