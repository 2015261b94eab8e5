package io.supplytwin.platform.mqtt;

import javax.net.SocketFactory;

/** Plain TCP sockets with TCP_NODELAY on; every MQTT client of ours passes one to Paho (see {@link NoDelaySocketFactory}). */
public final class TcpNoDelaySocketFactory extends NoDelaySocketFactory {

    public TcpNoDelaySocketFactory() {
        super(SocketFactory.getDefault());
    }
}
