/**
 * Delivery of reports by email over SMTP (Simple Java Mail). The front door is {@link
 * io.pulsereports.delivery.email.EmailDelivery}, configured by {@link
 * io.pulsereports.delivery.email.SmtpSettings}; {@link io.pulsereports.delivery.email.UnsubscribeLinks}
 * creates and verifies the signed one-click unsubscribe links the emails carry.
 */
package io.pulsereports.delivery.email;
