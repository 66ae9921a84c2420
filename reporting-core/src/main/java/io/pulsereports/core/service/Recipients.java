package io.pulsereports.core.service;

import io.pulsereports.core.InvalidReportRequestException;
import io.pulsereports.core.port.out.RecipientRulesPort;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Validation of a recipient list (field {@code recipients}), shared by sends and subscriptions. */
final class Recipients {

  private Recipients() {}

  /** The recipients stripped and without duplicates, in order; each acceptable to {@code rules}. */
  static List<String> validate(RecipientRulesPort rules, List<String> raw, int maxRecipients) {
    Set<String> unique = new LinkedHashSet<>();
    int position = 0;
    for (String value : raw) {
      position++;
      String recipient = value == null ? "" : value.strip();
      if (recipient.isEmpty()) {
        throw new InvalidReportRequestException("recipients", "recipient " + position + " is empty");
      }
      Optional<String> problem = rules.recipientProblem(recipient);
      if (problem.isPresent()) {
        // The rules' problem names the recipient in a form safe to show (no webhook secret).
        throw new InvalidReportRequestException("recipients", "recipient " + position + ": " + problem.get());
      }
      unique.add(recipient);
    }
    if (unique.isEmpty()) {
      throw new InvalidReportRequestException("recipients", "at least one recipient is required");
    }
    if (unique.size() > maxRecipients) {
      throw new InvalidReportRequestException(
          "recipients", unique.size() + " recipients; the maximum is " + maxRecipients);
    }
    return List.copyOf(unique);
  }
}
