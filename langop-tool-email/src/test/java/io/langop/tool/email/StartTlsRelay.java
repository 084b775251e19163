package io.langop.tool.email;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * GreenMail speaks no STARTTLS, so this relay adds it in front of a plain GreenMail port: it offers STARTTLS
 * in the capability answer (SMTP EHLO, IMAP CAPABILITY), upgrades the client connection with GreenMail's own
 * test certificate, then passes bytes through unchanged. It records every command the client sent before the
 * upgrade, which is what an eavesdropper would have seen.
 */
public final class StartTlsRelay implements AutoCloseable {

    /** What differs between the two protocols up to the upgrade. */
    public enum Protocol {
        SMTP {
            @Override
            String verb(String command) {
                return command.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            }

            @Override
            boolean lastLine(String line, String command) {
                return line.length() <= 3 || line.charAt(3) != '-';
            }

            @Override
            List<String> offerStartTls(String verb, List<String> reply) {
                if (!verb.equals("EHLO")) {
                    return reply;
                }
                var lines = new ArrayList<String>();
                for (String line : reply) {
                    lines.add("250-" + line.substring(4));
                }
                lines.add("250 STARTTLS");
                return lines;
            }

            @Override
            String readyForTls(String command) {
                return "220 Ready to start TLS";
            }
        },
        IMAP {
            @Override
            String verb(String command) {
                String[] words = command.split(" ", 3);
                return words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
            }

            @Override
            boolean lastLine(String line, String command) {
                // The greeting is one untagged line; a command's reply ends with the line carrying its tag.
                return command == null || line.startsWith(command.split(" ", 2)[0] + " ");
            }

            @Override
            List<String> offerStartTls(String verb, List<String> reply) {
                return reply.stream()
                        .map(line -> line.startsWith("* CAPABILITY ") ? line + " STARTTLS" : line)
                        .toList();
            }

            @Override
            String readyForTls(String command) {
                return command.split(" ", 2)[0] + " OK Begin TLS negotiation now";
            }
        };

        abstract String verb(String command);

        abstract boolean lastLine(String line, String command);

        abstract List<String> offerStartTls(String verb, List<String> reply);

        abstract String readyForTls(String command);
    }

    private final Protocol protocol;

    private final ServerSocket listener;
    private final int upstreamPort;
    private final SSLContext tls;
    private final List<String> clearTextCommands = new CopyOnWriteArrayList<>();
    private volatile boolean upgraded;

    public StartTlsRelay(Protocol protocol, int upstreamPort) throws Exception {
        this.protocol = protocol;
        this.upstreamPort = upstreamPort;
        this.tls = greenMailTlsContext();
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    public int port() {
        return listener.getLocalPort();
    }

    public List<String> clearTextCommands() {
        return List.copyOf(clearTextCommands);
    }

    public boolean upgraded() {
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
        try (client;
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            var fromClient = new BufferedInputStream(client.getInputStream());
            var fromServer = new BufferedInputStream(upstream.getInputStream());
            OutputStream toClient = client.getOutputStream();
            OutputStream toServer = upstream.getOutputStream();
            write(toClient, readReply(fromServer, null));
            while (true) {
                String command = readLine(fromClient);
                if (command == null) {
                    return;
                }
                clearTextCommands.add(command);
                String verb = protocol.verb(command);
                if (verb.equals("STARTTLS")) {
                    write(toClient, List.of(protocol.readyForTls(command)));
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
                write(toClient, protocol.offerStartTls(verb, readReply(fromServer, command)));
            }
        } catch (IOException e) {
            // the client or GreenMail hung up; the test asserts on what was delivered
        }
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

    private List<String> readReply(InputStream in, String command) throws IOException {
        var lines = new ArrayList<String>();
        String line;
        do {
            line = readLine(in);
            if (line == null) {
                throw new IOException("server closed the connection");
            }
            lines.add(line);
        } while (!protocol.lastLine(line, command));
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
