package io.pulsereports.core;

import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.DeliveryEnvelope;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.SendResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Records every send and answers with scripted results (accepted once the script runs out).
 * Recipients containing "invalid" are refused by {@link #recipientProblem}.
 */
final class RecordingReportDeliverer implements io.pulsereports.core.port.out.ReportDeliverer {

  record Sent(String recipient, DeliveryContent content, DeliveryEnvelope envelope) {}

  private final DeliveryMethod method;
  private final Deque<SendResult> script = new ArrayDeque<>();
  final List<Sent> sent = java.util.Collections.synchronizedList(new ArrayList<>());
  Runnable beforeEachSend = () -> { };

  RecordingReportDeliverer(DeliveryMethod method) {
    this.method = method;
  }

  synchronized RecordingReportDeliverer answering(SendResult... results) {
    script.addAll(List.of(results));
    return this;
  }

  List<String> acceptedRecipients() {
    return sent.stream().map(Sent::recipient).toList();
  }

  @Override
  public DeliveryMethod method() {
    return method;
  }

  @Override
  public Optional<String> recipientProblem(String recipient) {
    return recipient.contains("invalid") ? Optional.of("'" + recipient + "' is not a valid address") : Optional.empty();
  }

  @Override
  public String redact(String recipient) {
    return recipient.replaceAll("secret\\S*", "***");
  }

  @Override
  public SendResult send(DeliveryContent content, String recipient, DeliveryEnvelope envelope) {
    beforeEachSend.run();
    SendResult result;
    synchronized (this) {
      result = script.isEmpty() ? SendResult.accepted() : script.poll();
    }
    sent.add(new Sent(recipient, content, envelope));
    return result;
  }
}
