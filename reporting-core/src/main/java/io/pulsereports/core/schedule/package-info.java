/**
 * When a subscription's report is due: the local delivery time in the subscription's zone, DST
 * made explicit, and the period each run delivers.
 */
package io.pulsereports.core.schedule;
