package org.lorebot.bot.delivery;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small SMTP server on loopback that misbehaves on purpose, where GreenMail cannot: it accepts
 * every mail and then breaks the connection at QUIT, never answers QUIT, answers slowly, or
 * answers the end of DATA only after the client has given up. It keeps every mail whose DATA it
 * received in full, which is what a real server would have queued for delivery.
 */
public final class FaultySmtpServer implements AutoCloseable {

    /** How the server misbehaves. */
    public enum Fault {
        /** Answers 250 to DATA, then resets the connection (TCP RST) when QUIT comes. */
        RESET_AT_QUIT,
        /** Answers 250 to DATA, then never answers QUIT (keeps the connection open). */
        SILENT_AT_QUIT,
        /** Answers every command after {@link #delay}, within the client's timeout. */
        SLOW,
        /** Receives the whole mail, answers 250 only after {@link #delay} (past the client's timeout). */
        LATE_ACCEPT
    }

    private final Fault fault;
    private final Duration delay;
    private final ServerSocket socket;
    private final List<byte[]> received = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public FaultySmtpServer(Fault fault, Duration delay) throws IOException {
        this.fault = fault;
        this.delay = delay;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "faulty-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The mails received in full (DATA up to its final dot), in order. */
    public List<String> received() {
        List<String> out = new ArrayList<>();
        for (byte[] b : received) {
            out.add(new String(b, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** How many connections clients have opened so far. */
    public int connections() {
        return open.size();
    }

    /** How many mails with this Message-ID the server received. */
    public long count(String messageId) {
        return received().stream().filter(m -> m.contains("Message-ID: <" + messageId + ">")).count();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                Thread t = new Thread(() -> converse(s), "faulty-smtp-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void converse(Socket s) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            reply(out, "220 faulty.example.org ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250 faulty.example.org");
                    case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        byte[] mail = readData(in);
                        if (mail == null) {
                            return; // the client went away mid-mail: nothing to deliver
                        }
                        received.add(mail);
                        if (fault == Fault.LATE_ACCEPT) {
                            pause();
                        }
                        reply(out, "250 queued");
                    }
                    case "QUIT" -> {
                        if (fault == Fault.RESET_AT_QUIT) {
                            s.setSoLinger(true, 0); // close() now sends RST
                            return;
                        }
                        if (fault == Fault.SILENT_AT_QUIT) {
                            while (in.readLine() != null) {
                                // hold the connection until the client goes away
                            }
                            return;
                        }
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away; what was received stays counted
        }
    }

    /** The mail up to the final dot, or null when the connection ended before it. */
    private static byte[] readData(BufferedReader in) throws IOException {
        ByteArrayOutputStream mail = new ByteArrayOutputStream();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals(".")) {
                return mail.toByteArray();
            }
            String unstuffed = line.startsWith(".") ? line.substring(1) : line;
            mail.writeBytes((unstuffed + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    private void reply(OutputStream out, String line) throws IOException {
        if (fault == Fault.SLOW) {
            pause();
        }
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private void pause() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
