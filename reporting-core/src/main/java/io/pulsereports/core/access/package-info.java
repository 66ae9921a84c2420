/** API tokens: who may call the HTTP API, and which gyms each token sees. */
package io.pulsereports.core.access;
