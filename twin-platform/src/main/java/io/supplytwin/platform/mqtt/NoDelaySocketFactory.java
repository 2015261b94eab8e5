package io.supplytwin.platform.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Sockets with TCP_NODELAY on, plain or TLS. Paho never sets it; with Nagle's algorithm on, small QoS 1 publishes
 * and their acks wait on each other and an MQTT client crawls at about 1k messages/s. It is an
 * {@link SSLSocketFactory} because Paho insists on one for {@code ssl://} URIs; for {@code tcp://} it only ever
 * asks for plain sockets.
 */
public class NoDelaySocketFactory extends SSLSocketFactory {

    private final SocketFactory delegate;

    protected NoDelaySocketFactory(SocketFactory delegate) {
        this.delegate = delegate;
    }

    /** Plain TCP. */
    public static NoDelaySocketFactory plain() {
        return new NoDelaySocketFactory(SocketFactory.getDefault());
    }

    /** TLS trusting the given store (PKCS12, or JKS by extension), or the JVM's default trust when it is null. */
    public static NoDelaySocketFactory tls(Path truststore, String password) throws IOException, GeneralSecurityException {
        if (truststore == null) {
            return new NoDelaySocketFactory(SSLContext.getDefault().getSocketFactory());
        }
        KeyStore store = KeyStore.getInstance(truststore.toString().endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(truststore)) {
            store.load(in, password == null || password.isEmpty() ? null : password.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return new NoDelaySocketFactory(context.getSocketFactory());
    }

    private SSLSocketFactory tlsDelegate() {
        if (delegate instanceof SSLSocketFactory ssl) {
            return ssl;
        }
        throw new UnsupportedOperationException("a plain-TCP socket factory cannot make TLS sockets; use NoDelaySocketFactory.tls");
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate instanceof SSLSocketFactory ssl ? ssl.getDefaultCipherSuites() : new String[0];
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate instanceof SSLSocketFactory ssl ? ssl.getSupportedCipherSuites() : new String[0];
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        s.setTcpNoDelay(true);
        return tlsDelegate().createSocket(s, host, port, autoClose);
    }

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(delegate.createSocket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        return s;
    }
}
