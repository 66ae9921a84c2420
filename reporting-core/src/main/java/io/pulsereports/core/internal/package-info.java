/** Implementation details of the core. Public only for the core's own packages; not API. */
package io.pulsereports.core.internal;
