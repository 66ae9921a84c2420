/** Custom report templates (report_templates): what a template is and how templates are listed. */
package io.pulsereports.core.template;
