package org.lorebot.bot.web;

import java.net.InetSocketAddress;

/** A {@code host:port} to listen on, as {@code [web] listen} and {@code --listen} write it. */
public final class ListenAddress {

    private ListenAddress() {
    }

    /**
     * Parses {@code host:port}, {@code [v6-address]:port} or {@code :port} (every interface).
     * Port 0 picks a free port.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static InetSocketAddress parse(String text) {
        String value = text == null ? "" : text.strip();
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("listen address '" + value
                    + "' needs a port: host:port, e.g. 127.0.0.1:8080");
        }
        String host = value.substring(0, colon);
        String portText = value.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("listen address '" + value
                    + "': write an IPv6 address in brackets, e.g. [::1]:8080");
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("listen address '" + value + "': port '" + portText
                    + "' is not a number");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("listen address '" + value + "': port " + port
                    + " is out of range (0-65535)");
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }
}
