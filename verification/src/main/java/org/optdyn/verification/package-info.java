/** The experiment catalogue, the optdyn command line, and the report writer. */
package org.optdyn.verification;
