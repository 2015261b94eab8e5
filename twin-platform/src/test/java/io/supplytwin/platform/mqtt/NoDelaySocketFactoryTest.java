package io.supplytwin.platform.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

class NoDelaySocketFactoryTest {

    @Test
    void plainFactoryIsNotAnSslFactoryBecausePahoRefusesThoseForTcpUris() {
        assertThat(new TcpNoDelaySocketFactory()).isNotInstanceOf(SSLSocketFactory.class);
    }

    @Test
    void socketsHaveNagleOff() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket plain = new TcpNoDelaySocketFactory().createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket tls = TlsNoDelaySocketFactory.trusting(null, null).createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertThat(plain.getTcpNoDelay()).isTrue();
            assertThat(tls).isInstanceOf(SSLSocket.class);
            assertThat(tls.getTcpNoDelay()).isTrue();
        }
    }
}
