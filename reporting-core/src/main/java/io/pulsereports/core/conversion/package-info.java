/**
 * Conversion rules as values: which free learners to make an offer to, decided from one user's
 * recent coaching sessions (SPEC section 4, {@code conversion.candidates}). A rule is a record of
 * thresholds; evaluating it is a pure function returning a {@link
 * io.pulsereports.core.conversion.ConversionOutcome}, never an exception.
 */
package io.pulsereports.core.conversion;
