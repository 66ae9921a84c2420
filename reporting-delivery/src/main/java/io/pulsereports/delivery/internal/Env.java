package io.pulsereports.delivery.internal;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * Reads settings from a map of environment variables. Blank values count as unset. Errors name
 * the variable and never repeat the value of one marked secret.
 */
public final class Env {

  private final Map<String, String> variables;

  private Env(Map<String, String> variables) {
    this.variables = variables;
  }

  public static Env of(Map<String, String> variables) {
    return new Env(requireNonNull(variables, "variables"));
  }

  /** The stripped value of {@code name}, empty when unset or blank. */
  public Optional<String> optional(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** The stripped value of {@code name}, or an error naming it. */
  public String required(String name, String whatItIs) {
    return optional(name)
        .orElseThrow(() -> new IllegalArgumentException(name + " is not set: " + whatItIs));
  }

  /** The value of {@code name} as a whole number in [min, max], empty when unset. */
  public Optional<Integer> optionalInt(String name, int min, int max) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value.get());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " must be a whole number from " + min + " to " + max + ", not '"
              + Texts.singleLine(value.get(), 40) + "'", e);
    }
    if (parsed < min || parsed > max) {
      throw new IllegalArgumentException(
          name + " must be from " + min + " to " + max + ", not " + parsed);
    }
    return Optional.of(parsed);
  }
}
