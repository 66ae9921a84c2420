package io.pulsereports.delivery.email;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP responder on a free loopback port whose replies can be scripted, for the
 * failures a real test server will not produce on demand (451 after DATA, 550 for RCPT, 421 at
 * the greeting). It accepts everything else.
 */
final class FakeSmtpServer implements AutoCloseable {

  /** The step whose reply is replaced: GREETING, EHLO, MAIL, RCPT, DATA (354) or DATA_END. */
  private final Map<String, String> scripted = new ConcurrentHashMap<>();
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger messages = new AtomicInteger();
  private final ServerSocket server;
  private final Thread acceptor;

  FakeSmtpServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "fake-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  FakeSmtpServer reply(String step, String reply) {
    scripted.put(step, reply);
    return this;
  }

  int port() {
    return server.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  int messages() {
    return messages.get();
  }

  List<String> commands() {
    return List.copyOf(commands);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.incrementAndGet();
        Thread session = new Thread(() -> serve(socket), "fake-smtp-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket;
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));
        OutputStream out = socket.getOutputStream()) {
      String greeting = scripted.getOrDefault("GREETING", "220 fake.test ESMTP ready");
      send(out, greeting);
      if (!greeting.startsWith("2")) {
        return;
      }
      String line;
      while ((line = in.readLine()) != null) {
        commands.add(line);
        String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        switch (verb) {
          case "EHLO" -> send(out, scripted.getOrDefault("EHLO", "250-fake.test\r\n250-8BITMIME\r\n250 SIZE 52428800"));
          case "HELO" -> send(out, "250 fake.test");
          case "MAIL" -> send(out, scripted.getOrDefault("MAIL", "250 2.1.0 Ok"));
          case "RCPT" -> send(out, scripted.getOrDefault("RCPT", "250 2.1.5 Ok"));
          case "DATA" -> {
            String reply = scripted.getOrDefault("DATA", "354 End data with <CR><LF>.<CR><LF>");
            send(out, reply);
            if (reply.startsWith("354")) {
              String data;
              while ((data = in.readLine()) != null && !data.equals(".")) {
                // discard the message
              }
              String end = scripted.getOrDefault("DATA_END", "250 2.0.0 Ok: queued");
              if (end.startsWith("250")) {
                messages.incrementAndGet();
              }
              send(out, end);
            }
          }
          case "RSET", "NOOP" -> send(out, "250 2.0.0 Ok");
          case "QUIT" -> {
            send(out, "221 2.0.0 Bye");
            return;
          }
          default -> send(out, "502 5.5.2 Command not recognised");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void send(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
