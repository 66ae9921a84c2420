/**
 * Delivery of generated reports: the delivery log's values (a {@link
 * io.pulsereports.core.delivery.Delivery} and its states), the message a deliverer sends, and the
 * retry policy. The ports that store deliveries and send messages are in {@code core.port.out}.
 */
package io.pulsereports.core.delivery;
