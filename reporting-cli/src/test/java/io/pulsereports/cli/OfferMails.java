package io.pulsereports.cli;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A GreenMail SMTP server on a free loopback port, and the offer emails as parts a reader sees. */
final class OfferMails implements AutoCloseable {

  /** One received email: to whom, its subject, and its HTML and plain-text parts. */
  record Mail(String to, String subject, String html, String text, String messageId) {}

  final int port;
  private GreenMail server;

  OfferMails() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
  }

  /** The SMTP settings and the offer of the tests (149.00 EUR, 25 % off, valid 10 days). */
  Map<String, String> env(String databaseUrl) {
    Map<String, String> env = new HashMap<>();
    env.put("REPORTING_DB_URL", databaseUrl);
    env.put("REPORTING_SMTP_HOST", "127.0.0.1");
    env.put("REPORTING_SMTP_PORT", Integer.toString(port));
    env.put("REPORTING_SMTP_TLS", "none");
    env.put("REPORTING_SMTP_FROM", "Pulse Coach <coach@example.com>");
    env.put("REPORTING_OFFER_PRICE", "149");
    env.put("REPORTING_OFFER_CURRENCY", "EUR");
    env.put("REPORTING_OFFER_DISCOUNT_PERCENT", "25");
    env.put("REPORTING_OFFER_VALID_DAYS", "10");
    env.put("REPORTING_OFFER_URL", "https://coach.example.com/upgrade");
    return env;
  }

  void start() {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  List<Mail> received() throws Exception {
    List<Mail> mails = new ArrayList<>();
    if (server == null) {
      return mails;
    }
    for (MimeMessage message : server.getReceivedMessages()) {
      String html = null;
      String text = null;
      for (Part part : leaves(message)) {
        if (part.isMimeType("text/html")) {
          html = (String) part.getContent();
        } else if (part.isMimeType("text/plain")) {
          text = (String) part.getContent();
        }
      }
      mails.add(new Mail(message.getRecipients(Message.RecipientType.TO)[0].toString(), message.getSubject(), html,
          text, message.getMessageID()));
    }
    return mails;
  }

  List<String> recipients() throws Exception {
    return received().stream().map(Mail::to).toList();
  }

  private static List<Part> leaves(Part part) throws Exception {
    List<Part> leaves = new ArrayList<>();
    Object content = part.getContent();
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        leaves.addAll(leaves(child));
      }
    } else {
      leaves.add(part);
    }
    return leaves;
  }

  @Override
  public void close() {
    stop();
  }
}
