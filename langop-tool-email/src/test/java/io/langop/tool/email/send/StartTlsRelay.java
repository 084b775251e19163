package io.langop.tool.email.send;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * GreenMail speaks no STARTTLS, so this relay adds it in front of GreenMail's plain SMTP port: it offers
 * STARTTLS in the EHLO answer, upgrades the client connection with GreenMail's own test certificate, then
 * passes bytes through unchanged. It records every command the client sent before the upgrade, which is what
 * an eavesdropper would have seen.
 */
final class StartTlsRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int upstreamPort;
    private final SSLContext tls;
    private final List<String> clearTextCommands = new CopyOnWriteArrayList<>();
    private volatile boolean upgraded;

    StartTlsRelay(int upstreamPort) throws Exception {
        this.upstreamPort = upstreamPort;
        this.tls = greenMailTlsContext();
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    List<String> clearTextCommands() {
        return List.copyOf(clearTextCommands);
    }

    boolean upgraded() {
        return upgraded;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread.ofVirtual().start(() -> relay(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            var fromClient = new BufferedInputStream(client.getInputStream());
            var fromServer = new BufferedInputStream(upstream.getInputStream());
            OutputStream toClient = client.getOutputStream();
            OutputStream toServer = upstream.getOutputStream();
            write(toClient, readReply(fromServer));
            while (true) {
                String command = readLine(fromClient);
                if (command == null) {
                    return;
                }
                clearTextCommands.add(command);
                String verb = command.split(" ", 2)[0].toUpperCase();
                if (verb.equals("STARTTLS")) {
                    write(toClient, List.of("220 Ready to start TLS"));
                    SSLSocket secure = (SSLSocket) tls.getSocketFactory()
                            .createSocket(client, client.getInetAddress().getHostAddress(), client.getPort(), false);
                    secure.setUseClientMode(false);
                    secure.startHandshake();
                    upgraded = true;
                    Thread.ofVirtual().start(() -> pump(fromServer, secure));
                    pump(secure.getInputStream(), upstream);
                    return;
                }
                write(toServer, List.of(command));
                List<String> reply = readReply(fromServer);
                if (verb.equals("EHLO")) {
                    reply = offerStartTls(reply);
                }
                write(toClient, reply);
            }
        } catch (IOException e) {
            // the client or GreenMail hung up; the test asserts on what was delivered
        }
    }

    private static List<String> offerStartTls(List<String> ehloReply) {
        var lines = new java.util.ArrayList<String>();
        for (String line : ehloReply) {
            lines.add("250-" + line.substring(4));
        }
        lines.add("250 STARTTLS");
        return lines;
    }

    private static void pump(InputStream from, Socket to) {
        try {
            from.transferTo(to.getOutputStream());
        } catch (IOException e) {
            // connection closed by either side
        } finally {
            try {
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static List<String> readReply(InputStream in) throws IOException {
        var lines = new java.util.ArrayList<String>();
        String line;
        do {
            line = readLine(in);
            if (line == null) {
                throw new IOException("server closed the connection");
            }
            lines.add(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return lines;
    }

    /** Byte by byte, so nothing after the line is consumed before the TLS upgrade. */
    private static String readLine(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    private static void write(OutputStream out, List<String> lines) throws IOException {
        for (String line : lines) {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    private static SSLContext greenMailTlsContext() throws Exception {
        char[] password = "changeit".toCharArray();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = StartTlsRelay.class.getResourceAsStream("/greenmail.p12")) {
            keyStore.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
