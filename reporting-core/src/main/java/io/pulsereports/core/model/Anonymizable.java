package io.pulsereports.core.model;

/**
 * A report body that holds personal identifiers (user ids, emails) and can replace them with
 * keyed pseudonyms. Bodies without personal data do not implement it.
 */
public interface Anonymizable<B> {

  B anonymized(Pseudonyms pseudonyms);
}
